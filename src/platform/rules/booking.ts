// The buyer's 入账 state of a received invoice (DOMAIN.md §5). Here it decides who may start a red
// reversal: booked (02–05) means the seller can no longer reverse without the buyer's confirmation.
// The 入账 issue builds its Excel flow on the same call.
import { isBooked } from '../../shared/domain/red'
import { type BookingStatus, bookingRequest, type InvoiceBooking } from '../../shared/platform/booking'
import { API_PREFIX } from '../../shared/platform/wire'
import { toShanghaiIso } from '../clock'
import { parseOrRefuse, PlatformError, validationFailure } from '../errors'
import { stmt } from '../store/statements'
import type { Ctx } from './context'
import { runIdempotent, type StoredResponse } from './idempotency'
import { publishInvoiceStatus } from './redFeed'
import { findTaxpayer } from './taxpayers'

export function bookingOf(ctx: Ctx, invoiceNumber: string): BookingStatus {
  const row = stmt(ctx.db, 'SELECT status FROM bookings WHERE invoice_number = ?').get(invoiceNumber) as { status: BookingStatus } | undefined
  return row?.status ?? '01'
}

/** The shape, then the period rule: 入账所属期 for 02–05, none for 01 and 06. */
function checkBody(body: unknown): { status: BookingStatus; period: string | null } {
  const { status, period } = parseOrRefuse(bookingRequest, body, '入账请求不正确')
  if (isBooked(status) && period === undefined) throw validationFailure('入账请求不正确', [{ path: 'period', message: '入账须填写入账所属期（YYYYMM）' }])
  if (!isBooked(status) && period !== undefined) throw validationFailure('入账请求不正确', [{ path: 'period', message: '未入账或入账撤销不填写入账所属期' }])
  if (period !== undefined && !/^\d{4}(0[1-9]|1[0-2])$/.test(period))
    throw validationFailure('入账请求不正确', [{ path: 'period', message: `入账所属期应为 YYYYMM，现为“${period}”` }])
  return { status, period: period ?? null }
}

/**
 * POST /api/v1/invoices/:number/booking by the invoice's buyer. The seller is refused (FORBIDDEN),
 * anyone else does not see the invoice (NOT_FOUND). `key` null: the admin CLI's unkeyed call.
 */
export function setBooking(ctx: Ctx, buyerTaxId: string, number: string, body: unknown, key: string | null): StoredResponse & { replayed: boolean } {
  return runIdempotent(ctx, buyerTaxId, key, { method: 'POST', path: `${API_PREFIX}/invoices/${number}/booking`, body }, () => {
    const invoice = stmt(ctx.db, 'SELECT seller_tax_id, buyer_tax_id FROM invoices WHERE number = ?').get(number) as { seller_tax_id: string; buyer_tax_id: string } | undefined
    if (!invoice || (invoice.buyer_tax_id !== buyerTaxId && invoice.seller_tax_id !== buyerTaxId)) throw new PlatformError('NOT_FOUND', `没有找到发票 ${number}`)
    if (invoice.buyer_tax_id !== buyerTaxId) throw new PlatformError('FORBIDDEN', '只有购买方可以对收到的发票入账')
    const { status, period } = checkBody(body)
    const at = toShanghaiIso(ctx.clock.now())
    stmt(
      ctx.db,
      `INSERT INTO bookings (invoice_number, buyer_tax_id, status, period, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (invoice_number) DO UPDATE SET status = excluded.status, period = excluded.period, updated_at = excluded.updated_at`,
    ).run(number, buyerTaxId, status, period, at)
    publishInvoiceStatus(ctx, number, at)
    const answer: InvoiceBooking = { number, status, period, updatedAt: at }
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
