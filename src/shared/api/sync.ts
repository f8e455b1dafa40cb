// 同步: the outbox delivered to the platform and its change feed pulled (DESIGN.md §5), the
// platform connection's settings, and the 进项 the feed brings.
import { z } from 'zod'
import { call, paging, type Page } from './define'
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

export interface PlatformSettings {
  mode: 'embedded' | 'remote'
  /** the configured URL (remote) or the embedded sandbox's (once started) */
  url: string | null
  /** the current company's login on the platform */
  taxId: string | null
  hasPassword: boolean
  /**
   * how saved passwords are kept: sealed by the OS keychain (Electron safeStorage), or as typed in
   * a file only this user may read (web and CLI mode, or a system without a keychain)
   */
  passwordProtection: 'keychain' | 'file'
  /** platform.json is there but damaged: sync is paused until these settings are saved again */
  damaged: { file: string; message: string } | null
}

const url = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/]+(\/.*)?$/, '平台地址应以 http:// 或 https:// 开头')

export const platformSettingsInput = z.object({
  /** null = use the embedded sandbox */
  url: url.nullable(),
  password: z.string().min(1, '请填写平台登录密码').max(200).optional(),
})

/** 进项: an invoice received from a seller through the platform's change feed */
export interface ReceivedInvoice {
  number: string
  kind: '81' | '82'
  issuedAt: string
  sellerName: string
  sellerTaxId: string
  amount: string
  tax: string
  total: string
  lineCount: number
  receivedAt: string
  colour: 'blue' | 'red'
  redStatus: 'normal' | 'partly-reversed' | 'fully-reversed'
  /** 入账状态 01–06 on the platform */
  booking: string
}

export const syncApi = {
  /** one full push + pull now (立即同步); waits for a run already in progress */
  'sync.now': call(z.object({}).optional()).returns<SyncResult>(),
  'sync.status': call(z.object({}).optional()).returns<SyncStatus>(),
  /** 重试: a refused or waiting invoice's command is sent again at once (a refused one must be edited first) */
  'sync.retry': call(z.object({ invoiceId: z.number().int().positive() })).returns<{ queued: boolean }>(),
  'settings.platform.get': call(z.object({}).optional()).returns<PlatformSettings>(),
  /** saves the URL (null = embedded) and the current company's password; nothing saved if invalid */
  'settings.platform.set': call(platformSettingsInput).returns<PlatformSettings & { /** where a damaged platform.json was kept */ keptDamagedAs?: string }>(),
  /** 测试连接: logs in with the given (or saved) settings, changes nothing */
  'settings.platform.test': call(platformSettingsInput.partial()).returns<{ ok: boolean; message: string; taxpayerName?: string }>(),
  /** 进项发票 received through the platform */
  'received.list': call(
    z.object({ query: z.string().trim().max(100).optional(), /** 蓝字 or 红字 only */ colour: z.enum(['blue', 'red']).optional(), ...paging }),
  ).returns<Page<ReceivedInvoice>>(),
}
