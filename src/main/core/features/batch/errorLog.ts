// The problems of one file as they are found, each at its cell, remembering which invoices they
// belong to (an invoice with any problem is not handed out as a draft); sorted for the report.
import type { BatchFileError } from '../../../../shared/api/batch'
import { DATA_SHEETS, specialHeader, SPECIAL_SHEET, type BatchColumn, type BatchSheet } from './templateSpec'
import type { SheetRow } from './sheetRows'

/** a problem with where it sorts: its sheet's and its column's place, known when it is said */
interface Entry {
  error: BatchFileError
  sheet: number
  column: number
}

export class ErrorLog {
  private readonly entries: Entry[] = []
  private readonly badSerials = new Set<string>()
  private readonly cells = new Set<string>()

  /** a problem at a cell; `serial` names the invoice it spoils */
  at(sheet: BatchSheet, row: SheetRow, column: BatchColumn, message: string, serial?: string): void {
    const error = { sheet: sheet.name, row: row.row, column: headerOf(sheet, column), value: row.values[column.key] ?? '', message }
    this.entries.push({ error, sheet: DATA_SHEETS.indexOf(sheet), column: sheet.columns.indexOf(column) })
    this.cells.add(cellKey(sheet, row, column))
    if (serial !== undefined) this.badSerials.add(serial)
  }

  /** a problem at a cell unless one was already said there (a second one only repeats it: a bookkeeper fixes a cell once) */
  first(sheet: BatchSheet, row: SheetRow, column: BatchColumn, message: string, serial?: string): void {
    if (!this.cells.has(cellKey(sheet, row, column))) this.at(sheet, row, column, message, serial)
  }

  bad(serial: string): boolean {
    return this.badSerials.has(serial)
  }

  /** sheet order, then row, then the column's place in the sheet, then the order they were said */
  sorted(): BatchFileError[] {
    // the places were taken when each was said: a file of ten thousand problems sorts without looking a column up
    return this.entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.sheet - b.e.sheet || a.e.error.row - b.e.error.row || a.e.column - b.e.column || a.i - b.i)
      .map((x) => x.e.error)
  }
}

const cellKey = (sheet: BatchSheet, row: SheetRow, column: BatchColumn) => `${sheet.name}!${column.letter}${row.row}`

/** the header a person sees: sheet 3's qualified by its 特定业务; L–O of sheet 1 share one header */
export function headerOf(sheet: BatchSheet, column: BatchColumn): string {
  if (sheet === SPECIAL_SHEET) return specialHeader(column)
  if (column.header !== '') return column.header.replace(/\s+/g, '')
  const before = sheet.columns.slice(0, sheet.columns.indexOf(column)).reverse()
  const owner = before.find((c) => c.header !== '')
  return `${owner?.header ?? ''}（${column.letter} 列）`
}
