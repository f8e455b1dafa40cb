// 发票入账 and 用途确认 on the wire (DOMAIN.md §5, manual §2.6.2): the buyer's own states of a
// received invoice, which the platform keeps and tells both parties. They decide the red path
// (DOMAIN.md §4): once the buyer has booked or confirmed use, a reversal needs a 确认单.
// Both the sandbox and the client's sync engine import these.
import { z } from 'zod'
import type { RedStatus } from './wire'

export const BOOKING_STATUSES = [
  { code: '01', label: '未入账' },
  { code: '02', label: '入账（企业所得税税前扣除）' },
  { code: '03', label: '入账（企业所得税不扣除）' },
  { code: '04', label: '入账（个人所得税经营所得税前扣除）' },
  { code: '05', label: '入账（个人所得税经营所得不扣除）' },
  { code: '06', label: '入账撤销' },
] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]['code']

/** 入账类型: the four booked states; a row that names none is 02 */
export const BOOKING_TYPES = ['02', '03', '04', '05'] as const
export type BookingType = (typeof BOOKING_TYPES)[number]
export const DEFAULT_BOOKING_TYPE: BookingType = '02'

/** 入账所属期 YYYYMM */
export const PERIOD_PATTERN = /^\d{4}(0[1-9]|1[0-2])$/

// ── POST /api/v1/invoices/:number/booking (Idempotency-Key): one invoice, by its buyer ───────────
export const bookingRequest = z.object({
  status: z.enum(BOOKING_STATUSES.map((b) => b.code) as [BookingStatus, ...BookingStatus[]]),
  /** 入账所属期 YYYYMM: required for 02–05, absent for 06 */
  period: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
})
export type BookingRequest = z.infer<typeof bookingRequest>

/** the answer of POST …/booking: the buyer's 入账 state of the invoice */
export interface InvoiceBooking {
  number: string
  status: BookingStatus
  /** 入账所属期 YYYYMM; null for 01 and 06 */
  period: string | null
  updatedAt: string
}

/** 用途确认 of a received 专票: 抵扣 (deduct input VAT) or 不抵扣; 'unconfirmed' until the buyer says */
export const USE_STATUSES = [
  { code: 'unconfirmed', label: '未确认' },
  { code: 'deduct', label: '抵扣' },
  { code: 'no-deduct', label: '不抵扣' },
] as const
export type UseStatus = (typeof USE_STATUSES)[number]['code']
export type UseChoice = Exclude<UseStatus, 'unconfirmed'>
export const USE_CHOICES = ['deduct', 'no-deduct'] as const satisfies readonly UseChoice[]

/** at most this many invoices per request, as the platform's Excel upload (DOMAIN.md §5) */
export const BOOKING_BATCH_MAX = 2000

// ── POST /api/v1/bookings (Idempotency-Key): 入账 or 撤销入账 of many invoices at once ─────────────
//    Every row gets its own result; the request is refused only for its shape.
export const bookingBatchRow = z.object({
  /** 数电: 20 digits; 税控: the 8-digit number with its 发票代码 */
  number: z.string().trim().min(1).max(20),
  /** 税控发票代码 (10 or 12 digits) — the sandbox holds 数电 invoices only */
  code: z.string().trim().max(12).optional(),
  /** 开票日期 YYYY-MM-DD as the buyer typed it: must be the invoice's */
  issueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** 是否入账: true 入账 (02–05), false 撤销入账 (06) */
  book: z.boolean(),
  /** 入账所属期 YYYYMM, required to book */
  period: z.string().max(6).optional(),
  /** 入账类型; absent = 02 */
  type: z.enum(BOOKING_TYPES).optional(),
})
export type BookingBatchRow = z.infer<typeof bookingBatchRow>
export const bookingBatchRequest = z.object({ rows: z.array(bookingBatchRow).min(1).max(BOOKING_BATCH_MAX) })
export type BookingBatchRequest = z.infer<typeof bookingBatchRequest>

/** 入账结果分类, as the platform's result workbook groups them */
export const BOOKING_RESULTS = [
  { code: 'success', label: '成功' },
  { code: 'not-found', label: '查无此票' },
  { code: 'abnormal', label: '该票异常无法入账' },
  { code: 'duplicate', label: '重复入账' },
  { code: 'other', label: '其他' },
] as const
export type BookingResult = (typeof BOOKING_RESULTS)[number]['code']

export interface BookingBatchResult {
  /** the row of the request, 0-based */
  index: number
  number: string
  result: BookingResult
  /** '' on success; else why, in Chinese */
  message: string
  /** the invoice's 入账 state after this row ('01' when there is no such invoice for the caller) */
  status: BookingStatus
  period: string | null
  /** 重复入账: the period it was booked in before */
  earlierPeriod: string | null
}
export interface BookingBatchAnswer {
  results: BookingBatchResult[]
  processedAt: string
}

// ── POST /api/v1/use-confirmations (Idempotency-Key): 用途确认 of many received 专票 ──────────────
export const useBatchRequest = z.object({
  rows: z
    .array(z.object({ number: z.string().trim().min(1).max(20), use: z.enum(USE_CHOICES) }))
    .min(1)
    .max(BOOKING_BATCH_MAX),
})
export type UseBatchRequest = z.infer<typeof useBatchRequest>
export interface UseBatchResult {
  index: number
  number: string
  /** not-found: no such invoice for the caller; abnormal: red, fully reversed, or not a 专票 */
  result: Exclude<BookingResult, 'duplicate'>
  message: string
  use: UseStatus
}
export interface UseBatchAnswer {
  results: UseBatchResult[]
  processedAt: string
}

/** change-feed data of 'invoice.status', to both parties: a blue invoice's red status, 入账 or 用途 changed */
export interface InvoiceStatusChange {
  number: string
  redStatus: RedStatus
  booking: BookingStatus
  /** 入账所属期 while booked, else null */
  bookingPeriod: string | null
  use: UseStatus
}
