// POST /api/v1/use-confirmations: 用途确认 (抵扣 / 不抵扣) of up to 2,000 received 专票, and the admin's
// `platform invoice confirm-use`. Like the bookings batch: refused only for its shape, a result per
// row through the shared rules, one invoice.status per invoice whose 用途 changed.
import { useOutcome } from '../../shared/domain/lifecycle/booking'
import { type UseBatchAnswer, useBatchRequest, type UseBatchResult, type UseChoice } from '../../shared/platform/booking'
import { API_PREFIX } from '../../shared/platform/wire'
import { toShanghaiIso } from '../clock'
import { parseOrRefuse, PlatformError } from '../errors'
import { stmt } from '../store/statements'
import { useInvoiceOf, writeUse } from './bookingStore'
import type { Ctx } from './context'
import { runIdempotent, type StoredResponse } from './idempotency'
import { publishInvoiceStatus } from './redFeed'
import { findTaxpayer } from './taxpayers'

export const USE_PATH = `${API_PREFIX}/use-confirmations`

function confirmNow(ctx: Ctx, buyerTaxId: string, body: unknown): StoredResponse {
  const { rows } = parseOrRefuse(useBatchRequest, body, '用途确认请求不正确')
  const at = toShanghaiIso(ctx.clock.now())
  const changed = new Set<string>()
  const results = rows.map((row, index): UseBatchResult => {
    const { changed: didChange, ...out } = useOutcome(useInvoiceOf(ctx, buyerTaxId, row.number), row.use)
    if (didChange) {
      writeUse(ctx, buyerTaxId, row.number, out.use, at)
      changed.add(row.number)
    }
    return { index, number: row.number, ...out }
  })
  for (const number of changed) publishInvoiceStatus(ctx, number, at)
  const answer: UseBatchAnswer = { results, processedAt: at }
  return { status: 200, body: JSON.stringify(answer) }
}

/** POST /api/v1/use-confirmations for the buyer `buyerTaxId`; `key` null only for the admin's own call */
export function confirmUse(ctx: Ctx, buyerTaxId: string, body: unknown, key: string | null): StoredResponse & { replayed: boolean } {
  return runIdempotent(ctx, buyerTaxId, key, { method: 'POST', path: USE_PATH, body }, () => confirmNow(ctx, buyerTaxId, body))
}

/** The admin's confirm-use: as the invoice's buyer, without a key; a row the rules refuse is the command's error. */
export function markUse(ctx: Ctx, number: string, use: UseChoice): UseBatchResult {
  const invoice = stmt(ctx.db, 'SELECT buyer_tax_id FROM invoices WHERE number = ?').get(number) as { buyer_tax_id: string } | undefined
  if (!invoice) throw new PlatformError('NOT_FOUND', `没有找到发票 ${number}`)
  if (!findTaxpayer(ctx, invoice.buyer_tax_id)) throw new PlatformError('VALIDATION', `发票 ${number} 的购买方不是平台纳税人，不能用途确认`)
  const answer = JSON.parse(confirmUse(ctx, invoice.buyer_tax_id, { rows: [{ number, use }] }, null).body) as UseBatchAnswer
  const row = answer.results[0]!
  if (row.result !== 'success') throw new PlatformError(row.result === 'not-found' ? 'NOT_FOUND' : 'VALIDATION', row.message)
  return row
}
