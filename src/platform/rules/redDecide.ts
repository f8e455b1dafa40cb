// 红字确认信息处理 (DOMAIN.md §4): the party that did not enter the form agrees (→ 04) or refuses with
// an opinion (→ 05 when the seller entered it, 06 when the buyer did), while it waits. Agreement
// issues the red invoice at once when 确认即开票 is on.
import { decideRedConfirmationRequest, PENDING_RED_STATUSES, type RedConfirmation } from '../../shared/platform/red'
import { toShanghaiIso } from '../clock'
import { parseOrRefuse, PlatformError, validationFailure } from '../errors'
import type { Ctx } from './context'
import { runIdempotent, type StoredResponse } from './idempotency'
import { publishForm } from './redFeed'
import { settledRefusal } from './redGuards'
import { issueRedInvoice } from './redInvoice'
import { confirmIssues } from './redSettings'
import { formForParty, RED_PATH, updateForm } from './redStore'

function decideNow(ctx: Ctx, taxId: string, number: string, body: unknown): StoredResponse {
  const { form, side } = formForParty(ctx, taxId, number)
  const { agree, opinion } = parseOrRefuse(decideRedConfirmationRequest, body)
  if (!PENDING_RED_STATUSES.includes(form.status)) throw settledRefusal(form, agree ? '同意' : '拒绝')
  if (side === form.initiator) throw new PlatformError('FORBIDDEN', `红字确认单 ${number} 由您方录入，须由对方确认`)
  if (!agree && opinion === '') throw validationFailure('请填写处理意见', [{ path: 'opinion', message: '拒绝时请填写处理意见' }])

  const at = toShanghaiIso(ctx.clock.now())
  const status = agree ? '04' : form.initiator === 'seller' ? '05' : '06'
  let decided: RedConfirmation = {
    ...form,
    status,
    deadline: null,
    opinion: opinion === '' ? null : opinion,
    history: [...form.history, { at, by: taxId, action: agree ? 'agree' : 'refuse', status, ...(opinion === '' ? {} : { opinion }) }],
  }
  // on agreement by the buyer the seller asked nothing; the seller's own clientRef is the form's when it entered it
  if (agree && confirmIssues(ctx)) decided = issueRedInvoice(ctx, decided, 'platform', form.initiator === 'seller' ? form.clientRef : null)
  updateForm(ctx, decided, at)
  publishForm(ctx, decided, at)
  return { status: 200, body: JSON.stringify(decided) }
}

/** POST /api/v1/red-confirmations/:number/decision (Idempotency-Key required). */
export function decideRedConfirmation(ctx: Ctx, taxId: string, number: string, body: unknown, key: string): StoredResponse & { replayed: boolean } {
  return runIdempotent(ctx, taxId, key, { method: 'POST', path: `${RED_PATH}/${number}/decision`, body }, () => decideNow(ctx, taxId, number, body))
}
