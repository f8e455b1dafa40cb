// 红字发票开票 (the manual's separate step, DOMAIN.md §4): with 确认即开票 off, an agreed form waits
// for the seller's 开票 call; only the seller, only for 04 not yet issued.
import { issueRedInvoiceRequest, type RedConfirmation } from '../../shared/platform/red'
import { toShanghaiIso } from '../clock'
import { parseOrRefuse, PlatformError } from '../errors'
import type { Ctx } from './context'
import { runIdempotent, type StoredResponse } from './idempotency'
import { publishForm } from './redFeed'
import { settledRefusal } from './redGuards'
import { issueRedInvoice } from './redInvoice'
import { formForParty, RED_PATH, updateForm } from './redStore'

function issueNow(ctx: Ctx, taxId: string, number: string, body: unknown): StoredResponse {
  const { form, side } = formForParty(ctx, taxId, number)
  const { clientRef } = parseOrRefuse(issueRedInvoiceRequest, body)
  if (side !== 'seller') throw new PlatformError('FORBIDDEN', '红字发票由销售方开具')
  if (form.status === '02' || form.status === '03') throw new PlatformError('CONFLICT', `红字确认单 ${number} 尚待对方确认，确认后才能开具红字发票`)
  if (form.status !== '04' || form.redInvoiceNumber !== null) throw settledRefusal(form, '开具红字发票')
  // the seller's reference for this call; else the form's when the seller entered it
  const ref = clientRef ?? (form.initiator === 'seller' ? form.clientRef : null)
  const issued: RedConfirmation = issueRedInvoice(ctx, form, taxId, ref)
  updateForm(ctx, issued)
  publishForm(ctx, issued, toShanghaiIso(ctx.clock.now()))
  return { status: 200, body: JSON.stringify(issued) }
}

/** POST /api/v1/red-confirmations/:number/issue, body {} or { clientRef } (Idempotency-Key required). */
export function issueAgreedRedConfirmation(ctx: Ctx, taxId: string, number: string, body: unknown, key: string): StoredResponse & { replayed: boolean } {
  return runIdempotent(ctx, taxId, key, { method: 'POST', path: `${RED_PATH}/${number}/issue`, body }, () => issueNow(ctx, taxId, number, body))
}
