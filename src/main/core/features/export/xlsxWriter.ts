// The invoice export as a streamed .xlsx (ExcelJS WorkbookWriter): rows are rendered to XML as they
// are added, strings inline (no shared-string table growing with the file). ExcelJS zips one sheet
// after the other, so the caller writes 发票列表 whole, commits it, then 发票明细.
import ExcelJS from 'exceljs'
import { safeCellText } from '../../files/excel/write'
import type { Column } from './columns'
import { decimalCell, Totals, type TableWriter } from './table'

const MONEY_FORMAT = '#,##0.00'
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }

export interface SheetWriter<R> extends TableWriter<R> {
  /** the sheet is complete: it leaves memory for the file */
  commit(): void
  /** waits while more than a few MB of this sheet's XML wait for deflate */
  drain(): Promise<void>
}

/**
 * ExcelJS writes a sheet's XML into the zip's input (archiver wraps it in a PassThrough) without
 * back-pressure, while deflate takes a chunk per turn of the event loop: written flat out, the
 * XML of a 300,000-row sheet piled up there (bench/export.ts: 121 MB of buffers; 30 MB with this
 * wait). The queue is the PassThrough's writable state — not in the typings, so read defensively:
 * a field missing counts as nothing waiting.
 */
interface SheetStream {
  pipes?: { _writableState?: { length?: number } }[]
}
const PENDING_LIMIT = 4 * 1024 * 1024
/** a deflate that makes no progress this long is left to finish at commit, not waited on here */
const STUCK_MS = 10_000

function pendingBytes(ws: ExcelJS.Worksheet): number {
  const stream = (ws as unknown as { stream?: SheetStream }).stream
  let n = 0
  for (const p of stream?.pipes ?? []) n += p._writableState?.length ?? 0
  return n
}

async function drained(ws: ExcelJS.Worksheet): Promise<void> {
  let last = pendingBytes(ws)
  let since = Date.now()
  while (last > PENDING_LIMIT && Date.now() - since < STUCK_MS) {
    await new Promise((r) => setTimeout(r, 1))
    const now = pendingBytes(ws)
    if (now < last) since = Date.now()
    last = now
  }
}

export interface StreamedWorkbook {
  sheet<R>(name: string, columns: Column<R>[]): SheetWriter<R>
  close(): Promise<void>
}

function cell<R>(c: Column<R>, r: R): string | number | null {
  const v = c.value(r)
  if (v === null || v === undefined) return null
  if (c.kind === 'money') return (v as number) / 100
  if (c.kind === 'decimal') return decimalCell(String(v))
  return typeof v === 'string' ? safeCellText(v) : v
}

/**
 * ExcelJS gives each new cell a style object of its own and then looks every one up again when
 * writing — most of an export's time. Cells given one shared object per column are looked up once
 * (ExcelJS remembers styles by object).
 */
function sharedStyles<R>(columns: Column<R>[], font?: Partial<ExcelJS.Font>): Partial<ExcelJS.Style>[] {
  const plain: Partial<ExcelJS.Style> = font ? { font } : {}
  const money: Partial<ExcelJS.Style> = { numFmt: MONEY_FORMAT, ...plain }
  return columns.map((c) => (c.kind === 'money' ? money : plain))
}

function styled(row: ExcelJS.Row, styles: Partial<ExcelJS.Style>[]): ExcelJS.Row {
  row.eachCell((c, col) => (c.style = styles[col - 1]!))
  return row
}

/** an empty value is no cell at all (ExcelJS makes, styles and writes a cell for a null) */
const present = (v: string | number | null) => (v === null ? undefined : v)

export function openWorkbook(filePath: string): StreamedWorkbook {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true, useSharedStrings: false })
  return {
    sheet<R>(name: string, columns: Column<R>[]): SheetWriter<R> {
      const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
      ws.columns = columns.map((c) => ({ width: c.width }))
      const styles = sharedStyles(columns)
      const header = ws.addRow(columns.map((c) => c.header))
      header.eachCell((h) => {
        h.font = { bold: true }
        h.fill = HEADER_FILL
      })
      header.commit()
      const totals = new Totals(columns)
      return {
        add(r) {
          totals.add(r)
          styled(ws.addRow(columns.map((c) => present(cell(c, r)))), styles).commit()
        },
        finish(unit) {
          const cells = totals.cells(unit).map((v, i) => present(columns[i]!.kind === 'money' ? (v as number) / 100 : v))
          styled(ws.addRow(cells), sharedStyles(columns, { bold: true })).commit()
        },
        commit: () => ws.commit(),
        drain: () => drained(ws),
      }
    },
    close: () => wb.commit(),
  }
}
