// The problems of one file as they are found, each at its cell, remembering which invoices they
// belong to (an invoice with any problem is not handed out as a draft); sorted for the report.
import type { BatchError } from './types'
import { DATA_SHEETS, specialHeader, SPECIAL_SHEET, type BatchColumn, type BatchSheet } from './templateSpec'
import type { SheetRow } from './sheetRows'

export class ErrorLog {
  readonly errors: BatchError[] = []
  private readonly badSerials = new Set<string>()
  private readonly cells = new Set<string>()

  /** a problem at a cell; `serial` names the invoice it spoils */
  at(sheet: BatchSheet, row: SheetRow, column: BatchColumn, message: string, serial?: string): void {
    this.errors.push({ sheet: sheet.name, row: row.row, column: headerOf(sheet, column), value: row.values[column.key] ?? '', message })
    this.cells.add(cellKey(sheet, row, column))
    if (serial !== undefined) this.badSerials.add(serial)
  }

  /** whether a problem was already said at this cell (a second one there only repeats it) */
  has(sheet: BatchSheet, row: SheetRow, column: BatchColumn): boolean {
    return this.cells.has(cellKey(sheet, row, column))
  }

  bad(serial: string): boolean {
    return this.badSerials.has(serial)
  }

  /** sheet order, then row, then the column's place in the sheet */
  sorted(): BatchError[] {
    const sheetOrder = (name: string) => DATA_SHEETS.findIndex((s) => s.name === name)
    const columnOrder = (e: BatchError) => DATA_SHEETS[sheetOrder(e.sheet)]?.columns.findIndex((c) => headerOf(DATA_SHEETS[sheetOrder(e.sheet)]!, c) === e.column) ?? 0
    return this.errors
      .map((e, i) => ({ e, i }))
      .sort((a, b) => sheetOrder(a.e.sheet) - sheetOrder(b.e.sheet) || a.e.row - b.e.row || columnOrder(a.e) - columnOrder(b.e) || a.i - b.i)
      .map((x) => x.e)
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
