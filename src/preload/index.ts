// The renderer's only door to the app: window.fapiao — invoke a contract (or host) call by name,
// listen to events. No ipcRenderer, no Node, nothing raw. The main process checks every name.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/events'
import type { FapiaoBridge } from '../shared/host'

const bridge: FapiaoBridge = {
  invoke: (name, input) => ipcRenderer.invoke(CALL_CHANNEL, String(name), input),
  onEvent(listener) {
    const forward = (_e: IpcRendererEvent, event: unknown) => listener(event)
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward)
    }
  },
}

contextBridge.exposeInMainWorld('fapiao', bridge)
