// 上传 of 发票入账: a filled template (.xlsx, .xls or .csv) → its rows, each checked cell by cell.
// The file is read as every import reads (files/excel/readStream.ts: the sheet and header found
// by column names, long numbers Excel rounded flagged). A file that is no 发票入账 template, has no
// rows or more than the platform takes at once is refused whole, saying what to fix; a row with a
// wrong cell is kept with its problem in Chinese — the job records it as 其他 and never sends it.
import fs from 'node:fs'
import path from 'node:path'
import type { BookingTemplate } from '../../../../shared/api/booking'
import { BOOKING_BATCH_MAX, type BookingType } from '../../../../shared/platform/booking'
import { AppError } from '../../errors'
import { DEFAULT_READ_LIMITS, headerNotFound, type TableRow } from '../../files/excel/read'
import { readTableStream, type TableHeader } from '../../files/excel/readStream'
import { formatCount } from '../../files/excel/units'
import { parseBookingType, parseDay, parsePeriod } from './cells'
import { BOOK_NO, BOOK_YES, readSheet } from './sheet'

export interface BookingFileRow {
  /** the spreadsheet's own row number, for messages and the result workbook */
  sheetRow: number
  /** 发票号码 as typed ('' when empty) */
  number: string
  /** 税控发票代码 as typed; null in a 数电 file */
  code: string | null
  /** 开票日期 YYYY-MM-DD; null when not a date */
  issueDate: string | null
  /** 是否入账: true 入账, false 撤销入账; null when neither */
  book: boolean | null
  /** 入账所属期 YYYYMM; null when empty or not a period */
  period: string | null
  /** 入账类型; null when empty (02 is meant) or not a type */
  type: BookingType | null
  /** what is wrong with the row, in Chinese, naming the column and the value; null for a good row */
  problem: string | null
}

export interface ReadBookingOptions {
  /** the file's name as the user picked it (its extension says the format); the path's by default */
  name?: string
  /** between chunks of a large file: yields to the event loop; may throw to stop */
  pause?: () => Promise<void>
}

const TEMPLATE_HINT = '请下载发票入账模板（数电或税控），按模板填写后再上传'

export async function readBookingFile(file: string, opts: ReadBookingOptions = {}): Promise<{ source: BookingTemplate; rows: BookingFileRow[] }> {
  const rows: TableRow[] = []
  let count = 0
  let header: TableHeader
  try {
    header = await readTableStream(
      fs.readFileSync(file),
      opts.name ?? path.basename(file),
      readSheet,
      {},
      {
        pause: opts.pause ?? (() => Promise.resolve()),
        // rows past the limit are only counted, so the refusal can say how many there are
        row: (r) => {
          if (++count <= BOOKING_BATCH_MAX) rows.push(r)
        },
      },
    )
  } catch (e) {
    throw notATemplate(e) ?? e
  }
  if (count === 0) throw new AppError('VALIDATION', '文件中没有数据：请在表头下方每行填写一张发票后再上传')
  if (count > BOOKING_BATCH_MAX) {
    throw new AppError(
      'VALIDATION',
      `文件有 ${formatCount(count)} 行数据，超过每次上传的上限 ${formatCount(BOOKING_BATCH_MAX)} 行：请拆分成多个文件，每个不超过 ${formatCount(BOOKING_BATCH_MAX)} 行，分批上传`,
      { rows: count, limit: BOOKING_BATCH_MAX },
    )
  }
  const source: BookingTemplate = header.mapped['code'] === undefined ? '数电' : '税控'
  const checked = rows.map((r) => bookingRow(r, source))
  markDuplicates(checked)
  return { source, rows: checked }
}

/** the reader's refusals of the header, said as what they mean here: not a 发票入账 template */
function notATemplate(e: unknown): AppError | null {
  if (!(e instanceof AppError) || e.code !== 'FILE_INVALID') return null
  const required = readSheet.columns.filter((c) => c.required)
  const named = (keys: string[]) =>
    required
      .filter((c) => keys.includes(c.key))
      .map((c) => `「${c.header}」`)
      .join('')
  if (e.message === headerNotFound(readSheet, DEFAULT_READ_LIMITS.headerSearchRows).message) {
    const all = required.map((c) => c.key)
    return new AppError('VALIDATION', `文件不是发票入账模板：前 ${DEFAULT_READ_LIMITS.headerSearchRows} 行中没有表头${named(all)}。${TEMPLATE_HINT}`, { missing: all })
  }
  const missing = (e.details as { missing?: string[] } | undefined)?.missing
  if (!missing) return null
  return new AppError('VALIDATION', `文件的表头缺少${named(missing)}列：请补上这些列后再上传，或${TEMPLATE_HINT}`, { missing })
}

/** a cell the reader distrusts: an error value (#N/A), or a long number Excel rounded */
function distrusted(r: TableRow, key: string, header: string): string | null {
  if (!r.problems.some((p) => p.key === key)) return null
  const text = r.values[key]!
  return text.startsWith('#') ? `${header}是错误值（${text}）：请改为正确内容后重新上传` : `${header}被 Excel 存成了数字（${text}），后几位已丢失：请把该列设为文本后重新填写`
}

function bookingRow(r: TableRow, source: BookingTemplate): BookingFileRow {
  const v = (key: string) => r.values[key] ?? ''
  const problems: string[] = []
  const check = (key: string, header: string, problem: () => string | null) => {
    const p = distrusted(r, key, header) ?? problem()
    if (p) problems.push(p)
  }

  const code = source === '税控' ? v('code') : null
  if (code !== null)
    check('code', '发票代码', () => (code === '' ? '发票代码不能为空（税控发票必填）' : /^(\d{10}|\d{12})$/.test(code) ? null : `发票代码「${code}」应为 10 位或 12 位数字`))
  const number = v('number')
  const digits = source === '税控' ? 8 : 20
  check('number', '发票号码', () => (number === '' ? '发票号码不能为空' : new RegExp(`^\\d{${digits}}$`).test(number) ? null : `发票号码「${number}」应为 ${digits} 位数字`))

  const issueDate = parseDay(v('issueDate'))
  check('issueDate', '开票日期', () => (issueDate ? null : v('issueDate') === '' ? '开票日期不能为空' : `开票日期「${v('issueDate')}」不是有效日期：请填写如 2026-11-03 的日期`))

  const book = v('book') === BOOK_YES ? true : v('book') === BOOK_NO ? false : null
  check('book', '是否入账', () => (book !== null ? null : v('book') === '' ? '是否入账不能为空：请填写“是”或“否”' : `是否入账「${v('book')}」应为“是”或“否”`))

  const period = parsePeriod(v('period'))
  check('period', '入账所属期', () => {
    if (v('period') !== '') return period ? null : `入账所属期「${v('period')}」应为 YYYYMM，如 202611`
    return book === true ? '是否入账为“是”时必须填写入账所属期（YYYYMM，如 202611）' : null
  })

  const type = parseBookingType(v('type'))
  check('type', '入账类型', () => (type || v('type') === '' ? null : `入账类型「${v('type')}」应为 02、03、04 或 05（可从下拉列表选择）`))

  return { sheetRow: r.row, number, code, issueDate, book, period, type, problem: problems.length > 0 ? problems.join('；') : null }
}

/**
 * The same invoice twice in one file: both are kept, the later ones say where the first is. Only
 * numbers of digits count: two numbers Excel rounded to 2.6E+19 look alike but need not be.
 */
function markDuplicates(rows: BookingFileRow[]): void {
  const first = new Map<string, number>()
  for (const row of rows) {
    if (!/^\d+$/.test(row.number)) continue
    const key = `${row.code ?? ''}/${row.number}`
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, row.sheetRow)
    else row.problem = [row.problem, `与第 ${earlier} 行重复（同一张发票填了两次）`].filter(Boolean).join('；')
  }
}
