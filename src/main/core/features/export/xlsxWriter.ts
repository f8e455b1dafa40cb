// The invoice export as a streamed .xlsx (files/excel/streamedWorkbook.ts): a header row frozen
// above the rows, money as numbers in #,##0.00, a bold 合计 row at the end. The workbook zips one
// sheet after the other, so the caller writes 发票列表 whole, commits it, then 发票明细.
// A sheet holds at most Excel's 1,048,576 rows: past that the rows go on in 发票明细(2) and so on,
// each part with its header, and the 合计 of all of them closes the last part.
import { MAX_ROWS } from '../../files/excel/grid'
import { openStreamedWorkbook, type CellStyle, type CellValue, type StreamedSheet } from '../../files/excel/streamedWorkbook'
import { safeCellText } from '../../files/excel/write'
import type { Column } from './columns'
import { decimalCell, Totals, type TableWriter } from './table'

export interface SheetWriter<R> extends TableWriter<R> {
  /** the sheet is complete */
  commit(): Promise<void>
  /** waits while more than about a megabyte of this sheet's XML waits for deflate */
  drain(): Promise<void>
}

export interface ExportWorkbook {
  sheet<R>(name: string, columns: Column<R>[]): SheetWriter<R>
  close(): Promise<void>
}

function cell<R>(c: Column<R>, r: R): CellValue {
  const v = c.value(r)
  if (v === null || v === undefined) return null
  if (c.kind === 'money') return (v as number) / 100
  if (c.kind === 'decimal') return decimalCell(String(v))
  return typeof v === 'string' ? safeCellText(v) : v
}

export function openWorkbook(filePath: string, modified: Date, rowsPerSheet = MAX_ROWS): ExportWorkbook {
  const wb = openStreamedWorkbook(filePath, modified)
  return {
    sheet<R>(name: string, columns: Column<R>[]): SheetWriter<R> {
      const widths = columns.map((c) => c.width)
      const styles: CellStyle[] = columns.map((c) => (c.kind === 'money' ? 'money' : 'plain'))
      const bold: CellStyle[] = columns.map((c) => (c.kind === 'money' ? 'boldMoney' : 'bold'))
      let parts = 0
      const part = (): StreamedSheet => {
        parts++
        const ws = wb.sheet(parts === 1 ? name : `${name}(${parts})`, widths)
        ws.row(
          columns.map((c) => c.header),
          columns.map(() => 'header'),
        )
        return ws
      }
      let ws = part()
      // rows past a full part wait here until `drain` opens the next (a slice's worth at most)
      const waiting: { cells: CellValue[]; styles: CellStyle[] }[] = []
      // a part holds its header and rows, and one row more: room for the 合计 wherever rows end
      const full = () => ws.rows() >= rowsPerSheet - 1
      const put = (cells: CellValue[], as: CellStyle[]) => {
        if (full() || waiting.length > 0) waiting.push({ cells, styles: as })
        else ws.row(cells, as)
      }
      const totals = new Totals(columns)
      const drain = async () => {
        while (waiting.length > 0) {
          if (full()) {
            await ws.end()
            ws = part()
          }
          for (const w of waiting.splice(0, rowsPerSheet - 1 - ws.rows())) ws.row(w.cells, w.styles)
          await ws.drain()
        }
        await ws.drain()
      }
      return {
        add(r) {
          totals.add(r)
          put(
            columns.map((c) => cell(c, r)),
            styles,
          )
        },
        finish(unit) {
          const cells = totals.cells(unit).map((v, i) => (columns[i]!.kind === 'money' ? (v as number) / 100 : v))
          // the 合计 may take the spare row of a full part, but never before rows still waiting
          if (waiting.length === 0) ws.row(cells, bold)
          else waiting.push({ cells, styles: bold })
        },
        drain,
        async commit() {
          await drain()
          await ws.end()
        },
      }
    },
    close: () => wb.close(),
  }
}
