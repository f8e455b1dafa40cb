// Applies the SQL migrations drizzle-kit generated (migrations/platform), one transaction each,
// recorded in schema_migrations. A database with migrations this version does not know was written
// by a newer sandbox: refuse it rather than damage it. (The files are read as the client ledger
// reads its own: src/shared/migrations.ts.)
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type Database from 'better-sqlite3'
import { readMigrations, type Migration } from '../../shared/migrations'
import { PlatformError } from '../errors'

/**
 * migrations/platform in the nearest ancestor of this module that has one: the same lookup works
 * from src/ (tsx, tests) and from a bundle in out/ (the built app, where the file moved).
 */
export function findMigrationsDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'migrations', 'platform')
    if (fs.existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) throw new Error(`migrations/platform not found above ${from}`)
  }
}

export function loadMigrations(dir: string): Migration[] {
  return readMigrations((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
}

/** Brings the database up to date; throws before changing anything when it is from a newer version. */
export function migrate(db: Database.Database, known: Migration[], appliedAt: string): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (tag TEXT PRIMARY KEY, applied_at TEXT NOT NULL)')
  const applied = (db.prepare('SELECT tag FROM schema_migrations ORDER BY rowid').all() as { tag: string }[]).map((r) => r.tag)
  const knownTags = new Set(known.map((m) => m.tag))
  const unknown = applied.filter((t) => !knownTags.has(t))
  if (unknown.length > 0) throw new PlatformError('CONFLICT', `平台数据库已被更新版本的平台沙箱升级（含本版本不认识的升级 ${unknown.join('、')}），本版本不能打开它。`)
  const done = new Set(applied)
  const pending = known.filter((m) => !done.has(m.tag))
  for (const m of pending)
    db.transaction(() => {
      // another process (an admin command beside the server) may have applied it meanwhile
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE tag = ?').get(m.tag)) return
      for (const s of m.statements) db.exec(s)
      db.prepare('INSERT INTO schema_migrations (tag, applied_at) VALUES (?, ?)').run(m.tag, appliedAt)
    }).immediate()
  return pending.map((m) => m.tag)
}
