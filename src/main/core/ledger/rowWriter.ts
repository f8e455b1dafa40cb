// Prepared INSERT and UPDATE statements for one table, built from its drizzle schema. A bulk
// import writes 100,000 rows: building a drizzle query per row would cost more than the import's
// whole floor, a prepared statement costs microseconds.
import type Database from 'better-sqlite3'
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'

export interface RowWriter<T extends SQLiteTable> {
  /** returns the new row's id */
  insert(values: Omit<T['$inferInsert'], 'id'>): number
  /** every column but id and created_at */
  update(id: number, values: Omit<T['$inferInsert'], 'id' | 'createdAt'>): void
}

/** a table's columns as [drizzle key, column], in schema order */
export type Columns = [string, SQLiteColumn][]

/** every column of a table but its id */
export function tableColumns(table: SQLiteTable): Columns {
  return Object.entries(getTableColumns(table)).filter(([key]) => key !== 'id')
}

/** values by drizzle key → driver values by the same key, as drizzle would store them (booleans 0/1, defaults) */
export function bindColumns(cols: Columns, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, c] of cols) {
    const v = values[key] === undefined && c.hasDefault ? c.default : values[key]
    out[key] = v === undefined || v === null ? null : c.mapToDriverValue(v)
  }
  return out
}

export function rowWriter<T extends SQLiteTable>(db: Database.Database, table: T): RowWriter<T> {
  const name = getTableName(table)
  const columns = tableColumns(table)
  const updated = columns.filter(([key]) => key !== 'createdAt')
  const insert = db.prepare(`INSERT INTO "${name}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(([key]) => `@${key}`).join(', ')})`)
  // prepared on first use: a table without an id column (e.g. invoice lines) is only inserted into
  let update: Database.Statement | undefined
  const updateStatement = () => (update ??= db.prepare(`UPDATE "${name}" SET ${updated.map(([key, c]) => `"${c.name}" = @${key}`).join(', ')} WHERE id = @id`))
  return {
    insert: (values) => Number(insert.run(bindColumns(columns, values as Record<string, unknown>)).lastInsertRowid),
    update: (id, values) => void updateStatement().run({ ...bindColumns(updated, values as Record<string, unknown>), id }),
  }
}
