// Reads the table of one SheetSpec from an .xlsx, .xls or .csv file a bookkeeper picked: finds the
// sheet and header row by column names, returns every non-blank row with its own spreadsheet row
// number, and flags cells whose value cannot be trusted (long IDs Excel turned into numbers).
import type { CellObject, WorkBook, WorkSheet } from 'xlsx'
import { AppError } from '../../errors'
import { loadSheetJS } from './sheetjs'
import { cellProblem, cellText } from './cellValue'
import { cellTooLong, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, outsideGrid } from './grid'
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
  /** most entries in an .xlsx's shared-string table */
  maxSharedStrings: number
  /** most characters in an .xlsx's shared strings together */
  maxSharedChars: number
  /** most characters in all data values together (what the rows after reading cost follows it) */
  maxTextChars: number
}

/**
 * The shared-string limits leave room above what a full import needs: 200,000 customers saved by
 * Excel hold 1.2 million shared strings of 25 million characters in all.
 */
export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  headerSearchRows: 10,
  maxUncompressedBytes: 1024 ** 3,
  maxSharedStrings: 2_000_000,
  maxSharedChars: 50_000_000,
  maxTextChars: 100_000_000,
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

export function readTable(bytes: Uint8Array, fileName: string, spec: SheetSpec, limits?: Partial<ReadLimits>, onProgress?: (phase: string) => void): ReadResult {
  const lim: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits }
  if (bytes.length > lim.maxBytes) {
    throw new AppError('LIMIT', `文件有 ${formatBytes(bytes.length)}，超过上限 ${formatBytes(lim.maxBytes)}：请删除无关的工作表或拆分成多个文件后分批导入`, {
      bytes: bytes.length,
      limit: lim.maxBytes,
    })
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
  const rows = dataRows(found.name, data, found.index, header, lim)

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
    if (sheet) checkGrid(name, sheet, data)
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

/**
 * SheetJS places cells where the file says (an .xlsx cell at ZZZZZZ2, an XML spreadsheet's
 * ss:Index, an HTML colspan): a row that long would be walked cell by cell, so it is refused first.
 */
function checkGrid(name: string, sheet: WorkSheet, data: DenseRow[]): void {
  const ranges = [sheet['!ref'], sheet['!fullref'], ...(sheet['!merges'] ?? []).map((m) => loadSheetJS().utils.encode_range(m))]
  for (const ref of ranges) {
    if (!ref) continue
    const { e } = loadSheetJS().utils.decode_range(ref)
    if (e.c >= MAX_COLUMNS || e.r >= MAX_ROWS) throw outsideGrid(name, loadSheetJS().utils.encode_cell(e))
  }
  if (data.length > MAX_ROWS) throw outsideGrid(name, `第 ${data.length} 行`)
  for (let r = 0; r < data.length; r++) {
    const row = data[r]
    if (row && row.length > MAX_COLUMNS) throw outsideGrid(name, loadSheetJS().utils.encode_cell({ r, c: row.length - 1 }))
  }
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

/**
 * One data row → its values and the cells that cannot be trusted; null for a blank row. `sheet`
 * is given where cells were not checked as they were read: a value over Excel's 32,767
 * characters is refused, naming it.
 */
export function toTableRow(cells: DenseRow, rowNumber: number, columns: ReturnType<typeof rowColumns>, sheet?: string): TableRow | null {
  const values: Record<string, string> = {}
  const problems: CellProblem[] = []
  let filled = false
  for (const { index, key, text } of columns) {
    const cell = cells[index]
    const value = cellText(cell, text)
    if (sheet !== undefined && value.length > MAX_CELL_CHARS)
      throw cellTooLong(`工作表「${sheet}」的单元格 ${loadSheetJS().utils.encode_cell({ r: rowNumber - 1, c: index })} 中的文字`)
    values[key] = value
    if (value === '') continue
    filled = true
    const problem = cellProblem(cell, value, text)
    if (problem) problems.push({ key, message: problem })
  }
  return filled ? { row: rowNumber, values, problems } : null
}

function dataRows(sheet: string, data: DenseRow[], headerIndex: number, header: HeaderMapping, lim: ReadLimits): TableRow[] {
  const columns = rowColumns(header)
  const rows: TableRow[] = []
  const budget = new TextBudget(lim.maxTextChars)
  for (let r = headerIndex + 1; r < data.length; r++) {
    const cells = data[r]
    const row = cells ? toTableRow(cells, r + 1, columns, sheet) : null
    if (!row) continue
    if (rows.length === lim.maxRows) throw tooManyRows(lim.maxRows)
    budget.spend(row, sheet)
    rows.push(row)
  }
  return rows
}

/** Whether parsing stopped at the row cap before the end of the sheet. */
function truncated(sheet: WorkSheet, data: DenseRow[], sheetRows: number): boolean {
  const full = sheet['!fullref']
  return full ? loadSheetJS().utils.decode_range(full).e.r >= sheetRows : data.length >= sheetRows
}

/** `where` says where the reading was when the limit was passed ("工作表「客户」读到第 200,012 行时") */
/**
 * The characters of the data values read so far, against maxTextChars: one 32,767-character
 * shared string on every cell of 200,000 rows would be 70 billion characters to check and report.
 */
export class TextBudget {
  private spent = 0
  constructor(private readonly max: number) {}

  spend(row: TableRow, sheet: string): void {
    for (const key in row.values) this.spent += row.values[key]!.length
    if (this.spent <= this.max) return
    throw new AppError(
      'LIMIT',
      `文件中的文字总量超过 ${formatCount(this.max)} 个字符（读到工作表「${sheet}」第 ${formatCount(row.row)} 行时），无法一次导入：请检查是否有异常的超长内容，或拆分成多个文件后分批导入`,
      { limit: this.max, sheet, row: row.row },
    )
  }
}

export function tooManyRows(maxRows: number, where?: string): AppError {
  return new AppError('LIMIT', `文件超过 ${formatCount(maxRows)} 行数据${where ? `（${where}）` : ''}，无法一次导入：请拆分成多个文件后分批导入`, {
    maxRows,
    where,
  })
}
