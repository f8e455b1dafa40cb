// 撤销 (DOMAIN.md §4): the initiator withdraws a form still waiting (→ 08); an agreed form whose red
// invoice is not yet issued (确认即开票 off) may be withdrawn by either party (→ 09). Nothing else:
// an issued red invoice is undone only by the rules of invoices, never by withdrawing its form.
import type { RedConfirmation, RedStatusCode } from '../../shared/platform/red'
import { toShanghaiIso } from '../clock'
import { PlatformError } from '../errors'
import type { Ctx } from './context'
import { runIdempotent, type StoredResponse } from './idempotency'
import { publishForm } from './redFeed'
import { settledRefusal } from './redGuards'
import { formForParty, RED_PATH, updateForm } from './redStore'

function withdrawnStatus(form: RedConfirmation, side: RedConfirmation['initiator']): RedStatusCode {
  if (form.status === '02' || form.status === '03') {
    if (side !== form.initiator) throw new PlatformError('FORBIDDEN', `红字确认单 ${form.number} 只能由录入方撤销；您可以同意或拒绝`)
    return '08'
  }
  if (form.status === '04' && form.redInvoiceNumber === null) return '09'
  throw settledRefusal(form, '撤销')
}

function withdrawNow(ctx: Ctx, taxId: string, number: string): StoredResponse {
  const { form, side } = formForParty(ctx, taxId, number)
  const status = withdrawnStatus(form, side)
  const at = toShanghaiIso(ctx.clock.now())
  const withdrawn: RedConfirmation = { ...form, status, deadline: null, history: [...form.history, { at, by: taxId, action: 'withdraw', status }] }
  updateForm(ctx, withdrawn)
  publishForm(ctx, withdrawn, at)
  return { status: 200, body: JSON.stringify(withdrawn) }
}

/** POST /api/v1/red-confirmations/:number/withdraw, body {} (Idempotency-Key required). */
export function withdrawRedConfirmation(ctx: Ctx, taxId: string, number: string, key: string): StoredResponse & { replayed: boolean } {
  return runIdempotent(ctx, taxId, key, { method: 'POST', path: `${RED_PATH}/${number}/withdraw`, body: {} }, () => withdrawNow(ctx, taxId, number))
}
