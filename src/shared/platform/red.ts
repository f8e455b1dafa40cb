// 红字发票信息确认单 on the wire (DOMAIN.md §4; issue 5): the forms between a blue invoice's seller
// and buyer, the red invoice they lead to, and the buyer's booked state that decides the path.
// Both the sandbox and the client's sync engine import these. Money: decimal strings; a red line's
// 数量/金额/税额 are negative, its 单价 is the blue line's (positive).
import { z } from 'zod'

export const RED_REASONS = [
  { code: '01', label: '开票有误' },
  { code: '02', label: '销货退回' },
  { code: '03', label: '服务中止' },
  { code: '04', label: '销售折让' },
] as const
export type RedReason = (typeof RED_REASONS)[number]['code']
export const RED_REASON_CODES = RED_REASONS.map((r) => r.code) as [RedReason, ...RedReason[]]

/** 红字确认信息状态 */
export const RED_STATUSES = [
  { code: '01', label: '无需确认' },
  { code: '02', label: '销方录入待购方确认' },
  { code: '03', label: '购方录入待销方确认' },
  { code: '04', label: '购销双方已确认' },
  { code: '05', label: '作废（销方录入购方否认）' },
  { code: '06', label: '作废（购方录入销方否认）' },
  { code: '07', label: '作废（超72小时未确认）' },
  { code: '08', label: '作废（发起方已撤销）' },
  { code: '09', label: '作废（确认后撤销）' },
  { code: '10', label: '作废（异常凭证）' },
] as const
export type RedStatusCode = (typeof RED_STATUSES)[number]['code']
/** waiting for the other party: the 72-hour clock runs */
export const PENDING_RED_STATUSES: RedStatusCode[] = ['02', '03']

/** 录入方身份: 0 销方 / 1 购方 */
export type RedParty = 'seller' | 'buyer'

/** one red line: a blue line (a discounted line merged with its 折扣行) reversed in part or whole */
export interface RedLine {
  /** the blue invoice's line, 1-based, as in the draft's lines (a 折扣行 is not a line of its own) */
  blueLine: number
  name: string
  taxCode: string
  spec: string
  unit: string
  /** negative, or null (04 销售折让, or a blue line without 数量) */
  quantity: string | null
  /** the blue line's 单价 (never changed), or null */
  unitPrice: string | null
  /** negative 金额 */
  amount: string
  taxRate: string
  /** negative 税额 */
  tax: string
}

export const redLineInput = z.object({
  blueLine: z.number().int().min(1),
  quantity: z.string().trim().max(40).nullable().optional(),
  amount: z.string().trim().max(40),
  tax: z.string().trim().max(40).optional(),
})
export type RedLineInput = z.infer<typeof redLineInput>

// ── POST /api/v1/red-confirmations (Idempotency-Key) ─────────────────────────────────────────
/** lines absent: everything that remains reversible (a full reversal when nothing was reversed yet) */
export const createRedConfirmationRequest = z.object({
  blueNumber: z.string().regex(/^\d{20}$/, '蓝字发票号码应为 20 位数字'),
  reason: z.enum(RED_REASON_CODES, { error: '红冲原因应为 01–04' }),
  /** who enters it: must be the caller's side of the blue invoice */
  as: z.enum(['seller', 'buyer']),
  lines: z.array(redLineInput).min(1).max(5000).optional(),
  /** the client's reference for its own records (returned as given) */
  clientRef: z.string().max(100).optional(),
})
export type CreateRedConfirmationRequest = z.infer<typeof createRedConfirmationRequest>

// ── POST /api/v1/red-confirmations/:number/decision (Idempotency-Key) ──────────────────────
export const decideRedConfirmationRequest = z.object({
  agree: z.boolean(),
  /** 处理意见; required when refusing */
  opinion: z.string().trim().max(200).default(''),
})
export type DecideRedConfirmationRequest = z.infer<typeof decideRedConfirmationRequest>
// ── POST /api/v1/red-confirmations/:number/withdraw (Idempotency-Key), body {} ────────────
// ── POST /api/v1/red-confirmations/:number/issue    (Idempotency-Key), body {} or { clientRef } —
//    the seller's 开票 for an agreed form when 确认即开票 is off
export const issueRedInvoiceRequest = z.object({
  /** the seller's reference for the red invoice (its 'invoice.issued' carries it) */
  clientRef: z.string().max(100).optional(),
})
export type IssueRedInvoiceRequest = z.infer<typeof issueRedInvoiceRequest>
// ── GET  /api/v1/red-confirmations?role=seller|buyer&status=02&blueNumber=…&page&size → RedConfirmationPage
export const RED_LIST_MAX_SIZE = 200
export const redConfirmationQuery = z.object({
  /** the caller's side; absent = both */
  role: z.enum(['seller', 'buyer']).optional(),
  status: z.enum(RED_STATUSES.map((s) => s.code) as [RedStatusCode, ...RedStatusCode[]]).optional(),
  blueNumber: z
    .string()
    .regex(/^\d{20}$/, '蓝字发票号码应为 20 位数字')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(RED_LIST_MAX_SIZE).default(50),
})
export type RedConfirmationQuery = z.input<typeof redConfirmationQuery>
// ── GET  /api/v1/red-confirmations/:number → RedConfirmation (the two parties only; else 404)

export interface RedHistoryEntry {
  at: string
  /** 纳税人识别号 of who acted, or 'platform' (72-hour expiry, 确认即开票) */
  by: string
  action: 'create' | 'agree' | 'refuse' | 'withdraw' | 'expire' | 'issue'
  status: RedStatusCode
  opinion?: string
}

export interface RedConfirmation {
  /** 确认单编号: 20 characters, 6-digit county code + YYMMDD + 8-digit sequence */
  number: string
  blueNumber: string
  /** the blue invoice's kind (the red one has the same) */
  kind: '81' | '82'
  reason: RedReason
  initiator: RedParty
  status: RedStatusCode
  seller: { taxId: string; name: string }
  buyer: { taxId: string; name: string }
  lines: RedLine[]
  /** negative totals */
  amount: string
  tax: string
  total: string
  createdAt: string
  /** createdAt + 72 hours while waiting (02/03), else null */
  deadline: string | null
  /** the other party's 处理意见, once decided */
  opinion: string | null
  redInvoiceNumber: string | null
  history: RedHistoryEntry[]
  clientRef: string | null
}

export interface RedConfirmationPage {
  total: number
  rows: RedConfirmation[]
}
