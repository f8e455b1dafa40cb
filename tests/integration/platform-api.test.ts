// The platform sandbox as a client meets it: the real server on 127.0.0.1, real SQLite files in a
// temp dir, fetch. Only time is faked (a manual clock, for token expiry).
import { describe, expect, it } from 'vitest'
import { manualClock } from '../../src/platform/clock'
import { isWellFormedInvoiceNumber } from '../../src/shared/domain/invoiceNumber'
import { parseQrPayload } from '../../src/shared/domain/qr'
import type { ChangesPage, InvoicePage, LoginResponse, MeResponse, PlatformErrorBody, PlatformInvoice, QuotaSnapshot } from '../../src/shared/platform/wire'
import { OTHER, SELLER, tempDir } from '../support/core'
import { ADMIN_TOKEN, bearer, call, get, issueRequest, login, PASSWORD, postInvoice, sandboxWithParties, startSandbox, THIRD } from '../support/platformHttp'

type ErrorAnswer = PlatformErrorBody

describe('platform sandbox over HTTP', { timeout: 120_000 }, () => {
  it('logs in: a token for the right password, 401 for a wrong one or an unknown taxpayer', async () => {
    const { url } = await sandboxWithParties(tempDir())
    const ok = await call<LoginResponse>(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ taxId: SELLER.taxId, password: PASSWORD }),
    })
    expect(ok.status).toBe(200)
    expect(ok.body.taxpayer).toEqual({ taxId: SELLER.taxId, name: SELLER.name, region: '44' })
    expect(ok.body.expiresAt).toMatch(/\+08:00$/)
    for (const body of [
      { taxId: SELLER.taxId, password: 'wrong-password' },
      { taxId: '91440300MA5FXXX7XY', password: PASSWORD },
    ]) {
      const bad = await call<ErrorAnswer>(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(bad.status).toBe(401)
      expect(bad.body.error).toEqual({ code: 'UNAUTHORIZED', message: '纳税人识别号或密码不正确' })
    }
    const me = await get<MeResponse>(url, '/api/v1/me', ok.body.token)
    // a new sandbox serves the table shipped with the app, under its version
    expect(me.body).toMatchObject({ taxpayer: { taxId: SELLER.taxId }, taxcodesVersion: '2018-01' })
    expect(me.body.rates).toContain('13%')
  })

  it('issues: well-formed unique numbers, quota consumed, the buyer receives it in its feed', async () => {
    const p = await sandboxWithParties(tempDir())
    const numbers: string[] = []
    for (let i = 0; i < 3; i++) {
      const r = await postInvoice<PlatformInvoice>(p.url, p.seller, { ...issueRequest(), clientRef: `draft-${i}` }, `issue-${i}`)
      expect(r.status).toBe(201)
      expect(r.body).toMatchObject({
        kind: '81',
        colour: 'blue',
        seller: { taxId: SELLER.taxId },
        buyer: { taxId: OTHER.taxId, name: OTHER.name, registered: true },
        amount: '10000.00',
        tax: '600.00',
        total: '10600.00',
        quotaUsed: '10000.00',
        redStatus: 'normal',
        clientRef: `draft-${i}`,
        drawer: SELLER.operator,
      })
      expect(r.body.draft.totals.totalInWords).toBe('壹万零陆佰圆整')
      expect(parseQrPayload(r.body.qr)).toMatchObject({ kind: '81', number: r.body.number, total: '10600.00' })
      numbers.push(r.body.number)
    }
    expect(numbers.every(isWellFormedInvoiceNumber)).toBe(true)
    expect(new Set(numbers).size).toBe(3)
    expect(numbers.every((n) => n.slice(2, 5) === '442')).toBe(true)

    const quota = await get<QuotaSnapshot>(p.url, '/api/v1/quota', p.seller)
    expect(quota.body).toMatchObject({ total: '1000000.00', used: '30000.00', available: '970000.00' })

    const sellerFeed = await get<ChangesPage>(p.url, '/api/v1/changes?after=0', p.seller)
    expect(sellerFeed.body.changes.map((c) => c.kind)).toEqual(['invoice.issued', 'quota.changed', 'invoice.issued', 'quota.changed', 'invoice.issued', 'quota.changed'])
    expect(sellerFeed.body.changes.at(-1)!.data).toMatchObject({ used: '30000.00' })

    // the buyer pages through its feed: 2 + 1, then nothing more from the last cursor
    const first = await get<ChangesPage>(p.url, '/api/v1/changes?limit=2', p.other)
    expect(first.body.changes.map((c) => [c.kind, (c.data as PlatformInvoice).number])).toEqual([
      ['invoice.received', numbers[0]],
      ['invoice.received', numbers[1]],
    ])
    expect(first.body.hasMore).toBe(true)
    expect(first.body.cursor).toBe(first.body.changes[1]!.cursor)
    const second = await get<ChangesPage>(p.url, `/api/v1/changes?after=${first.body.cursor}&limit=2`, p.other)
    expect(second.body.changes.map((c) => (c.data as PlatformInvoice).number)).toEqual([numbers[2]])
    expect(second.body.hasMore).toBe(false)
    const empty = await get<ChangesPage>(p.url, `/api/v1/changes?after=${second.body.cursor}`, p.other)
    expect(empty.body).toEqual({ changes: [], cursor: second.body.cursor, hasMore: false })

    // both parties read it and list it; the buyer as 进项
    expect((await get<PlatformInvoice>(p.url, `/api/v1/invoices/${numbers[0]}`, p.other)).body.number).toBe(numbers[0])
    const sold = await get<InvoicePage>(p.url, '/api/v1/invoices?role=seller&page=1&size=2', p.seller)
    expect(sold.body.total).toBe(3)
    expect(sold.body.rows.map((r) => r.number)).toEqual(numbers.slice(0, 2))
    expect((await get<InvoicePage>(p.url, '/api/v1/invoices?role=buyer', p.other)).body.total).toBe(3)
    expect((await get<InvoicePage>(p.url, '/api/v1/invoices?role=buyer', p.seller)).body.total).toBe(0)

    // a 开票日期 range: today's invoices inside it, none outside; at most 3 months in one request
    const today = sold.body.rows[0]!.issuedAt.slice(0, 10)
    const inRange = await get<InvoicePage>(p.url, `/api/v1/invoices?role=buyer&from=${today}&to=${today}`, p.other)
    expect(inRange.body.total).toBe(3)
    const before = await get<InvoicePage>(p.url, '/api/v1/invoices?role=buyer&from=2020-01-01&to=2020-03-31', p.other)
    expect(before.body.total).toBe(0)
    const tooLong = await get<ErrorAnswer>(p.url, '/api/v1/invoices?role=buyer&from=2026-08-01&to=2026-11-01', p.other)
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.error.message).toBe('一次查询的开票日期范围不能超过 3 个月：从 2026-08-01 起最晚到 2026-10-31，请缩小范围或分段查询')
    const badDay = await get<ErrorAnswer>(p.url, '/api/v1/invoices?role=buyer&from=2026-02-30&to=2026-03-01', p.other)
    expect(badDay.status).toBe(400)
    expect(badDay.body.error.message).toContain('开票日期起应为 YYYY-MM-DD')
  })

  it('refuses over the quota with QUOTA_EXCEEDED and changes nothing', async () => {
    const p = await sandboxWithParties(tempDir(), { sellerQuota: '15000' })
    expect((await postInvoice(p.url, p.seller, issueRequest(), 'a')).status).toBe(201)
    const refused = await postInvoice<ErrorAnswer>(p.url, p.seller, issueRequest(), 'b')
    expect(refused.status).toBe(422)
    expect(refused.body.error.code).toBe('QUOTA_EXCEEDED')
    expect(refused.body.error.message).toMatch(/授信额度不足.*10000\.00.*5000\.00/)
    expect((await get<QuotaSnapshot>(p.url, '/api/v1/quota', p.seller)).body.used).toBe('10000.00')
    expect((await get<InvoicePage>(p.url, '/api/v1/invoices', p.seller)).body.total).toBe(1)
    expect((await get<ChangesPage>(p.url, '/api/v1/changes', p.other)).body.changes).toHaveLength(1)
  })

  it('refuses an invoice the rules refuse: 400 VALIDATION with issues, nothing stored', async () => {
    const p = await sandboxWithParties(tempDir())
    const noName = issueRequest()
    noName.draft.buyer.name = ''
    const r = await postInvoice<ErrorAnswer>(p.url, p.seller, noName, 'v1')
    expect(r.status).toBe(400)
    expect(r.body.error.code).toBe('VALIDATION')
    expect(r.body.error.issues).toContainEqual({ path: 'draft.buyer.name', message: '请填写购买方名称' })

    // the platform recomputes: a 税额 the client got wrong is refused, not trusted
    const badTax = issueRequest()
    badTax.draft.lines[0]!.tax = '900.00'
    const t = await postInvoice<ErrorAnswer>(p.url, p.seller, badTax, 'v2')
    expect(t.status).toBe(400)
    expect(t.body.error.issues?.some((i) => i.path.startsWith('draft.lines.0'))).toBe(true)

    const noDrawer = await postInvoice<ErrorAnswer>(p.url, p.seller, { ...issueRequest(), drawer: ' ' }, 'v3')
    expect(noDrawer.body.error.issues).toContainEqual({ path: 'drawer', message: '请填写开票人' })

    const wrongShape = await postInvoice<ErrorAnswer>(p.url, p.seller, JSON.stringify({ draft: { kind: '99', lines: 'x' }, drawer: '王' }), 'v4')
    expect(wrongShape.status).toBe(400)
    expect(wrongShape.body.error.message).toMatch(/发票内容格式不正确/)
    expect(wrongShape.body.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['draft.kind', 'draft.lines']))

    expect((await get<InvoicePage>(p.url, '/api/v1/invoices', p.seller)).body.total).toBe(0)
    expect((await get<QuotaSnapshot>(p.url, '/api/v1/quota', p.seller)).body.used).toBe('0.00')
    expect((await get<ChangesPage>(p.url, '/api/v1/changes', p.seller)).body.changes).toEqual([])
  })

  it('malformed JSON, a missing key and an oversized body are refused and change nothing', async () => {
    const p = await sandboxWithParties(tempDir())
    const malformed = await postInvoice<ErrorAnswer>(p.url, p.seller, '{"draft": {', 'm1')
    expect(malformed.status).toBe(400)
    expect(malformed.body.error).toMatchObject({ code: 'VALIDATION', message: '请求内容不是有效的 JSON' })
    const noKey = await postInvoice<ErrorAnswer>(p.url, p.seller, issueRequest())
    expect(noKey.status).toBe(400)
    expect(noKey.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED')
    const huge = await postInvoice<ErrorAnswer>(p.url, p.seller, JSON.stringify({ pad: 'x'.repeat(9 * 1024 * 1024) }), 'm2')
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('TOO_LARGE')
    const badLogin = await call<ErrorAnswer>(`${p.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'nope' })
    expect(badLogin.status).toBe(400)
    expect((await get<InvoicePage>(p.url, '/api/v1/invoices', p.seller)).body.total).toBe(0)
    expect((await get<ChangesPage>(p.url, '/api/v1/changes', p.seller)).body.changes).toEqual([])
    // the key of a refused request was not used up
    expect((await postInvoice(p.url, p.seller, issueRequest(), 'm1')).status).toBe(201)
  })

  it('replays an idempotent request with the identical body, also after a restart; refuses the key with another body', async () => {
    const dataDir = tempDir()
    const p = await sandboxWithParties(dataDir)
    const body = JSON.stringify(issueRequest())
    const first = await postInvoice<PlatformInvoice>(p.url, p.seller, body, 'same-key')
    expect(first.status).toBe(201)
    const again = await postInvoice<PlatformInvoice>(p.url, p.seller, body, 'same-key')
    expect(again.status).toBe(201)
    expect(again.text).toBe(first.text)
    expect(again.headers.get('idempotent-replayed')).toBe('true')

    await p.server.close()
    const restarted = await startSandbox(dataDir)
    const token = await login(restarted.url, SELLER.taxId)
    const afterRestart = await postInvoice<PlatformInvoice>(restarted.url, token, body, 'same-key')
    expect(afterRestart.status).toBe(201)
    expect(afterRestart.text).toBe(first.text)
    const list = await get<InvoicePage>(restarted.url, '/api/v1/invoices', token)
    expect(list.body.total).toBe(1)
    expect((await get<QuotaSnapshot>(restarted.url, '/api/v1/quota', token)).body.used).toBe('10000.00')

    const other = await postInvoice<ErrorAnswer>(restarted.url, token, issueRequest({ remark: '不同的内容' }), 'same-key')
    expect(other.status).toBe(409)
    expect(other.body.error.code).toBe('IDEMPOTENCY_MISMATCH')
    expect((await get<InvoicePage>(restarted.url, '/api/v1/invoices', token)).body.total).toBe(1)
  })

  it('shows an invoice only to its seller and buyer', async () => {
    const p = await sandboxWithParties(tempDir())
    const issued = await postInvoice<PlatformInvoice>(p.url, p.seller, issueRequest(), 'auth-1')
    const number = issued.body.number
    const foreign = await get<ErrorAnswer>(p.url, `/api/v1/invoices/${number}`, p.third)
    expect(foreign.status).toBe(404)
    expect(foreign.body.error.code).toBe('NOT_FOUND')
    // the same answer as for a number that does not exist
    const missing = await get<ErrorAnswer>(p.url, '/api/v1/invoices/26442999999999999999', p.third)
    expect(missing.status).toBe(404)
    for (const role of ['seller', 'buyer']) expect((await get<InvoicePage>(p.url, `/api/v1/invoices?role=${role}`, p.third)).body.total).toBe(0)
    expect((await get<ChangesPage>(p.url, '/api/v1/changes', p.third)).body.changes).toEqual([])
    // and the third cannot replay the seller's key to learn its answer: keys are per taxpayer
    const replay = await postInvoice<PlatformInvoice | ErrorAnswer>(p.url, p.third, issueRequest(), 'auth-1')
    expect(replay.status).toBe(201)
    expect((replay.body as PlatformInvoice).number).not.toBe(number)
    expect((replay.body as PlatformInvoice).seller.taxId).toBe(THIRD.taxId)
  })

  it('refuses no, bad and expired tokens with 401', async () => {
    const clock = manualClock(new Date('2026-11-28T09:00:00+08:00'))
    const p = await sandboxWithParties(tempDir(), { clock })
    expect((await call(`${p.url}/api/v1/me`)).status).toBe(401)
    const bad = await call<ErrorAnswer>(`${p.url}/api/v1/me`, { headers: bearer('not-a-token') })
    expect(bad.status).toBe(401)
    expect(bad.body.error.code).toBe('UNAUTHORIZED')
    expect((await postInvoice(p.url, 'not-a-token', issueRequest(), 'x')).status).toBe(401)

    expect((await get(p.url, '/api/v1/me', p.seller)).status).toBe(200)
    clock.advance(13 * 3600 * 1000)
    const expired = await get<ErrorAnswer>(p.url, '/api/v1/me', p.seller)
    expect(expired.status).toBe(401)
    expect(expired.body.error.message).toMatch(/过期/)
    expect((await get(p.url, '/api/v1/me', await login(p.url, SELLER.taxId))).status).toBe(200)
  })

  it('guards the admin endpoint with the admin token', async () => {
    const server = await startSandbox(tempDir())
    const body = JSON.stringify({ taxId: SELLER.taxId, name: SELLER.name, region: '广东', password: PASSWORD })
    const post = (headers: Record<string, string>) =>
      call<ErrorAnswer | { taxId: string }>(`${server.url}/admin/v1/taxpayers`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    expect((await post({})).status).toBe(403)
    expect((await post({ 'X-Admin-Token': 'wrong' })).status).toBe(403)
    expect((await post({ 'X-Admin-Token': `${ADMIN_TOKEN}x` })).status).toBe(403)
    const created = await post({ 'X-Admin-Token': ADMIN_TOKEN })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ taxId: SELLER.taxId, name: SELLER.name, region: '44' })
    // repeatable with the same password; another password is a conflict
    expect((await post({ 'X-Admin-Token': ADMIN_TOKEN })).status).toBe(200)
    const conflict = await call<ErrorAnswer>(`${server.url}/admin/v1/taxpayers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Admin-Token': ADMIN_TOKEN },
      body: JSON.stringify({ taxId: SELLER.taxId, name: SELLER.name, region: '44', password: 'another-one' }),
    })
    expect(conflict.status).toBe(409)
    const badId = await call<ErrorAnswer>(`${server.url}/admin/v1/taxpayers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Admin-Token': ADMIN_TOKEN },
      body: JSON.stringify({ taxId: '914403001922038217', name: 'X', region: '44', password: PASSWORD }),
    })
    expect(badId.status).toBe(400)
    expect(badId.body.error.message).toMatch(/校验位/)

    // a sandbox started without an admin token has no admin endpoint at all
    const { startPlatformServer } = await import('../../src/platform/server')
    const closed = await startPlatformServer({ dataDir: tempDir() })
    try {
      const r = await call(`${closed.url}/admin/v1/taxpayers`, { method: 'POST', headers: { 'X-Admin-Token': ADMIN_TOKEN }, body })
      expect(r.status).toBe(404)
    } finally {
      await closed.close()
    }
  })
})
