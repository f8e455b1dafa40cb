// Platform invoices for the layout's, the PDF's and the OFD's tests and benchmarks: a blue one of
// any size (sampleDraft's realistic lines), and its full red reversal with the marks it carries.
import { computeDraft, sampleDraft, type ComputedDraft, type InvoiceDraft } from '../invoice'
import { buildQrPayload } from '../qr'
import { redInvoiceDraft } from '../red/redDraft'
import type { RedLine } from '../../platform/red'
import type { PlatformInvoice } from '../../platform/wire'

export const TEST_SELLER = { taxId: '91440300MA5G0XXX1A', name: '深圳市票税通科技有限公司', region: '4403' }

function platformInvoice(draft: ComputedDraft, over: Partial<PlatformInvoice>): PlatformInvoice {
  const number = over.number ?? '26442000000000012345'
  const issuedAt = over.issuedAt ?? '2026-12-03T10:15:00+08:00'
  return {
    number,
    kind: draft.kind,
    colour: 'blue',
    issuedAt,
    seller: TEST_SELLER,
    buyer: { name: draft.buyer.name, taxId: draft.buyer.taxId, registered: true },
    draft,
    drawer: '王会计',
    amount: draft.totals.amount,
    tax: draft.totals.tax,
    total: draft.totals.total,
    quotaUsed: draft.totals.amount,
    qr: buildQrPayload({ kind: draft.kind, number, total: draft.totals.total, date: issuedAt.slice(0, 10).replaceAll('-', ''), check: '1DD6' }),
    redStatus: 'normal',
    clientRef: null,
    ...over,
  }
}

/** a blue invoice of `lines` realistic lines; `draft` overrides parts of the draft */
export function testInvoice(lines = 3, draft: Partial<InvoiceDraft> = {}, over: Partial<PlatformInvoice> = {}): PlatformInvoice {
  return platformInvoice(computeDraft({ ...sampleDraft(lines), ...draft }), over)
}

/** the full red reversal of `blue` (reason 01) */
export function testRedInvoice(blue: PlatformInvoice): PlatformInvoice {
  const refs = { blueNumber: blue.number, confirmationNumber: '44030026120300000001' }
  const lines: RedLine[] = blue.draft.lines.map((l, i) => {
    const amount = (Number(l.amount) - Number(l.discount ?? 0)).toFixed(2)
    const tax = (Number(l.tax) - Number(l.discountTax ?? 0)).toFixed(2)
    return {
      blueLine: i + 1,
      name: l.name,
      taxCode: l.taxCode,
      spec: l.spec,
      unit: l.unit,
      quantity: l.quantity === null ? null : `-${l.quantity}`,
      unitPrice: l.unitPrice,
      amount: `-${amount}`,
      taxRate: l.taxRate,
      tax: `-${tax}`,
    }
  })
  const draft = redInvoiceDraft(blue.draft, lines, refs)
  return platformInvoice(draft, { number: '26442000000000012399', colour: 'red', redOf: refs, redStatus: 'normal' })
}
