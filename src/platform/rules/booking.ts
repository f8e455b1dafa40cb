// The buyer's 入账 of one invoice (DOMAIN.md §5): POST …/invoices/:number/booking and the admin's
// mark-booked. The same rules as the batch (`shared/domain/lifecycle/booking.ts`), each refusal a
// PlatformError: 重复入账 CONFLICT naming the earlier period, 该票异常 and a bad period VALIDATION.
import { bookingOutcome, type BookingOutcome, type BookingRow } from '../../shared/domain/lifecycle/booking'
import { isBooked } from '../../shared/domain/red'
import { type BookingStatus, bookingRequest, type InvoiceBooking } from '../../shared/platform/booking'
import { API_PREFIX } from '../../shared/platform/wire'
import { shanghaiMonth, toShanghaiIso } from '../clock'
import { parseOrRefuse, PlatformError, validationFailure } from '../errors'
import { stmt } from '../store/statements'
import { bookingInvoiceOf, writeBooking } from './bookingStore'
import type { Ctx } from './context'
import { runIdempotent, type StoredResponse } from './idempotency'
import { publishInvoiceStatus } from './redFeed'
import { findTaxpayer } from './taxpayers'

const SUMMARY = '入账请求不正确'

/** The shape as one row of the rules: 02–05 入账 with its type, 06 撤销入账; 01 is a state, not a request. */
function rowOf(number: string, body: unknown): BookingRow {
  const { status, period } = parseOrRefuse(bookingRequest, body, SUMMARY)
  if (status === '01') throw validationFailure(SUMMARY, [{ path: 'status', message: '01 未入账是状态，不能申请：入账请用 02–05，撤销入账请用 06' }])
  if (status === '06') {
    if (period !== undefined) throw validationFailure(SUMMARY, [{ path: 'period', message: '撤销入账不填写入账所属期' }])
    return { number, book: false }
  }
  return { number, book: true, type: status, period }
}

/** a row the rules did not accept, as the refusal of a single request */
function refusalOf(out: BookingOutcome, row: BookingRow): PlatformError {
  switch (out.result) {
    case 'not-found':
      return new PlatformError('NOT_FOUND', out.message)
    case 'duplicate':
      return new PlatformError('CONFLICT', out.message)
    case 'abnormal':
      return new PlatformError('VALIDATION', out.message, [{ path: 'number', message: out.message }])
    default:
      // 其他: a bad 入账所属期 when booking; 撤销入账 of an invoice not booked is a state conflict
      return row.book ? validationFailure(SUMMARY, [{ path: 'period', message: out.message }]) : new PlatformError('CONFLICT', out.message)
  }
}

/**
 * POST /api/v1/invoices/:number/booking by the invoice's buyer. The seller is refused (FORBIDDEN),
 * anyone else does not see the invoice (NOT_FOUND). `key` null: the admin CLI's unkeyed call.
 */
export function setBooking(ctx: Ctx, buyerTaxId: string, number: string, body: unknown, key: string | null): StoredResponse & { replayed: boolean } {
  return runIdempotent(ctx, buyerTaxId, key, { method: 'POST', path: `${API_PREFIX}/invoices/${number}/booking`, body }, () => {
    const parties = stmt(ctx.db, 'SELECT seller_tax_id, buyer_tax_id FROM invoices WHERE number = ?').get(number) as { seller_tax_id: string; buyer_tax_id: string } | undefined
    if (!parties || (parties.buyer_tax_id !== buyerTaxId && parties.seller_tax_id !== buyerTaxId)) throw new PlatformError('NOT_FOUND', `没有找到发票 ${number}`)
    if (parties.buyer_tax_id !== buyerTaxId) throw new PlatformError('FORBIDDEN', '只有购买方可以对收到的发票入账')
    const row = rowOf(number, body)
    const now = ctx.clock.now()
    const out = bookingOutcome(bookingInvoiceOf(ctx, buyerTaxId, number), row, shanghaiMonth(now))
    if (out.result !== 'success') throw refusalOf(out, row)
    const at = toShanghaiIso(now)
    writeBooking(ctx, buyerTaxId, number, out.status, out.period, at)
    publishInvoiceStatus(ctx, number, at)
    const answer: InvoiceBooking = { number, status: out.status, period: out.period, updatedAt: at }
    return { status: 200, body: JSON.stringify(answer) }
  })
}

/**
 * The admin's mark-booked (`platform invoice mark-booked`): as the invoice's buyer, without a key;
 * default 02 and the invoice's own month as 入账所属期.
 */
export function markBooked(ctx: Ctx, number: string, opts: { status?: BookingStatus; period?: string }): StoredResponse & { replayed: boolean } {
  const invoice = stmt(ctx.db, 'SELECT buyer_tax_id, month FROM invoices WHERE number = ?').get(number) as { buyer_tax_id: string; month: string } | undefined
  if (!invoice) throw new PlatformError('NOT_FOUND', `没有找到发票 ${number}`)
  if (!findTaxpayer(ctx, invoice.buyer_tax_id)) throw new PlatformError('VALIDATION', `发票 ${number} 的购买方不是平台纳税人，不能入账`)
  const status = opts.status ?? '02'
  const period = opts.period ?? (isBooked(status) ? invoice.month : undefined)
  return setBooking(ctx, invoice.buyer_tax_id, number, { status, ...(period === undefined ? {} : { period }) }, null)
}
