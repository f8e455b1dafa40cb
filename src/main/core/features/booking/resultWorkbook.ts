// 下载 of a finished 发票入账 job (manual §2.6.2 (7)): the platform's result workbook — 分类汇总, the
// rows per result class (every class, in the platform's order, even when none), and 明细, each row
// as it was typed with its result and why. Written as a streamed workbook like every export
// (files/excel/streamedWorkbook.ts): text stays text, so a 20-digit 发票号码 is never a number.
import type { BookingJob } from '../../../../shared/api/booking'
import { BOOKING_RESULTS, USE_STATUSES, type BookingType } from '../../../../shared/platform/booking'
import { formatTime } from '../../../../shared/timeText'
import { openStreamedWorkbook, type CellStyle, type CellValue } from '../../files/excel/streamedWorkbook'
import { safeCellText } from '../../files/excel/write'
import type { bookingJobRows } from '../../ledger/schema'
import { BOOK_NO, BOOK_YES, bookingTypeText } from './sheet'

export type BookingResultJob = Pick<BookingJob, 'source' | 'kind' | 'fileName' | 'createdAt' | 'finishedAt'>
type JobRow = typeof bookingJobRows.$inferSelect

const what = (job: BookingResultJob) => (job.kind === 'use' ? '用途确认' : '发票入账')

/** 发票入账结果_进项发票_20261203150405.xlsx: what, from which file, when it finished */
export function bookingResultName(job: BookingResultJob): string {
  const from = job.fileName ? job.fileName.replace(/\.[^.]*$/, '') : '进项列表'
  const at = formatTime(job.finishedAt ?? job.createdAt).replace(/\D/g, '')
  return `${what(job)}结果_${from}_${at}.xlsx`
}

/** a row not answered yet (the workbook of an unfinished job) */
const PENDING = '待处理'

/** 说明: the platform's reason; for 重复入账 the period the invoice was booked in before */
function explanation(row: JobRow): string {
  const message = row.message ?? ''
  if (row.result !== 'duplicate' || !row.earlierPeriod || message.includes(row.earlierPeriod)) return message
  return [message, `该发票已在所属期 ${row.earlierPeriod} 入账`].filter(Boolean).join('；')
}

interface DetailColumn {
  header: string
  width: number
  value(row: JobRow, index: number): CellValue
}

const text = (s: string | null) => (s ? safeCellText(s) : null)

function detailColumns(job: BookingResultJob): DetailColumn[] {
  const fromFile = job.source !== 'list'
  const columns: (DetailColumn | false)[] = [
    { header: '序号', width: 8, value: (_, i) => i + 1 },
    fromFile && { header: '行号', width: 8, value: (r) => r.sheetRow },
    job.source === '税控' && { header: '发票代码', width: 16, value: (r) => text(r.code) },
    { header: '发票号码', width: 24, value: (r) => text(r.number) },
    ...(job.kind === 'use'
      ? [{ header: '用途确认', width: 10, value: (r: JobRow) => USE_STATUSES.find((u) => u.code === r.use)?.label ?? null }]
      : [
          { header: '开票日期', width: 12, value: (r: JobRow) => r.issueDate },
          { header: '是否入账', width: 10, value: (r: JobRow) => (r.book === null ? null : r.book ? BOOK_YES : BOOK_NO) },
          { header: '入账所属期', width: 12, value: (r: JobRow) => r.period },
          { header: '入账类型', width: 34, value: (r: JobRow) => (r.type ? bookingTypeText(r.type as BookingType) : null) },
        ]),
    { header: '处理结果', width: 18, value: (r) => BOOKING_RESULTS.find((b) => b.code === r.result)?.label ?? PENDING },
    { header: '说明', width: 60, value: (r) => text(explanation(r)) },
  ]
  return columns.filter((c): c is DetailColumn => c !== false)
}

export async function writeBookingResult(path: string, job: BookingResultJob, rows: JobRow[]): Promise<void> {
  const finished = new Date(job.finishedAt ?? job.createdAt)
  const wb = openStreamedWorkbook(path, Number.isNaN(finished.getTime()) ? new Date() : finished)

  const summary = wb.sheet('分类汇总', [20, 10])
  summary.row(['结果', '张数'], ['header', 'header'])
  const counts = BOOKING_RESULTS.map((b) => [b.label, rows.filter((r) => r.result === b.code).length] as const)
  const pending = rows.filter((r) => r.result === null).length
  for (const [label, n] of pending > 0 ? [...counts, [PENDING, pending] as const] : counts) summary.row([label, n], [])
  summary.row(['合计', rows.length], ['bold', 'bold'])
  summary.row([], [])
  summary.row([job.fileName ? '上传文件' : '来源', text(job.fileName) ?? '进项列表'], [])
  summary.row(['类型', job.source === 'list' ? what(job) : `${what(job)}（${job.source}模板）`], [])
  summary.row(['提交时间', formatTime(job.createdAt)], [])
  summary.row(['处理完成时间', formatTime(job.finishedAt)], [])
  await summary.end()

  const columns = detailColumns(job)
  const detail = wb.sheet(
    '明细',
    columns.map((c) => c.width),
  )
  const plain: CellStyle[] = columns.map(() => 'plain')
  detail.row(
    columns.map((c) => c.header),
    columns.map(() => 'header'),
  )
  const ordered = [...rows].sort((a, b) => a.position - b.position)
  ordered.forEach((r, i) =>
    detail.row(
      columns.map((c) => c.value(r, i)),
      plain,
    ),
  )
  await wb.close()
}
