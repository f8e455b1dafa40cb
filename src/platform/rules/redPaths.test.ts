// The 确认单 state machine in-process (DOMAIN.md §4): the direct path, confirmation with agree and
// refuse, withdraw, the seller's 开票 with 确认即开票 off, one open form at a time, idempotent replays.
import { describe, expect, it } from 'vitest'
import { RedConfirmation } from '../../shared/platform/red'
import type { InvoiceStatusChange } from '../../shared/platform/booking'
import type { PlatformInvoice } from '../../shared/platform/wire'
import { testLine } from '../../shared/domain/invoice/testDraft'
import { DIFFERENCE_WHOLE_ONLY } from '../../shared/domain/red'
import { BUYER, issueBlue, issueRequestFor, monthOf, newKey, refusal, SELLER, tempPlatform } from '../testSupport'

const partial = (amount: string) => ({ lines: [{ blueLine: 1, quantity: String(-Number(amount) / 1000), amount: `-${amount}` }] })

describe('红字确认单 paths', () => {
  it('direct (01): the seller reverses an unbooked invoice; the red invoice is issued at once', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    const form = p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '02', as: 'seller', ...partial('3000'), clientRef: 'form-1' }, newKey())
    expect(form).toMatchObject({ status: '01', initiator: 'seller', reason: '02', amount: '-3000.00', tax: '-180.00', total: '-3180.00', deadline: null, clientRef: 'form-1' })
    expect(form.number).toMatch(/^440000\d{6}00000001$/)
    expect(form.history.map((h) => h.action)).toEqual(['create', 'issue'])
    const red = p.getInvoice(SELLER.taxId, form.redInvoiceNumber!)
    expect(red).toMatchObject({
      colour: 'red',
      kind: blue.kind,
      amount: '-3000.00',
      total: '-3180.00',
      clientRef: 'form-1',
      redOf: { blueNumber: blue.number, confirmationNumber: form.number },
    })
    expect(red.draft.remark).toBe(`被红冲蓝字数电发票号码：${blue.number} 红字发票信息确认单编号：${form.number}`)
    expect(red.draft.lines[0]).toMatchObject({ quantity: '-3', unitPrice: '1000', amount: '-3000.00', tax: '-180.00', unit: '套' })
    expect(p.getInvoice(BUYER.taxId, blue.number).redStatus).toBe('partly-reversed')

    // the feeds: the seller hears the red invoice, the blue status, the quota and the form; the buyer all but the quota
    const kinds = (taxId: string) => p.changes(taxId).changes.map((c) => c.kind)
    expect(kinds(SELLER.taxId).slice(2)).toEqual(['invoice.issued', 'invoice.status', 'quota.changed', 'red-confirmation.changed'])
    expect(kinds(BUYER.taxId).slice(1)).toEqual(['invoice.received', 'invoice.status', 'red-confirmation.changed'])
    const status = p.changes(BUYER.taxId).changes.find((c) => c.kind === 'invoice.status')!.data as InvoiceStatusChange
    expect(status).toEqual({ number: blue.number, redStatus: 'partly-reversed', booking: '01', bookingPeriod: null, use: 'unconfirmed' })
  })

  it('a 差额开票 invoice is reversed whole, the red invoice keeping 差额开票 and its 扣除额 negated; a part is refused', () => {
    const p = tempPlatform()
    const line = testLine({ name: '旅游服务', quantity: null, unitPrice: null, amount: '10600', deduction: '5000' })
    const request = issueRequestFor({ taxMode: '差额征税', differenceMode: '02', priceIncludesTax: true, lines: [line] })
    const blue = p.issue(SELLER.taxId, request, newKey())
    expect(blue).toMatchObject({ amount: '10283.02', tax: '316.98', total: '10600.00' })
    const part = refusal(() => p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '04', as: 'seller', lines: [{ blueLine: 1, amount: '-1000' }] }, newKey()))
    expect(part).toMatchObject({ code: 'RED_NOT_ALLOWED', message: expect.stringContaining(DIFFERENCE_WHOLE_ONLY) })
    expect(p.quota(SELLER.taxId).used).toBe('10283.02')

    const form = p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '01', as: 'seller' }, newKey())
    expect(form).toMatchObject({ status: '01', amount: '-10283.02', tax: '-316.98', total: '-10600.00' })
    const red = p.getInvoice(SELLER.taxId, form.redInvoiceNumber!)
    expect(red.draft).toMatchObject({ taxMode: '差额征税', differenceMode: '02' })
    expect(red.draft.lines[0]).toMatchObject({ amount: '-10283.02', deduction: '-5000.00', tax: '-316.98' })
    expect(red).toMatchObject({ total: '-10600.00', quotaUsed: '-10283.02' })
    expect(p.quota(SELLER.taxId).used).toBe('0.00')
    expect(p.getInvoice(BUYER.taxId, blue.number).redStatus).toBe('fully-reversed')
  })

  it('the seller of a booked invoice waits for the buyer: 02 → agree → 04 with the red invoice (确认即开票)', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    expect(p.setBooking(BUYER.taxId, blue.number, { status: '02', period: monthOf(blue) })).toMatchObject({ status: '02', period: monthOf(blue) })
    const form = p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '01', as: 'seller' }, newKey())
    expect(form).toMatchObject({ status: '02', redInvoiceNumber: null, amount: '-10000.00' })
    expect(form.deadline).not.toBeNull()
    expect(refusal(() => p.decideRedConfirmation(SELLER.taxId, form.number, { agree: true }, newKey())).code).toBe('FORBIDDEN')
    const agreed = p.decideRedConfirmation(BUYER.taxId, form.number, { agree: true, opinion: '同意' }, newKey())
    expect(agreed).toMatchObject({ status: '04', opinion: '同意', deadline: null })
    expect(agreed.history.map((h) => [h.action, h.by])).toEqual([
      ['create', SELLER.taxId],
      ['agree', BUYER.taxId],
      ['issue', 'platform'],
    ])
    expect(p.getInvoice(SELLER.taxId, agreed.redInvoiceNumber!).total).toBe('-10600.00')
    expect(p.getInvoice(SELLER.taxId, blue.number).redStatus).toBe('fully-reversed')
    // withdrawing an issued form is refused; so is anything on a fully reversed invoice
    expect(refusal(() => p.withdrawRedConfirmation(BUYER.taxId, form.number, newKey())).code).toBe('CONFLICT')
    const nothing = refusal(() => p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '04', as: 'seller' }, newKey()))
    expect(nothing).toMatchObject({ code: 'RED_NOT_ALLOWED', message: expect.stringContaining('该蓝字发票已全额红冲，没有可红冲的金额') })
  })

  it.each([
    ['seller', '02', '05'],
    ['buyer', '03', '06'],
  ] as const)('entered by the %s (%s), refused with an opinion → %s', (as, waiting, refused) => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    p.setBooking(BUYER.taxId, blue.number, { status: '03', period: monthOf(blue) })
    const by = as === 'seller' ? SELLER.taxId : BUYER.taxId
    const other = as === 'seller' ? BUYER.taxId : SELLER.taxId
    const form = p.createRedConfirmation(by, { blueNumber: blue.number, reason: '04', as, lines: [{ blueLine: 1, amount: '-500' }] }, newKey())
    expect(form.status).toBe(waiting)
    const noOpinion = refusal(() => p.decideRedConfirmation(other, form.number, { agree: false }, newKey()))
    expect(noOpinion.issues).toEqual([{ path: 'opinion', message: '拒绝时请填写处理意见' }])
    const done = p.decideRedConfirmation(other, form.number, { agree: false, opinion: '金额不对' }, newKey())
    expect(done).toMatchObject({ status: refused, opinion: '金额不对', redInvoiceNumber: null })
    expect(refusal(() => p.decideRedConfirmation(other, form.number, { agree: true }, newKey())).code).toBe('CONFLICT')
    // settled: a new form may be entered
    expect(p.createRedConfirmation(by, { blueNumber: blue.number, reason: '04', as, lines: [{ blueLine: 1, amount: '-400' }] }, newKey()).status).toBe(waiting)
  })

  it('the buyer may not start on an invoice it has not booked: the seller reverses it without confirmation', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    const refused = refusal(() => p.createRedConfirmation(BUYER.taxId, { blueNumber: blue.number, reason: '01', as: 'buyer' }, newKey()))
    expect(refused).toMatchObject({ code: 'RED_NOT_ALLOWED', message: expect.stringContaining('购买方尚未对该发票入账或用途确认，只能由销售方发起红冲') })
    expect(p.listRedConfirmations(BUYER.taxId)).toEqual({ total: 0, rows: [] })
    // 入账 undone (06) is unbooked again
    p.setBooking(BUYER.taxId, blue.number, { status: '02', period: monthOf(blue) })
    p.setBooking(BUYER.taxId, blue.number, { status: '06' })
    expect(refusal(() => p.createRedConfirmation(BUYER.taxId, { blueNumber: blue.number, reason: '01', as: 'buyer' }, newKey())).code).toBe('RED_NOT_ALLOWED')
    expect(p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '01', as: 'seller' }, newKey()).status).toBe('01')
  })

  it('the buyer starts on a booked invoice (03); one open form per blue invoice', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    p.setBooking(BUYER.taxId, blue.number, { status: '02', period: monthOf(blue) })
    const form = p.createRedConfirmation(BUYER.taxId, { blueNumber: blue.number, reason: '03', as: 'buyer', lines: [{ blueLine: 1, amount: '-2000' }] }, newKey())
    expect(form.status).toBe('03')
    const second = refusal(() => p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '04', as: 'seller' }, newKey()))
    expect(second.code).toBe('CONFLICT')
    expect(second.message).toContain(form.number)
    expect(refusal(() => p.createRedConfirmation(BUYER.taxId, { blueNumber: blue.number, reason: '04', as: 'seller' }, newKey())).code).toBe('FORBIDDEN')
  })

  it('withdraw: 08 by the initiator only, before the decision', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    p.markBooked(blue.number)
    const form = p.createRedConfirmation(BUYER.taxId, { blueNumber: blue.number, reason: '01', as: 'buyer' }, newKey())
    expect(refusal(() => p.withdrawRedConfirmation(SELLER.taxId, form.number, newKey())).code).toBe('FORBIDDEN')
    const withdrawn = p.withdrawRedConfirmation(BUYER.taxId, form.number, newKey())
    expect(withdrawn).toMatchObject({ status: '08', deadline: null })
    expect(refusal(() => p.decideRedConfirmation(SELLER.taxId, form.number, { agree: true }, newKey())).code).toBe('CONFLICT')
  })

  it('确认即开票 off: agreed forms wait for the seller’s 开票; 09 withdraws one not yet issued', () => {
    const p = tempPlatform()
    p.setConfirmIssues(false)
    const blue = issueBlue(p)
    p.setBooking(BUYER.taxId, blue.number, { status: '02', period: monthOf(blue) })
    const form = p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '02', as: 'seller', ...partial('2000'), clientRef: 'f' }, newKey())
    const agreed = p.decideRedConfirmation(BUYER.taxId, form.number, { agree: true }, newKey())
    expect(agreed).toMatchObject({ status: '04', redInvoiceNumber: null })
    expect(refusal(() => p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '04', as: 'seller' }, newKey())).code).toBe('CONFLICT')
    expect(refusal(() => p.issueRedInvoice(BUYER.taxId, form.number, newKey())).code).toBe('FORBIDDEN')
    const issued = p.issueRedInvoice(SELLER.taxId, form.number, newKey(), { clientRef: 'red-draft-9' })
    expect(issued.history.at(-1)).toMatchObject({ action: 'issue', by: SELLER.taxId, status: '04' })
    expect(p.getInvoice(SELLER.taxId, issued.redInvoiceNumber!)).toMatchObject({ clientRef: 'red-draft-9', amount: '-2000.00' })
    expect(refusal(() => p.issueRedInvoice(SELLER.taxId, form.number, newKey())).code).toBe('CONFLICT')

    // a second agreed form, withdrawn by the buyer before the seller issues it
    const next = p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '02', as: 'seller', ...partial('1000') }, newKey())
    p.decideRedConfirmation(BUYER.taxId, next.number, { agree: true }, newKey())
    expect(p.withdrawRedConfirmation(BUYER.taxId, next.number, newKey())).toMatchObject({ status: '09', redInvoiceNumber: null })
    expect(refusal(() => p.issueRedInvoice(SELLER.taxId, next.number, newKey())).code).toBe('CONFLICT')
    expect(p.getInvoice(SELLER.taxId, blue.number).redStatus).toBe('partly-reversed')
  })

  it('two partial reversals, then nothing left; 01 refused once partly reversed', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '02', as: 'seller', ...partial('4000') }, newKey())
    expect(refusal(() => p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '01', as: 'seller' }, newKey())).code).toBe('RED_NOT_ALLOWED')
    const over = refusal(() => p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '02', as: 'seller', ...partial('7000') }, newKey()))
    expect(over.issues?.[0]).toEqual({ path: 'lines.0.amount', message: '第 1 行（软件开发服务）：红冲金额 7000.00 超过可红冲金额 6000.00' })
    p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '02', as: 'seller' }, newKey())
    expect(p.getInvoice(SELLER.taxId, blue.number).redStatus).toBe('fully-reversed')
    const reds = p.listInvoices(SELLER.taxId).rows.filter((i) => i.colour === 'red')
    expect(reds.map((r) => r.amount)).toEqual(['-4000.00', '-6000.00'])
    expect(refusal(() => p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '04', as: 'seller' }, newKey())).message).toContain(
      '该蓝字发票已全额红冲，没有可红冲的金额',
    )
  })

  it('a red invoice cannot itself be reversed', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    const form = p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '01', as: 'seller' }, newKey())
    expect(refusal(() => p.createRedConfirmation(SELLER.taxId, { blueNumber: form.redInvoiceNumber!, reason: '01', as: 'seller' }, newKey())).code).toBe('RED_NOT_ALLOWED')
  })
})

describe('红字确认单 idempotency', () => {
  it('create, decide, withdraw and issue replay their first answer for the same key; another body is a mismatch', () => {
    const p = tempPlatform()
    p.setConfirmIssues(false)
    const blue = issueBlue(p)
    p.setBooking(BUYER.taxId, blue.number, { status: '02', period: monthOf(blue) })
    const body = { blueNumber: blue.number, reason: '04', as: 'seller', lines: [{ blueLine: 1, amount: '-100' }] }
    const first = p.createRedConfirmation(SELLER.taxId, body, 'create-1')
    expect(p.createRedConfirmation(SELLER.taxId, body, 'create-1')).toEqual(first)
    expect(p.redResponse(SELLER.taxId, { kind: 'create', body }, 'create-1').replayed).toBe(true)
    expect(refusal(() => p.createRedConfirmation(SELLER.taxId, { ...body, reason: '03' }, 'create-1')).code).toBe('IDEMPOTENCY_MISMATCH')
    expect(p.listRedConfirmations(SELLER.taxId).total).toBe(1)

    const agreed = p.decideRedConfirmation(BUYER.taxId, first.number, { agree: true }, 'decide-1')
    expect(p.decideRedConfirmation(BUYER.taxId, first.number, { agree: true }, 'decide-1')).toEqual(agreed)
    expect(refusal(() => p.decideRedConfirmation(BUYER.taxId, first.number, { agree: false, opinion: '不' }, 'decide-1')).code).toBe('IDEMPOTENCY_MISMATCH')

    const issued = p.issueRedInvoice(SELLER.taxId, first.number, 'issue-1')
    expect(p.issueRedInvoice(SELLER.taxId, first.number, 'issue-1')).toEqual(issued)
    expect(p.listInvoices(SELLER.taxId).rows.filter((i: PlatformInvoice) => i.colour === 'red')).toHaveLength(1)

    const next: RedConfirmation = p.createRedConfirmation(SELLER.taxId, { ...body, lines: [{ blueLine: 1, amount: '-50' }] }, 'create-2')
    const withdrawn = p.withdrawRedConfirmation(SELLER.taxId, next.number, 'withdraw-1')
    expect(p.withdrawRedConfirmation(SELLER.taxId, next.number, 'withdraw-1')).toEqual(withdrawn)
    // a replay after the state moved on still answers what the key did, changing nothing
    expect(p.changes(SELLER.taxId).changes.filter((c) => c.kind === 'red-confirmation.changed')).toHaveLength(5)
    expect(refusal(() => p.withdrawRedConfirmation(SELLER.taxId, next.number, undefined)).code).toBe('IDEMPOTENCY_KEY_REQUIRED')
  })
})
