// Issuing the red invoice of a 确认单 (DOMAIN.md §3–4), inside the caller's transaction: the form's
// lines are checked again against what remains of the blue invoice (the form was checked when it was
// entered; this keeps the invoice consistent with it whatever happened since), then the red invoice
// gets its own number from the blue numbering, negative amounts and the required 备注; the blue
// invoice becomes 部分红冲 / 全额红冲; a red invoice in its blue invoice's Shanghai month gives its
// 金额 back to the quota — except 销售折让 — and one in a later month gives nothing back.
import { fenOfText, type ComputedDraft } from '../../shared/domain/invoice'
import { buildQrPayload } from '../../shared/domain/qr'
import { checkRedLines, redInvoiceDraft, redRemarkProblem, redStatusAfter, reversible } from '../../shared/domain/red'
import type { RedConfirmation, RedLineInput } from '../../shared/platform/red'
import type { PlatformInvoice } from '../../shared/platform/wire'
import { shanghaiDate, shanghaiMonth, shanghaiYear, toShanghaiIso } from '../clock'
import { PlatformError, validationFailure } from '../errors'
import { stmt } from '../store/statements'
import { appendChange } from './changes'
import type { Ctx } from './context'
import { nextInvoiceNumber } from './numbering'
import { qrCheck } from './qrCheck'
import { restoreQuota, snapshotOf } from './quota'
import { publishInvoiceStatus } from './redFeed'
import { issuedRedLines } from './redStore'
import { findTaxpayer, requireTaxpayer, taxpayerInfo } from './taxpayers'

interface BlueRow {
  month: string
  document: string
}

const fen = (text: string): number => fenOfText(text) ?? 0

/** the form's lines as typed input, for the same check the form passed when it was entered */
const asInput = (form: RedConfirmation): RedLineInput[] => form.lines.map((l) => ({ blueLine: l.blueLine, quantity: l.quantity, amount: l.amount, tax: l.tax }))

function checkedDraft(form: RedConfirmation, blueDraft: ComputedDraft, earlier: ReturnType<typeof issuedRedLines>): ComputedDraft {
  const check = checkRedLines(form.reason, reversible(blueDraft, earlier), asInput(form))
  if (check.issues.length > 0) throw validationFailure('红字发票不能开具', check.issues, 'RED_NOT_ALLOWED')
  const draft = redInvoiceDraft(blueDraft, form.lines, { blueNumber: form.blueNumber, confirmationNumber: form.number })
  const remark = redRemarkProblem(draft.remark)
  if (remark) throw new PlatformError('RED_NOT_ALLOWED', remark, [{ path: 'remark', message: remark }])
  if (draft.totals.amount !== form.amount || draft.totals.tax !== form.tax)
    throw new PlatformError('RED_NOT_ALLOWED', `红字发票合计（${draft.totals.amount} / ${draft.totals.tax}）与确认单（${form.amount} / ${form.tax}）不一致`)
  return draft
}

/**
 * Issues the red invoice of `form` now and returns the form with its number and an 'issue' history
 * entry; the caller saves and publishes the form. `clientRef` goes on the seller's 'invoice.issued'.
 */
export function issueRedInvoice(ctx: Ctx, form: RedConfirmation, by: string, clientRef: string | null): RedConfirmation {
  const blue = stmt(ctx.db, 'SELECT month, document FROM invoices WHERE number = ?').get(form.blueNumber) as BlueRow
  const blueInvoice = JSON.parse(blue.document) as PlatformInvoice
  const earlier = issuedRedLines(ctx, form.blueNumber)
  const draft = checkedDraft(form, blueInvoice.draft, earlier)

  const seller = requireTaxpayer(ctx, form.seller.taxId)
  const now = ctx.clock.now()
  const issuedAt = toShanghaiIso(now)
  const month = shanghaiMonth(now)
  const amountFen = fen(draft.totals.amount)
  const restores = month === blue.month && form.reason !== '04'
  const quotaAfter = restores ? snapshotOf(restoreQuota(ctx, seller.tax_id, month, -amountFen, issuedAt), now) : null
  const number = nextInvoiceNumber(ctx, shanghaiYear(now), seller.region)
  const qrFields = { kind: draft.kind, number, total: draft.totals.total, date: shanghaiDate(now) }
  const invoice: PlatformInvoice = {
    number,
    kind: blueInvoice.kind,
    colour: 'red',
    issuedAt,
    seller: taxpayerInfo(seller),
    buyer: blueInvoice.buyer,
    draft,
    // (assumed) the platform's own 开票 on agreement has no operator of the seller: the blue invoice's drawer
    drawer: blueInvoice.drawer,
    amount: draft.totals.amount,
    tax: draft.totals.tax,
    total: draft.totals.total,
    // negative: what it gave back to the month's quota
    quotaUsed: restores ? draft.totals.amount : '0.00',
    qr: buildQrPayload({ ...qrFields, check: qrCheck(ctx, qrFields) }),
    redStatus: 'normal',
    clientRef,
    redOf: { blueNumber: form.blueNumber, confirmationNumber: form.number },
  }
  stmt(
    ctx.db,
    `INSERT INTO invoices (number, colour, kind, seller_tax_id, buyer_tax_id, buyer_name, issued_at, month,
       amount_fen, tax_fen, total_fen, red_status, client_ref, document, blue_number, red_confirmation_number)
     VALUES (?, 'red', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?)`,
  ).run(
    number,
    invoice.kind,
    seller.tax_id,
    invoice.buyer.taxId,
    invoice.buyer.name,
    issuedAt,
    month,
    amountFen,
    fen(draft.totals.tax),
    fen(draft.totals.total),
    clientRef,
    JSON.stringify(invoice),
    form.blueNumber,
    form.number,
  )
  const redStatus = redStatusAfter(blueInvoice.draft, [...earlier, form.lines])
  stmt(ctx.db, `UPDATE invoices SET red_status = ?, document = json_set(document, '$.redStatus', ?) WHERE number = ?`).run(redStatus, redStatus, form.blueNumber)

  appendChange(ctx, seller.tax_id, 'invoice.issued', issuedAt, invoice)
  const buyer = invoice.buyer.taxId === '' ? undefined : findTaxpayer(ctx, invoice.buyer.taxId)
  if (buyer) appendChange(ctx, buyer.tax_id, 'invoice.received', issuedAt, invoice)
  publishInvoiceStatus(ctx, form.blueNumber, issuedAt)
  if (quotaAfter) appendChange(ctx, seller.tax_id, 'quota.changed', issuedAt, quotaAfter)
  return {
    ...form,
    redInvoiceNumber: number,
    history: [...form.history, { at: issuedAt, by, action: 'issue', status: form.status }],
  }
}
