// Ledger backups: before every migration, before a restore, before an update, once a day and by
// hand (手动备份); listed, restorable, and pruned after each new one (backupKind below says which).
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { backupKind, type Backup } from '../../../shared/api/backups'
import { toShanghaiIso } from '../../../shared/domain/time'
import { PRIVATE_DIR_MODE, PRIVATE_MODE } from '../privateFile'

export function backupDir(ledgerFile: string): string {
  return path.join(path.dirname(ledgerFile), 'backups')
}

/** ledger-20261128-213005-before-0001_x.db */
function backupName(at: Date, reason: string): string {
  const stamp = toShanghaiIso(at).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  return `ledger-${stamp}-${reason.replace(/[^\w.-]/g, '_')}.db`
}

/**
 * An online backup: consistent even while the ledger is in use. The copy is as private as the
 * books: its file is made empty and 0600 first (an empty file is an empty database to SQLite), so
 * it is never readable by others, not even while it is written.
 */
export async function createBackup(
  db: Database.Database,
  ledgerFile: string,
  reason: string,
  at: Date,
  opts: { alsoKeep?: string[]; limits?: BackupLimits } = {},
): Promise<string> {
  const dir = backupDir(ledgerFile)
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  let target = path.join(dir, backupName(at, reason))
  for (let i = 2; fs.existsSync(target); i++) target = path.join(dir, backupName(at, `${reason}-${i}`))
  fs.closeSync(fs.openSync(target, 'wx', PRIVATE_MODE))
  if (process.platform !== 'win32') fs.chmodSync(target, PRIVATE_MODE)
  try {
    await db.backup(target)
  } catch (e) {
    fs.rmSync(target, { force: true })
    throw e
  }
  pruneBackups(ledgerFile, { keep: [path.basename(target), ...(opts.alsoKeep ?? [])], limits: opts.limits })
  return target
}

/**
 * How many backups are kept. Automatic ones (每日, 更新前, 迁移前, 恢复前) are the safety net and
 * come back every day: only the newest `automatic` stay, and together no more than
 * `automaticBytes` — 30 copies of a 2 GB ledger would fill a laptop's disk — though the newest
 * `automaticAtLeast` always stay whatever their size. Manual ones (手动) are the user's own and
 * rarely made: they have a separate, larger limit, so an automatic backup never pushes one out.
 */
export interface BackupLimits {
  automatic: number
  manual: number
  automaticBytes?: number
  automaticAtLeast?: number
}
export const DEFAULT_LIMITS = { automatic: 30, manual: 100, automaticBytes: 5 * 1024 ** 3, automaticAtLeast: 3 } satisfies Required<BackupLimits>

/**
 * Deletes the oldest backups over the limits, never one named in `keep` (the one just made, the
 * one being restored from). Returns the names deleted.
 */
export function pruneBackups(ledgerFile: string, opts: { keep: string[]; limits?: BackupLimits }): string[] {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits }
  const all = listBackups(ledgerFile) // newest first
  const deleted: string[] = []
  let automaticBytes = 0
  const overLimit = (b: Backup, i: number): boolean => {
    const kind = backupKind(b.reason)
    if (i >= limits[kind]) return true
    if (kind === 'manual') return false
    automaticBytes += b.bytes
    return i >= limits.automaticAtLeast && automaticBytes > limits.automaticBytes
  }
  for (const kind of ['automatic', 'manual'] as const) {
    const over = all.filter((b) => backupKind(b.reason) === kind).filter(overLimit)
    for (const b of over) {
      if (opts.keep.includes(b.name)) continue
      fs.rmSync(path.join(backupDir(ledgerFile), b.name), { force: true })
      deleted.push(b.name)
    }
  }
  return deleted
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * 每日备份: a `daily` backup when the newest backup of any kind is a day old or more (or there is
 * none). The age is read from the names (Shanghai time), so an injected clock decides it. Returns
 * the new backup's path, or null when none was due.
 */
export async function dailyBackupIfDue(db: Database.Database, ledgerFile: string, at: Date): Promise<string | null> {
  const newest = listBackups(ledgerFile)[0]
  if (newest && at.getTime() - Date.parse(newest.createdAt) < DAY_MS) return null
  return createBackup(db, ledgerFile, 'daily', at)
}

export function listBackups(ledgerFile: string): Backup[] {
  const dir = backupDir(ledgerFile)
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .map((name) => /^ledger-(\d{8})-(\d{6})-(.+)\.db$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const [name, d, t, reason] = m as unknown as [string, string, string, string]
      return {
        name,
        createdAt: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}+08:00`,
        bytes: fs.statSync(path.join(dir, name)).size,
        reason,
      }
    })
    .sort((a, b) => b.name.localeCompare(a.name))
}
