// The checked rows of one import, held outside the ledger until they are applied, so that reading
// and checking 100,000 rows never holds the ledger's write lock (autosave and sync go on). The
// stage is a private temporary database attached to the import's own connection: SQLite removes
// its file as soon as it is opened, so a killed import leaves nothing behind, and the rows wait
// on disk, not in the heap. apply() runs inside the caller's short transaction: each row's
// identity is resolved against the ledger as it is then (a record created or deleted during the
// import is updated or created accordingly), and the rows are copied in two statements.
import type Database from 'better-sqlite3'
import { getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { bindColumns, tableColumns, type Columns } from '../ledger/rowWriter'
import type { FailedRow } from './checkTable'

export interface ImportStage {
  /** the spreadsheet row already staged with this identity */
  earlier(identity: string): number | undefined
  /** a checked row: its spreadsheet row number and its record as the ledger stores it (but id and times) */
  addValid(sheetRow: number, record: Record<string, unknown>, identity: string): void
  addFailed(f: FailedRow): void
  /** ends the batch of rows added so far (the stage's own transaction, never the ledger's) */
  commit(): void
  failedCount(): number
  /**
   * Inside the caller's transaction on the ledger: creates or updates the records. `find` gives the
   * ledger's record with a staged row's identity (the row has the record's keys; only its
   * identity fields are meant to be read).
   */
  apply(now: string, find: (row: Record<string, unknown>) => number | undefined): { created: number; updated: number }
  /** failed rows in file order: `limit` of them after the first `offset` */
  failures(offset: number, limit: number): FailedRow[]
}

/** staged rows read back per round trip while resolving identities */
const PAGE = 5000

export function openImportStage(db: Database.Database, table: SQLiteTable): ImportStage {
  const name = getTableName(table)
  const all = tableColumns(table)
  const created = all.find(([key]) => key === 'createdAt')![1].name
  const updated = all.find(([key]) => key === 'updatedAt')![1].name
  const cols: Columns = all.filter(([key]) => key !== 'createdAt' && key !== 'updatedAt')
  const list = cols.map(([, c]) => `"${c.name}"`).join(', ')

  // '' is a private temporary database, gone with the connection
  db.exec(`ATTACH DATABASE '' AS stage`)
  db.exec(`PRAGMA stage.journal_mode = OFF`)
  db.exec(`PRAGMA stage.synchronous = OFF`)
  db.exec(`CREATE TABLE stage.import_valid (seq INTEGER PRIMARY KEY, sheet_row INTEGER NOT NULL, identity TEXT NOT NULL UNIQUE, ${list})`)
  db.exec(`CREATE TABLE stage.import_failed (seq INTEGER PRIMARY KEY, sheet_row INTEGER NOT NULL, sheet_values TEXT NOT NULL, issues TEXT NOT NULL)`)
  db.exec(`CREATE TABLE stage.import_target (seq INTEGER PRIMARY KEY, id INTEGER NOT NULL)`)

  const earlier = db.prepare('SELECT sheet_row FROM stage.import_valid WHERE identity = ?').pluck()
  const insertValid = db.prepare(
    `INSERT INTO stage.import_valid (sheet_row, identity, ${list}) VALUES (@sheetRow, @identity, ${cols.map(([key]) => `@${key}`).join(', ')})`,
  )
  const insertFailed = db.prepare('INSERT INTO stage.import_failed (sheet_row, sheet_values, issues) VALUES (?, ?, ?)')
  const failedPage = db.prepare('SELECT sheet_row, sheet_values, issues FROM stage.import_failed ORDER BY seq LIMIT ? OFFSET ?')
  const toFailed = (r: { sheet_row: number; sheet_values: string; issues: string }): FailedRow => ({
    row: { row: r.sheet_row, values: JSON.parse(r.sheet_values) as Record<string, string>, problems: [] },
    issues: JSON.parse(r.issues) as FailedRow['issues'],
  })
  const begin = () => {
    if (!db.inTransaction) db.exec('BEGIN')
  }

  return {
    earlier: (identity) => earlier.get(identity) as number | undefined,
    addValid(sheetRow, record, identity) {
      begin()
      insertValid.run({ ...bindColumns(cols, record), sheetRow, identity })
    },
    addFailed(f) {
      begin()
      insertFailed.run(f.row.row, JSON.stringify(f.row.values), JSON.stringify(f.issues))
    },
    commit() {
      if (db.inTransaction) db.exec('COMMIT')
    },
    failedCount: () => db.prepare('SELECT count(*) FROM stage.import_failed').pluck().get() as number,

    apply(now, find) {
      const page = db.prepare(`SELECT seq, ${cols.map(([key, c]) => `"${c.name}" AS "${key}"`).join(', ')} FROM stage.import_valid WHERE seq > ? ORDER BY seq LIMIT ${PAGE}`)
      const target = db.prepare('INSERT INTO stage.import_target (seq, id) VALUES (?, ?)')
      for (let last = 0; ; ) {
        const rows = page.all(last) as ({ seq: number } & Record<string, unknown>)[]
        if (rows.length === 0) break
        for (const r of rows) {
          const id = find(r)
          if (id !== undefined) target.run(r.seq, id)
        }
        last = rows.at(-1)!.seq
      }
      const inserted = db
        .prepare(
          `INSERT INTO main."${name}" (${list}, "${created}", "${updated}") SELECT ${list}, @now, @now FROM stage.import_valid v
           WHERE NOT EXISTS (SELECT 1 FROM stage.import_target x WHERE x.seq = v.seq) ORDER BY v.seq`,
        )
        .run({ now }).changes
      const changed = db
        .prepare(
          `UPDATE main."${name}" SET ${cols.map(([, c]) => `"${c.name}" = v."${c.name}"`).join(', ')}, "${updated}" = @now
           FROM stage.import_target x JOIN stage.import_valid v ON v.seq = x.seq WHERE "${name}".id = x.id`,
        )
        .run({ now }).changes
      return { created: inserted, updated: changed }
    },

    failures: (offset, limit) =>
      (failedPage.all(limit, offset) as Parameters<typeof toFailed>[0][]).map(toFailed),
  }
}
