// Reads the table of one SheetSpec from an .xlsx, .xls or .csv file a bookkeeper picked: finds the
// sheet and header row by column names, returns every non-blank row with its own spreadsheet row
// number, and flags cells whose value cannot be trusted (long IDs Excel turned into numbers).
import type { CellObject, WorkBook, WorkSheet } from 'xlsx'
import { utils } from 'xlsx'
import { AppError } from '../../errors'
import { cellProblem, cellText } from './cellValue'
import { headerNames, headerScore, mapHeader, type HeaderMapping } from './header'
import { INSTRUCTIONS_SHEET } from './layout'
import { openWorkbook } from './openWorkbook'
import type { SheetColumn, SheetSpec } from './spec'
import { formatBytes, formatCount } from './units'

export interface ReadLimits {
  /** largest file accepted, checked before any parsing */
  maxBytes: number
  /** most data rows */
  maxRows: number
  /** the header row is looked for in this many rows at the top of a sheet */
  headerSearchRows: number
  /** largest total uncompressed size of a zip-based file (zip bombs) */
  maxUncompressedBytes: number
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  headerSearchRows: 10,
  maxUncompressedBytes: 1024 ** 3,
}

export interface CellProblem {
  key: string
  message: string
}

export interface TableRow {
  /** the spreadsheet's own 1-based row number */
  row: number
  /** by column key; '' when empty; only mapped columns */
  values: Record<string, string>
  problems: CellProblem[]
}

export interface ReadResult {
  sheetName: string
  /** 1-based */
  headerRow: number
  /** key → header text found */
  mapped: Record<string, string>
  ignoredHeaders: string[]
  rows: TableRow[]
}

/** one row's cells, 0-based, in SheetJS's shape (the streaming reader produces the same) */
export type DenseRow = (CellObject | undefined)[]

export function readTable(
  bytes: Uint8Array,
  fileName: string,
  spec: SheetSpec,
  limits?: Partial<ReadLimits>,
  onProgress?: (phase: string) => void,
): ReadResult {
  const lim: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits }
  if (bytes.length > lim.maxBytes) {
    throw new AppError(
      'LIMIT',
      `文件有 ${formatBytes(bytes.length)}，超过上限 ${formatBytes(lim.maxBytes)}：请删除无关的工作表或拆分成多个文件后分批导入`,
      { bytes: bytes.length, limit: lim.maxBytes },
    )
  }
  // One row more than a full file can hold: a sheet that fills it has too many rows.
  const sheetRows = lim.headerSearchRows + lim.maxRows + 1
  onProgress?.('parse')
  const wb = openWorkbook(bytes, fileName, { sheetRows, maxUncompressedBytes: lim.maxUncompressedBytes })
  onProgress?.('rows')

  const names = headerNames(spec)
  const found = findHeader(wb, spec, names, lim.headerSearchRows)
  const { data } = found
  const header = mapHeader(rowTexts(data[found.index]), found.index + 1, names, spec)
  const rows = dataRows(data, found.index, header, lim.maxRows)

  // Parsing stopped at the cap and the last parsed row is filled: more data follows it. (A sheet
  // whose used range merely runs on with empty formatted rows ends in blank rows and passes.)
  if (rows.at(-1)?.row === sheetRows && truncated(found.sheet, data, sheetRows)) throw tooManyRows(lim.maxRows)
  return { sheetName: found.name, headerRow: found.index + 1, mapped: header.mapped, ignoredHeaders: header.ignoredHeaders, rows }
}

interface FoundHeader {
  name: string
  sheet: WorkSheet
  data: DenseRow[]
  /** 0-based row index of the header */
  index: number
}

/** The first visible data sheet (workbook order) with a header row near its top, and that row. */
function findHeader(wb: WorkBook, spec: SheetSpec, names: Map<string, SheetColumn>, searchRows: number): FoundHeader {
  for (const [i, name] of wb.SheetNames.entries()) {
    if (name === INSTRUCTIONS_SHEET || (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0) continue
    const sheet = wb.Sheets[name]
    const data = (sheet?.['!data'] ?? []) as DenseRow[]
    let best = -1
    let bestScore = 0
    for (let r = 0; r < Math.min(searchRows, data.length); r++) {
      const score = headerScore(rowTexts(data[r]), names, spec)
      if (score > bestScore) [best, bestScore] = [r, score]
    }
    if (sheet && best >= 0) return { name, sheet, data, index: best }
  }
  throw headerNotFound(spec, searchRows)
}

export function headerNotFound(spec: SheetSpec, searchRows: number): AppError {
  const example = spec.columns.find((c) => c.required) ?? spec.columns[0]
  return new AppError('FILE_INVALID', `未找到表头：前 ${searchRows} 行中没有找到「${example?.header ?? ''}」等列名，请使用导入模板`)
}

export function rowTexts(row: DenseRow | undefined): string[] {
  const out: string[] = []
  if (row) for (let c = 0; c < row.length; c++) out.push(cellText(row[c], false))
  return out
}

/** the mapped columns, as each row is read */
export function rowColumns(header: HeaderMapping) {
  return header.columns.map(({ index, column }) => ({ index, key: column.key, text: column.text === true }))
}

/** One data row → its values and the cells that cannot be trusted; null for a blank row. */
export function toTableRow(cells: DenseRow, rowNumber: number, columns: ReturnType<typeof rowColumns>): TableRow | null {
  const values: Record<string, string> = {}
  const problems: CellProblem[] = []
  let filled = false
  for (const { index, key, text } of columns) {
    const cell = cells[index]
    const value = cellText(cell, text)
    values[key] = value
    if (value === '') continue
    filled = true
    const problem = cellProblem(cell, value, text)
    if (problem) problems.push({ key, message: problem })
  }
  return filled ? { row: rowNumber, values, problems } : null
}

function dataRows(data: DenseRow[], headerIndex: number, header: HeaderMapping, maxRows: number): TableRow[] {
  const columns = rowColumns(header)
  const rows: TableRow[] = []
  for (let r = headerIndex + 1; r < data.length; r++) {
    const cells = data[r]
    const row = cells ? toTableRow(cells, r + 1, columns) : null
    if (!row) continue
    if (rows.length === maxRows) throw tooManyRows(maxRows)
    rows.push(row)
  }
  return rows
}

/** Whether parsing stopped at the row cap before the end of the sheet. */
function truncated(sheet: WorkSheet, data: DenseRow[], sheetRows: number): boolean {
  const full = sheet['!fullref']
  return full ? utils.decode_range(full).e.r >= sheetRows : data.length >= sheetRows
}

export function tooManyRows(maxRows: number): AppError {
  return new AppError('LIMIT', `文件超过 ${formatCount(maxRows)} 行数据，无法一次导入：请拆分成多个文件后分批导入`, { maxRows })
}
