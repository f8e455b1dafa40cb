// 红字确认单 over real HTTP on 127.0.0.1, as a client meets them: the direct path, confirmation by
// the other party, refusal, the seller's 开票 with 确认即开票 off, the 72-hour lapse by a moved clock,
// a third taxpayer refused, idempotent replays byte for byte, and the error codes on the wire.
import { describe, expect, it } from 'vitest'
import { manualClock } from '../../src/platform/clock'
import type { ChangesPage, PlatformErrorBody, PlatformInvoice, QuotaSnapshot } from '../../src/shared/platform/wire'
import type { InvoiceBooking } from '../../src/shared/platform/booking'
import type { RedConfirmation, RedConfirmationPage } from '../../src/shared/platform/red'
import { IDEMPOTENCY_HEADER } from '../../src/shared/platform/wire'
import { OTHER, SELLER, tempDir } from '../support/core'
import { type Answer, bearer, call, get, issueRequest, login, postInvoice, sandboxWithParties } from '../support/platformHttp'

function post<T>(url: string, path: string, token: string, body: unknown, key?: string): Promise<Answer<T>> {
  return call<T>(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token), ...(key === undefined ? {} : { [IDEMPOTENCY_HEADER]: key }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function withBlue(clock?: ReturnType<typeof manualClock>) {
  const p = await sandboxWithParties(tempDir(), { clock })
  const blue = (await postInvoice<PlatformInvoice>(p.url, p.seller, issueRequest(), 'blue-1')).body
  return { ...p, blue }
}

const book = (p: Awaited<ReturnType<typeof withBlue>>) =>
  post<InvoiceBooking>(p.url, `/api/v1/invoices/${p.blue.number}/booking`, p.other, { status: '02', period: p.blue.issuedAt.slice(0, 7).replace('-', '') }, 'book-1')

describe('红字确认单 over HTTP', { timeout: 120_000 }, () => {
  it('direct path: 201 status 01, the red invoice in both feeds, the blue invoice partly reversed, quota restored', async () => {
    const p = await withBlue()
    const body = { blueNumber: p.blue.number, reason: '03', as: 'seller', lines: [{ blueLine: 1, amount: '-4000' }], clientRef: 'form-7' }
    const created = await post<RedConfirmation>(p.url, '/api/v1/red-confirmations', p.seller, body, 'red-1')
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ status: '01', amount: '-4000.00', tax: '-240.00', total: '-4240.00', clientRef: 'form-7' })
    expect(created.body.number).toHaveLength(20)

    // replayed byte for byte, and nothing happens again
    const again = await post<RedConfirmation>(p.url, '/api/v1/red-confirmations', p.seller, body, 'red-1')
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    expect(again.text).toBe(created.text)
    const mismatch = await post<PlatformErrorBody>(p.url, '/api/v1/red-confirmations', p.seller, { ...body, reason: '04' }, 'red-1')
    expect([mismatch.status, mismatch.body.error.code]).toEqual([409, 'IDEMPOTENCY_MISMATCH'])

    const red = await get<PlatformInvoice>(p.url, `/api/v1/invoices/${created.body.redInvoiceNumber}`, p.other)
    expect(red.body).toMatchObject({ colour: 'red', total: '-4240.00', redOf: { blueNumber: p.blue.number, confirmationNumber: created.body.number } })
    expect((await get<PlatformInvoice>(p.url, `/api/v1/invoices/${p.blue.number}`, p.seller)).body.redStatus).toBe('partly-reversed')
    expect((await get<QuotaSnapshot>(p.url, '/api/v1/quota', p.seller)).body.used).toBe('6000.00')
    const buyerFeed = (await get<ChangesPage>(p.url, '/api/v1/changes', p.other)).body.changes
    expect(buyerFeed.map((c) => c.kind)).toEqual(['invoice.received', 'invoice.received', 'invoice.status', 'red-confirmation.changed'])
    const sellerFeed = (await get<ChangesPage>(p.url, '/api/v1/changes', p.seller)).body.changes
    expect(sellerFeed.filter((c) => c.kind === 'red-confirmation.changed')).toHaveLength(1)
    expect(sellerFeed.find((c) => c.kind === 'invoice.issued' && (c.data as PlatformInvoice).colour === 'red')!.data).toMatchObject({ clientRef: 'form-7' })
  })

  it('booked: the seller waits, the buyer lists it and agrees, the red invoice follows; refusal needs an opinion', async () => {
    const p = await withBlue()
    expect((await book(p)).body).toMatchObject({ status: '02' })
    const created = await post<RedConfirmation>(p.url, '/api/v1/red-confirmations', p.seller, { blueNumber: p.blue.number, reason: '01', as: 'seller' }, 'r1')
    expect(created.body.status).toBe('02')
    const waiting = await get<RedConfirmationPage>(p.url, '/api/v1/red-confirmations?role=buyer&status=02', p.other)
    expect(waiting.body.rows.map((f) => f.number)).toEqual([created.body.number])

    const path = `/api/v1/red-confirmations/${created.body.number}/decision`
    const noOpinion = await post<PlatformErrorBody>(p.url, path, p.other, { agree: false }, 'd0')
    expect([noOpinion.status, noOpinion.body.error.code]).toEqual([400, 'VALIDATION'])
    const notYourTurn = await post<PlatformErrorBody>(p.url, path, p.seller, { agree: true }, 'd1')
    expect([notYourTurn.status, notYourTurn.body.error.code]).toEqual([403, 'FORBIDDEN'])
    const agreed = await post<RedConfirmation>(p.url, path, p.other, { agree: true, opinion: '同意红冲' }, 'd2')
    expect(agreed.status).toBe(200)
    expect(agreed.body).toMatchObject({ status: '04', opinion: '同意红冲' })
    expect(agreed.body.redInvoiceNumber).toMatch(/^\d{20}$/)
    const again = await post<PlatformErrorBody>(p.url, path, p.other, { agree: true }, 'd3')
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT'])
    expect((await get<PlatformInvoice>(p.url, `/api/v1/invoices/${p.blue.number}`, p.other)).body.redStatus).toBe('fully-reversed')
    const nothing = await post<PlatformErrorBody>(p.url, '/api/v1/red-confirmations', p.other, { blueNumber: p.blue.number, reason: '04', as: 'buyer' }, 'r2')
    expect([nothing.status, nothing.body.error.code]).toEqual([422, 'RED_NOT_ALLOWED'])
    expect(nothing.body.error.message).toContain('该蓝字发票已全额红冲，没有可红冲的金额')
  })

  it('确认即开票 off: agree, then the seller’s 开票; withdraw paths; an empty body is {}', async () => {
    const p = await withBlue()
    p.server.platform.setConfirmIssues(false)
    await book(p)
    const created = await post<RedConfirmation>(
      p.url,
      '/api/v1/red-confirmations',
      p.other,
      { blueNumber: p.blue.number, reason: '02', as: 'buyer', lines: [{ blueLine: 1, quantity: '-1', amount: '-10000' }] },
      'r1',
    )
    expect(created.body.status).toBe('03')
    const number = created.body.number
    const early = await post<PlatformErrorBody>(p.url, `/api/v1/red-confirmations/${number}/issue`, p.seller, '', 'i0')
    expect([early.status, early.body.error.code]).toEqual([409, 'CONFLICT'])
    const agreed = await post<RedConfirmation>(p.url, `/api/v1/red-confirmations/${number}/decision`, p.seller, { agree: true }, 'd1')
    expect(agreed.body).toMatchObject({ status: '04', redInvoiceNumber: null })
    const byBuyer = await post<PlatformErrorBody>(p.url, `/api/v1/red-confirmations/${number}/issue`, p.other, '', 'i1')
    expect([byBuyer.status, byBuyer.body.error.code]).toEqual([403, 'FORBIDDEN'])
    const issued = await post<RedConfirmation>(p.url, `/api/v1/red-confirmations/${number}/issue`, p.seller, { clientRef: 'red-1' }, 'i2')
    expect(issued.status).toBe(200)
    expect((await get<PlatformInvoice>(p.url, `/api/v1/invoices/${issued.body.redInvoiceNumber}`, p.seller)).body.clientRef).toBe('red-1')
    const replay = await post<RedConfirmation>(p.url, `/api/v1/red-confirmations/${number}/issue`, p.seller, { clientRef: 'red-1' }, 'i2')
    expect(replay.text).toBe(issued.text)
    const late = await post<PlatformErrorBody>(p.url, `/api/v1/red-confirmations/${number}/withdraw`, p.seller, '', 'w0')
    expect([late.status, late.body.error.code]).toEqual([409, 'CONFLICT'])
  })

  it('withdraw: 08 by the initiator before the decision, FORBIDDEN for the other party', async () => {
    const p = await withBlue()
    await book(p)
    const created = await post<RedConfirmation>(p.url, '/api/v1/red-confirmations', p.other, { blueNumber: p.blue.number, reason: '01', as: 'buyer' }, 'r1')
    const path = `/api/v1/red-confirmations/${created.body.number}/withdraw`
    const other = await post<PlatformErrorBody>(p.url, path, p.seller, {}, 'w1')
    expect([other.status, other.body.error.code]).toEqual([403, 'FORBIDDEN'])
    const noKey = await post<PlatformErrorBody>(p.url, path, p.other, {})
    expect([noKey.status, noKey.body.error.code]).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED'])
    const withdrawn = await post<RedConfirmation>(p.url, path, p.other, {}, 'w2')
    expect(withdrawn.body.status).toBe('08')
    const sellerSees = (await get<ChangesPage>(p.url, '/api/v1/changes', p.seller)).body.changes.filter((c) => c.kind === 'red-confirmation.changed')
    expect(sellerSees.map((c) => (c.data as RedConfirmation).status)).toEqual(['03', '08'])
  })

  it('72 hours: at 72:00 the form is 07 in both feeds without anyone acting, and deciding is EXPIRED', async () => {
    const clock = manualClock(new Date('2026-11-28T09:00:00+08:00'))
    const p = await withBlue(clock)
    await book(p)
    const created = await post<RedConfirmation>(p.url, '/api/v1/red-confirmations', p.seller, { blueNumber: p.blue.number, reason: '01', as: 'seller' }, 'r1')
    clock.advance(72 * 3600 * 1000)
    // tokens live 12 hours: log in again, as a client would
    const seller = await login(p.url, SELLER.taxId)
    const buyer = await login(p.url, OTHER.taxId)
    for (const token of [seller, buyer]) {
      const last = (await get<ChangesPage>(p.url, '/api/v1/changes', token)).body.changes.at(-1)!
      expect(last).toMatchObject({ kind: 'red-confirmation.changed', at: '2026-12-01T09:00:00+08:00', data: { number: created.body.number, status: '07' } })
    }
    const late = await post<PlatformErrorBody>(p.url, `/api/v1/red-confirmations/${created.body.number}/decision`, buyer, { agree: true }, 'd1')
    expect([late.status, late.body.error.code]).toEqual([409, 'EXPIRED'])
  })

  it('a third taxpayer gets 404 for read, list and every action', async () => {
    const p = await withBlue()
    await book(p)
    const created = await post<RedConfirmation>(p.url, '/api/v1/red-confirmations', p.other, { blueNumber: p.blue.number, reason: '01', as: 'buyer' }, 'r1')
    const n = created.body.number
    const answers = [
      await get<PlatformErrorBody>(p.url, `/api/v1/red-confirmations/${n}`, p.third),
      await post<PlatformErrorBody>(p.url, `/api/v1/red-confirmations/${n}/decision`, p.third, { agree: true }, 'x1'),
      await post<PlatformErrorBody>(p.url, `/api/v1/red-confirmations/${n}/withdraw`, p.third, {}, 'x2'),
      await post<PlatformErrorBody>(p.url, `/api/v1/red-confirmations/${n}/issue`, p.third, {}, 'x3'),
      await post<PlatformErrorBody>(p.url, '/api/v1/red-confirmations', p.third, { blueNumber: p.blue.number, reason: '01', as: 'seller' }, 'x4'),
      await post<PlatformErrorBody>(p.url, `/api/v1/invoices/${p.blue.number}/booking`, p.third, { status: '02', period: '202611' }, 'x5'),
    ]
    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual(answers.map(() => [404, 'NOT_FOUND']))
    expect((await get<RedConfirmationPage>(p.url, '/api/v1/red-confirmations', p.third)).body).toEqual({ total: 0, rows: [] })
    expect((await get<RedConfirmationPage>(p.url, '/api/v1/red-confirmations', p.seller)).body.total).toBe(1)
  })

  it('refuses bad red lines with RED_NOT_ALLOWED naming line and field', async () => {
    const p = await withBlue()
    const r = await post<PlatformErrorBody>(
      p.url,
      '/api/v1/red-confirmations',
      p.seller,
      { blueNumber: p.blue.number, reason: '04', as: 'seller', lines: [{ blueLine: 1, quantity: '-1', amount: '-100' }] },
      'r1',
    )
    expect(r.status).toBe(422)
    expect(r.body.error).toMatchObject({
      code: 'RED_NOT_ALLOWED',
      issues: [{ path: 'lines.0.quantity', message: '第 1 行（软件开发服务）：销售折让只能红冲金额和税额，不能填写数量' }],
    })
    const shape = await post<PlatformErrorBody>(p.url, '/api/v1/red-confirmations', p.seller, { blueNumber: '123', reason: '09', as: 'seller' }, 'r2')
    expect([shape.status, shape.body.error.code]).toEqual([400, 'VALIDATION'])
    expect(shape.body.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['blueNumber', 'reason']))
  })
})
