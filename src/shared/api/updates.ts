// 软件更新: where updates come from (the feed URL of a generic electron-updater feed), which
// channel, whether the app checks by itself, and what the decision needs from the core (is a sync
// still on its way?). The update itself (check, download, install) is the desktop host's:
// src/shared/host.ts `host.update.*`.
import { z } from 'zod'
import { call } from './define'

export type UpdateChannel = 'latest' | 'beta'
export const UPDATE_CHANNELS = { latest: '正式版', beta: '测试版（beta）' } as const satisfies Record<UpdateChannel, string>

export interface UpdateSettings {
  /** the folder holding latest.yml / beta.yml; null: none configured, no update is ever looked for */
  feedUrl: string | null
  channel: UpdateChannel
  /** check at start and every few hours */
  autoCheck: boolean
  /** versions the user answered 跳过此版本: never offered again by an automatic check */
  skippedVersions: string[]
}

export interface UpdateSettingsView extends UpdateSettings {
  /** the running version */
  version: string
  /** updates.json is there but unreadable: the defaults are in force until the user saves again */
  damaged: string | null
}

/** What is still on its way to the platform, over every company: an update waits for it. */
export interface UnsentSync {
  /** outbox commands not yet accepted (pending + sending) */
  commands: number
  /** invoices 待开具 or 开具中 (queued / issuing) */
  invoices: number
  /** the names of the companies concerned, for the message */
  companies: string[]
}

/** What a feed offers, as the desktop shows it. */
export interface UpdateOffer {
  version: string
  /** 更新内容: the feed's releaseNotes as text */
  notes: string
  releaseDate: string | null
  /** the download's size in bytes, when the feed says */
  bytes: number | null
}

/** why nothing is to be done (the message says it in Chinese) */
export type UpdateIdleReason = 'no-feed' | 'auto-off' | 'up-to-date' | 'older' | 'prerelease' | 'invalid' | 'skipped' | 'later' | 'no-offer'

/** Where an update stands: the desktop host's `update.state` event and `host.update.state`. */
export type UpdateState =
  | { step: 'idle'; reason: UpdateIdleReason; message: string }
  | { step: 'checking' }
  | { step: 'ask-download'; offer: UpdateOffer }
  | { step: 'downloading'; offer: UpdateOffer; percent: number }
  | { step: 'ask-install'; offer: UpdateOffer }
  /** downloaded, but invoices are still on their way: installed only once they are through */
  | { step: 'wait'; offer: UpdateOffer; unsent: UnsentSync; message: string }
  | { step: 'error'; message: string }

const feedUrl = z
  .string()
  .trim()
  .max(500, '更新地址不能超过 500 个字符')
  .refine((s) => s === '' || isHttpUrl(s), '更新地址应为 http:// 或 https:// 开头的网址（不填表示不检查更新）')

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== ''
  } catch {
    return false
  }
}

export const updatesApi = {
  'updates.get': call(z.object({}).optional()).returns<UpdateSettingsView>(),
  /** feedUrl '' = none configured */
  'updates.set': call(z.object({ feedUrl, channel: z.enum(['latest', 'beta']), autoCheck: z.boolean() })).returns<UpdateSettingsView>(),
  /** 跳过此版本 */
  'updates.skip': call(z.object({ version: z.string().trim().min(1).max(100) })).returns<UpdateSettingsView>(),
  /** invoices and commands not yet through to the platform, in every company */
  'updates.unsent': call(z.object({}).optional()).returns<UnsentSync>(),
  /**
   * right before installing: refused (ready false) while anything is unsent; else every company's
   * ledger is backed up (reason before-update)
   */
  'updates.prepareInstall': call(z.object({}).optional()).returns<{ ready: boolean; unsent: UnsentSync; backups: string[] }>(),
}
