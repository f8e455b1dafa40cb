// Only the blue invoice's two parties see or act on its 确认单: a third taxpayer gets NOT_FOUND for
// reading, listing and every action, as for a number that does not exist.
import { describe, expect, it } from 'vitest'
import { BUYER, issueBlue, monthOf, newKey, refusal, SELLER, tempPlatform, THIRD } from '../testSupport'

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
      ['booking', () => p.setBooking(THIRD.taxId, blue.number, { status: '02', period: monthOf(blue) }, newKey())],
    ]
    for (const [what, call] of calls) expect([what, refusal(call).code]).toEqual([what, 'NOT_FOUND'])
    expect(p.listRedConfirmations(THIRD.taxId)).toEqual({ total: 0, rows: [] })
    expect(p.changes(THIRD.taxId).changes).toEqual([])
    // the parties still see it, each on its side
    expect(p.listRedConfirmations(SELLER.taxId, { role: 'seller' }).total).toBe(1)
    expect(p.listRedConfirmations(BUYER.taxId, { role: 'seller' }).total).toBe(0)
    expect(p.listRedConfirmations(BUYER.taxId, { role: 'buyer', blueNumber: blue.number }).rows[0]!.number).toBe(form.number)
  })

  it('booking: the buyer only, by the 入账 rules; a refusal changes nothing', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    const month = monthOf(blue)
    expect(refusal(() => p.setBooking(SELLER.taxId, blue.number, { status: '02', period: month })).code).toBe('FORBIDDEN')
    expect(refusal(() => p.setBooking(BUYER.taxId, blue.number, { status: '02' })).issues).toEqual([{ path: 'period', message: '入账须填写入账所属期（YYYYMM，如 202611）' }])
    expect(refusal(() => p.setBooking(BUYER.taxId, blue.number, { status: '06', period: month })).issues).toEqual([{ path: 'period', message: '撤销入账不填写入账所属期' }])
    expect(refusal(() => p.setBooking(BUYER.taxId, blue.number, { status: '01' })).issues).toEqual([
      { path: 'status', message: '01 未入账是状态，不能申请：入账请用 02–05，撤销入账请用 06' },
    ])
    expect(refusal(() => p.setBooking(BUYER.taxId, blue.number, { status: '06' }))).toMatchObject({ code: 'CONFLICT', message: '该发票未入账，无需撤销' })
    expect(refusal(() => p.setBooking(BUYER.taxId, blue.number, { status: '02', period: '202001' })).issues).toEqual([
      { path: 'period', message: `入账所属期 202001 早于发票的开票月份 ${month}，不能入账` },
    ])
    expect(p.changes(SELLER.taxId).changes.filter((c) => c.kind === 'invoice.status')).toEqual([])

    expect(p.markBooked(blue.number)).toMatchObject({ status: '02', period: month })
    // 重复入账 names the earlier period, whatever the type or period asked
    const again = refusal(() => p.setBooking(BUYER.taxId, blue.number, { status: '03', period: month }))
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`重复入账：该发票已于入账所属期 ${month} 入账`) })
    expect(p.setBooking(BUYER.taxId, blue.number, { status: '06' })).toMatchObject({ status: '06', period: null })
    const statusChanges = p
      .changes(SELLER.taxId)
      .changes.filter((c) => c.kind === 'invoice.status')
      .map((c) => c.data)
    expect(statusChanges).toEqual([
      { number: blue.number, redStatus: 'normal', booking: '02', bookingPeriod: month, use: 'unconfirmed' },
      { number: blue.number, redStatus: 'normal', booking: '06', bookingPeriod: null, use: 'unconfirmed' },
    ])
  })
})
