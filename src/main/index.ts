// Electron entry: a thin host. Window, menu, native dialogs and security; all work is the core's.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type IpcMainInvokeEvent } from 'electron'
import { isCallName } from '../shared/api'
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/events'
import { isHostCall, type HostCalls } from '../shared/host'
import { createCore } from './core/app'
import { isAppError } from './core/errors'
import { embeddedSandbox } from './embeddedPlatform'
import { printableFile } from './host/printableFile'
import { printPdfFile } from './host/printWindow'
import { defaultDataDir } from './core/dataDir'
import { isAllowedExternal } from './security/externalLinks'
import { safeStorageSeal } from './security/passwordSeal'
import { denyAllPermissions } from './security/permissions'
import { rendererSource } from './security/rendererSource'

const here = path.dirname(fileURLToPath(import.meta.url))
// the CLI and web mode use the same folder, so all three see the same books
app.setPath('userData', process.env.FAPIAO_DATA ?? defaultDataDir())
// packaged: migrations/ and resources/ are copied beside app.asar (electron-builder.yml)
const appDir = app.isPackaged ? process.resourcesPath : app.getAppPath()
const sandbox = embeddedSandbox(app.getPath('userData'), appDir)
const core = createCore({
  dataDir: app.getPath('userData'),
  appDir,
  embeddedPlatform: sandbox.start,
  // platform passwords sealed by the OS keychain (safeStorage), usable once the app is ready;
  // without a keychain they stay in the 0600 file and 平台连接 says so
  secretSeal: safeStorageSeal(safeStorage),
  version: app.getVersion(),
})

let mainWindow: BrowserWindow | null = null
// packaged: our own files only, no DevTools
const source = rendererSource({ isPackaged: app.isPackaged, env: process.env })
const rendererUrl = source.url
const rendererFile = path.join(here, '../renderer/index.html')

/** Only our own window, showing our own page, may call. */
function trusted(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? ''
  return event.sender === mainWindow?.webContents && (url.startsWith('file://') || (!!rendererUrl && url.startsWith(rendererUrl)))
}

const host: { [K in keyof HostCalls]: (input: Parameters<HostCalls[K]>[0]) => Promise<ReturnType<HostCalls[K]>> } = {
  async 'host.pickOpen'({ title, extensions }) {
    const r = await dialog.showOpenDialog(mainWindow!, { title, properties: ['openFile'], filters: [{ name: title, extensions }] })
    const chosen = r.filePaths[0]
    return r.canceled || !chosen ? null : core.files.register(chosen)
  },
  async 'host.saveFile'({ token }) {
    const file = core.files.resolve(token)
    const r = await dialog.showSaveDialog(mainWindow!, { defaultPath: path.join(app.getPath('downloads'), file.name) })
    if (r.canceled || !r.filePath) return { saved: false }
    fs.copyFileSync(file.path, r.filePath)
    return { saved: true }
  },
  async 'host.printFile'(input) {
    // the token names a PDF the core made; no path ever comes from the page
    return printPdfFile(printableFile(core.files, input?.token).path, mainWindow)
  },
  async 'host.openDataFolder'() {
    // shell.openPath answers '' on success, else the system's reason
    const problem = await shell.openPath(app.getPath('userData'))
    if (problem) throw new Error(`无法打开数据文件夹：${problem}`)
    return { opened: true }
  },
}

ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
  if (!trusted(event)) return { ok: false, error: { code: 'UNAUTHORIZED', message: '拒绝来自未知页面的调用' } }
  if (isHostCall(name)) {
    try {
      return { ok: true, value: await host[name](input as never) }
    } catch (e) {
      return { ok: false, error: { code: isAppError(e) ? e.code : 'INTERNAL', message: (e as Error).message } }
    }
  }
  if (typeof name !== 'string' || !isCallName(name)) return { ok: false, error: { code: 'UNKNOWN_CALL', message: `未知的调用：${String(name)}` } }
  return core.dispatch(name, input)
})

core.events.on((e) => mainWindow?.webContents.send(EVENT_CHANNEL, e))

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '票税通',
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: source.devTools,
    },
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  // no new windows; only the tax bureau's own https pages open, in the system browser
  mainWindow.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  mainWindow.webContents.on('will-navigate', (e, url) => {
    if (!(rendererUrl && url.startsWith(rendererUrl))) e.preventDefault()
  })
  if (rendererUrl) void mainWindow.loadURL(rendererUrl)
  else void mainWindow.loadFile(rendererFile)
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

Menu.setApplicationMenu(
  Menu.buildFromTemplate([
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    { label: '编辑', role: 'editMenu' },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        ...(source.devTools ? [{ role: 'toggleDevTools' as const, label: '开发者工具' }] : []),
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
  ]),
)

void app.whenReady().then(() => {
  // camera, location, notifications, clipboard reads…: the app needs none, no page gets any
  denyAllPermissions(session.defaultSession)
  createWindow()
  // after ready: safeStorage (the password seal) works only from here on
  core.sync.startBackground()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => {
  core.close()
  void sandbox.close()
})
