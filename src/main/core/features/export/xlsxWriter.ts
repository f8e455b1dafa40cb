// The invoice export as a streamed .xlsx (ExcelJS WorkbookWriter): each row goes to disk when added,
// strings inline (no shared-string table growing with the file). ExcelJS zips one sheet after the
// other, so a second sheet written while the first is open would sit in memory: the caller writes
// 发票列表 whole, commits it, then 发票明细.
import ExcelJS from 'exceljs'
import { safeCellText } from '../../files/excel/write'
import type { Column } from './columns'
import { decimalCell, Totals, type TableWriter } from './table'

const MONEY_FORMAT = '#,##0.00'
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }

export interface SheetWriter<R> extends TableWriter<R> {
  /** the sheet is complete: it leaves memory for the file */
  commit(): void
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

export function openWorkbook(filePath: string): StreamedWorkbook {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true, useSharedStrings: false })
  return {
    sheet<R>(name: string, columns: Column<R>[]): SheetWriter<R> {
      const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
      ws.columns = columns.map((c) => ({ width: c.width, style: c.kind === 'money' ? { numFmt: MONEY_FORMAT } : {} }))
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
          ws.addRow(columns.map((c) => cell(c, r))).commit()
        },
        finish(unit) {
          const row = ws.addRow(totals.cells(unit).map((v, i) => (columns[i]!.kind === 'money' ? (v as number) / 100 : v)))
          row.font = { bold: true }
          row.commit()
        },
        commit: () => ws.commit(),
      }
    },
    close: () => wb.commit(),
  }
}
