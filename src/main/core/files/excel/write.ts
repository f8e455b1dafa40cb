// Templates and exports with ExcelJS. The same SheetSpec drives both and the reader, so a template
// filled in, an export, or an error report (the rejected rows plus 错误原因) re-imports unchanged.
import type ExcelJS from 'exceljs'
import { loadExcelJS } from './exceljs'
import { safeCellText } from './formulaGuard'
import { columnWidth, headerLabel, INSTRUCTIONS_SHEET, OPTIONS_SHEET, TEMPLATE_DATA_ROWS } from './layout'
import type { SheetColumn, SheetSpec } from './spec'

export { safeCellText } from './formulaGuard'

export interface RowWriter {
  add(values: Record<string, string | number | null | undefined>): void
  close(): Promise<void>
}

export interface ExtraColumn {
  key: string
  header: string
  width?: number
}

const TEXT_FORMAT = '@'
/** Excel refuses an inline dropdown list longer than 255 characters. */
const INLINE_LIST_MAX = 255

const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true }
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = { vertical: 'middle' }
  })
}

/** Text columns are text-formatted as whole columns, so IDs typed later stay text (no 9.13E+17). */
function columnDefs(spec: SheetSpec, extra: readonly ExtraColumn[] = []): Partial<ExcelJS.Column>[] {
  return [
    ...spec.columns.map((c) => ({ key: c.key, width: columnWidth(c), style: c.text ? { numFmt: TEXT_FORMAT } : {} })),
    ...extra.map((c) => ({ key: c.key, width: columnWidth(c) })),
  ]
}

// ExcelJS supports range validations (one <dataValidation sqref="B2:B5001">) but its typings omit
// `dataValidations`; per-cell validation would write thousands of entries.
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void }
}

export async function writeTemplate(spec: SheetSpec, filePath: string): Promise<void> {
  const wb = new (await loadExcelJS()).Workbook()
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columnDefs(spec)
  styleHeader(ws.addRow(spec.columns.map(headerLabel)))
  writeInstructions(wb.addWorksheet(INSTRUCTIONS_SHEET), spec)

  let lists: ExcelJS.Worksheet | undefined
  spec.columns.forEach((col, i) => {
    if (!col.options?.length) return
    const letter = ws.getColumn(i + 1).letter
    let formula = `"${col.options.join(',')}"`
    if (formula.length > INLINE_LIST_MAX || col.options.some((o) => /[,"]/.test(o))) {
      const sheet = (lists ??= wb.addWorksheet(OPTIONS_SHEET, { state: 'hidden' }))
      col.options.forEach((o, r) => (sheet.getCell(r + 1, i + 1).value = o))
      formula = `'${OPTIONS_SHEET}'!$${letter}$1:$${letter}$${col.options.length}`
    }
    ;(ws as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${TEMPLATE_DATA_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '输入值无效',
      error: `「${col.header}」请从下拉列表中选择：${col.options.join('、')}`,
    })
  })
  await wb.xlsx.writeFile(filePath)
}

function writeInstructions(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  ws.columns = [{ width: 28 }, { width: 10 }, { width: 60 }, { width: 40 }]
  const title = ws.addRow([spec.title])
  title.font = { bold: true, size: 14 }
  for (const paragraph of spec.instructions) ws.addRow([paragraph])
  ws.addRow([])
  styleHeader(ws.addRow(['列名', '是否必填', '填写说明', '可选值']))
  for (const col of spec.columns) {
    ws.addRow([col.header, col.required ? '必填' : '选填', col.note ?? '', col.options?.join('、') ?? '']).alignment = {
      wrapText: true,
      vertical: 'top',
    }
  }
}

/**
 * A streaming export: rows go to disk as they are added (100,000 rows never sit in memory).
 * The header is the template's (required columns with `*`); `extraColumns` (原行号, 错误原因) follow.
 */
export async function openExportWriter(spec: SheetSpec, filePath: string, opts?: { extraColumns?: ExtraColumn[] }): Promise<RowWriter> {
  const extra = opts?.extraColumns ?? []
  const wb = new (await loadExcelJS()).stream.xlsx.WorkbookWriter({ filename: filePath, useStyles: true })
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columnDefs(spec, extra)
  const header = ws.addRow([...spec.columns.map(headerLabel), ...extra.map((c) => c.header)])
  styleHeader(header)
  header.commit()

  const columns: Pick<SheetColumn, 'key' | 'text'>[] = [...spec.columns, ...extra]
  return {
    add(values) {
      ws.addRow(columns.map((c) => exportValue(values[c.key], c.text === true))).commit()
    },
    async close() {
      ws.commit()
      await wb.commit()
    },
  }
}

/** Strings stay strings (guarded against formulas); numbers stay numbers except in text columns. */
function exportValue(v: string | number | null | undefined, textColumn: boolean): string | number | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'number') return textColumn ? String(v) : v
  return safeCellText(v)
}
