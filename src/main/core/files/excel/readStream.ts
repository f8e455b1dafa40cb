// Reads a table row by row, whatever the file: an .xlsx streams (xlsxStream.ts) and plain CSV is
// split as it is read (csvStream.ts), so a 100,000-row file never sits in memory as a sheet, and
// the event loop is handed back as they go; what only SheetJS reads (.xls, XML and HTML
// spreadsheets) is parsed whole and then handed out in slices. The same rules as readTable apply —
// the same pre-checks, sheet choice, header mapping, cell conversion and limits — and rows go to
// the caller one by one.
import { AppError } from '../../errors'
import { headerNames, headerScore, mapHeader } from './header'
import { INSTRUCTIONS_SHEET } from './layout'
import { CSV_SHEET, csvRows, isPlainDelimited } from './csvStream'
import { decodeText, looksLikeText } from './decodeText'
import { checkXlsxContainer, extensionOf, isCfb, isZip } from './openWorkbook'
import {
  DEFAULT_READ_LIMITS,
  headerNotFound,
  readTable,
  rowColumns,
  rowTexts,
  TextBudget,
  toTableRow,
  tooManyRows,
  type DenseRow,
  type ReadLimits,
  type ReadResult,
  type TableRow,
} from './read'
import type { SheetSpec } from './spec'
import { formatBytes, formatCount } from './units'
import { openXlsxStream, type StreamSheet } from './xlsxStream'

export interface StreamHooks {
  /** called between chunks: yields to the event loop; may throw to stop (cancel) */
  pause(): Promise<void>
  /** each data row, in order, once the header is known: nothing holds the whole table */
  row(row: TableRow): void
}

/** what readTable returns but the rows, which went to `row` one by one */
export type TableHeader = Omit<ReadResult, 'rows'>

/** rows of a table SheetJS parsed whole, handed out between two pauses */
const SLICE = 2000

export async function readTableStream(bytes: Uint8Array, fileName: string, spec: SheetSpec, limits: Partial<ReadLimits>, hooks: StreamHooks): Promise<TableHeader> {
  const lim: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits }
  if (bytes.length > lim.maxBytes)
    throw new AppError('LIMIT', `文件有 ${formatBytes(bytes.length)}，超过上限 ${formatBytes(lim.maxBytes)}：请删除无关的工作表或拆分成多个文件后分批导入`, {
      bytes: bytes.length,
      limit: lim.maxBytes,
    })
  const ext = extensionOf(fileName)
  if (ext === 'xlsx' && isZip(bytes)) {
    const zip = checkXlsxContainer(bytes, ext, lim.maxUncompressedBytes)
    try {
      return await readSheets(await openXlsxStream(bytes, zip, lim, hooks.pause), spec, lim, hooks)
    } catch (e) {
      if (e instanceof AppError) throw e
      throw new AppError('FILE_INVALID', '文件已损坏或格式无法识别，无法读取：请在 Excel 中打开确认，另存为 .xlsx 后再导入', { cause: (e as Error).message })
    }
  }
  const text = ext === 'text' ? plainText(bytes) : null
  if (text !== null) return readSheets([{ name: CSV_SHEET, hidden: false, rows: (pause, row) => csvRows(text, pause, row) }], spec, lim, hooks)

  const { rows, ...header } = readTable(bytes, fileName, spec, limits)
  for (const [i, r] of rows.entries()) {
    hooks.row(r)
    if ((i + 1) % SLICE === 0) await hooks.pause()
  }
  return header
}

/** the decoded text of a plain CSV, or null when readTable is to say what the bytes are */
function plainText(bytes: Uint8Array): string | null {
  if (bytes.length === 0 || isZip(bytes) || isCfb(bytes)) return null
  const text = decodeText(bytes)
  return looksLikeText(text) && isPlainDelimited(text) ? text : null
}

/** the first visible data sheet (workbook order) with a header near its top: its header; its rows went to `row` */
async function readSheets(sheets: StreamSheet[], spec: SheetSpec, lim: ReadLimits, hooks: StreamHooks): Promise<TableHeader> {
  const names = headerNames(spec)
  for (const sheet of sheets) {
    if (sheet.hidden || sheet.name === INSTRUCTIONS_SHEET) continue
    const table = new SheetTable(sheet.name, names, spec, lim, hooks.row)
    await sheet.rows(hooks.pause, (number, cells) => table.push(number, cells))
    const found = table.finish()
    if (found) return found
  }
  throw headerNotFound(spec, lim.headerSearchRows)
}

/** One sheet's rows as they stream by: the top rows wait until the header is chosen. */
class SheetTable {
  private readonly top: { number: number; cells: DenseRow }[] = []
  private columns: ReturnType<typeof rowColumns> | null = null
  private found: TableHeader | null = null
  private noHeader = false
  private count = 0
  private readonly budget: TextBudget

  constructor(
    private readonly sheetName: string,
    private readonly names: ReturnType<typeof headerNames>,
    private readonly spec: SheetSpec,
    private readonly lim: ReadLimits,
    private readonly emit: (row: TableRow) => void,
  ) {
    this.budget = new TextBudget(lim.maxTextChars)
  }

  /** false once the sheet has shown it has no header: the rest of it need not be read */
  push(number: number, cells: DenseRow): boolean {
    if (!this.columns && number <= this.lim.headerSearchRows) {
      this.top.push({ number, cells })
      return true
    }
    if (!this.columns && !this.chooseHeader()) return false
    this.add(toTableRow(cells, number, this.columns!), number)
    return true
  }

  /** the sheet's header, or null when it has none */
  finish(): TableHeader | null {
    if (!this.columns && !this.noHeader) this.chooseHeader()
    return this.columns ? this.found : null
  }

  /** the best header among the top rows, as readTable chooses it; the rows below it are data */
  private chooseHeader(): boolean {
    let best: (typeof this.top)[number] | null = null
    let bestScore = 0
    for (const t of this.top) {
      const score = headerScore(rowTexts(t.cells), this.names, this.spec)
      if (score > bestScore) [best, bestScore] = [t, score]
    }
    if (!best) {
      this.noHeader = true
      return false
    }
    const header = mapHeader(rowTexts(best.cells), best.number, this.names, this.spec)
    this.columns = rowColumns(header)
    this.found = { sheetName: this.sheetName, headerRow: best.number, mapped: header.mapped, ignoredHeaders: header.ignoredHeaders }
    for (const t of this.top) if (t.number > best.number) this.add(toTableRow(t.cells, t.number, this.columns), t.number)
    return true
  }

  private add(row: TableRow | null, number: number): void {
    if (!row) return
    if (this.count++ === this.lim.maxRows) throw tooManyRows(this.lim.maxRows, `工作表「${this.sheetName}」读到第 ${formatCount(number)} 行时`)
    this.budget.spend(row, this.sheetName)
    this.emit(row)
  }
}
