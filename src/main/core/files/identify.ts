// Which import a spreadsheet is, read from the workbook itself — never from its name: the official
// 批量开具 template by its sheets (the batch reader's own sheet names and version sheet), the
// others by the header row each import's reader would find (the same specs and the same header
// search: customers, items, 发票入账). The best-matching header wins; a workbook none of them
// reads is refused, saying what each import expects — from those same specs.
import fs from 'node:fs'
import type { ImportKind } from '../../../shared/api/files'
import { AppError } from '../errors'
import { DATA_SHEETS, VERSION_SHEET } from '../features/batch/templateSpec'
import { readSheet as bookingSheet } from '../features/booking/sheet'
import { customerSheet } from '../features/customers/sheet'
import { itemSheet } from '../features/items/sheet'
import { checkXlsxContainer, extensionOf, isZip } from './excel/openWorkbook'
import { DEFAULT_READ_LIMITS, headerNotFound } from './excel/read'
import { readTableStream } from './excel/readStream'
import type { SheetSpec } from './excel/spec'
import { openXlsxStream } from './excel/xlsxStream'

/** the imports told apart by their header row, each with the spec its own reader uses */
const TABLE_IMPORTS: { kind: ImportKind; spec: SheetSpec; name: string }[] = [
  { kind: 'customers', spec: customerSheet, name: customerSheet.title! },
  { kind: 'items', spec: itemSheet, name: itemSheet.title! },
  { kind: 'booking', spec: bookingSheet, name: '发票入账模板' },
]

/**
 * Thrown from the row hook once the header is known: the rest of the file need not be read. An
 * AppError, because the readers pass their own errors through and wrap any other as 文件已损坏.
 */
const HEADER_FOUND = new AppError('INTERNAL', 'header found')

export async function identifyImport(file: { path: string; name: string }): Promise<{ kind: ImportKind }> {
  extensionOf(file.name)
  const bytes = fs.readFileSync(file.path)
  if (await isBatchTemplate(bytes, file.name)) return { kind: 'batch' }
  let best: { kind: ImportKind; columns: number } | null = null
  for (const t of TABLE_IMPORTS) {
    const columns = await headerColumns(bytes, file.name, t.spec)
    if (columns > (best?.columns ?? 0)) best = { kind: t.kind, columns }
  }
  if (!best) throw notAnImport(file.name)
  return { kind: best.kind }
}

/** the official template: the batch reader's data sheets, or its version sheet (whatever version: the import says which it takes) */
async function isBatchTemplate(bytes: Buffer, name: string): Promise<boolean> {
  if (extensionOf(name) !== 'xlsx' || !isZip(bytes)) return false
  const zip = checkXlsxContainer(bytes, 'xlsx', DEFAULT_READ_LIMITS.maxUncompressedBytes)
  let names: Set<string>
  try {
    names = new Set((await openXlsxStream(bytes, zip, DEFAULT_READ_LIMITS, () => Promise.resolve())).map((s) => s.name))
  } catch {
    // not a workbook SheetJS-free streaming can read: the table readers say what is wrong with it
    return false
  }
  return names.has(VERSION_SHEET) || DATA_SHEETS.every((s) => names.has(s.name))
}

/** how many columns of `spec` the file's header names; 0 when the reader finds no header of it */
async function headerColumns(bytes: Buffer, name: string, spec: SheetSpec): Promise<number> {
  let columns = 0
  try {
    const header = await readTableStream(
      bytes,
      name,
      spec,
      {},
      {
        pause: () => Promise.resolve(),
        // a data row carries every mapped column (empty ones as ''): the header is known, stop here
        row: (r) => {
          columns = Object.keys(r.values).length
          throw HEADER_FOUND
        },
      },
    )
    return Object.keys(header.mapped).length
  } catch (e) {
    if (e === HEADER_FOUND) return columns
    if (isHeaderRefusal(e, spec)) return 0
    throw e
  }
}

/** the reader's "this is not my table" refusals: no header, a required column missing, two columns for one */
function isHeaderRefusal(e: unknown, spec: SheetSpec): boolean {
  if (!(e instanceof AppError) || e.code !== 'FILE_INVALID') return false
  const details = e.details as { missing?: unknown; column?: unknown } | undefined
  return e.message === headerNotFound(spec, DEFAULT_READ_LIMITS.headerSearchRows).message || details?.missing !== undefined || details?.column !== undefined
}

function notAnImport(name: string): AppError {
  const expected = TABLE_IMPORTS.map((t) => {
    const required = t.spec.columns.filter((c) => c.required).map((c) => `「${c.header}」`)
    return `${t.name}（表头含${required.join('')}）`
  })
  return new AppError(
    'VALIDATION',
    `无法识别「${name}」是哪种导入文件：应为${expected.slice(0, 2).join('、')}、税务平台的批量开票模板（V260401 版）或${expected[2]}。请在对应页面下载导入模板，按模板填写后再打开`,
    { expected: ['customers', 'items', 'batch', 'booking'] },
  )
}
