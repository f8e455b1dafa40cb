// Applies the SQL migrations drizzle-kit generated (migrations/ledger), one transaction each,
// after a backup of the file. A ledger that has migrations this version does not know was
// written by a newer version: refuse it rather than damage it.
import fs from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { readMigrations, type Migration } from '../../../shared/migrations'
import { AppError } from '../errors'

export function loadMigrations(dir: string): Migration[] {
  return readMigrations((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
}

export function appliedMigrations(db: Database.Database): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (tag TEXT PRIMARY KEY, applied_at TEXT NOT NULL)')
  return (db.prepare('SELECT tag FROM schema_migrations ORDER BY rowid').all() as { tag: string }[]).map((r) => r.tag)
}

/** The migrations still to apply; throws LEDGER_TOO_NEW for a ledger from a newer version. */
export function pendingMigrations(db: Database.Database, known: Migration[]): Migration[] {
  const applied = appliedMigrations(db)
  const knownTags = new Set(known.map((m) => m.tag))
  const unknown = applied.filter((t) => !knownTags.has(t))
  if (unknown.length > 0)
    throw new AppError(
      'LEDGER_TOO_NEW',
      `此账簿已被更新版本的票税通升级（含本版本不认识的升级 ${unknown.join('、')}），为避免损坏数据，本版本不能打开它。请安装最新版本的票税通后再打开。`,
      { unknown },
    )
  const done = new Set(applied)
  return known.filter((m) => !done.has(m.tag))
}

export function applyMigration(db: Database.Database, m: Migration, appliedAt: string): void {
  db.transaction(() => {
    for (const s of m.statements) db.exec(s)
    db.prepare('INSERT INTO schema_migrations (tag, applied_at) VALUES (?, ?)').run(m.tag, appliedAt)
  })()
}
