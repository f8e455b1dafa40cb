// POST /api/v1/bookings (DOMAIN.md §5, 手册 §2.6.2): 入账 and 撤销入账 of up to 2,000 received
// invoices in one request, as the platform's Excel upload. The request is refused only for its
// shape; every row gets its own result class through the shared rules, and every invoice a row
// changed tells both parties once, with its state after the whole request.
import { bookingOutcome } from '../../shared/domain/lifecycle/booking'
import { type BookingBatchAnswer, bookingBatchRequest, type BookingBatchResult } from '../../shared/platform/booking'
import { API_PREFIX } from '../../shared/platform/wire'
import { shanghaiMonth, toShanghaiIso } from '../clock'
import { parseOrRefuse } from '../errors'
import { bookingInvoiceOf, writeBooking } from './bookingStore'
import type { Ctx } from './context'
import { runIdempotent, type StoredResponse } from './idempotency'
import { publishInvoiceStatus } from './redFeed'

export const BOOKINGS_PATH = `${API_PREFIX}/bookings`

function bookNow(ctx: Ctx, buyerTaxId: string, body: unknown): StoredResponse {
  const { rows } = parseOrRefuse(bookingBatchRequest, body, '入账请求不正确')
  const now = ctx.clock.now()
  const nowMonth = shanghaiMonth(now)
  const at = toShanghaiIso(now)
  const changed = new Set<string>()
  // row by row: a later row sees what an earlier one did (the same invoice twice is 重复入账)
  const results = rows.map((row, index): BookingBatchResult => {
    const out = bookingOutcome(bookingInvoiceOf(ctx, buyerTaxId, row.number), row, nowMonth)
    if (out.result === 'success') {
      writeBooking(ctx, buyerTaxId, row.number, out.status, out.period, at)
      changed.add(row.number)
    }
    return { index, number: row.number, ...out }
  })
  for (const number of changed) publishInvoiceStatus(ctx, number, at)
  const answer: BookingBatchAnswer = { results, processedAt: at }
  return { status: 200, body: JSON.stringify(answer) }
}

/** POST /api/v1/bookings for the buyer `buyerTaxId`; `key` null only for the admin's own calls */
export function bookInvoices(ctx: Ctx, buyerTaxId: string, body: unknown, key: string | null): StoredResponse & { replayed: boolean } {
  return runIdempotent(ctx, buyerTaxId, key, { method: 'POST', path: BOOKINGS_PATH, body }, () => bookNow(ctx, buyerTaxId, body))
}
