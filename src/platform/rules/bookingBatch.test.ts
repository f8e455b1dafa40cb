// 入账 and 用途确认 of many invoices in-process (DOMAIN.md §5): a result class per row, the states
// kept, one invoice.status per changed invoice to both parties, and the red path that follows.
import { describe, expect, it } from 'vitest'
import type { BookingBatchResult, InvoiceStatusChange } from '../../shared/platform/booking'
import { BOOKING_BATCH_MAX } from '../../shared/platform/booking'
import type { Platform } from '../platform'
import { manualClock } from '../clock'
import { BUYER, issueBlue, issueRequestFor, monthOf, newKey, refusal, SELLER, tempPlatform } from '../testSupport'

const statusChanges = (p: Platform, taxId: string): InvoiceStatusChange[] =>
  p
    .changes(taxId)
    .changes.filter((c) => c.kind === 'invoice.status')
    .map((c) => c.data as InvoiceStatusChange)

const brief = (r: BookingBatchResult) => [r.number, r.result, r.status, r.period, r.earlierPeriod]

describe('POST /bookings in-process', () => {
  it('answers each row with its class; the changed invoices tell both parties once', () => {
    // a fixed clock in the middle of a month, so the periods around it are known
    const clock = manualClock(new Date('2026-11-20T10:00:00+08:00'))
    const p = tempPlatform({ clock })
    const good = issueBlue(p)
    const booked = issueBlue(p)
    const reversed = issueBlue(p)
    const open = issueBlue(p)
    const sold = p.issue(BUYER.taxId, issueRequestFor({ buyer: { ...issueRequestFor().draft.buyer, name: SELLER.name, taxId: SELLER.taxId } }), newKey())
    p.bookInvoices(BUYER.taxId, { rows: [{ number: booked.number, book: true, period: '202611', type: '04' }] }, newKey())
    const red = p.createRedConfirmation(SELLER.taxId, { blueNumber: reversed.number, reason: '01', as: 'seller' }, newKey())
    const before = { seller: statusChanges(p, SELLER.taxId).length, buyer: statusChanges(p, BUYER.taxId).length }

    const answer = p.bookInvoices(
      BUYER.taxId,
      {
        rows: [
          { number: good.number, issueDate: good.issuedAt.slice(0, 10), book: true, period: '202611', type: '03' },
          { number: '26442000000000099999', book: true, period: '202611' },
          { number: booked.number, book: true, period: '202611' },
          { number: red.redInvoiceNumber!, book: true, period: '202611' },
          { number: reversed.number, book: true, period: '202611' },
          { number: good.number, book: true, period: '202612' },
          { number: open.number, book: true, period: '202613' },
          { number: open.number, book: true, period: '202610' },
          { number: '12345678', code: '044031900111', book: true, period: '202611' },
          { number: sold.number, book: true, period: '202611' },
          { number: reversed.number, book: false },
        ],
      },
      newKey(),
    )
    expect(answer.processedAt).toBe('2026-11-20T10:00:00+08:00')
    expect(answer.results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(answer.results.map(brief)).toEqual([
      [good.number, 'success', '03', '202611', null],
      ['26442000000000099999', 'not-found', '01', null, null],
      [booked.number, 'duplicate', '04', '202611', '202611'],
      [red.redInvoiceNumber, 'abnormal', '01', null, null],
      [reversed.number, 'abnormal', '01', null, null],
      // the row before booked it: the same invoice again is 重复入账
      [good.number, 'duplicate', '03', '202611', '202611'],
      [open.number, 'other', '01', null, null],
      [open.number, 'other', '01', null, null],
      ['12345678', 'not-found', '01', null, null],
      // the caller sold this one: for 入账 it does not exist
      [sold.number, 'not-found', '01', null, null],
      [reversed.number, 'other', '01', null, null],
    ])
    expect(answer.results.map((r) => r.message).slice(6, 8)).toEqual(['入账所属期应为 YYYYMM（如 202611），现为“202613”', '入账所属期 202610 早于发票的开票月份 202611，不能入账'])
    expect(answer.results[10]!.message).toBe('该发票未入账，无需撤销')
    expect(answer.results.every((r) => (r.result === 'success') === (r.message === ''))).toBe(true)

    // one change for the one invoice changed, to each party
    const expected: InvoiceStatusChange = { number: good.number, redStatus: 'normal', booking: '03', bookingPeriod: '202611', use: 'unconfirmed' }
    expect(statusChanges(p, SELLER.taxId).slice(before.seller)).toEqual([expected])
    expect(statusChanges(p, BUYER.taxId).slice(before.buyer)).toEqual([expected])
  })

  it('撤销入账 → 06; booked again with another period; a period outside the invoice month and now is 其他', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    const month = monthOf(blue)
    const book = (row: object) => p.bookInvoices(BUYER.taxId, { rows: [{ number: blue.number, ...row }] }, newKey()).results[0]!
    expect(book({ book: true, period: String(Number(month) + 100) })).toMatchObject({ result: 'other', message: expect.stringContaining('晚于当前所属期') })
    expect(book({ book: true, period: month })).toMatchObject({ result: 'success', status: '02', period: month })
    expect(book({ book: false })).toMatchObject({ result: 'success', status: '06', period: null })
    expect(book({ book: true, period: month, type: '05' })).toMatchObject({ result: 'success', status: '05', period: month })
    expect(statusChanges(p, SELLER.taxId).map((c) => [c.booking, c.bookingPeriod])).toEqual([
      ['02', month],
      ['06', null],
      ['05', month],
    ])
  })

  it('refuses a request only for its shape, in Chinese, changing nothing', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    const tooMany = Array.from({ length: BOOKING_BATCH_MAX + 1 }, () => ({ number: blue.number, book: true, period: monthOf(blue) }))
    for (const body of [{ rows: [] }, { rows: tooMany }, { rows: [{ number: blue.number }] }, {}]) {
      const e = refusal(() => p.bookInvoices(BUYER.taxId, body, newKey()))
      expect(e.code).toBe('VALIDATION')
      expect(e.message).toMatch(/^入账请求不正确：/)
      for (const i of e.issues ?? []) expect(i.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(refusal(() => p.bookInvoices(BUYER.taxId, { rows: [{ number: blue.number, book: true, period: monthOf(blue) }] }, undefined)).code).toBe('IDEMPOTENCY_KEY_REQUIRED')
    expect(statusChanges(p, BUYER.taxId)).toEqual([])
  })

  it('2,000 rows in one request', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    const rows = Array.from({ length: BOOKING_BATCH_MAX }, (_, i) => ({
      number: i === 0 ? blue.number : `2644200000${String(i).padStart(10, '0')}`,
      book: true,
      period: monthOf(blue),
    }))
    const answer = p.bookInvoices(BUYER.taxId, { rows }, newKey())
    expect(answer.results).toHaveLength(BOOKING_BATCH_MAX)
    expect(answer.results.filter((r) => r.result === 'success').map((r) => r.number)).toEqual([blue.number])
  })
})

describe('POST /use-confirmations in-process', () => {
  it('专票 only; 抵扣 ↔ 不抵扣 may change; the same again changes nothing and tells nobody', () => {
    const p = tempPlatform()
    const special = issueBlue(p)
    const ordinary = p.issue(SELLER.taxId, issueRequestFor({ kind: '82' }), newKey())
    const confirm = (number: string, use: string) => p.confirmUse(BUYER.taxId, { rows: [{ number, use }] }, newKey()).results[0]!
    expect(confirm(special.number, 'deduct')).toEqual({ index: 0, number: special.number, result: 'success', message: '', use: 'deduct' })
    expect(confirm(special.number, 'deduct')).toMatchObject({ result: 'success', use: 'deduct' })
    expect(confirm(special.number, 'no-deduct')).toMatchObject({ result: 'success', use: 'no-deduct' })
    expect(confirm(ordinary.number, 'deduct')).toMatchObject({ result: 'abnormal', use: 'unconfirmed', message: '只有增值税专用发票可以用途确认，该发票是普通发票' })
    expect(p.confirmUse(SELLER.taxId, { rows: [{ number: special.number, use: 'deduct' }] }, newKey()).results[0]).toMatchObject({ result: 'not-found' })
    // two changes (unconfirmed → 抵扣 → 不抵扣), each to both parties; 入账 untouched
    for (const taxId of [SELLER.taxId, BUYER.taxId])
      expect(statusChanges(p, taxId).map((c) => [c.number, c.booking, c.use])).toEqual([
        [special.number, '01', 'deduct'],
        [special.number, '01', 'no-deduct'],
      ])
    expect(refusal(() => p.confirmUse(BUYER.taxId, { rows: [{ number: special.number, use: 'maybe' }] }, newKey()))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^用途确认请求不正确：/),
    })
  })

  it('入账 and 用途 are kept apart: booking keeps the use, 用途确认 keeps the booking', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    p.confirmUse(BUYER.taxId, { rows: [{ number: blue.number, use: 'deduct' }] }, newKey())
    p.bookInvoices(BUYER.taxId, { rows: [{ number: blue.number, book: true, period: monthOf(blue) }] }, newKey())
    p.confirmUse(BUYER.taxId, { rows: [{ number: blue.number, use: 'no-deduct' }] }, newKey())
    expect(statusChanges(p, BUYER.taxId).at(-1)).toEqual({ number: blue.number, redStatus: 'normal', booking: '02', bookingPeriod: monthOf(blue), use: 'no-deduct' })
  })

  it('admin confirm-use: as the buyer; a refused row is the error', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    expect(p.markUse(blue.number, 'deduct')).toMatchObject({ result: 'success', use: 'deduct' })
    const ordinary = p.issue(SELLER.taxId, issueRequestFor({ kind: '82' }), newKey())
    expect(refusal(() => p.markUse(ordinary.number, 'deduct'))).toMatchObject({ code: 'VALIDATION', message: '只有增值税专用发票可以用途确认，该发票是普通发票' })
    expect(refusal(() => p.markUse('26442000000000099999', 'deduct')).code).toBe('NOT_FOUND')
  })
})

describe('the red path follows 入账 and 用途确认', () => {
  it('use confirmed only: the seller needs the buyer (02), the buyer may start (03)', () => {
    const p = tempPlatform()
    const first = issueBlue(p)
    const second = issueBlue(p)
    p.confirmUse(
      BUYER.taxId,
      {
        rows: [
          { number: first.number, use: 'no-deduct' },
          { number: second.number, use: 'deduct' },
        ],
      },
      newKey(),
    )
    expect(p.createRedConfirmation(SELLER.taxId, { blueNumber: first.number, reason: '01', as: 'seller' }, newKey()).status).toBe('02')
    expect(p.createRedConfirmation(BUYER.taxId, { blueNumber: second.number, reason: '01', as: 'buyer' }, newKey()).status).toBe('03')
  })

  it('booked then 撤销入账, use unconfirmed: the seller reverses directly (01); the buyer may not start', () => {
    const p = tempPlatform()
    const blue = issueBlue(p)
    p.bookInvoices(BUYER.taxId, { rows: [{ number: blue.number, book: true, period: monthOf(blue) }] }, newKey())
    p.bookInvoices(BUYER.taxId, { rows: [{ number: blue.number, book: false }] }, newKey())
    expect(refusal(() => p.createRedConfirmation(BUYER.taxId, { blueNumber: blue.number, reason: '01', as: 'buyer' }, newKey())).code).toBe('RED_NOT_ALLOWED')
    expect(p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '01', as: 'seller' }, newKey()).status).toBe('01')
  })
})
