// Only the blue invoice's two parties see or act on its 确认单: a third taxpayer gets NOT_FOUND for
// reading, listing and every action, as for a number that does not exist.
import { describe, expect, it } from 'vitest'
import { BUYER, issueBlue, newKey, refusal, SELLER, tempPlatform, THIRD } from '../testSupport'

describe('a third taxpayer', () => {
  it('is refused (404) for read, list and every action', () => {
    const p = tempPlatform()
    p.addTaxpayer(THIRD)
    const blue = issueBlue(p)
    p.markBooked(blue.number)
    const form = p.createRedConfirmation(BUYER.taxId, { blueNumber: blue.number, reason: '01', as: 'buyer' }, newKey())
    const calls: [string, () => unknown][] = [
      ['get', () => p.getRedConfirmation(THIRD.taxId, form.number)],
      ['decide', () => p.decideRedConfirmation(THIRD.taxId, form.number, { agree: true }, newKey())],
      ['withdraw', () => p.withdrawRedConfirmation(THIRD.taxId, form.number, newKey())],
      ['issue', () => p.issueRedInvoice(THIRD.taxId, form.number, newKey())],
      ['create as seller', () => p.createRedConfirmation(THIRD.taxId, { blueNumber: blue.number, reason: '04', as: 'seller' }, newKey())],
      ['create as buyer', () => p.createRedConfirmation(THIRD.taxId, { blueNumber: blue.number, reason: '04', as: 'buyer' }, newKey())],
      ['booking', () => p.setBooking(THIRD.taxId, blue.number, { status: '02', period: '202611' }, newKey())],
    ]
    for (const [what, call] of calls) expect([what, refusal(call).code]).toEqual([what, 'NOT_FOUND'])
    expect(p.listRedConfirmations(THIRD.taxId)).toEqual({ total: 0, rows: [] })
    expect(p.changes(THIRD.taxId).changes).toEqual([])
    // the parties still see it, each on its side
    expect(p.listRedConfirmations(SELLER.taxId, { role: 'seller' }).total).toBe(1)
    expect(p.listRedConfirmations(BUYER.taxId, { role: 'seller' }).total).toBe(0)
    expect(p.listRedConfirmations(BUYER.taxId, { role: 'buyer', blueNumber: blue.number }).rows[0]!.number).toBe(form.number)
  })

  it('booking: the buyer only, with a period for 02–05 and none for 06', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    expect(refusal(() => p.setBooking(SELLER.taxId, blue.number, { status: '02', period: '202611' })).code).toBe('FORBIDDEN')
    expect(refusal(() => p.setBooking(BUYER.taxId, blue.number, { status: '02' })).issues).toEqual([{ path: 'period', message: '入账须填写入账所属期（YYYYMM）' }])
    expect(refusal(() => p.setBooking(BUYER.taxId, blue.number, { status: '06', period: '202611' })).code).toBe('VALIDATION')
    expect(p.setBooking(BUYER.taxId, blue.number, { status: '06' })).toMatchObject({ status: '06', period: null })
    expect(p.markBooked(blue.number)).toMatchObject({ status: '02', period: blue.issuedAt.slice(0, 7).replace('-', '') })
    const statusChanges = p
      .changes(SELLER.taxId)
      .changes.filter((c) => c.kind === 'invoice.status')
      .map((c) => c.data)
    expect(statusChanges).toEqual([
      { number: blue.number, redStatus: 'normal', booking: '06', bookingPeriod: null, use: 'unconfirmed' },
      { number: blue.number, redStatus: 'normal', booking: '02', bookingPeriod: blue.issuedAt.slice(0, 7).replace('-', ''), use: 'unconfirmed' },
    ])
  })
})
