// Opening a company ledger: pragmas for books (DESIGN.md §4), then pending migrations, each after
// an online backup of the file as it was. The books are this user's only: the file is 0600 before
// SQLite opens it, and SQLite gives its -wal and -shm files the mode of the database file.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { Clock } from '../../../shared/clock'
import { toShanghaiIso } from '../../../shared/domain/time'
import { ensurePrivateFile, PRIVATE_DIR_MODE, PRIVATE_MODE } from '../privateFile'
import { createBackup } from './backups'
import { registerLedgerFunctions } from './functions'
import { applyMigration, loadMigrations, pendingMigrations } from './migrate'
import * as schema from './schema'

export type Orm = BetterSQLite3Database<typeof schema>

export interface Ledger {
  file: string
  db: Database.Database
  orm: Orm
  close(): void
}

export function applyPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL')
  // these are books: a committed entry survives a power cut
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  registerLedgerFunctions(db)
}

/** a new ledger is created 0600; one left readable by others (an older version) is narrowed */
function makePrivate(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE })
  ensurePrivateFile(file)
  if (process.platform === 'win32') return
  for (const side of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(side)) fs.chmodSync(side, PRIVATE_MODE)
}

export async function openLedger(file: string, opts: { migrationsDir: string; clock: Clock }): Promise<Ledger> {
  makePrivate(file)
  const db = new Database(file)
  try {
    applyPragmas(db)
    immediateTransactions(db)
    const pending = pendingMigrations(db, loadMigrations(opts.migrationsDir))
    const isNew = (db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n === 0
    for (const m of pending) {
      if (!isNew) await createBackup(db, file, `before-${m.tag}`, opts.clock.now())
      applyMigration(db, m, toShanghaiIso(opts.clock.now()))
    }
  } catch (e) {
    db.close()
    throw e
  }
  return { file, db, orm: drizzle(db, { schema }), close: () => db.close() }
}

/**
 * A second connection to an open (already migrated) ledger: an import writes through it in a
 * transaction of its own, from a worker thread or beside the core's own connection.
 */
export function openLedgerConnection(file: string): Ledger {
  const db = new Database(file, { fileMustExist: true })
  applyPragmas(db)
  return { file, db, orm: drizzle(db, { schema }), close: () => db.close() }
}

/**
 * Every transaction of the core writes, so each begins IMMEDIATE: it then waits (busy_timeout)
 * while another connection writes — an import applying its rows — where a deferred one that read
 * first would fail at once with SQLITE_BUSY (its snapshot could never become a writer). drizzle
 * asks for `deferred` by name, hence the wrapper keeps the variants' names.
 */
function immediateTransactions(db: Database.Database): void {
  const transaction = db.transaction.bind(db)
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = transaction(fn)
    const run = (...args: unknown[]) => tx.immediate(...args)
    return Object.assign(run, { default: tx.immediate, deferred: tx.immediate, immediate: tx.immediate, exclusive: tx.exclusive, database: db })
  }) as typeof db.transaction
}

/** A transaction handle: services take either and so run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0]
export type Db = Orm | Tx
