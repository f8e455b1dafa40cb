// 打印 in the desktop shell: a PDF the core produced goes to the system's print dialog through
// Chromium's own PDF viewer in a hidden window — the only printer of PDFs Electron has.
//
// Why this way (Electron 45):
// - `webPreferences.plugins: true` is what loads the built-in PDF viewer; without it a PDF is a
//   download, not a page.
// - `webContents.print()` on a loaded PDF printed blank pages until electron/electron#43309
//   (merged 2024-08, in 30.x and later; closes #30947) made print use the PDF plugin's frame.
// - Printing before the viewer has drawn the document still gives blank pages: `did-finish-load`
//   fires first (electron/electron#10512, #40797). Electron emits `-pdf-ready-to-print` on the
//   WebContents once the viewer can print (electron/electron#43436 — added for its own tests and
//   not documented), so we wait for it, and, should a later Electron stop emitting it, print after
//   a generous delay rather than never.
// The window is never shown, runs no preload, may not navigate or open windows, and is closed when
// the dialog is done.
import { BrowserWindow } from 'electron'
import { AppError } from '../core/errors'
import { printOutcome } from './printableFile'

/** how long the viewer may take before we print anyway (a 2,000-page file is ready in ~3 s) */
const READY_FALLBACK_MS = 15_000

function whenReady(win: BrowserWindow): Promise<void> {
  // the event is undocumented, so it is not in Electron's WebContents typings
  const events = win.webContents as unknown as NodeJS.EventEmitter
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      events.removeListener('-pdf-ready-to-print', done)
      resolve()
    }
    const timer = setTimeout(done, READY_FALLBACK_MS)
    events.once('-pdf-ready-to-print', done)
  })
}

export async function printPdfFile(file: string, parent: BrowserWindow | null): Promise<{ printed: boolean }> {
  const win = new BrowserWindow({
    show: false,
    ...(parent ? { parent } : {}),
    webPreferences: { plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false },
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (e) => e.preventDefault())
  try {
    const ready = whenReady(win)
    try {
      await win.loadFile(file)
    } catch (e) {
      throw new AppError('INTERNAL', `打印失败：无法打开要打印的 PDF（${(e as Error).message}）`)
    }
    await ready
    const [success, reason] = await new Promise<[boolean, string]>((resolve) => win.webContents.print({ silent: false, printBackground: true }, (ok, why) => resolve([ok, why])))
    return printOutcome(success, reason)
  } finally {
    if (!win.isDestroyed()) win.destroy()
  }
}
