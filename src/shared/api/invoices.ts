// 蓝字发票开具 (manual §1.1.4) up to the moment an invoice leaves for the platform: drafts that
// autosave, validation with the platform's own rules, and 开票 → 待开具 (queued in the outbox).
import { z } from 'zod'
import { call, idList, paging, type Page } from './define'
import type { DraftIssue, InvoiceDraft, Totals } from '../domain/invoice'
import { BUYER_TYPES, DIFFERENCE_MODES, INVOICE_KINDS, TAX_MODES } from '../domain/invoice'
import { ID_TYPE_CODES } from '../domain/idTypes'
import { POLICY_CODES } from '../domain/rates'
import type { DocumentOrigin, SyncState } from './sync'
import type { RedStatus } from '../platform/wire'
import { INVOICE_STATE_CODES, type InvoiceState } from '../domain/lifecycle/issue'
import { specialBusinessSchema } from '../domain/specialBusiness'

// The documented draft format (docs/cli.md). The shape is checked here; the rules — lengths, IDs,
// arithmetic — are the domain's validateDraft, so a draft with mistakes can still be saved.
const decimal = z.string().trim().max(40).nullable().optional()
const text = (max: number) => z.string().max(max).default('')

const draftLine = z.object({
  name: text(500),
  taxCode: text(40),
  spec: text(200),
  unit: text(200),
  quantity: decimal.transform((v) => v ?? null),
  unitPrice: decimal.transform((v) => v ?? null),
  amount: decimal.transform((v) => v ?? null),
  taxRate: z.string().trim().max(20).default(''),
  policy: z.enum(POLICY_CODES).nullable().default(null),
  tax: decimal,
  discount: decimal.transform((v) => v ?? null),
  discountTax: decimal,
  deduction: decimal,
})

export const invoiceDraftSchema = z.object({
  kind: z.enum(INVOICE_KINDS.map((k) => k.code) as ['81', '82'], { error: '票种应为 81（专票）或 82（普票）' }),
  taxMode: z.enum(TAX_MODES).default('普通征税'),
  differenceMode: z
    .enum(DIFFERENCE_MODES.map((d) => d.code) as ['01', '02'])
    .nullable()
    .optional(),
  priceIncludesTax: z.boolean().default(false),
  buyer: z.object({
    type: z.enum(BUYER_TYPES).default('企业'),
    name: text(500),
    taxId: text(100),
    idType: z.enum(ID_TYPE_CODES).nullable().optional(),
    idNumber: z.string().max(100).optional(),
    address: text(500),
    phone: text(100),
    bank: text(500),
    account: text(200),
    showAddressPhone: z.boolean().default(false),
    showBank: z.boolean().default(false),
  }),
  lines: z.array(draftLine).max(5000, '一张发票最多 5,000 行'),
  extras: z
    .array(z.object({ name: text(100), value: text(1000) }))
    .max(50)
    .default([]),
  remark: text(2000),
  agent: z
    .object({
      name: text(100),
      idType: z.enum(ID_TYPE_CODES).nullable().default(null),
      idNumber: text(100),
      nationality: text(100),
      taxId: text(100),
    })
    .nullable()
    .default(null),
  payee: text(100),
  reviewer: text(100),
  reducedReason: z.string().max(200).nullable().optional(),
  specialBusiness: specialBusinessSchema,
}) satisfies z.ZodType<InvoiceDraft, unknown>

export type InvoiceDraftInput = z.input<typeof invoiceDraftSchema>

// the states and which may still be edited: the invoice's life (domain/lifecycle/issue.ts)
export { INVOICE_STATES, INVOICE_STATE_CODES, isEditable, type InvoiceState } from '../domain/lifecycle/issue'

export interface InvoiceSummary {
  id: number
  state: InvoiceState
  kind: '81' | '82'
  buyerName: string
  buyerTaxId: string
  totals: Totals
  lineCount: number
  /** the platform's 20-digit number, once issued */
  number: string | null
  /** the platform's reason, when 开具失败 */
  failure: string | null
  queuedAt: string | null
  /** 开票日期 as the platform assigned it */
  issuedAt: string | null
  /** where its outbox command stands: local (never queued), pending … done, rejected */
  syncState: SyncState
  /** typed here, or issued by the platform (never queued here: not 未上传) */
  origin: Extract<DocumentOrigin, 'local' | 'platform'>
  /** the last delivery problem (offline, 5xx), shown beside 重试 */
  syncError: string | null
  /** blue, or red (from a 红字确认单) */
  colour: 'blue' | 'red'
  /** a blue invoice's 红冲状态 */
  redStatus: RedStatus
  /** a red invoice's blue invoice and 确认单编号 */
  blueNumber: string | null
  redConfirmationNumber: string | null
  createdAt: string
  updatedAt: string
}

export interface Invoice extends InvoiceSummary {
  draft: InvoiceDraft
  /** 开票人 */
  drawer: string
  /** what the rules say of the draft now (empty when it can be issued) */
  issues: DraftIssue[]
  /** the 数电 QR payload the platform returned (DOMAIN.md §6), once issued */
  qr: string | null
  /** 本次使用授信额度, once issued */
  quotaUsed: string | null
}

const stateCode = z.enum(INVOICE_STATE_CODES)

export const invoiceQuery = z.object({
  /** one state, or several (the 草稿箱 lists 草稿 and 开具失败 together) */
  state: z.union([stateCode, z.array(stateCode).min(1)]).optional(),
  /** 购买方名称 contains, or 纳税人识别号 / 发票号码 starts with */
  query: z.string().trim().max(100).optional(),
  /** 蓝字 or 红字 only (选择蓝字发票 offers blue ones) */
  colour: z.enum(['blue', 'red']).optional(),
})

export const invoicesApi = {
  /**
   * autosave: creates a draft (no id) or replaces a draft's content; never refuses a draft for its
   * mistakes. `check: false` skips the rules' warnings (the issuing screen runs them live itself).
   */
  'invoices.saveDraft': call(z.object({ id: z.number().int().positive().optional(), draft: invoiceDraftSchema, check: z.boolean().default(true) })).returns<{
    id: number
    totals: Totals
    warnings: DraftIssue[]
  }>(),
  'invoices.validate': call(z.object({ draft: invoiceDraftSchema })).returns<{ valid: boolean; errors: DraftIssue[]; totals: Totals }>(),
  'invoices.list': call(invoiceQuery.extend(paging)).returns<Page<InvoiceSummary>>(),
  'invoices.get': call(z.object({ id: z.number().int().positive() })).returns<Invoice>(),
  /** a new draft with the invoice's content (any state) */
  'invoices.copy': call(z.object({ id: z.number().int().positive() })).returns<Invoice>(),
  /** deletes drafts (only drafts and failed invoices: a queued or issued invoice is never deleted) */
  'invoices.deleteDrafts': call(z.object({ ids: idList })).returns<{ deleted: number }>(),
  /** 开票: checks with the platform's rules, then 待开具 — read-only, in the outbox */
  'invoices.issue': call(z.object({ id: z.number().int().positive() })).returns<{ id: number; state: 'queued' }>(),
}
