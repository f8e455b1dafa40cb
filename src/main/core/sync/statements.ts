// Prepared statements, compiled once per ledger connection: a push of a thousand invoices or a
// feed of ten thousand runs the same few statements thousands of times, and building each through
// the query builder costs more than running it.
import type Database from 'better-sqlite3'
import type { Ledger } from '../ledger/open'

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

export function prepared(ledger: Ledger, sql: string): Database.Statement {
  let bySql = cache.get(ledger.db)
  if (!bySql) cache.set(ledger.db, (bySql = new Map()))
  let s = bySql.get(sql)
  if (!s) bySql.set(sql, (s = ledger.db.prepare(sql)))
  return s
}
