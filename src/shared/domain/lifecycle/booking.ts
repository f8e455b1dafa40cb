// 发票入账 and 用途确认 of a received invoice (DOMAIN.md §5, 手册 §2.6.2): the buyer's two states of
// it as two small transition functions — what one request row does to one invoice, and in which
// result class (成功 / 查无此票 / 该票异常无法入账 / 重复入账 / 其他) the platform answers it. The
// sandbox applies them row by row; the client may call them to say early what the platform will
// answer. docs/domain-rules.md §7 gives each rule its source.
import {
  BOOKING_STATUSES,
  type BookingBatchRow,
  type BookingResult,
  type BookingStatus,
  DEFAULT_BOOKING_TYPE,
  PERIOD_PATTERN,
  type UseChoice,
  type UseStatus,
} from '../../platform/booking'
import type { RedStatus } from '../../platform/wire'
import { isBooked } from '../red/policy'

/** what the 入账 rules read of the invoice the row names (null: the caller received no such invoice) */
export interface BookingInvoice {
  colour: 'blue' | 'red'
  redStatus: RedStatus
  /** YYYYMM of 开票日期 (Asia/Shanghai) */
  month: string
  /** YYYY-MM-DD of 开票日期 */
  issueDate: string
  booking: BookingStatus
  /** 入账所属期 while booked (02–05), else null */
  period: string | null
}

export type BookingRow = Pick<BookingBatchRow, 'number' | 'code' | 'issueDate' | 'book' | 'period' | 'type'>

export interface BookingOutcome {
  result: BookingResult
  /** '' on success; else why, in Chinese, naming what to fix */
  message: string
  /** the invoice's 入账 state after the row ('01' when there is no such invoice) */
  status: BookingStatus
  period: string | null
  /** 重复入账: the 入账所属期 it was booked in before */
  earlierPeriod: string | null
}

const LABEL = new Map<string, string>(BOOKING_STATUSES.map((s) => [s.code, s.label]))

/** 查无此票 before anything else: the platform does not say more of an invoice the caller cannot book */
function notFoundProblem(invoice: BookingInvoice | null, row: BookingRow): string | null {
  const code = row.code?.trim() ?? ''
  // the sandbox holds 数电 invoices only: a 税控 row (发票代码 + 8-digit 发票号码) finds nothing
  if (code !== '') return `查无此票：发票代码 ${code}、发票号码 ${row.number} 是税控发票，平台上没有这张发票（本平台只有数电发票）`
  if (!invoice) return `查无此票：没有找到您作为购买方收到的发票号码为 ${row.number} 的发票`
  if (row.issueDate !== undefined && row.issueDate !== invoice.issueDate) return `查无此票：发票 ${row.number} 的开票日期不是 ${row.issueDate}，请核对开票日期`
  return null
}

/** 该票异常无法入账: a red invoice is never booked, nor a blue one nothing is left of */
function abnormalProblem(invoice: BookingInvoice): string | null {
  if (invoice.colour === 'red') return '该票异常无法入账：红字发票不能入账'
  if (invoice.redStatus === 'fully-reversed') return '该票异常无法入账：该发票已全额红冲'
  return null
}

/** 入账所属期: YYYYMM, not before the invoice's month (开票日期), not after the current month */
function periodProblem(period: string | undefined, invoiceMonth: string, nowMonth: string): string | null {
  if (period === undefined || period.trim() === '') return '入账须填写入账所属期（YYYYMM，如 202611）'
  if (!PERIOD_PATTERN.test(period)) return `入账所属期应为 YYYYMM（如 202611），现为“${period}”`
  if (period < invoiceMonth) return `入账所属期 ${period} 早于发票的开票月份 ${invoiceMonth}，不能入账`
  if (period > nowMonth) return `入账所属期 ${period} 晚于当前所属期 ${nowMonth}，不能入账`
  return null
}

/**
 * One row of a 入账 request on the invoice it names. 入账 (book) sets 02–05 (入账类型, default 02)
 * with its 入账所属期; 撤销入账 sets 06 and clears the period. Booking twice is 重复入账 naming the
 * earlier period — a change of period or type is 撤销入账 first, then 入账 again.
 * **(choice)** 撤销入账 of a booked invoice stays possible after it was fully reversed: the buyer has
 * to take it out of the books then; only booking it is 该票异常.
 */
export function bookingOutcome(invoice: BookingInvoice | null, row: BookingRow, nowMonth: string): BookingOutcome {
  const unchanged = (result: BookingResult, message: string, earlierPeriod: string | null = null): BookingOutcome => ({
    result,
    message,
    status: invoice?.booking ?? '01',
    period: invoice?.period ?? null,
    earlierPeriod,
  })
  const missing = notFoundProblem(invoice, row)
  if (missing || !invoice) return { result: 'not-found', message: missing ?? '', status: '01', period: null, earlierPeriod: null }
  if (invoice.colour === 'red') return unchanged('abnormal', abnormalProblem(invoice)!)

  if (!row.book) {
    if (!isBooked(invoice.booking)) return unchanged('other', '该发票未入账，无需撤销')
    return { result: 'success', message: '', status: '06', period: null, earlierPeriod: null }
  }
  const abnormal = abnormalProblem(invoice)
  if (abnormal) return unchanged('abnormal', abnormal)
  if (isBooked(invoice.booking))
    return unchanged(
      'duplicate',
      `重复入账：该发票已于入账所属期 ${invoice.period ?? ''} 入账（${LABEL.get(invoice.booking) ?? invoice.booking}）；如需改所属期或入账类型，请先撤销入账`,
      invoice.period,
    )
  const bad = periodProblem(row.period, invoice.month, nowMonth)
  if (bad) return unchanged('other', bad)
  return { result: 'success', message: '', status: row.type ?? DEFAULT_BOOKING_TYPE, period: row.period!, earlierPeriod: null }
}

/** what the 用途确认 rules read of the invoice (null: the caller received no such invoice) */
export interface UseInvoice {
  kind: string
  colour: 'blue' | 'red'
  redStatus: RedStatus
  use: UseStatus
}

export interface UseOutcome {
  result: Exclude<BookingResult, 'duplicate'>
  message: string
  /** the invoice's 用途 after the row ('unconfirmed' when there is no such invoice) */
  use: UseStatus
  /** whether the row changed the state (the same choice again changes nothing) */
  changed: boolean
}

/**
 * 用途确认 (抵扣 / 不抵扣) of a received 专票 (kind 81) that is neither red nor fully reversed. The
 * choice may change between 抵扣 and 不抵扣; confirming the same again succeeds and changes nothing.
 */
export function useOutcome(invoice: UseInvoice | null, choice: UseChoice): UseOutcome {
  if (!invoice) return { result: 'not-found', message: '查无此票：没有找到您作为购买方收到的这张发票', use: 'unconfirmed', changed: false }
  const refuse = (message: string): UseOutcome => ({ result: 'abnormal', message, use: invoice.use, changed: false })
  if (invoice.colour === 'red') return refuse('该票异常：红字发票不能用途确认')
  if (invoice.redStatus === 'fully-reversed') return refuse('该票异常：该发票已全额红冲，不能用途确认')
  if (invoice.kind !== '81') return refuse('只有增值税专用发票可以用途确认，该发票是普通发票')
  return { result: 'success', message: '', use: choice, changed: invoice.use !== choice }
}
