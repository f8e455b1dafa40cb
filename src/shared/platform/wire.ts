// The platform's HTTP API as both sides see it (docs/platform-api.md): the client's sync engine and
// the platform sandbox import these types and schemas, so a change to the wire is one change here.
// Money on the wire is a decimal string ('1234.50'), never a float; times are ISO 8601 with +08:00.
import { z } from 'zod'
import type { ComputedDraft, InvoiceDraft, InvoiceKind } from '../domain/invoice'
import type { RateLabel } from '../domain/rates'
import { TAXPAYER_TYPES, type TaxpayerType } from '../domain/taxpayerType'

export const API_PREFIX = '/api/v1'
export const ADMIN_PREFIX = '/admin/v1'
/** every mutating request carries one (login excepted); the same key with the same body replays */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'
/** the embedded sandbox's admin calls (provisioning the app's own companies) */
export const ADMIN_TOKEN_HEADER = 'X-Admin-Token'
export const TAXCODES_VERSION_HEADER = 'X-Taxcodes-Version'

/** Stable refusal codes. A client treats 5xx, 408, 429 and network errors as "try later". */
export const PLATFORM_ERROR_CODES = [
  'UNAUTHORIZED', // 401: no, bad or expired token; wrong password
  'FORBIDDEN', // 403: admin call without the admin token; a 确认单 action that is not the caller's turn or side
  'NOT_FOUND', // 404: also for an invoice the caller is not a party to (its existence is not told)
  'VALIDATION', // 400: malformed body, or the domain rules refuse the invoice (issues say where)
  'IDEMPOTENCY_KEY_REQUIRED', // 400
  'IDEMPOTENCY_MISMATCH', // 409: the key was used with another body
  'QUOTA_EXCEEDED', // 422: 金额 over 可用额度
  'CONFLICT', // 409: e.g. a taxpayer that already exists; a 确认单 already open on the blue invoice, or already decided
  'RED_NOT_ALLOWED', // 422: the red lines break a rule of DOMAIN.md §4 (issues name line and field); nothing left to reverse
  'EXPIRED', // 409: the 确认单 lapsed (07: 72 hours without confirmation)
  'TOO_LARGE', // 413
  'TOO_MANY_ATTEMPTS', // 429 (with Retry-After): too many failed logins for this 纳税人识别号; try later
  'INTERNAL', // 500
] as const
export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number]

export interface PlatformErrorBody {
  error: { code: PlatformErrorCode; message: string; issues?: { path: string; message: string }[] }
}

export interface TaxpayerInfo {
  taxId: string
  name: string
  /** region code as in shared/domain/regions ('44', '4403') */
  region: string
}

// ── POST /api/v1/session  (login; not idempotency-keyed) ────────────────────────────────────────
export const loginRequest = z.object({
  taxId: z.string().trim().min(1).max(20),
  password: z.string().min(1).max(200),
})
export type LoginRequest = z.infer<typeof loginRequest>
export interface LoginResponse {
  token: string
  expiresAt: string
  taxpayer: TaxpayerInfo
}

// ── GET /api/v1/me ─────────────────────────────────────────────────────────────────────────────
export interface MeResponse {
  taxpayer: TaxpayerInfo
  /** 纳税人类型 as the platform registered it; the client's own choice gives way to it */
  taxpayerType: TaxpayerType
  /**
   * the rates and 征收率 this taxpayer may use, as labels ('13%', '3%', '免税', …) — the platform's
   * answer, cached per company with the time it was read (validateDraft's qualification)
   */
  rates: RateLabel[]
  taxcodesVersion: string | null
}

// ── GET /api/v1/quota ─────────────────────────────────────────────────────────────────────────
/** 授信额度 for one month (Asia/Shanghai calendar) */
export interface QuotaSnapshot {
  /** YYYYMM */
  month: string
  total: string
  used: string
  available: string
  /** when the platform answered */
  readAt: string
}

// ── POST /api/v1/invoices  (Idempotency-Key required) ────────────────────────────────────────────
export interface IssueRequest {
  /** the draft as the client computed it; the platform recomputes and revalidates everything */
  draft: InvoiceDraft
  /** 开票人 */
  drawer: string
  /** the client's reference for its own records (opaque to the platform, returned as given) */
  clientRef?: string
}
/** the body is validated by the platform: shape here, rules by shared/domain validateDraft */
export const issueRequest = z.object({
  draft: z.record(z.string(), z.unknown()),
  drawer: z.string().max(100),
  clientRef: z.string().max(100).optional(),
})

/** 红冲状态 of a blue invoice (issue 5 fills the others) */
export type RedStatus = 'normal' | 'partly-reversed' | 'fully-reversed'

/** the red invoice issued from a form (red.ts): a PlatformInvoice with colour 'red' and these references */
export interface RedReference {
  blueNumber: string
  confirmationNumber: string
}

/** An invoice as the platform holds it, returned whole on issue, on read and in the change feed. */
export interface PlatformInvoice {
  /** 20 digits: YY + bureau + channel '2' + 15-digit sequence (DOMAIN.md §1) */
  number: string
  kind: InvoiceKind
  /** 'blue' now; 'red' from issue 5 */
  colour: 'blue' | 'red'
  issuedAt: string
  seller: TaxpayerInfo
  /** the buyer as on the invoice; `registered` when the ID is a platform taxpayer (进项 reaches it) */
  buyer: { name: string; taxId: string; registered: boolean }
  /** the computed draft the platform issued (its own computation) */
  draft: ComputedDraft
  drawer: string
  /** 合计金额 / 合计税额 / 价税合计 */
  amount: string
  tax: string
  total: string
  /** the 授信额度 this invoice consumed (its 金额) */
  quotaUsed: string
  /** the 数电 QR payload (DOMAIN.md §6), check value computed by the platform */
  qr: string
  redStatus: RedStatus
  clientRef: string | null
  /** a red invoice's blue invoice and 确认单 (issue 5); absent on blue ones */
  redOf?: RedReference | null
}

// ── GET /api/v1/invoices/:number  → PlatformInvoice (seller or buyer only; else 404)
// ── GET /api/v1/invoices?role=seller|buyer&page=1&size=50[&month=YYYYMM][&from=YYYY-MM-DD&to=…, ≤ 3 months] → Page
export interface InvoicePage {
  total: number
  rows: PlatformInvoice[]
}

// ── GET /api/v1/changes?after=CURSOR&limit=N ─────────────────────────────────────────────────
/**
 * What happened to a taxpayer, in order. CURSOR is opaque to clients (a decimal string; '0' or
 * absent = from the start). Kinds the client does not know are skipped but still advance the cursor.
 */
export type ChangeKind =
  | 'invoice.issued' // data: PlatformInvoice — one this taxpayer issued (also through another client)
  | 'invoice.received' // data: PlatformInvoice — 进项: this taxpayer is the buyer
  | 'quota.changed' // data: QuotaSnapshot
  | 'invoice.status' // data: InvoiceStatusChange (red status or booking of a blue invoice), to both parties
  | 'red-confirmation.changed' // data: RedConfirmation, to both parties, on every change (72-hour expiry included)
  | 'bookkeeping.changed' // (入账)

export interface Change<K extends string = ChangeKind, D = unknown> {
  cursor: string
  kind: K
  at: string
  data: D
}
export type KnownChange = Change<'invoice.issued', PlatformInvoice> | Change<'invoice.received', PlatformInvoice> | Change<'quota.changed', QuotaSnapshot>

export interface ChangesPage {
  changes: Change<string>[]
  /** the cursor to ask from next (the last change's, or the request's when empty) */
  cursor: string
  hasMore: boolean
}
export const CHANGES_MAX_LIMIT = 1000

// ── GET /api/v1/taxcodes → the table file as imported (CSV or XML), with TAXCODES_VERSION_HEADER
//    and Content-Disposition filename; 404 NOT_FOUND when the platform has no table loaded.

// ── Admin (embedded sandbox; X-Admin-Token) ──────────────────────────────────────────────────
// POST /admin/v1/taxpayers  body AddTaxpayerRequest → TaxpayerInfo (409 CONFLICT when it exists;
//   an existing taxpayer with the same password answers 200 with it, so provisioning can repeat)
export const addTaxpayerRequest = z.object({
  taxId: z.string().trim().min(15).max(20),
  name: z.string().trim().min(1).max(100),
  region: z.string().trim().min(2).max(4),
  password: z.string().min(6).max(200),
  /** default monthly 总额度 (decimal string); absent = the sandbox's default */
  quota: z.string().optional(),
  /** 纳税人类型; absent = 一般纳税人 */
  taxpayerType: z.enum(TAXPAYER_TYPES).optional(),
})
export type AddTaxpayerRequest = z.infer<typeof addTaxpayerRequest>

/** the sandbox's default monthly 总额度 for a new taxpayer (assumed, a small business's level) */
export const DEFAULT_MONTHLY_QUOTA = '1000000.00'
