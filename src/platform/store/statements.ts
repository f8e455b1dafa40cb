// Prepared statements, compiled once per connection: issuance runs a dozen per invoice, and the
// benchmark floor times exactly this path. The rules speak SQL through better-sqlite3 directly;
// the drizzle schema (schema.ts) exists for the migrations.
import type Database from 'better-sqlite3'

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let byText = cache.get(db)
  if (!byText) cache.set(db, (byText = new Map()))
  let s = byText.get(sql)
  if (!s) byText.set(sql, (s = db.prepare(sql)))
  return s
}
