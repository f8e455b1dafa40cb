// What a ledger holds, counted the same way for the open ledger and for a backup file (opened
// read-only: a restore's confirmation must not touch the backup it may restore).
import fs from 'node:fs'
import Database from 'better-sqlite3'
import type { LedgerSummary } from '../../../../shared/api/backups'
import { AppError } from '../../errors'

/** counts by plain SQL: a backup taken before a migration may lack a later column, never these tables */
export function ledgerSummary(db: Database.Database): LedgerSummary {
  const n = (sql: string) => (db.prepare(sql).pluck().get() as number | null) ?? 0
  return {
    invoices: n("SELECT count(*) FROM invoices WHERE state <> 'draft'"),
    drafts: n("SELECT count(*) FROM invoices WHERE state = 'draft'"),
    customers: n('SELECT count(*) FROM customers'),
    items: n('SELECT count(*) FROM items'),
    lastChangeAt: (db.prepare('SELECT max(at) FROM audit_log').pluck().get() as string | null) ?? null,
  }
}

/** a backup file's summary; a file that is not a ledger is said in Chinese, naming it */
export function backupSummary(file: string, name: string): LedgerSummary {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `没有找到备份 ${name}`)
  let db: Database.Database | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    return ledgerSummary(db)
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('FILE_INVALID', `备份 ${name} 无法读取（不是完整的账簿文件），不能用它恢复`)
  } finally {
    db?.close()
  }
}
