// Ledger backups: the list, 手动备份, what a restore would replace, and a restore that first backs
// up what it replaces.
import { z } from 'zod'
import { call } from './define'

export interface Backup {
  name: string
  createdAt: string
  bytes: number
  /** daily, manual, before-update, before-restore, before-<migration tag> (a second one the same second gets -2, …) */
  reason: string
}

/** What a ledger holds, in the words of the restore confirmation. */
export interface LedgerSummary {
  /** 发票 (every invoice not a draft: issued, queued, refused) */
  invoices: number
  drafts: number
  customers: number
  items: number
  /** the newest entry of the 操作日志; null when the ledger never changed */
  lastChangeAt: string | null
}

export interface BackupComparison {
  name: string
  createdAt: string
  current: LedgerSummary
  backup: LedgerSummary
}

const backupName = z.string().regex(/^[\w.-]+\.db$/, '备份文件名无效')

/**
 * automatic: taken by the app (每日, 更新前, 迁移前, 恢复前), pruned to the newest 30 and 5 GB together (the newest 3 always stay); manual: 手动备份
 * (and any file of unknown reason), kept up to a separate limit of 100.
 */
export function backupKind(reason: string): 'automatic' | 'manual' {
  return /^(daily|before-.+)$/.test(reason.replace(/-\d+$/, '')) ? 'automatic' : 'manual'
}

/** 迁移前 / 每日 / 更新前 / 恢复前 / 手动, from the reason in the file name */
export function backupReasonText(reason: string): string {
  const base = reason.replace(/-\d+$/, '')
  const migration = /^before-(\d{4})_[\w.]+$/.exec(base)
  if (migration) return `迁移前（升级账簿结构 ${migration[1]}）`
  const words: Record<string, string> = { daily: '每日', manual: '手动', 'before-update': '更新前', 'before-restore': '恢复前' }
  return words[base] ?? reason
}

export const backupsApi = {
  'backups.list': call(z.object({}).optional()).returns<Backup[]>(),
  /** 手动备份 of the current ledger (reason manual) */
  'backups.create': call(z.object({}).optional()).returns<Backup>(),
  /** the current ledger's counts against a backup's, shown before a restore */
  'backups.inspect': call(z.object({ name: backupName })).returns<BackupComparison>(),
  /** replaces the current ledger with a backup; the current file is itself backed up first */
  'backups.restore': call(z.object({ name: backupName })).returns<{ restored: string }>(),
}
