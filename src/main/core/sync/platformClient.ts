// The platform as the sync engine sees it: a few HTTP calls (docs/platform-api.md). Every failure
// is one of two kinds (DESIGN.md §10.5): `Unreachable` means "try later" (network, timeout, 5xx,
// 408, 429) and never "failed"; `Refused` is the platform's business answer, with its code.
import type {
  AddTaxpayerRequest,
  ChangesPage,
  InvoicePage,
  IssueRequest,
  LoginResponse,
  MeResponse,
  PlatformErrorBody,
  PlatformErrorCode,
  PlatformInvoice,
  QuotaSnapshot,
} from '../../../shared/platform/wire'
import type { CreateRedConfirmationRequest, RedConfirmation } from '../../../shared/platform/red'
import type { BookingBatchAnswer, BookingBatchRequest, UseBatchAnswer, UseBatchRequest } from '../../../shared/platform/booking'
import { ADMIN_PREFIX, ADMIN_TOKEN_HEADER, API_PREFIX, IDEMPOTENCY_HEADER, TAXCODES_VERSION_HEADER } from '../../../shared/platform/wire'

export class Unreachable extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'Unreachable'
  }
}

export class Refused extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    readonly status: number,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message)
    this.name = 'Refused'
  }
}

const TIMEOUT_MS = 30_000

function transient(status: number): boolean {
  return status >= 500 || status === 408 || status === 429
}

/** the platform's { error } body, or undefined for an answer without one (a proxy's page) */
async function errorBody(res: Response): Promise<PlatformErrorBody['error'] | undefined> {
  try {
    return ((await res.json()) as Partial<PlatformErrorBody>).error
  } catch {
    // a refusal without our body: still a refusal, said plainly
    return undefined
  }
}

async function request<T>(url: string, init: RequestInit & { raw?: boolean }): Promise<{ body: T; headers: Headers }> {
  let res: Response
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code
    throw new Unreachable(cause === 'ECONNREFUSED' ? '无法连接到税务平台（连接被拒绝）' : `无法连接到税务平台（${cause ?? (e as Error).message}）`)
  }
  if (transient(res.status)) {
    // 429 carries the platform's own words (too many failed logins: when to try again)
    let said: string | undefined
    if (res.status === 429) said = (await errorBody(res))?.message
    else await res.body?.cancel()
    throw new Unreachable(said ?? `税务平台暂时不可用（HTTP ${res.status}），稍后自动重试`)
  }
  if (!res.ok) {
    const err = await errorBody(res)
    throw new Refused(err?.code ?? 'INTERNAL', err?.message ?? `税务平台拒绝了请求（HTTP ${res.status}）`, res.status, err?.issues ?? [])
  }
  try {
    return { body: (init.raw ? new Uint8Array(await res.arrayBuffer()) : await res.json()) as T, headers: res.headers }
  } catch (e) {
    // the connection broke while the answer was read: the request may have been processed
    throw new Unreachable(`与税务平台的连接中断（${(e as Error).message}）`)
  }
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

export interface PlatformClient {
  readonly url: string
  login(taxId: string, password: string): Promise<LoginResponse>
  me(token: string): Promise<MeResponse>
  quota(token: string): Promise<QuotaSnapshot>
  issue(token: string, key: string, body: IssueRequest): Promise<PlatformInvoice>
  changes(token: string, after: string, limit: number): Promise<ChangesPage>
  /** 销项 (seller) or 进项 (buyer) invoices of one month YYYYMM, oldest first; size ≤ 200 */
  invoices(token: string, q: { role: 'seller' | 'buyer'; month: string; page: number; size: number }): Promise<InvoicePage>
  /** one invoice this taxpayer sold or bought; Refused NOT_FOUND otherwise */
  invoice(token: string, number: string): Promise<PlatformInvoice>
  /** the table file as imported on the platform, or null when it has none */
  taxcodes(token: string): Promise<{ version: string; fileName: string; bytes: Uint8Array } | null>
  /** 红字确认单: every call idempotent by its key, answered with the whole form */
  red(token: string, key: string, call: RedCall): Promise<RedConfirmation>
  /** 入账 / 撤销入账 of ≤ 2,000 received invoices, idempotent by its key: a result per row */
  bookings(token: string, key: string, body: BookingBatchRequest): Promise<BookingBatchAnswer>
  /** 用途确认 of ≤ 2,000 received 专票, idempotent by its key: a result per row */
  useConfirmations(token: string, key: string, body: UseBatchRequest): Promise<UseBatchAnswer>
  /** an issued invoice's PDF/OFD/XML as the platform serves it (seller or buyer only) */
  invoiceFile(token: string, number: string, format: 'pdf' | 'ofd' | 'xml'): Promise<Uint8Array>
  /** 发票二维码交付: a new short-lived public link to the invoice's files */
  shareLink(token: string, number: string): Promise<{ url: string; expiresAt: string }>
  /** embedded sandbox only: registers a taxpayer (repeatable with the same password) */
  addTaxpayer(adminToken: string, body: AddTaxpayerRequest): Promise<void>
}

/** the four things a party does to a 红字确认单 */
export type RedCall =
  | { kind: 'create'; body: CreateRedConfirmationRequest }
  | { kind: 'decide'; number: string; body: { agree: boolean; opinion: string } }
  | { kind: 'withdraw'; number: string }
  | { kind: 'issue'; number: string }

export function platformClient(baseUrl: string): PlatformClient {
  const url = baseUrl.replace(/\/+$/, '')
  const auth = (token: string) => ({ authorization: `Bearer ${token}` })
  const get = async <T>(path: string, token: string) => (await request<T>(`${url}${API_PREFIX}${path}`, { headers: auth(token) })).body
  return {
    url,
    login: async (taxId, password) => (await request<LoginResponse>(`${url}${API_PREFIX}/session`, json({ taxId, password }))).body,
    me: (token) => get<MeResponse>('/me', token),
    quota: (token) => get<QuotaSnapshot>('/quota', token),
    issue: async (token, key, body) => (await request<PlatformInvoice>(`${url}${API_PREFIX}/invoices`, json(body, { ...auth(token), [IDEMPOTENCY_HEADER]: key }))).body,
    changes: (token, after, limit) => get<ChangesPage>(`/changes?after=${encodeURIComponent(after)}&limit=${limit}`, token),
    invoices: (token, q) => get<InvoicePage>(`/invoices?role=${q.role}&month=${encodeURIComponent(q.month)}&page=${q.page}&size=${q.size}`, token),
    invoice: (token, number) => get<PlatformInvoice>(`/invoices/${encodeURIComponent(number)}`, token),
    async taxcodes(token) {
      try {
        const { body, headers } = await request<Uint8Array>(`${url}${API_PREFIX}/taxcodes`, { headers: auth(token), raw: true })
        const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(headers.get('content-disposition') ?? '')?.[1] ?? 'platform.csv'
        return { version: headers.get(TAXCODES_VERSION_HEADER) ?? '', fileName: decodeURIComponent(fileName), bytes: body }
      } catch (e) {
        if (e instanceof Refused && e.code === 'NOT_FOUND') return null
        throw e
      }
    },
    red: async (token, key, call) => {
      const path = call.kind === 'create' ? '/red-confirmations' : `/red-confirmations/${encodeURIComponent(call.number)}/${call.kind === 'decide' ? 'decision' : call.kind}`
      const body = call.kind === 'create' ? call.body : call.kind === 'decide' ? call.body : {}
      return (await request<RedConfirmation>(`${url}${API_PREFIX}${path}`, json(body, { ...auth(token), [IDEMPOTENCY_HEADER]: key }))).body
    },
    bookings: async (token, key, body) => (await request<BookingBatchAnswer>(`${url}${API_PREFIX}/bookings`, json(body, { ...auth(token), [IDEMPOTENCY_HEADER]: key }))).body,
    useConfirmations: async (token, key, body) =>
      (await request<UseBatchAnswer>(`${url}${API_PREFIX}/use-confirmations`, json(body, { ...auth(token), [IDEMPOTENCY_HEADER]: key }))).body,
    invoiceFile: async (token, number, format) =>
      (await request<Uint8Array>(`${url}${API_PREFIX}/invoices/${encodeURIComponent(number)}/files/${format}`, { headers: auth(token), raw: true })).body,
    shareLink: async (token, number) =>
      (await request<{ url: string; expiresAt: string }>(`${url}${API_PREFIX}/invoices/${encodeURIComponent(number)}/share`, { method: 'POST', headers: auth(token) })).body,
    async addTaxpayer(adminToken, body) {
      await request(`${url}${ADMIN_PREFIX}/taxpayers`, json(body, { [ADMIN_TOKEN_HEADER]: adminToken }))
    },
  }
}
