// Calls the desktop host answers itself (native dialogs), beside the core's contract calls.
// They travel on the same invoke channel; nothing else does.
import type { FileRef } from './api/define'
import type { UpdateState } from './api/updates'

export interface HostCalls {
  /** a native open dialog; the chosen file becomes a token, its path stays in the main process */
  'host.pickOpen': (input: { title: string; extensions: string[] }) => FileRef | null
  /** a native save dialog for a file the core produced */
  'host.saveFile': (input: { token: string }) => { saved: boolean }
  /** 打印: the system's print dialog for a PDF the core produced; printed false when cancelled */
  'host.printFile': (input: { token: string }) => { printed: boolean }
  /** a spreadsheet dropped on the window: the preload read its path (the page never sees it); it becomes a token */
  'host.openDropped': (input: { path: string }) => FileRef
  /** the window's answer to a ShellMessage 'flush': whether everything typed is saved */
  'host.flushed': (input: { id: number; saved: boolean }) => null
  /** 软件更新 (src/main/host/updater.ts): where the update stands; each call answers the new state */
  'host.update.state': (input: Record<string, never>) => UpdateState
  /** 检查更新 */
  'host.update.check': (input: Record<string, never>) => UpdateState
  /** 下载 */
  'host.update.download': (input: Record<string, never>) => UpdateState
  /** 稍后: asked again at the next start */
  'host.update.later': (input: Record<string, never>) => UpdateState
  /** 跳过此版本 */
  'host.update.skip': (input: Record<string, never>) => UpdateState
  /** 安装并重启 / 退出时安装: every ledger is backed up first; waits while invoices are on their way */
  'host.update.install': (input: { when: 'now' | 'on-quit' }) => UpdateState
  /** 打开文件夹: the data folder in Explorer / Finder (the main process knows where it is; no path comes from the page) */
  'host.openDataFolder': (input: Record<string, never>) => { opened: boolean }
}

/** What the desktop shell asks of the window, on a channel of its own (SHELL_CHANNEL). */
export type ShellMessage =
  /** a native menu item: open this page */
  | { type: 'navigate'; path: string }
  /** 帮助 → 快捷键 */
  | { type: 'shortcuts' }
  /** a spreadsheet opened on the dock / taskbar icon, given to a second start, or chosen with 文件 → 导入… */
  | { type: 'openFile'; file: FileRef }
  /** the window is closing: save what autosave holds, then answer with host.flushed */
  | { type: 'flush'; id: number }

export const SHELL_CHANNEL = 'fapiao:shell'

export type HostCallName = keyof HostCalls

/** every host call by name: a Record, so a call added to HostCalls must be listed here too */
const HOST_CALLS: Record<HostCallName, true> = {
  'host.pickOpen': true,
  'host.saveFile': true,
  'host.printFile': true,
  'host.openDropped': true,
  'host.flushed': true,
  'host.update.state': true,
  'host.update.check': true,
  'host.update.download': true,
  'host.update.later': true,
  'host.update.skip': true,
  'host.update.install': true,
  'host.openDataFolder': true,
}
export const isHostCall = (name: unknown): name is HostCallName => typeof name === 'string' && Object.hasOwn(HOST_CALLS, name)

/** What window.fapiao offers in Electron: the contract, the host calls, the event stream. */
export interface FapiaoBridge {
  invoke(name: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } }>
  onEvent(listener: (event: unknown) => void): () => void
  /** desktop: a file dropped on the window, registered by the host (host.openDropped) */
  openDropped?(file: File): ReturnType<FapiaoBridge['invoke']>
  /** desktop: what the shell asks of the window */
  onShell?(listener: (message: ShellMessage) => void): () => void
}
