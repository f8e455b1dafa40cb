// 红字确认信息录入 (DOMAIN.md §4): the seller or the buyer of a blue invoice enters a 确认单. The path
// follows the buyer's 入账 and 用途确认: the seller reversing an invoice the buyer has neither booked
// nor confirmed use of needs nobody's confirmation (01 无需确认, the red invoice issued in the same
// transaction); otherwise the form waits 72 hours for the other party (02 seller entered / 03 buyer
// entered).
import { moneyFromFen, fenOfText, type ComputedDraft } from '../../shared/domain/invoice'
import { buyerHasActed, checkRedLines, DIRECT_PATH_ALLOWS_PARTIAL, RED_CONFIRM_MS, reversible, starterProblem } from '../../shared/domain/red'
import { createRedConfirmationRequest, type RedConfirmation, type RedLine, type RedStatusCode } from '../../shared/platform/red'
import type { PlatformInvoice } from '../../shared/platform/wire'
import { toShanghaiIso } from '../clock'
import { parseOrRefuse, PlatformError, validationFailure } from '../errors'
import { stmt } from '../store/statements'
import { buyerActsOf } from './bookingStore'
import type { Ctx } from './context'
import { runIdempotent, type StoredResponse } from './idempotency'
import { issueRedInvoice } from './redInvoice'
import { publishForm } from './redFeed'
import { statusLabel } from './redGuards'
import { nextConfirmationNumber } from './redNumbering'
import { insertForm, issuedRedLines, openFormOn, RED_PATH, updateForm } from './redStore'
import { requireTaxpayer } from './taxpayers'

interface BlueRow {
  colour: string
  seller_tax_id: string
  buyer_tax_id: string
  document: string
}

/** Σ of the lines in 分, as the form's negative totals */
function totalsOf(lines: RedLine[]): { amount: string; tax: string; total: string } {
  let amount = 0
  let tax = 0
  for (const l of lines) {
    amount += fenOfText(l.amount) ?? 0
    tax += fenOfText(l.tax) ?? 0
  }
  return { amount: moneyFromFen(amount), tax: moneyFromFen(tax), total: moneyFromFen(amount + tax) }
}

function blueFor(ctx: Ctx, taxId: string, number: string): BlueRow {
  const row = stmt(ctx.db, 'SELECT colour, seller_tax_id, buyer_tax_id, document FROM invoices WHERE number = ? AND (seller_tax_id = ? OR buyer_tax_id = ?)').get(
    number,
    taxId,
    taxId,
  ) as BlueRow | undefined
  if (!row) throw new PlatformError('NOT_FOUND', `没有找到发票 ${number}`)
  return row
}

function createNow(ctx: Ctx, taxId: string, body: unknown): StoredResponse {
  const req = parseOrRefuse(createRedConfirmationRequest, body)
  const blue = blueFor(ctx, taxId, req.blueNumber)
  if (blue.colour !== 'blue') throw new PlatformError('RED_NOT_ALLOWED', `发票 ${req.blueNumber} 是红字发票，不能红冲`)
  const own = req.as === 'seller' ? blue.seller_tax_id : blue.buyer_tax_id
  if (own !== taxId) throw new PlatformError('FORBIDDEN', `您不是该蓝字发票的${req.as === 'seller' ? '销售方' : '购买方'}，不能以此身份录入`)
  const open = openFormOn(ctx, req.blueNumber)
  if (open) throw new PlatformError('CONFLICT', `该蓝字发票已有未办结的红字确认单 ${open.number}（${statusLabel(open.status)}），办结后才能再录入`)

  const acts = buyerActsOf(ctx, req.blueNumber)
  const refusal = starterProblem(req.as, acts)
  if (refusal) throw new PlatformError('RED_NOT_ALLOWED', refusal, [{ path: 'as', message: refusal }])
  const invoice = JSON.parse(blue.document) as PlatformInvoice
  const blueDraft: ComputedDraft = invoice.draft
  const direct = req.as === 'seller' && !buyerHasActed(acts)
  const remaining = reversible(blueDraft, issuedRedLines(ctx, req.blueNumber))
  const check = checkRedLines(req.reason, remaining, req.lines, { fullOnly: direct && !DIRECT_PATH_ALLOWS_PARTIAL })
  if (check.issues.length > 0) throw validationFailure('红字确认单未通过校验', check.issues, 'RED_NOT_ALLOWED')

  const initiator = requireTaxpayer(ctx, taxId)
  const now = ctx.clock.now()
  const createdAt = toShanghaiIso(now)
  const deadline = toShanghaiIso(new Date(now.getTime() + RED_CONFIRM_MS))
  const status: RedStatusCode = direct ? '01' : req.as === 'seller' ? '02' : '03'
  let form: RedConfirmation = {
    number: nextConfirmationNumber(ctx, initiator.region, now),
    blueNumber: req.blueNumber,
    kind: invoice.kind,
    reason: req.reason,
    initiator: req.as,
    status,
    seller: { taxId: invoice.seller.taxId, name: invoice.seller.name },
    buyer: { taxId: invoice.buyer.taxId, name: invoice.buyer.name },
    lines: check.lines,
    ...totalsOf(check.lines),
    createdAt,
    deadline: direct ? null : deadline,
    opinion: null,
    redInvoiceNumber: null,
    history: [{ at: createdAt, by: taxId, action: 'create', status }],
    clientRef: req.clientRef ?? null,
  }
  insertForm(ctx, form, deadline)
  if (direct) {
    form = issueRedInvoice(ctx, form, taxId, form.clientRef)
    updateForm(ctx, form)
  }
  publishForm(ctx, form, createdAt)
  return { status: 201, body: JSON.stringify(form) }
}

/** POST /api/v1/red-confirmations for `taxId` (Idempotency-Key required). */
export function createRedConfirmation(ctx: Ctx, taxId: string, body: unknown, key: string): StoredResponse & { replayed: boolean } {
  return runIdempotent(ctx, taxId, key, { method: 'POST', path: RED_PATH, body }, () => createNow(ctx, taxId, body))
}
