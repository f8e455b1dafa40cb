// The renderer's only door to the app: window.fapiao — invoke a contract (or host) call by name,
// listen to events and to the shell's requests. No ipcRenderer, no Node, nothing raw. The main
// process checks every name. A dropped file's path is read here and goes straight to the host.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/events'
import { SHELL_CHANNEL, type FapiaoBridge, type ShellMessage } from '../shared/host'

function listen<T>(channel: string, listener: (message: T) => void): () => void {
  const forward = (_e: IpcRendererEvent, message: T) => listener(message)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const bridge: FapiaoBridge = {
  invoke: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, String(name), input),
  onEvent: (listener) => listen<unknown>(EVENT_CHANNEL, listener),
  openDropped: (file) => ipcRenderer.invoke(CALL_CHANNEL, 'host.openDropped', { path: webUtils.getPathForFile(file) }),
  onShell: (listener) => listen<ShellMessage>(SHELL_CHANNEL, listener),
}

contextBridge.exposeInMainWorld('fapiao', bridge)
