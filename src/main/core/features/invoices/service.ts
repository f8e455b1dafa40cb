// 蓝字发票开具 in the ledger: drafts saved as typed (autosave never refuses a draft for its
// mistakes), and 开票 — the platform's rules, then 待开具 with its outbox row in one transaction.
// An invoice past 草稿/开具失败 is never changed or deleted here: only the platform moves it on.
import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Invoice, InvoiceDraftInput, InvoiceSummary } from '../../../../shared/api/invoices'
import { isEditable, issueMove, type InvoiceState } from '../../../../shared/domain/lifecycle/issue'
import { invoiceDraftSchema } from '../../../../shared/api/invoices'
import type { Page } from '../../../../shared/api/define'
import {
  amountInWords,
  computeDraft,
  fenOfText,
  invoiceRows,
  moneyFromFen,
  validateDraft,
  type ComputedDraft,
  type DraftContext,
  type DraftIssue,
  type InvoiceDraft,
  type Totals,
} from '../../../../shared/domain/invoice'
import { AppError } from '../../errors'
import type { Db, Ledger } from '../../ledger/open'
import { likeContains, likePrefix } from '../../ledger/like'
import { rowWriter } from '../../ledger/rowWriter'
import { invoiceLines, invoices, outbox } from '../../ledger/schema'
import { actorOf, recordAudit } from '../audit/service'
import { leafProblem } from '../taxcodes/service'
import { moveByUser } from './lifecycle'
import { qualificationOf } from './qualification'
import { shippedRegionNames } from '../../codeLists/regions'
import { enqueue, latestRows, type OutboxRow } from '../../sync/outbox'
import { syncStateOf } from '../../sync/syncState'

type InvoiceRow = typeof invoices.$inferSelect

const fen = (money: string) => fenOfText(money) ?? 0

function totalsOf(r: Pick<InvoiceRow, 'amountFen' | 'taxFen' | 'totalFen'>): Totals {
  const total = moneyFromFen(r.totalFen)
  return { amount: moneyFromFen(r.amountFen), tax: moneyFromFen(r.taxFen), total, totalInWords: amountInWords(total) }
}

function toSummary(r: InvoiceRow, command: OutboxRow | undefined): InvoiceSummary {
  return {
    id: r.id,
    state: r.state,
    kind: r.kind,
    buyerName: r.buyerName,
    buyerTaxId: r.buyerTaxId,
    totals: totalsOf(r),
    lineCount: r.lineCount,
    number: r.number,
    failure: r.failure,
    queuedAt: r.queuedAt,
    issuedAt: r.issuedAt,
    syncState: syncStateOf(command),
    // 开票 here queues it (queued_at); an issued invoice never queued came from the platform's feed
    origin: r.state === 'issued' && r.queuedAt === null ? 'platform' : 'local',
    syncError: command && command.state !== 'done' ? command.lastError : null,
    colour: r.colour,
    redStatus: r.redStatus,
    blueNumber: r.blueNumber,
    redConfirmationNumber: r.redConfirmationNumber,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

/** the columns that follow from a draft's content (stored as given) and its computed totals */
function contentColumns(draft: InvoiceDraft, totals: Totals) {
  return {
    kind: draft.kind,
    buyerName: draft.buyer.name.trim(),
    buyerTaxId: draft.buyer.taxId.trim(),
    amountFen: fen(totals.amount),
    taxFen: fen(totals.tax),
    totalFen: fen(totals.total),
    lineCount: draft.lines.length,
    document: JSON.stringify(draft),
    // 发票查询 filters by it (invoices_special_kind)
    specialKind: draft.specialBusiness?.kind ?? null,
  }
}

/**
 * Statements of 保存 / 开票 prepared once per connection: 批量开具 runs them for a thousand invoices
 * in one transaction, and preparing each anew costs more than running it.
 */
function build(ledger: Ledger) {
  return {
    drafts: rowWriter(ledger.db, invoices),
    lines: rowWriter(ledger.db, invoiceLines),
    deleteLines: ledger.orm
      .delete(invoiceLines)
      .where(eq(invoiceLines.invoiceId, sql.placeholder('id')))
      .prepare(),
    byId: ledger.orm
      .select()
      .from(invoices)
      .where(eq(invoices.id, sql.placeholder('id')))
      .prepare(),
    // queued again by the user: an earlier command waiting for them is settled by the new one
    settleWaiting: ledger.orm
      .update(outbox)
      .set({ state: 'failed', updatedAt: sql`${sql.placeholder('now')}` })
      .where(and(eq(outbox.documentType, 'invoice'), eq(outbox.documentId, sql.placeholder('id')), eq(outbox.state, 'needs-action')))
      .prepare(),
  }
}
const cache = new WeakMap<Ledger['db'], ReturnType<typeof build>>()
function statements(ledger: Ledger): ReturnType<typeof build> {
  let s = cache.get(ledger.db)
  if (!s) cache.set(ledger.db, (s = build(ledger)))
  return s
}

/** a new 草稿 row — the one insert of a draft: 保存 (and 复制 through it) and 批量开具's import */
export function insertDraft(ledger: Ledger, draft: InvoiceDraft, totals: Totals, now: string): number {
  return statements(ledger).drafts.insert({ ...contentColumns(draft, totals), state: 'draft', createdAt: now, updatedAt: now })
}

/** what validateDraft knows on this side: the operator and the company's qualification (the issuing screen's context) */
export function draftContext(ledger: Ledger, now: string): DraftContext {
  return { operator: actorOf(ledger.orm), qualification: qualificationOf(ledger, now), special: { regions: shippedRegionNames() } }
}

/**
 * The platform's rules (the shared domain, with this company's 纳税人类型, rates and tax-code table)
 * plus what only this ledger knows: each line's code is a leaf of the company's table.
 */
export function issuesOf(ledger: Ledger, draft: ComputedDraft, now: string, context = draftContext(ledger, now)): DraftIssue[] {
  const issues = validateDraft(draft, context)
  draft.lines.forEach((l, i) => {
    if (!/^\d{19}$/.test(l.taxCode) || issues.some((x) => x.path === `lines.${i}.taxCode`)) return
    const problem = leafProblem(ledger, l.taxCode)
    if (problem) issues.push({ path: `lines.${i}.taxCode`, message: `第 ${i + 1} 行：${problem}` })
  })
  return issues
}

function row(db: Db, id: number): InvoiceRow {
  const r = db.select().from(invoices).where(eq(invoices.id, id)).get()
  if (!r) throw new AppError('NOT_FOUND', `发票（编号 ${id}）不存在或已被删除`)
  return r
}

export function getInvoice(ledger: Ledger, id: number, now: string): Invoice {
  const r = row(ledger.orm, id)
  const draft = JSON.parse(r.document) as InvoiceDraft
  return {
    ...toSummary(r, latestRows(ledger, 'invoice', [id]).get(id)),
    draft,
    drawer: r.drawer || actorOf(ledger.orm),
    issues: isEditable(r.state) ? issuesOf(ledger, computeDraft(draft), now) : [],
    qr: r.qr,
    quotaUsed: r.quotaUsedFen === null ? null : moneyFromFen(r.quotaUsedFen),
  }
}

export function saveDraft(ledger: Ledger, id: number | undefined, input: InvoiceDraftInput, now: string, check = true) {
  const draft = invoiceDraftSchema.parse(input)
  const computed = computeDraft(draft)
  const columns = contentColumns(draft, computed.totals)
  const savedId = ledger.orm.transaction((tx) => {
    if (id === undefined) {
      const newId = insertDraft(ledger, draft, computed.totals, now)
      // no buyer named here: the first autosave comes while 名称 may still hold the letters typed to
      // find a customer (`hwjs`); 开票 and 删除 name the buyer the draft ended with
      recordAudit(tx, now, { action: 'create', entity: 'invoice', entityId: newId, summary: '新建发票草稿' })
      return newId
    }
    // editing an invoice the platform refused makes it a draft again
    moveByUser(ledger, id, 'edit', { ...columns, revision: sql`${invoices.revision} + 1` }, now)
    return id
  })
  return { id: savedId, totals: computed.totals, warnings: check ? issuesOf(ledger, computed, now) : [] }
}

export function validateInvoice(ledger: Ledger, input: InvoiceDraftInput, now: string) {
  const draft = computeDraft(invoiceDraftSchema.parse(input))
  const errors = issuesOf(ledger, draft, now)
  return { valid: errors.length === 0, errors, totals: draft.totals }
}

export function listInvoices(
  ledger: Ledger,
  q: { state?: InvoiceState | InvoiceState[]; query?: string; colour?: 'blue' | 'red'; page: number; size: number },
): Page<InvoiceSummary> {
  const conds: (SQL | undefined)[] = []
  if (q.state) conds.push(inArray(invoices.state, [q.state].flat()))
  if (q.colour) conds.push(eq(invoices.colour, q.colour))
  if (q.query) conds.push(or(likeContains(invoices.buyerName, q.query), likePrefix(invoices.buyerTaxId, q.query.toUpperCase()), likePrefix(invoices.number, q.query)))
  const where = conds.length ? and(...conds) : undefined
  const db = ledger.orm
  const total = db.select({ n: count() }).from(invoices).where(where).get()?.n ?? 0
  // the page's ids first, then their rows: sorting every invoice with its document (the JSON of its
  // lines) costs ~100 ms on a 10,000-invoice ledger, sorting their ids a few
  const ids = db
    .select({ id: invoices.id })
    .from(invoices)
    .where(where)
    .orderBy(desc(invoices.updatedAt), desc(invoices.id))
    .limit(q.size)
    .offset((q.page - 1) * q.size)
    .all()
    .map((r) => r.id)
  const byId = new Map(
    ids.length
      ? db
          .select()
          .from(invoices)
          .where(inArray(invoices.id, ids))
          .all()
          .map((r) => [r.id, r])
      : [],
  )
  const rows = ids.map((id) => byId.get(id)!)
  const commands = latestRows(
    ledger,
    'invoice',
    rows.map((r) => r.id),
  )
  return { total, rows: rows.map((r) => toSummary(r, commands.get(r.id))) }
}

/**
 * 复制: a new draft with an invoice's content. A red invoice is never copied as it stands — that
 * would be a blue draft of negative lines —: what is issued again is its blue invoice's content, so
 * that is copied when this ledger holds it, and without it the copy is refused, saying why.
 */
export function copyInvoice(ledger: Ledger, id: number, now: string): Invoice {
  const found = row(ledger.orm, id)
  const source = found.colour === 'red' ? blueOf(ledger.orm, found) : found
  const { id: copyId } = saveDraft(ledger, undefined, JSON.parse(source.document) as InvoiceDraft, now, false)
  return getInvoice(ledger, copyId, now)
}

/** the blue invoice a red one reversed, from this ledger's 销项 */
function blueOf(db: Db, red: InvoiceRow): InvoiceRow {
  const blue = red.blueNumber
    ? db
        .select()
        .from(invoices)
        .where(and(eq(invoices.number, red.blueNumber), eq(invoices.colour, 'blue')))
        .get()
    : undefined
  if (!blue)
    throw new AppError(
      'CONFLICT',
      `红字发票不能复制：复制会得到金额为负数的蓝字草稿，而它所冲的蓝字发票${red.blueNumber ? ` ${red.blueNumber} ` : ''}不在本账簿中。如需重新开票，请新建发票`,
    )
  return blue
}

export function deleteDrafts(ledger: Ledger, ids: number[], now: string): { deleted: number } {
  return ledger.orm.transaction((tx) => {
    const found = tx.select({ id: invoices.id, state: invoices.state, buyerName: invoices.buyerName }).from(invoices).where(inArray(invoices.id, ids)).all()
    if (found.length !== new Set(ids).size) throw new AppError('NOT_FOUND', '所选发票中有的已被删除，请刷新后重试')
    const locked = found.filter((f) => !isEditable(f.state))
    if (locked.length > 0) throw new AppError('CONFLICT', `已排队或已开具的发票不能删除（编号 ${locked.map((f) => f.id).join('、')}）`)
    tx.delete(invoices).where(inArray(invoices.id, ids)).run()
    for (const f of found) recordAudit(tx, now, { action: 'delete', entity: 'invoice', entityId: f.id, summary: `删除发票草稿（购买方 ${f.buyerName || '未填'}）` })
    return { deleted: found.length }
  })
}

/** the invoice's printed rows, kept for 智能匹配's history and the queries (replaced as a whole) */
export function writeLines(ledger: Ledger, id: number, draft: ComputedDraft): void {
  const s = statements(ledger)
  s.deleteLines.run({ id })
  invoiceRows(draft).forEach((r, position) =>
    s.lines.insert({
      invoiceId: id,
      position,
      nature: r.nature,
      name: r.name,
      taxCode: r.taxCode,
      spec: r.spec,
      unit: r.unit,
      quantity: r.quantity,
      unitPrice: r.unitPrice,
      amountFen: fen(r.amount),
      taxRate: r.taxRate,
      taxFen: fen(r.tax),
      policy: r.policy,
    }),
  )
}

/**
 * 开票: the draft passes the platform's rules (the same domain code the platform runs), then in
 * one transaction it becomes 待开具 with its computed content and lines, and an outbox row whose
 * idempotency key is fixed now, before any send.
 */
export function issueInvoice(ledger: Ledger, id: number, now: string): { id: number; state: 'queued' } {
  ledger.orm.transaction(() => queueInvoice(ledger, id, now, draftContext(ledger, now)))
  return { id, state: 'queued' }
}

/**
 * 开票 of one invoice inside the caller's transaction — 开票 and 批量开具 alike: refused (CONFLICT by
 * its state, VALIDATION with its issues) before anything is written.
 */
export function queueInvoice(ledger: Ledger, id: number, now: string, context: DraftContext): void {
  const tx = ledger.orm
  const operator = context.operator
  const s = statements(ledger)
  const current = s.byId.get({ id })
  if (!current) throw new AppError('NOT_FOUND', `发票（编号 ${id}）不存在或已被删除`)
  const refusal = issueMove(current.state, 'issue')
  if ('refused' in refusal) throw new AppError('CONFLICT', refusal.refused)
  const draft = computeDraft(JSON.parse(current.document) as InvoiceDraft)
  const issues = issuesOf(ledger, draft, now, context)
  if (issues.length > 0)
    throw new AppError(
      'VALIDATION',
      `发票还有 ${issues.length} 处问题需要修改：${issues
        .slice(0, 3)
        .map((i) => i.message)
        .join('；')}`,
      { issues },
    )
  // the document stays as typed (含税 entry, blanks to derive): a refused invoice reopens as the user
  // wrote it; the computed content travels in the outbox payload and the lines
  moveByUser(
    ledger,
    id,
    'issue',
    { ...contentColumns(draft, draft.totals), document: current.document, drawer: operator, queuedAt: now, revision: sql`${invoices.revision} + 1` },
    now,
  )
  writeLines(ledger, id, draft)
  s.settleWaiting.run({ id, now })
  enqueue(ledger, { command: 'issue-invoice', documentType: 'invoice', documentId: id, payload: { draft, drawer: operator }, now })
  recordAudit(tx, now, {
    action: 'issue',
    entity: 'invoice',
    entityId: id,
    summary: `开票：发票已排队等待上传至平台（购买方 ${draft.buyer.name}，价税合计 ${draft.totals.total}）`,
  })
}
