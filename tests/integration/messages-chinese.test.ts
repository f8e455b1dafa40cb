// Every refusal a person can see is Chinese and names the field (issue 10 §4: 56% of the web API's
// refusals were zod's English). Every contract call gets bad inputs made from its own schema —
// not an object, every field missing, the wrong type (at the top and deep inside), too long, too
// many, a value outside its enum — over real HTTP to web mode; every body and query of the
// platform sandbox gets the same over real HTTP to the sandbox.
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { z } from 'zod'
import { startWebServer } from '../../src/main/web/server'
import { api, type CallName } from '../../src/shared/api'
import { invoiceDraftSchema } from '../../src/shared/api/invoices'
import * as red from '../../src/shared/platform/red'
import * as booking from '../../src/shared/platform/booking'
import * as wire from '../../src/shared/platform/wire'
import { fieldLabel } from '../../src/shared/api/labels'
import { badInput, expectChinese, fieldPaths, MODES } from '../support/badInputs'
import { tempDir, testCore } from '../support/core'
import { ADMIN_TOKEN, call, sandboxWithParties } from '../support/platformHttp'

interface Refusal {
  error?: { message: string; details?: { issues?: { path: string; message: string }[] }; issues?: { path: string; message: string }[] }
}

/** the top message and every issue's, each checked; returns how many were seen */
function checkRefusal(body: Refusal, where: string): number {
  if (!body.error) return 0
  expectChinese(body.error.message, where)
  const issues = body.error.details?.issues ?? body.error.issues ?? []
  for (const i of issues) expectChinese(i.message, `${where} → ${i.path}`)
  return 1 + issues.length
}

describe('every message a person sees is Chinese', { timeout: 180_000 }, () => {
  it('every field of every contract call and every wire body has its Chinese name (labels.ts)', () => {
    const wireSchemas = Object.entries({ ...wire, ...red, ...booking }).filter(([, v]) => typeof v === 'object' && v !== null && '_zod' in v)
    const unnamed: string[] = []
    for (const [where, schema] of [...Object.entries(api).map(([n, s]) => [n, s.input] as const), ...wireSchemas])
      for (const p of fieldPaths(schema)) if (fieldLabel(p) === '输入项') unnamed.push(`${where}: ${p.join('.')}`)
    expect(unnamed).toEqual([])
    expect(wireSchemas.length).toBeGreaterThan(5)
  })

  it('web mode: every contract call with bad inputs', async () => {
    const core = await testCore()
    const server = await startWebServer({ core, rendererDir: path.resolve('src/renderer') })
    onTestFinished(() => server.close())
    const headers = { 'content-type': 'application/json', 'x-fapiao-token': server.token }
    let seen = 0
    const refusedCalls = new Set<string>()
    for (const name of Object.keys(api) as CallName[])
      for (const mode of MODES) {
        const input = badInput(api[name].input as z.ZodType, mode)
        const r = await call<Refusal>(`${server.url}/api/call/${name}`, { method: 'POST', headers, body: input === undefined ? '' : JSON.stringify(input) })
        const n = checkRefusal(r.body, `${name} (${mode})`)
        if (n > 0) refusedCalls.add(name)
        seen += n
      }
    // the walk reached every call, and refusals by the hundred
    expect(refusedCalls.size).toBeGreaterThan(Object.keys(api).length * 0.8)
    expect(seen).toBeGreaterThan(500)
  })

  it('the platform sandbox: every body and query with bad inputs', async () => {
    const { url, seller } = await sandboxWithParties(tempDir())
    const json = { 'content-type': 'application/json' }
    const authed = { ...json, authorization: `Bearer ${seller}` }
    const blue = '26442000000000000001'
    const posts: [string, z.ZodType, Record<string, string>][] = [
      ['/api/v1/session', wire.loginRequest, json],
      ['/admin/v1/taxpayers', wire.addTaxpayerRequest, { ...json, [wire.ADMIN_TOKEN_HEADER]: ADMIN_TOKEN }],
      ['/api/v1/red-confirmations', red.createRedConfirmationRequest, authed],
      [`/api/v1/red-confirmations/${blue}/decision`, red.decideRedConfirmationRequest, authed],
      [`/api/v1/red-confirmations/${blue}/issue`, red.issueRedInvoiceRequest, authed],
      [`/api/v1/invoices/${blue}/booking`, booking.bookingRequest, authed],
      ['/api/v1/bookings', booking.bookingBatchRequest, authed],
      ['/api/v1/use-confirmations', booking.useBatchRequest, authed],
    ]
    let seen = 0
    let key = 0
    const post = async (p: string, headers: Record<string, string>, body: string, where: string) => {
      const r = await call<Refusal>(`${url}${p}`, { method: 'POST', headers: { ...headers, [wire.IDEMPOTENCY_HEADER]: `k-${key++}` }, body })
      seen += checkRefusal(r.body, where)
    }
    for (const [p, schema, headers] of posts) {
      for (const mode of MODES) {
        const input = badInput(schema, mode)
        await post(p, headers, input === undefined ? '' : JSON.stringify(input), `POST ${p} (${mode})`)
      }
      await post(p, headers, '{not json', `POST ${p} (bad JSON)`)
    }
    // 开票: the request's shape, then the draft inside it
    for (const mode of MODES) {
      await post(
        '/api/v1/invoices',
        authed,
        JSON.stringify(badInput(invoiceDraftSchema, mode) === 'x' ? 'x' : { draft: badInput(invoiceDraftSchema, mode), drawer: '王会计' }),
        `issue (${mode})`,
      )
      await post('/api/v1/invoices', authed, JSON.stringify({ draft: {}, drawer: mode === 'wrong-type' ? 5 : 'x'.repeat(101) }), `issue drawer (${mode})`)
    }
    const gets = [
      '/api/v1/invoices?role=XYZ&page=abc&size=abc&month=abc',
      '/api/v1/invoices?page=0&size=100000',
      `/api/v1/red-confirmations?${new URLSearchParams(badInput(red.redConfirmationQuery, 'bad-enum') as Record<string, string>)}`,
      '/api/v1/red-confirmations?page=abc&size=99999&blueNumber=abc',
      '/api/v1/changes?after=abc&limit=abc',
      '/api/v1/quota?month=abc',
      `/api/v1/invoices/${blue}`,
      '/api/v1/no-such-thing',
    ]
    for (const g of gets) seen += checkRefusal((await call<Refusal>(`${url}${g}`, { headers: authed })).body, `GET ${g}`)
    seen += checkRefusal((await call<Refusal>(`${url}/api/v1/me`, { headers: { authorization: 'Bearer wrong' } })).body, 'GET /me, bad token')
    expect(seen).toBeGreaterThan(100)
  })
})
