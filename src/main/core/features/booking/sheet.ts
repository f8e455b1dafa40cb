// The 发票入账 spreadsheet (manual §2.6.2): the two templates of 模板下载 and the reader of 上传 share
// these columns, so a template filled in reads back as written. 数电 has 发票号码 (20 digits); 税控
// adds 发票代码 in front of its 8-digit 发票号码, and that column is how the reader tells them apart.
// 入账类型 is our own column (the platform's template has none): empty means 02.
import type { BookingTemplate } from '../../../../shared/api/booking'
import { BOOKING_BATCH_MAX, BOOKING_STATUSES, BOOKING_TYPES, type BookingType } from '../../../../shared/platform/booking'
import type { SheetColumn, SheetSpec } from '../../files/excel/spec'
import { formatCount } from '../../files/excel/units'

/** 入账类型 in the dropdown: the code and its words ("02 入账（企业所得税税前扣除）") */
export function bookingTypeText(type: BookingType): string {
  return `${type} ${BOOKING_STATUSES.find((s) => s.code === type)!.label}`
}
export const BOOKING_TYPE_OPTIONS = BOOKING_TYPES.map(bookingTypeText)

export const BOOK_YES = '是'
export const BOOK_NO = '否'

const code: SheetColumn = {
  key: 'code',
  header: '发票代码',
  synonyms: ['税控发票代码'],
  text: true,
  width: 16,
  note: '10 位或 12 位数字',
}
const number = (format: BookingTemplate): SheetColumn => ({
  key: 'number',
  header: '发票号码',
  synonyms: ['数电票号码', '数电发票号码', '全电发票号码'],
  required: true,
  text: true,
  width: format === '税控' ? 14 : 26,
  note: format === '税控' ? '8 位数字' : '20 位数字',
})
const issueDate: SheetColumn = {
  key: 'issueDate',
  header: '开票日期',
  synonyms: ['开具日期'],
  required: true,
  width: 14,
  note: '发票上的开票日期，如 2026-11-03（也可写 2026/11/3 或 20261103）',
}
const book: SheetColumn = {
  key: 'book',
  header: '是否入账',
  synonyms: ['能否入账'],
  required: true,
  options: [BOOK_YES, BOOK_NO],
  width: 12,
  note: '是：入账；否：撤销该发票的入账',
}
const period: SheetColumn = {
  key: 'period',
  header: '入账所属期',
  synonyms: ['所属期', '入账期间'],
  required: true,
  text: true,
  width: 14,
  note: 'YYYYMM，如 202611；是否入账为“是”时必填',
}
const type: SheetColumn = {
  key: 'type',
  header: '入账类型',
  options: BOOKING_TYPE_OPTIONS,
  width: 36,
  note: '从下拉列表选择（也可只写 02～05）；不填视为 02',
}

/** the columns of one template, in its order */
function columns(format: BookingTemplate): SheetColumn[] {
  return format === '税控' ? [code, number(format), issueDate, book, period, type] : [number(format), issueDate, book, period, type]
}

export function bookingSheet(format: BookingTemplate): SheetSpec {
  return {
    sheetName: '发票入账',
    title: `发票入账模板（${format}）`,
    instructions: [
      '请从第 2 行开始填写，每行一张发票；表头不要修改，列的顺序可以调整。',
      format === '税控' ? '税控发票：发票代码为 10 位或 12 位数字，发票号码为 8 位数字。' : '数电发票：发票号码为 20 位数字。',
      '是否入账填“是”即入账，须填写入账所属期（YYYYMM，如 202611）；入账类型不填视为 02。填“否”即撤销该发票的入账，入账所属期和入账类型可不填。',
      `入账类型：${BOOKING_TYPE_OPTIONS.join('；')}。`,
      `每个文件最多 ${formatCount(BOOKING_BATCH_MAX)} 张发票，同一张发票只填一行。`,
      '发票代码、发票号码和入账所属期列已设为“文本”格式：从其他表格粘贴时请选择“只粘贴值”，否则 Excel 会把长数字变成 2.6E+19 这样的科学计数法，号码就丢了。',
    ],
    columns: columns(format),
  }
}

/** what the reader looks for: every column of both templates, 发票代码 optional (it marks 税控) */
export const readSheet: SheetSpec = { ...bookingSheet('数电'), columns: [code, ...columns('数电')] }
