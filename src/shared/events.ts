// Events from the core to the UI. Electron: webContents.send; web mode: Server-Sent Events.

export interface ProgressEvent {
  type: 'progress'
  jobId: string
  done: number
  /** 0 while not known yet (a file is counted as it is read) */
  total: number
  /** 读取文件 / 导入 / 导出 … shown to the user as is */
  phase: string
}

export interface DataChangedEvent {
  type: 'data.changed'
  /** the list that should refresh: items, customers, extras, scenes, taxcodes, company */
  entity: string
}

export type AppEvent = ProgressEvent | DataChangedEvent

export const EVENT_CHANNEL = 'fapiao:event'
export const CALL_CHANNEL = 'fapiao:call'
