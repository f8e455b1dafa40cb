// 发票汇总 as an .xlsx: the table as the screen shows it (per side: by 票种 with its 合计, then by
// 税率/征收率), money as numbers with two decimals so the bookkeeper can add them up in Excel.
import { loadExcelJS } from '../../files/excel/exceljs'
import type { InvoiceTotalsReport, SummaryFigures, SummaryRow } from '../../../../shared/api/invoiceExport'

export const SUMMARY_SHEET = '发票汇总'
const MONEY = '#,##0.00'

const GROUPS: { key: 'blue' | 'red' | 'net'; label: string }[] = [
  { key: 'blue', label: '蓝字' },
  { key: 'red', label: '红字' },
  { key: 'net', label: '合计' },
]
const FIGURES: { key: keyof SummaryFigures; label: string }[] = [
  { key: 'count', label: '份数' },
  { key: 'amount', label: '金额' },
  { key: 'tax', label: '税额' },
  { key: 'total', label: '价税合计' },
]

/** the header: 项目, then 份数/金额/税额/价税合计 for 蓝字, 红字 and 合计 */
export const SUMMARY_HEADER = ['项目', ...GROUPS.flatMap((g) => FIGURES.map((f) => `${g.label}${f.label}`))]

function cells(row: SummaryRow): (string | number)[] {
  return [row.label, ...GROUPS.flatMap((g) => FIGURES.map((f) => (f.key === 'count' ? row[g.key].count : Number(row[g.key][f.key]))))]
}

export async function writeSummary(report: InvoiceTotalsReport, filePath: string): Promise<void> {
  const wb = new (await loadExcelJS()).Workbook()
  const ws = wb.addWorksheet(SUMMARY_SHEET)
  ws.columns = SUMMARY_HEADER.map((h, i) => ({ width: i === 0 ? 16 : 14, style: i > 0 && (i - 1) % 4 !== 0 ? { numFmt: MONEY } : {} }))
  ws.addRow([`发票汇总（开票日期 ${report.from} 至 ${report.to}）`]).font = { bold: true, size: 14 }
  for (const side of report.sides) {
    ws.addRow([])
    const section = (title: string, rows: SummaryRow[]) => {
      ws.addRow([`${side.side} · ${title}`]).font = { bold: true }
      ws.addRow(SUMMARY_HEADER).font = { bold: true }
      for (const r of rows) ws.addRow(cells(r))
    }
    section('按票种', side.byKind)
    ws.addRow(cells(side.total)).font = { bold: true }
    section('按税率/征收率', side.byRate)
  }
  await wb.xlsx.writeFile(filePath)
}
