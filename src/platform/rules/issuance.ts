// 开具 (blue invoices): the platform never trusts the client. The body's shape is checked, the draft
// recomputed and revalidated with the shared domain rules, its tax codes checked against the table
// in force; then one transaction assigns the number and issue time, consumes the quota, stores the
// invoice, writes the change feeds and records the Idempotency-Key — so no crash can leave an
// invoice issued without its key recorded, or a key recorded without its invoice.
import { z } from 'zod'
import { invoiceDraftSchema } from '../../shared/api/invoices'
import { chineseIssue } from '../../shared/api/zodChinese'
import { computeDraft, type ComputedDraft, fenOfText, validateDraft } from '../../shared/domain/invoice'
import { buildQrPayload } from '../../shared/domain/qr'
import { API_PREFIX, issueRequest, type PlatformInvoice } from '../../shared/platform/wire'
import { shanghaiDate, shanghaiMonth, shanghaiYear, toShanghaiIso } from '../clock'
import { type PlatformIssue, validationFailure } from '../errors'
import { stmt } from '../store/statements'
import { appendChange } from './changes'
import type { Ctx } from './context'
import { checkKey, recordResponse, replayOf, requestHash, type StoredResponse } from './idempotency'
import { nextInvoiceNumber } from './numbering'
import { qrCheck } from './qrCheck'
import { consumeQuota, snapshotOf } from './quota'
import { findTaxpayer, requireTaxpayer, sellerRates, taxpayerInfo } from './taxpayers'
import { codeRates, nonLeafCodes } from './taxcodes'

export const ISSUE_PATH = `${API_PREFIX}/invoices`

const zodIssues = (error: z.ZodError, prefix = ''): PlatformIssue[] =>
  error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }))

interface Checked {
  draft: ComputedDraft
  drawer: string
  clientRef: string | null
}

/** Shape, then the domain's rules for this seller and the tax-code table: VALIDATION with every issue found. */
function check(ctx: Ctx, sellerTaxId: string, body: unknown): Checked {
  const request = issueRequest.safeParse(body, { error: chineseIssue })
  if (!request.success) throw validationFailure('请求内容不正确', zodIssues(request.error))
  const parsed = invoiceDraftSchema.safeParse(request.data.draft, { error: chineseIssue })
  if (!parsed.success) throw validationFailure('发票内容格式不正确', zodIssues(parsed.error, 'draft'))

  const drawer = request.data.drawer.trim()
  const draft = computeDraft(parsed.data)
  const qualification = { seller: sellerRates(requireTaxpayer(ctx, sellerTaxId)), taxCode: (code: string) => codeRates(ctx, code), today: shanghaiDate(ctx.clock.now()) }
  const issues: PlatformIssue[] = validateDraft(draft, { operator: drawer, qualification, special: { regions: ctx.regions } }).map((i) => ({
    path: i.path === 'operator' ? 'drawer' : `draft.${i.path}`,
    message: i.path === 'operator' ? '请填写开票人' : i.message,
  }))
  const notLeaves = nonLeafCodes(
    ctx,
    draft.lines.map((l) => l.taxCode.trim()),
  )
  draft.lines.forEach((l, i) => {
    if (notLeaves.has(l.taxCode.trim())) issues.push({ path: `draft.lines.${i}.taxCode`, message: `第 ${i + 1} 行：税收分类编码 ${l.taxCode.trim()} 不是现行编码表中的末级编码` })
  })
  if (issues.length > 0) throw validationFailure('发票未通过平台校验', issues)
  return { draft, drawer, clientRef: request.data.clientRef ?? null }
}

function fen(text: string): number {
  const f = fenOfText(text)
  // computeDraft's totals are always plain two-decimal amounts; anything else is a bug, not input
  if (f === null) throw new Error(`合计金额无法读取：${text}`)
  return f
}

/** Issues in the caller's transaction; returns the response to send and record. */
function issueNow(ctx: Ctx, sellerTaxId: string, c: Checked): StoredResponse {
  const seller = requireTaxpayer(ctx, sellerTaxId)
  const now = ctx.clock.now()
  const issuedAt = toShanghaiIso(now)
  const month = shanghaiMonth(now)
  const totals = c.draft.totals
  const amountFen = fen(totals.amount)
  const quotaAfter = snapshotOf(consumeQuota(ctx, seller.tax_id, month, amountFen, issuedAt), now)
  const number = nextInvoiceNumber(ctx, shanghaiYear(now), seller.region)
  const buyerTaxId = c.draft.buyer.taxId.trim()
  const buyer = buyerTaxId === '' ? undefined : findTaxpayer(ctx, buyerTaxId)
  const qrFields = { kind: c.draft.kind, number, total: totals.total, date: shanghaiDate(now) }
  const invoice: PlatformInvoice = {
    number,
    kind: c.draft.kind,
    colour: 'blue',
    issuedAt,
    seller: taxpayerInfo(seller),
    buyer: { name: c.draft.buyer.name.trim(), taxId: buyerTaxId, registered: buyer !== undefined },
    draft: c.draft,
    drawer: c.drawer,
    amount: totals.amount,
    tax: totals.tax,
    total: totals.total,
    quotaUsed: totals.amount,
    qr: buildQrPayload({ ...qrFields, check: qrCheck(ctx, qrFields) }),
    redStatus: 'normal',
    clientRef: c.clientRef,
  }
  stmt(
    ctx.db,
    `INSERT INTO invoices (number, colour, kind, seller_tax_id, buyer_tax_id, buyer_name, issued_at, month,
       amount_fen, tax_fen, total_fen, red_status, client_ref, document)
     VALUES (?, 'blue', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'normal', ?, ?)`,
  ).run(number, invoice.kind, seller.tax_id, buyerTaxId, invoice.buyer.name, issuedAt, month, amountFen, fen(totals.tax), fen(totals.total), c.clientRef, JSON.stringify(invoice))
  appendChange(ctx, seller.tax_id, 'invoice.issued', issuedAt, invoice)
  if (buyer) appendChange(ctx, buyer.tax_id, 'invoice.received', issuedAt, invoice)
  appendChange(ctx, seller.tax_id, 'quota.changed', issuedAt, quotaAfter)
  return { status: 201, body: JSON.stringify(invoice) }
}

/**
 * POST /api/v1/invoices for `sellerTaxId`: the stored answer for a repeated key, else the checks and
 * the issuance. Refusals throw PlatformError and change nothing.
 */
export function issueInvoice(ctx: Ctx, sellerTaxId: string, body: unknown, idempotencyKey: string | undefined): StoredResponse & { replayed: boolean } {
  const key = checkKey(idempotencyKey)
  const hash = requestHash('POST', ISSUE_PATH, body)
  const earlier = replayOf(ctx, sellerTaxId, key, hash)
  if (earlier) return { ...earlier, replayed: true }
  // the checks are pure and may take a while on 2,000 lines: outside the write lock
  const checked = check(ctx, sellerTaxId, body)
  return ctx.db
    .transaction(() => {
      // another process may have answered this key since the look-up above
      const raced = replayOf(ctx, sellerTaxId, key, hash)
      if (raced) return { ...raced, replayed: true }
      const response = issueNow(ctx, sellerTaxId, checked)
      recordResponse(ctx, sellerTaxId, key, hash, response, toShanghaiIso(ctx.clock.now()))
      return { ...response, replayed: false }
    })
    .immediate()
}
