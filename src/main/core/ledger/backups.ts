// Ledger backups: taken before every migration and before a restore; listed and restorable.
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import type { Backup } from '../../../shared/api/backups'
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
export async function createBackup(db: Database.Database, ledgerFile: string, reason: string, at: Date): Promise<string> {
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
  return target
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
