// The checked rows of one import, held outside the ledger until they are applied, so that reading
// and checking 100,000 rows never holds the ledger's write lock (autosave and sync go on). The
// stage is a private temporary database attached to the import's own connection: SQLite removes
// its file as soon as it is opened, so a killed import leaves nothing behind, and the rows wait
// on disk, not in the heap. apply() runs inside the caller's short transaction and is all SQL:
// each row's identity is resolved against the ledger as it is then (a record created or deleted
// during the import is updated or created accordingly), then the rows are copied in two statements.
import type Database from 'better-sqlite3'
import { getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { bindColumns, tableColumns, type Columns } from '../ledger/rowWriter'
import type { FailedRow } from './checkTable'
import type { IdentityKeys } from './identity'

export interface ImportStage {
  /** the spreadsheet row already staged with this identity */
  earlier(identity: string): number | undefined
  /** a checked row: its spreadsheet row number and its record as the ledger stores it (but id and times) */
  addValid(sheetRow: number, record: Record<string, unknown>, identity: string | null): void
  addFailed(f: FailedRow): void
  /** ends the batch of rows added so far (the stage's own transaction, never the ledger's) */
  commit(): void
  failedCount(): number
  /** Inside the caller's transaction on the ledger: creates or updates the records, each by its identity. */
  apply(now: string, identity: IdentityKeys): { created: number; updated: number }
  /** failed rows in file order: `limit` of them after the first `offset` */
  failures(offset: number, limit: number): FailedRow[]
}

/** an SQL string literal (identity cases select by fixed values such as 企业) */
const literal = (v: string) => `'${v.replace(/'/g, "''")}'`

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
  db.exec(`CREATE TABLE stage.import_valid (seq INTEGER PRIMARY KEY, sheet_row INTEGER NOT NULL, identity TEXT UNIQUE, ${list})`)
  db.exec(`CREATE TABLE stage.import_failed (seq INTEGER PRIMARY KEY, sheet_row INTEGER NOT NULL, sheet_values TEXT NOT NULL, issues TEXT NOT NULL)`)
  // the ledger record a staged row updates, found when the import is applied (no entry: a new record)
  db.exec(`CREATE TABLE stage.import_target (seq INTEGER PRIMARY KEY, id INTEGER NOT NULL)`)
  const column = (key: string) => `"${cols.find(([k]) => k === key)![1].name}"`

  const earlier = db.prepare('SELECT sheet_row FROM stage.import_valid WHERE identity = ?').pluck()
  const insertValid = db.prepare(`INSERT INTO stage.import_valid (sheet_row, identity, ${list}) VALUES (@sheetRow, @identity, ${cols.map(([key]) => `@${key}`).join(', ')})`)
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

    apply(now, identity) {
      db.exec('DELETE FROM stage.import_target')
      // each case of the identity in one statement: the ledger's unique index answers every row
      for (const k of identity) {
        const where = Object.entries(k.where ?? {})
        const same = [...k.columns.map((c) => `t.${column(c)} = v.${column(c)}`), ...where.map(([c, value]) => `t.${column(c)} = ${literal(value)}`)]
        const only = where.map(([c, value]) => ` AND v.${column(c)} = ${literal(value)}`).join('')
        db.exec(`INSERT INTO stage.import_target (seq, id) SELECT v.seq, t.id FROM stage.import_valid v JOIN main."${name}" t ON ${same.join(' AND ')} WHERE 1${only}`)
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
           FROM stage.import_target x JOIN stage.import_valid v ON v.seq = x.seq WHERE x.id = "${name}".id`,
        )
        .run({ now }).changes
      return { created: inserted, updated: changed }
    },

    failures: (offset, limit) => (failedPage.all(limit, offset) as Parameters<typeof toFailed>[0][]).map(toFailed),
  }
}
