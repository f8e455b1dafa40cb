// The four data sheets of a filled template, read as the template lays them out: the version in
// the hidden sheet excelVersion first (any other version is refused before a cell is read), then
// each sheet's header row held to the spec (the platform reads by position, so a moved or renamed
// column is refused, naming it), then its data rows from row 4 as text by column key. The .xlsx is
// streamed (files/excel/xlsxStream.ts): its zip is checked first, and no part inflates beyond its
// declared size.
import { AppError } from '../../errors'
import { cellProblem, cellText } from '../../files/excel/cellValue'
import { columnIndex } from '../../files/excel/grid'
import { checkXlsxContainer, extensionOf, isZip } from '../../files/excel/openWorkbook'
import { DEFAULT_READ_LIMITS, type DenseRow } from '../../files/excel/read'
import { formatBytes, formatCount } from '../../files/excel/units'
import { openXlsxStream, type StreamSheet } from '../../files/excel/xlsxStream'
import { DATA_SHEETS, FIRST_DATA_ROW, HEADER_ROW, TEMPLATE_VERSION, VERSION_SHEET, type BatchColumn, type BatchSheet } from './templateSpec'

export interface SheetRow {
  /** the spreadsheet's 1-based row number */
  row: number
  /** by column key, '' when empty */
  values: Record<string, string>
  /** cells that cannot be trusted (an error value, a long number Excel rounded), by key */
  problems: Record<string, string>
}

export interface TemplateRows {
  version: string
  /** by sheet name, the non-blank rows from row 4 */
  sheets: Map<string, SheetRow[]>
}

const TEMPLATE_HINT = '请下载 V260401 版批量开票模板，按模板填写后再导入'
const noPause = () => Promise.resolve()

export async function readTemplateRows(bytes: Uint8Array, fileName: string, pause: () => Promise<void> = noPause): Promise<TemplateRows> {
  const lim = DEFAULT_READ_LIMITS
  if (bytes.length > lim.maxBytes)
    throw new AppError('LIMIT', `文件有 ${formatBytes(bytes.length)}，超过上限 ${formatBytes(lim.maxBytes)}：请拆分成多个文件后分批导入`, {
      bytes: bytes.length,
      limit: lim.maxBytes,
    })
  if (extensionOf(fileName) !== 'xlsx' || !isZip(bytes)) throw new AppError('FILE_INVALID', `批量开票只能导入 .xlsx 格式的官方模板（V260401 版）：${TEMPLATE_HINT}`)
  const zip = checkXlsxContainer(bytes, 'xlsx', lim.maxUncompressedBytes)
  let sheets: StreamSheet[]
  try {
    sheets = await openXlsxStream(bytes, zip, lim, pause)
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('FILE_INVALID', '文件已损坏或格式无法识别，无法读取：请在 Excel 中打开确认，另存为 .xlsx 后再导入', { cause: (e as Error).message })
  }
  const byName = new Map(sheets.map((s) => [s.name, s]))
  const version = await readVersion(byName.get(VERSION_SHEET), pause)
  const out = new Map<string, SheetRow[]>()
  for (const spec of DATA_SHEETS) {
    const sheet = byName.get(spec.name)
    if (!sheet) throw new AppError('VALIDATION', `文件中没有工作表「${spec.name}」：${TEMPLATE_HINT}`, { sheet: spec.name })
    out.set(spec.name, await readDataSheet(sheet, spec, pause))
  }
  return { version, sheets: out }
}

/** the first filled cell of excelVersion (the platform's own file has it in A4) */
async function readVersion(sheet: StreamSheet | undefined, pause: () => Promise<void>): Promise<string> {
  if (!sheet) throw new AppError('VALIDATION', `文件中没有模板版本标记（隐藏工作表 ${VERSION_SHEET}），不是税务平台的批量开票模板：${TEMPLATE_HINT}`, { found: null })
  let version = ''
  await sheet.rows(pause, (_, cells) => {
    version = cells.map((c) => cellText(c, true)).find((t) => t !== '') ?? ''
    return version === ''
  })
  if (version !== TEMPLATE_VERSION) {
    const found = version === '' ? '（空）' : `「${version}」`
    throw new AppError('VALIDATION', `模板版本为${found}，本软件只能导入 ${TEMPLATE_VERSION}（V260401 版）的批量开票模板：${TEMPLATE_HINT}`, {
      found: version,
      expected: TEMPLATE_VERSION,
    })
  }
  return version
}

const columnsOf = (spec: BatchSheet) => spec.columns.map((column) => ({ column, index: columnIndex(column.letter) }))

/** what a header cell says, compared without spaces and line breaks (Excel users re-wrap headers) */
const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '')

async function readDataSheet(sheet: StreamSheet, spec: BatchSheet, pause: () => Promise<void>): Promise<SheetRow[]> {
  const columns = columnsOf(spec)
  const rows: SheetRow[] = []
  let headerSeen = false
  await sheet.rows(pause, (number, cells) => {
    if (number === HEADER_ROW) {
      checkHeader(spec, cells)
      headerSeen = true
    }
    if (number < FIRST_DATA_ROW) return true
    if (!headerSeen) checkHeader(spec, [])
    headerSeen = true
    const row = dataRow(number, cells, columns)
    if (row) {
      if (rows.length === DEFAULT_READ_LIMITS.maxRows)
        throw new AppError('LIMIT', `工作表「${spec.name}」超过 ${formatCount(DEFAULT_READ_LIMITS.maxRows)} 行数据，无法一次导入：请拆分成多个文件后分批导入`)
      rows.push(row)
    }
    return true
  })
  if (!headerSeen) checkHeader(spec, [])
  return rows
}

function checkHeader(spec: BatchSheet, cells: DenseRow): void {
  for (const { column, index } of columnsOf(spec)) {
    if (column.header === '') continue
    const found = cellText(cells[index], false)
    if (squeeze(found) === squeeze(column.header)) continue
    const said = found === '' ? '是空的' : `是「${found}」`
    throw new AppError(
      'VALIDATION',
      `工作表「${spec.name}」第 ${HEADER_ROW} 行 ${column.letter} 列应为表头「${squeeze(column.header)}」，实际${said}：模板的列不能增删或移动，${TEMPLATE_HINT}`,
      {
        sheet: spec.name,
        column: column.letter,
        expected: column.header,
        found,
      },
    )
  }
}

function dataRow(number: number, cells: DenseRow, columns: { column: BatchColumn; index: number }[]): SheetRow | null {
  const values: Record<string, string> = {}
  const problems: Record<string, string> = {}
  let filled = false
  for (const { column, index } of columns) {
    const cell = cells[index]
    const text = cellText(cell, true)
    values[column.key] = text
    if (text === '') continue
    filled = true
    // every column of the template is text: a long number typed into any of them lost its digits
    const problem = cellProblem(cell, text, true)
    if (problem) problems[column.key] = problem
  }
  return filled ? { row: number, values, problems } : null
}
