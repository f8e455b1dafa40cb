// 同步: the outbox delivered to the platform and its change feed pulled (DESIGN.md §5). The
// platform connection's settings are settings.ts; the 进项 the feed brings, received.ts.
import { z } from 'zod'
import { call } from './define'
import type { ErrorCode } from './errors'

/** The 授信额度 as last read from the platform (DOMAIN.md §3), for the panel and the top bar. */
export interface QuotaReading {
  /** YYYYMM */
  month: string
  total: string
  used: string
  remaining: string
  /** ISO 8601 time the platform answered */
  readAt: string
}

export interface SyncStatus {
  /** embedded: the sandbox the app started itself; remote: a configured URL */
  mode: 'embedded' | 'remote'
  url: string | null
  /** null until the first attempt; false after a connection failure */
  online: boolean | null
  /** a sync is running now */
  running: boolean
  /** outbox commands not yet accepted by the platform (pending + sending) */
  pending: number
  /** commands the platform refused, or that need the user (开具失败 / needs-action) */
  failed: number
  lastSuccessAt: string | null
  lastAttemptAt: string | null
  /** the last connection or login problem, in Chinese, for the top bar's tooltip */
  lastError: string | null
  /** sync refuses to run until the user acts (SETTINGS_DAMAGED: platform.json is damaged) */
  blocked: { code: ErrorCode; message: string } | null
  quota: QuotaReading | null
}

export interface SyncResult {
  /** commands the platform accepted in this run */
  pushed: number
  /** changes applied from the feed */
  pulled: number
  /** commands the platform refused (their documents are 开具失败) */
  rejected: number
  /** still waiting (offline, backing off) */
  pending: number
  /** why the run stopped short (offline, login refused), or null when it completed */
  error: string | null
}

/** One invoice's place in the outbox, for the list's 同步状态 column and the detail. */
export type SyncState = 'local' | 'pending' | 'sending' | 'retrying' | 'done' | 'rejected' | 'needs-action'

/**
 * Who made a document: this company here ('local'), the platform on its own ('platform': a red
 * invoice the platform issued when a 确认单 needed no or got its confirmation, or an invoice issued
 * elsewhere, arriving by the change feed), or the counterparty ('counterparty': a 红字确认单 it
 * entered). A document this company never sent has no outbox command (SyncState 'local'): only a
 * local one is then 未上传; the others are on the platform already.
 */
export type DocumentOrigin = 'local' | 'platform' | 'counterparty'

export const syncApi = {
  /** one full push + pull now (立即同步); waits for a run already in progress */
  'sync.now': call(z.object({}).optional()).returns<SyncResult>(),
  'sync.status': call(z.object({}).optional()).returns<SyncStatus>(),
  /** 重试: a refused or waiting invoice's command is sent again at once (a refused one must be edited first) */
  'sync.retry': call(z.object({ invoiceId: z.number().int().positive() })).returns<{ queued: boolean }>(),
}
