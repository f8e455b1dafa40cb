// Electron entry: a thin host. Window, menu, native dialogs and security; all work is the core's,
// and every decision of the shell is a plain-Node module (src/main/shell/, src/main/security/).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, screen, session, shell, type IpcMainInvokeEvent } from 'electron'
import { isCallName } from '../shared/api'
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/events'
import { isHostCall, SHELL_CHANNEL, type HostCalls, type ShellMessage } from '../shared/host'
import { createCore } from './core/app'
import { isAppError } from './core/errors'
import { embeddedSandbox } from './embeddedPlatform'
import { printableFile } from './host/printableFile'
import { printPdfFile } from './host/printWindow'
import { startUpdater, updateHostCalls } from './host/updater'
import { defaultDataDir } from './core/dataDir'
import { isAllowedExternal } from './security/externalLinks'
import { safeStorageSeal } from './security/passwordSeal'
import { denyAllPermissions } from './security/permissions'
import { rendererSource } from './security/rendererSource'
import { createFlushRequests, mayClose } from './shell/closeGuard'
import { droppedPath, openableFiles } from './shell/launchFiles'
import { menuTemplate, type ShellAction } from './shell/menuTemplate'
import { chooseBounds, debounced, MIN_SIZE, readWindowState, writeWindowState } from './shell/windowState'

const here = path.dirname(fileURLToPath(import.meta.url))
/** the window's answer to "save now" is waited for this long before the close goes on */
const FLUSH_TIMEOUT_MS = 3000
/** window.json is written once the window has stopped moving for this long */
const SAVE_BOUNDS_MS = 500

// the CLI and web mode use the same folder, so all three see the same books
app.setPath('userData', process.env.FAPIAO_DATA ?? defaultDataDir())
// one app per data folder (Electron's lock is taken on userData): a second start hands its files
// to the first and exits before opening any books
if (!app.requestSingleInstanceLock()) app.quit()
else startApp()

function startApp(): void {
  const dataDir = app.getPath('userData')
  // packaged: migrations/ and resources/ are copied beside app.asar (electron-builder.yml)
  const appDir = app.isPackaged ? process.resourcesPath : app.getAppPath()
  const sandbox = embeddedSandbox(dataDir, appDir)
  const core = createCore({
    dataDir,
    appDir,
    embeddedPlatform: sandbox.start,
    // platform passwords sealed by the OS keychain (safeStorage), usable once the app is ready;
    // without a keychain they stay in the 0600 file and 平台连接 says so
    secretSeal: safeStorageSeal(safeStorage),
    version: app.getVersion(),
  })
  // 软件更新: checks, downloads and installs only when the user says so (src/main/host/updater.ts)
  const updates = startUpdater(core)

  let mainWindow: BrowserWindow | null = null
  /** the page has loaded: shell messages reach its listeners */
  let pageReady = false
  /** messages for a window not open or not loaded yet (a file opened on the icon at start) */
  const waiting: ShellMessage[] = []
  // packaged: our own files only, no DevTools
  const source = rendererSource({ isPackaged: app.isPackaged, env: process.env })
  const rendererUrl = source.url
  const rendererFile = path.join(here, '../renderer/index.html')

  const send = (message: ShellMessage) => {
    if (mainWindow && pageReady) mainWindow.webContents.send(SHELL_CHANNEL, message)
    else {
      waiting.push(message)
      if (app.isReady() && !mainWindow) createWindow()
    }
  }
  const flushes = createFlushRequests((id) => {
    if (!mainWindow || !pageReady) throw new Error('no window')
    mainWindow.webContents.send(SHELL_CHANNEL, { type: 'flush', id } satisfies ShellMessage)
  }, FLUSH_TIMEOUT_MS)

  /** spreadsheets from outside (the icon, a second start, 导入…): the window opens the matching import */
  function openFiles(paths: string[]): void {
    const first = paths[0]
    if (first) send({ type: 'openFile', file: core.files.register(first) })
  }

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
    async 'host.openDropped'(input) {
      // the preload read the path of a file the user dropped: only an existing spreadsheet is taken
      return core.files.register(droppedPath(input?.path))
    },
    async 'host.flushed'(input) {
      flushes.answer(Number(input?.id), input?.saved === true)
      return null
    },
    async 'host.openDataFolder'() {
      // shell.openPath answers '' on success, else the system's reason
      const problem = await shell.openPath(dataDir)
      if (problem) throw new Error(`无法打开数据文件夹：${problem}`)
      return { opened: true }
    },
    ...updateHostCalls(updates),
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

  /** 退出 (Cmd+Q, the menu) closes the window through the same guard; 取消 there cancels the quit */
  let quitting = false
  /** the guard has said yes: the next close goes through */
  let closeAllowed = false
  let guarding = false

  async function closeGuard(win: BrowserWindow): Promise<boolean> {
    return mayClose({
      keepsRunning: process.platform === 'darwin' && !quitting,
      flush: () => flushes.request(),
      queued: async () => (await core.call('sync.status', {})).pending,
      ask: async (q) => (await dialog.showMessageBox(win, { type: 'warning', title: '退出票税通', noLink: true, ...q })).response,
    })
  }

  function createWindow(): void {
    const state = chooseBounds(readWindowState(dataDir), screen.getAllDisplays(), screen.getPrimaryDisplay())
    const win = new BrowserWindow({
      ...state.bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
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
    mainWindow = win
    pageReady = false
    closeAllowed = false
    if (state.maximized) win.maximize()
    win.once('ready-to-show', () => win.show())
    // a reload: messages wait until the page listens again
    win.webContents.on('did-start-loading', () => {
      pageReady = false
    })
    win.webContents.on('did-finish-load', () => {
      pageReady = true
      for (const m of waiting.splice(0)) win.webContents.send(SHELL_CHANNEL, m)
    })
    // no new windows; only the tax bureau's own https pages open, in the system browser
    win.webContents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
    // a file dropped outside the page's handler must not replace the app either
    win.webContents.on('will-navigate', (e, url) => {
      if (!(rendererUrl && url.startsWith(rendererUrl))) e.preventDefault()
    })
    if (rendererUrl) void win.loadURL(rendererUrl)
    else void win.loadFile(rendererFile)

    const saveBounds = debounced(() => writeWindowState(dataDir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() }), SAVE_BOUNDS_MS)
    win.on('move', saveBounds)
    win.on('resize', saveBounds)
    win.on('maximize', saveBounds)
    win.on('unmaximize', saveBounds)
    win.on('close', (e) => {
      saveBounds()
      saveBounds.flush()
      if (closeAllowed) return
      e.preventDefault()
      if (guarding) return
      guarding = true
      void closeGuard(win)
        .catch(() => true)
        .then((close) => {
          guarding = false
          if (!close) {
            quitting = false
            return
          }
          closeAllowed = true
          if (quitting) app.quit()
          else win.close()
        })
    })
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null
    })
  }

  function act(action: ShellAction): void {
    if (action.type === 'navigate' || action.type === 'shortcuts') return send(action)
    void dialog
      .showOpenDialog({ title: '导入文件', properties: ['openFile'], filters: [{ name: 'Excel 或 CSV 文件', extensions: ['xlsx', 'xls', 'csv'] }] })
      .then((r) => !r.canceled && openFiles(r.filePaths))
  }

  function focusWindow(): void {
    if (!mainWindow) return createWindow()
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  }

  // macOS: a file dropped on the dock icon or opened with 打开方式 (also before ready: it waits)
  app.on('open-file', (e, filePath) => {
    e.preventDefault()
    if (app.isReady()) openFiles([filePath])
    else void app.whenReady().then(() => openFiles([filePath]))
  })
  // Windows: a second start (a file opened on the taskbar icon) focuses this one and hands over its files
  app.on('second-instance', (_e, argv, cwd) => {
    focusWindow()
    openFiles(openableFiles(argv, cwd))
  })
  app.on('before-quit', () => {
    quitting = true
  })

  void app.whenReady().then(() => {
    // camera, location, notifications, clipboard reads…: the app needs none, no page gets any
    denyAllPermissions(session.defaultSession)
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, devTools: source.devTools, act })))
    createWindow()
    openFiles(openableFiles(process.argv.slice(1), process.cwd()))
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
}
