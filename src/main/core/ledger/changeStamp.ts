// Whether a ledger changed since a cache was built: by this connection (total_changes) or by
// another one — another window, the CLI, an import's own connection (data_version).
import type Database from 'better-sqlite3'

export function changeStamp(db: Database.Database): string {
  return `${db.pragma('data_version', { simple: true })}:${db.prepare('SELECT total_changes()').pluck().get()}`
}

/** A value derived from the ledger, rebuilt only when the ledger changed. */
export function cachedByLedger<T>(build: (db: Database.Database) => T): (db: Database.Database) => T {
  const cache = new WeakMap<Database.Database, { stamp: string; value: T }>()
  return (db) => {
    const stamp = changeStamp(db)
    const hit = cache.get(db)
    if (hit?.stamp === stamp) return hit.value
    const value = build(db)
    cache.set(db, { stamp, value })
    return value
  }
}
