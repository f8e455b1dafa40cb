// Events from the core to the UI. Electron: webContents.send; web mode: Server-Sent Events.
import type { SyncStatus } from './api/sync'
import type { UpdateState } from './api/updates'

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

/** the top bar's online/offline, pending count and last sync; sent whenever one of them changes */
export interface SyncStatusEvent {
  type: 'sync.status'
  status: SyncStatus
}

/** an invoice came back from the platform: issued (the success dialog) or refused */
export interface InvoiceSettledEvent {
  type: 'invoice.settled'
  invoiceId: number
  outcome: 'issued' | 'rejected'
  /** issued: 发票号码, 开具金额 (价税合计), 本次使用授信额度, the QR payload */
  number?: string
  total?: string
  quotaUsed?: string
  qr?: string
  /** rejected: the platform's words */
  message?: string
}

/** 软件更新: where the update stands (desktop only; sent by src/main/host/updater.ts) */
export interface UpdateStateEvent {
  type: 'update.state'
  state: UpdateState
}

export type AppEvent = ProgressEvent | DataChangedEvent | SyncStatusEvent | InvoiceSettledEvent | UpdateStateEvent

export const EVENT_CHANNEL = 'fapiao:event'
export const CALL_CHANNEL = 'fapiao:call'
