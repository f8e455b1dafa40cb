// 发票入账 (manual §2.6.2) and 用途确认 on received invoices: from the 进项 list (ticked rows or all
// that match), or the platform's Excel flow (模板下载 → 上传 → 待处理 → 处理成功 → 结果下载), and
// 发票入账状态查询. Each request is a job of at most 2,000 invoices queued for the platform like
// everything else; its results arrive with the platform's answer, the states through the change feed.
import { z } from 'zod'
import { call, fileToken, jobId, paging, type FileRef, type Page } from './define'
import { calendarDay } from './calendarDay'
import { invoiceSelection } from './invoiceQuery'
import type { ReceivedInvoice } from './received'
import { BOOKING_STATUSES, BOOKING_TYPES, DEFAULT_BOOKING_TYPE, PERIOD_PATTERN, USE_CHOICES, type BookingResult, type BookingStatus } from '../platform/booking'

/** 入账所属期 as typed: YYYYMM (202611), or YYYY-MM */
export const bookingPeriod = z
  .string({ error: '请填写入账所属期（YYYYMM，如 202611）' })
  .trim()
  .transform((s) => s.replace(/^(\d{4})-(\d{2})$/, '$1$2'))
  .pipe(z.string().regex(PERIOD_PATTERN, '入账所属期应为 YYYYMM，如 202611'))

/**
 * Which received invoices a request acts on: the 发票号码 named, or 发票查询's selection on the
 * 进项 side (the ticked rows, or every invoice the filter matches) — one of the two. More than 2,000
 * become several jobs.
 */
const target = {
  numbers: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{20}$/, '发票号码应为 20 位数字'),
    )
    .min(1, '请至少选择一张发票')
    .max(100_000, '一次最多选择 100,000 张发票')
    .optional(),
  selection: invoiceSelection.optional(),
}
const oneTarget = (t: { numbers?: unknown; selection?: unknown }) => (t.numbers === undefined) !== (t.selection === undefined)
const ONE_TARGET = { message: '请指定发票：发票号码（numbers）或查询的选择（selection）二选一', path: ['numbers'] }
const receivedOnly = (t: { selection?: { filter: { side: string } } }) => t.selection === undefined || t.selection.filter.side === '进项'
const RECEIVED_ONLY = { message: '入账和用途确认只用于进项发票，请切换到进项', path: ['selection'] }

export const bookInput = z
  .object({ ...target, type: z.enum(BOOKING_TYPES, { error: '入账类型应为 02、03、04 或 05' }).default(DEFAULT_BOOKING_TYPE), period: bookingPeriod })
  .refine(oneTarget, ONE_TARGET)
  .refine(receivedOnly, RECEIVED_ONLY)
export const unbookInput = z.object(target).refine(oneTarget, ONE_TARGET).refine(receivedOnly, RECEIVED_ONLY)
export const useInput = z
  .object({ ...target, use: z.enum(USE_CHOICES, { error: '用途应为 deduct（抵扣）或 no-deduct（不抵扣）' }) })
  .refine(oneTarget, ONE_TARGET)
  .refine(receivedOnly, RECEIVED_ONLY)

/** what a 入账 / 撤销入账 / 用途确认 from the list queued */
export interface BookingQueued {
  /** the jobs made, ≤ 2,000 invoices each */
  jobs: number[]
  invoices: number
}

/** the two templates of 模板下载: 数电 (发票号码 20 digits) and 税控 (发票代码 + 发票号码) */
export const BOOKING_TEMPLATES = ['数电', '税控'] as const
export type BookingTemplate = (typeof BOOKING_TEMPLATES)[number]

export const JOB_STATES = [
  { code: 'pending', label: '待处理' },
  { code: 'done', label: '处理成功' },
  { code: 'failed', label: '处理失败' },
] as const
export type BookingJobState = (typeof JOB_STATES)[number]['code']

/** one 入账 (or 用途确认) request: from the list, or an uploaded file */
export interface BookingJob {
  id: number
  kind: 'booking' | 'use'
  /** where the rows came from: the 进项 list, or a file of the 数电 / 税控 template */
  source: 'list' | BookingTemplate
  /** the uploaded file's name; null from the list */
  fileName: string | null
  rows: number
  state: BookingJobState
  stateLabel: string
  createdAt: string
  finishedAt: string | null
  /** rows per result class (rows refused here for their form count as 其他) */
  counts: Record<BookingResult, number>
  /** 处理失败: the platform's refusal of the whole request; pending: the last delivery error, if any */
  error: string | null
}

/** 发票入账状态查询 */
export const bookingStatusFilter = z.object({
  status: z.enum(BOOKING_STATUSES.map((b) => b.code) as [BookingStatus, ...BookingStatus[]], { error: '入账状态应为 01 至 06' }).optional(),
  period: bookingPeriod.optional(),
  from: calendarDay('开始日期').optional(),
  to: calendarDay('结束日期').optional(),
  /** 销售方 名称 contains or 纳税人识别号 starts with */
  seller: z.string().trim().max(100, '销售方最多 100 个字符').optional(),
})
export type BookingStatusFilter = z.output<typeof bookingStatusFilter>

export const bookingApi = {
  /** 入账 of the received invoices named or selected, with 入账类型 and 入账所属期 */
  'received.book': call(bookInput).returns<BookingQueued>(),
  /** 撤销入账 (06) */
  'received.unbook': call(unbookInput).returns<BookingQueued>(),
  /** 用途确认 of received 专票: 抵扣 / 不抵扣 */
  'received.use': call(useInput).returns<BookingQueued>(),
  /** 模板下载 */
  'booking.template': call(z.object({ format: z.enum(BOOKING_TEMPLATES, { error: '模板应为 数电 或 税控' }).default('数电') })).returns<FileRef>(),
  /**
   * 上传: a filled template (≤ 2,000 rows) becomes a job. A file that is no booking template, is
   * empty or too long is refused, naming what to fix, and nothing is queued; a row whose cells are
   * wrong (a 发票号码 of letters, 是否入账 other than 是/否…) is kept as 其他 with the reason.
   */
  'booking.import': call(z.object({ file: fileToken, jobId })).returns<BookingJob>(),
  /** one job, as the list shows it */
  'booking.job': call(z.object({ id: z.number().int().positive() })).returns<BookingJob>(),
  /** the job list, newest first */
  'booking.jobs': call(z.object({ ...paging })).returns<Page<BookingJob>>(),
  /** 下载: the result workbook of a finished job (分类汇总 and 明细) */
  'booking.result': call(z.object({ id: z.number().int().positive() })).returns<FileRef>(),
  /** 发票入账状态查询 */
  'booking.status': call(z.object({ filter: bookingStatusFilter.default({}), ...paging })).returns<Page<BookingStatusRow>>(),
  /** 导出 of 发票入账状态查询 to .xlsx */
  'booking.statusExport': call(z.object({ filter: bookingStatusFilter.default({}) })).returns<FileRef & { rows: number }>(),
}

/** a received invoice as 发票入账状态查询 shows it: the 进项 row's own fields, its 入账 in words */
export type BookingStatusRow = Pick<ReceivedInvoice, 'number' | 'kind' | 'issuedAt' | 'sellerName' | 'sellerTaxId' | 'amount' | 'tax' | 'total' | 'booking' | 'use' | 'pending'> & {
  bookingLabel: string
  /** 入账所属期 YYYYMM while booked */
  period: string | null
}
