// Opening the sandbox's database: pragmas for a system of record, then pending migrations. The
// server and the admin CLI open the same file at the same time, hence WAL and a busy timeout.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { findMigrationsDir, loadMigrations, migrate } from './migrate'

export const DB_FILE = 'platform.db'

export function openStore(dataDir: string, opts: { appliedAt: string; migrationsDir?: string }): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, DB_FILE))
  try {
    db.pragma('journal_mode = WAL')
    // issued invoices are the record: a committed one survives a power cut
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db, loadMigrations(opts.migrationsDir ?? findMigrationsDir()), opts.appliedAt)
  } catch (e) {
    db.close()
    throw e
  }
  return db
}
