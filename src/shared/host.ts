// Calls the desktop host answers itself (native dialogs), beside the core's contract calls.
// They travel on the same invoke channel; nothing else does.
import type { FileRef } from './api/define'

export interface HostCalls {
  /** a native open dialog; the chosen file becomes a token, its path stays in the main process */
  'host.pickOpen': (input: { title: string; extensions: string[] }) => FileRef | null
  /** a native save dialog for a file the core produced */
  'host.saveFile': (input: { token: string }) => { saved: boolean }
  /** 打印: the system's print dialog for a PDF the core produced; printed false when cancelled */
  'host.printFile': (input: { token: string }) => { printed: boolean }
  /** 打开文件夹: the data folder in Explorer / Finder (the main process knows where it is; no path comes from the page) */
  'host.openDataFolder': (input: Record<string, never>) => { opened: boolean }
}

export type HostCallName = keyof HostCalls

/** every host call by name: a Record, so a call added to HostCalls must be listed here too */
const HOST_CALLS: Record<HostCallName, true> = { 'host.pickOpen': true, 'host.saveFile': true, 'host.printFile': true, 'host.openDataFolder': true }
export const isHostCall = (name: unknown): name is HostCallName => typeof name === 'string' && Object.hasOwn(HOST_CALLS, name)

/** What window.fapiao offers in Electron: the contract, the host calls, the event stream. */
export interface FapiaoBridge {
  invoke(name: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } }>
  onEvent(listener: (event: unknown) => void): () => void
}
