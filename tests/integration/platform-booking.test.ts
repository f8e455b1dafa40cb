// 发票入账 and 用途确认 over real HTTP on 127.0.0.1, as a client meets them: a batch whose rows land
// in every result class, both parties' feeds, the red path that follows (02 once the buyer booked or
// confirmed use, 01 again after 撤销入账), idempotent replays byte for byte, a third taxpayer who sees
// nothing, and the client's own calls (platformClient) with their errors.
import { describe, expect, it } from 'vitest'
import { manualClock } from '../../src/platform/clock'
import { platformClient, Refused, Unreachable } from '../../src/main/core/sync/platformClient'
import type { BookingBatchAnswer, InvoiceBooking, InvoiceStatusChange, UseBatchAnswer } from '../../src/shared/platform/booking'
import type { RedConfirmation } from '../../src/shared/platform/red'
import type { ChangesPage, PlatformErrorBody, PlatformInvoice } from '../../src/shared/platform/wire'
import { IDEMPOTENCY_HEADER } from '../../src/shared/platform/wire'
import { tempDir } from '../support/core'
import { type Answer, bearer, call, get, issueRequest, postInvoice, sandboxWithParties } from '../support/platformHttp'

function post<T>(url: string, path: string, token: string, body: unknown, key?: string): Promise<Answer<T>> {
  return call<T>(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token), ...(key === undefined ? {} : { [IDEMPOTENCY_HEADER]: key }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** the middle of November 2026 on the sandbox's clock: 入账所属期 202611 is the invoice's month and now */
const parties = () => sandboxWithParties(tempDir(), { clock: manualClock(new Date('2026-11-20T10:00:00+08:00')) })

let keys = 0
const blueOf = async (p: Awaited<ReturnType<typeof parties>>, over = {}) => (await postInvoice<PlatformInvoice>(p.url, p.seller, issueRequest(over), `blue-${++keys}`)).body

const statuses = async (url: string, token: string) =>
  (await get<ChangesPage>(url, '/api/v1/changes?limit=1000', token)).body.changes.filter((c) => c.kind === 'invoice.status').map((c) => c.data as InvoiceStatusChange)

const createAsSeller = (p: Awaited<ReturnType<typeof parties>>, blueNumber: string, key: string) =>
  post<RedConfirmation>(p.url, '/api/v1/red-confirmations', p.seller, { blueNumber, reason: '01', as: 'seller' }, key)

describe('发票入账 and 用途确认 over HTTP', { timeout: 120_000 }, () => {
  it('a batch answers each row in its class; both feeds hear each changed invoice once; a replay is byte for byte', async () => {
    const p = await parties()
    const good = await blueOf(p)
    const booked = await blueOf(p)
    const reversed = await blueOf(p)
    const open = await blueOf(p)
    const first = await post<BookingBatchAnswer>(p.url, '/api/v1/bookings', p.other, { rows: [{ number: booked.number, book: true, period: '202611', type: '04' }] }, 'b-0')
    expect(first.body.results[0]).toMatchObject({ result: 'success', status: '04', period: '202611' })
    const form = (await createAsSeller(p, reversed.number, 'r-0')).body
    expect(form.status).toBe('01')
    const before = { seller: (await statuses(p.url, p.seller)).length, buyer: (await statuses(p.url, p.other)).length }

    const body = {
      rows: [
        { number: good.number, issueDate: '2026-11-20', book: true, period: '202611' },
        { number: '26442000000000099999', book: true, period: '202611' },
        { number: booked.number, book: true, period: '202611', type: '02' },
        { number: form.redInvoiceNumber, book: true, period: '202611' },
        { number: reversed.number, book: true, period: '202611' },
        { number: open.number, book: true, period: '202612' },
        { number: open.number, book: true, period: '202610' },
        { number: open.number, book: true, period: '202699' },
        { number: open.number, issueDate: '2026-11-19', book: true, period: '202611' },
      ],
    }
    const r = await post<BookingBatchAnswer>(p.url, '/api/v1/bookings', p.other, body, 'b-1')
    expect(r.status).toBe(200)
    expect(r.body.results.map((x) => [x.index, x.result, x.status, x.period, x.earlierPeriod])).toEqual([
      [0, 'success', '02', '202611', null],
      [1, 'not-found', '01', null, null],
      [2, 'duplicate', '04', '202611', '202611'],
      [3, 'abnormal', '01', null, null],
      [4, 'abnormal', '01', null, null],
      [5, 'other', '01', null, null],
      [6, 'other', '01', null, null],
      [7, 'other', '01', null, null],
      [8, 'not-found', '01', null, null],
    ])
    expect(r.body.results.map((x) => x.message)).toEqual([
      '',
      '查无此票：没有找到您作为购买方收到的发票号码为 26442000000000099999 的发票',
      '重复入账：该发票已于入账所属期 202611 入账（入账（个人所得税经营所得税前扣除））；如需改所属期或入账类型，请先撤销入账',
      '该票异常无法入账：红字发票不能入账',
      '该票异常无法入账：该发票已全额红冲',
      '入账所属期 202612 晚于当前所属期 202611，不能入账',
      '入账所属期 202610 早于发票的开票月份 202611，不能入账',
      '入账所属期应为 YYYYMM（如 202611），现为“202699”',
      `查无此票：发票 ${open.number} 的开票日期不是 2026-11-19，请核对开票日期`,
    ])
    const change: InvoiceStatusChange = { number: good.number, redStatus: 'normal', booking: '02', bookingPeriod: '202611', use: 'unconfirmed' }
    expect((await statuses(p.url, p.seller)).slice(before.seller)).toEqual([change])
    expect((await statuses(p.url, p.other)).slice(before.buyer)).toEqual([change])

    const again = await post<BookingBatchAnswer>(p.url, '/api/v1/bookings', p.other, body, 'b-1')
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    expect(again.text).toBe(r.text)
    expect((await statuses(p.url, p.other)).slice(before.buyer)).toHaveLength(1)
    const mismatch = await post<PlatformErrorBody>(p.url, '/api/v1/bookings', p.other, { rows: body.rows.slice(1) }, 'b-1')
    expect([mismatch.status, mismatch.body.error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH'])
  })

  it('the red path: booked or use confirmed → the seller waits (02); 撤销入账 with no use → direct (01)', async () => {
    const p = await parties()
    const booked = await blueOf(p)
    const used = await blueOf(p)
    const undone = await blueOf(p)
    const book = await post<BookingBatchAnswer>(
      p.url,
      '/api/v1/bookings',
      p.other,
      { rows: [booked.number, undone.number].map((number) => ({ number, book: true, period: '202611' })) },
      'b-1',
    )
    expect(book.body.results.map((x) => x.result)).toEqual(['success', 'success'])
    const use = await post<UseBatchAnswer>(p.url, '/api/v1/use-confirmations', p.other, { rows: [{ number: used.number, use: 'deduct' }] }, 'u-1')
    expect(use.body.results).toEqual([{ index: 0, number: used.number, result: 'success', message: '', use: 'deduct' }])
    const replay = await post<UseBatchAnswer>(p.url, '/api/v1/use-confirmations', p.other, { rows: [{ number: used.number, use: 'deduct' }] }, 'u-1')
    expect([replay.headers.get('Idempotent-Replayed'), replay.text]).toEqual(['true', use.text])
    const unbook = await post<BookingBatchAnswer>(p.url, '/api/v1/bookings', p.other, { rows: [{ number: undone.number, book: false }] }, 'b-2')
    expect(unbook.body.results[0]).toMatchObject({ result: 'success', status: '06', period: null })

    // the seller heard all of it
    const last = (number: string, list: InvoiceStatusChange[]) => list.filter((c) => c.number === number).at(-1)
    const sellerHeard = await statuses(p.url, p.seller)
    expect(last(used.number, sellerHeard)).toEqual({ number: used.number, redStatus: 'normal', booking: '01', bookingPeriod: null, use: 'deduct' })
    expect(last(undone.number, sellerHeard)).toMatchObject({ booking: '06', bookingPeriod: null, use: 'unconfirmed' })

    expect((await createAsSeller(p, booked.number, 'r-1')).body.status).toBe('02')
    expect((await createAsSeller(p, used.number, 'r-2')).body.status).toBe('02')
    const direct = await createAsSeller(p, undone.number, 'r-3')
    expect(direct.body).toMatchObject({ status: '01', redInvoiceNumber: expect.stringMatching(/^\d{20}$/) })
  })

  it('a third taxpayer sees nothing: its rows are 查无此票, its feed stays empty, the parties hear nothing', async () => {
    const p = await parties()
    const blue = await blueOf(p)
    const seen = (await statuses(p.url, p.seller)).length
    const book = await post<BookingBatchAnswer>(p.url, '/api/v1/bookings', p.third, { rows: [{ number: blue.number, book: true, period: '202611' }] }, 't-1')
    const use = await post<UseBatchAnswer>(p.url, '/api/v1/use-confirmations', p.third, { rows: [{ number: blue.number, use: 'deduct' }] }, 't-2')
    expect([book.body.results[0]!.result, use.body.results[0]!.result]).toEqual(['not-found', 'not-found'])
    // the seller is no buyer of its own invoice either
    const bySeller = await post<BookingBatchAnswer>(p.url, '/api/v1/bookings', p.seller, { rows: [{ number: blue.number, book: true, period: '202611' }] }, 's-1')
    expect(bySeller.body.results[0]!.result).toBe('not-found')
    expect((await get<ChangesPage>(p.url, '/api/v1/changes', p.third)).body.changes).toEqual([])
    expect(await statuses(p.url, p.seller)).toHaveLength(seen)
    expect(await statuses(p.url, p.other)).toHaveLength(seen)
  })

  it('refusals on the wire: the shape (400, Chinese issues), no key, the single 入账 by the rules', async () => {
    const p = await parties()
    const blue = await blueOf(p)
    const ordinary = await blueOf(p, { kind: '82' })
    const noKey = await post<PlatformErrorBody>(p.url, '/api/v1/bookings', p.other, { rows: [{ number: blue.number, book: true, period: '202611' }] })
    expect([noKey.status, noKey.body.error.code]).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED'])
    const shape = await post<PlatformErrorBody>(p.url, '/api/v1/bookings', p.other, { rows: [{ number: blue.number, book: '是', type: '09' }] }, 'k-1')
    expect([shape.status, shape.body.error.code]).toEqual([400, 'VALIDATION'])
    expect(shape.body.error.issues?.map((i) => i.path)).toEqual(['rows.0.book', 'rows.0.type'])
    const tooMany = await post<PlatformErrorBody>(
      p.url,
      '/api/v1/use-confirmations',
      p.other,
      { rows: Array.from({ length: 2001 }, () => ({ number: blue.number, use: 'deduct' })) },
      'k-2',
    )
    expect([tooMany.status, tooMany.body.error.code]).toEqual([400, 'VALIDATION'])
    const notSpecial = await post<UseBatchAnswer>(p.url, '/api/v1/use-confirmations', p.other, { rows: [{ number: ordinary.number, use: 'no-deduct' }] }, 'k-3')
    expect(notSpecial.body.results[0]).toMatchObject({ result: 'abnormal', use: 'unconfirmed' })

    const single = (body: unknown, key: string) => post<InvoiceBooking & PlatformErrorBody>(p.url, `/api/v1/invoices/${blue.number}/booking`, p.other, body, key)
    expect((await single({ status: '03', period: '202611' }, 'one-1')).body).toMatchObject({ status: '03', period: '202611' })
    const twice = await single({ status: '02', period: '202611' }, 'one-2')
    expect([twice.status, twice.body.error.code]).toEqual([409, 'CONFLICT'])
    expect(twice.body.error.message).toContain('该发票已于入账所属期 202611 入账')
    const undo = await single({ status: '06' }, 'one-3')
    expect(undo.body.status).toBe('06')
    const notBooked = await single({ status: '06' }, 'one-4')
    expect([notBooked.status, notBooked.body.error.message]).toEqual([409, '该发票未入账，无需撤销'])
    const bad = await single({ status: '02', period: '202612' }, 'one-5')
    expect([bad.status, bad.body.error.issues]).toEqual([400, [{ path: 'period', message: '入账所属期 202612 晚于当前所属期 202611，不能入账' }]])
  })

  it("the client's calls: answers as sent, refusals as Refused with the platform's code, a closed port as Unreachable", async () => {
    const p = await parties()
    const blue = await blueOf(p)
    const client = platformClient(p.url)
    const booked = await client.bookings(p.other, 'c-1', { rows: [{ number: blue.number, book: true, period: '202611' }] })
    expect(booked.results[0]).toMatchObject({ number: blue.number, result: 'success', status: '02', period: '202611' })
    expect(await client.bookings(p.other, 'c-1', { rows: [{ number: blue.number, book: true, period: '202611' }] })).toEqual(booked)
    const used = await client.useConfirmations(p.other, 'c-2', { rows: [{ number: blue.number, use: 'no-deduct' }] })
    expect(used.results[0]).toMatchObject({ result: 'success', use: 'no-deduct' })
    const refused = await client.useConfirmations(p.other, 'c-3', { rows: [] }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(Refused)
    expect(refused).toMatchObject({ code: 'VALIDATION', status: 400 })
    expect((refused as Refused).message).toMatch(/^用途确认请求不正确：/)
    await p.server.close()
    expect(await client.bookings(p.other, 'c-4', { rows: [{ number: blue.number, book: false }] }).catch((e: unknown) => e)).toBeInstanceOf(Unreachable)
  })
})
