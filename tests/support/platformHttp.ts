// Talking to a real platform sandbox over HTTP, as any client would: fetch and JSON, nothing of
// the sandbox's insides. For tests/integration/platform-*.test.ts.
import { onTestFinished } from 'vitest'
import { startPlatformServer, type PlatformServer } from '../../src/platform/server'
import type { Clock } from '../../src/platform/clock'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import type { InvoiceDraft } from '../../src/shared/domain/invoice'
import { ADMIN_TOKEN_HEADER, IDEMPOTENCY_HEADER, type IssueRequest } from '../../src/shared/platform/wire'
import { OTHER, SELLER } from './core'

export const THIRD = { name: '上海第三方科技有限公司', taxId: '91310115MA1H7Q3PX4', region: '31' as const }
export const PASSWORD = 'test-password'
export const ADMIN_TOKEN = 'admin-token-for-tests'

export interface Answer<T = unknown> {
  status: number
  body: T
  text: string
  headers: Headers
}

export async function call<T = unknown>(url: string, init: RequestInit = {}): Promise<Answer<T>> {
  const res = await fetch(url, init)
  const text = await res.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON (a file download): the text is the body
  }
  return { status: res.status, body: body as T, text, headers: res.headers }
}

/** A sandbox on 127.0.0.1 with an admin token, closed after the test (unless closed before). */
export async function startSandbox(dataDir: string, clock?: Clock): Promise<PlatformServer> {
  const server = await startPlatformServer({ dataDir, clock, adminToken: ADMIN_TOKEN })
  onTestFinished(() => server.close())
  return server
}

export async function register(url: string, who: { taxId: string; name: string; region: string }, quota?: string): Promise<void> {
  const r = await call(`${url}/admin/v1/taxpayers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ADMIN_TOKEN_HEADER]: ADMIN_TOKEN },
    body: JSON.stringify({ taxId: who.taxId, name: who.name, region: who.region, password: PASSWORD, ...(quota ? { quota } : {}) }),
  })
  if (r.status !== 201 && r.status !== 200) throw new Error(`register failed: ${r.status} ${r.text}`)
}

export async function login(url: string, taxId: string): Promise<string> {
  const r = await call<{ token: string }>(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ taxId, password: PASSWORD }),
  })
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`)
  return r.body.token
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export function get<T = unknown>(url: string, path: string, token: string): Promise<Answer<T>> {
  return call<T>(`${url}${path}`, { headers: bearer(token) })
}

/** POST /api/v1/invoices with a key; `body` as text goes out byte for byte. */
export function postInvoice<T = unknown>(url: string, token: string, body: IssueRequest | string, key?: string): Promise<Answer<T>> {
  return call<T>(`${url}/api/v1/invoices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token), ...(key === undefined ? {} : { [IDEMPOTENCY_HEADER]: key }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** 数电专票 from SELLER to `buyer` (OTHER by default): one 6% line, 金额 10000.00, 价税合计 10600.00. */
export function issueRequest(over: Partial<InvoiceDraft> = {}, buyer: { taxId: string; name: string } = OTHER): IssueRequest {
  const base = testDraft()
  return { draft: testDraft({ buyer: { ...base.buyer, name: buyer.name, taxId: buyer.taxId }, ...over }), drawer: SELLER.operator }
}

/** A sandbox with SELLER, OTHER and THIRD registered and logged in. */
export async function sandboxWithParties(dataDir: string, opts: { clock?: Clock; sellerQuota?: string } = {}) {
  const server = await startSandbox(dataDir, opts.clock)
  await register(server.url, SELLER, opts.sellerQuota)
  await register(server.url, OTHER)
  await register(server.url, THIRD)
  return {
    server,
    url: server.url,
    seller: await login(server.url, SELLER.taxId),
    other: await login(server.url, OTHER.taxId),
    third: await login(server.url, THIRD.taxId),
  }
}
