// 模板下载 of 发票入账: the 数电 or 税控 template, written fresh each time from sheet.ts so it always
// reads back. The code columns are text-formatted as whole columns (a 20-digit number typed later
// stays text instead of 2.6E+19), 开票日期 carries a date format, 是否入账 and 入账类型 are dropdowns,
// and the header is frozen. The 填写说明 sheet is one the reader never takes for data (layout.ts).
import type ExcelJS from 'exceljs'
import { loadExcelJS } from '../../files/excel/exceljs'
import type { BookingTemplate } from '../../../../shared/api/booking'
import { columnWidth, INSTRUCTIONS_SHEET, TEMPLATE_DATA_ROWS } from '../../files/excel/layout'
import type { SheetColumn } from '../../files/excel/spec'
import { bookingSheet } from './sheet'

export function bookingTemplateName(format: BookingTemplate): string {
  return `发票入账模板（${format}）.xlsx`
}

const TEXT_FORMAT = '@'
const DATE_FORMAT = 'yyyy-mm-dd'
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true }
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }

// ExcelJS writes range validations (one <dataValidation sqref="C2:C5001">) but its typings omit
// them; a validation per cell would write thousands of entries (files/excel/write.ts does the same)
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void }
}

function columnStyle(col: SheetColumn): Partial<ExcelJS.Style> {
  if (col.text) return { numFmt: TEXT_FORMAT }
  if (col.key === 'issueDate') return { numFmt: DATE_FORMAT }
  return {}
}

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = { vertical: 'middle' }
  })
}

export async function writeBookingTemplate(path: string, format: BookingTemplate): Promise<void> {
  const spec = bookingSheet(format)
  const wb = new (await loadExcelJS()).Workbook()
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = spec.columns.map((c) => ({ key: c.key, width: columnWidth(c), style: columnStyle(c) }))
  styleHeader(ws.addRow(spec.columns.map((c) => c.header)))

  spec.columns.forEach((col, i) => {
    if (!col.options) return
    const letter = ws.getColumn(i + 1).letter
    ;(ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${TEMPLATE_DATA_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${col.options.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '输入值无效',
      error: `「${col.header}」请从下拉列表中选择`,
    })
  })

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET)
  help.columns = [{ width: 14 }, { width: 70 }]
  help.addRow([spec.title]).font = { bold: true, size: 14 }
  // a paragraph runs on over the empty column beside it, as Excel shows unwrapped text
  for (const paragraph of spec.instructions) help.addRow([paragraph])
  help.addRow([])
  styleHeader(help.addRow(['列名', '填写说明']))
  for (const col of spec.columns) help.addRow([col.header, col.note ?? '']).alignment = { wrapText: true, vertical: 'top' }
  await wb.xlsx.writeFile(path)
}
