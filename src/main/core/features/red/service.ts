// 红字确认信息录入和处理 and 红字申请确认 (manual §1.1.5–1.1.8, §2.6.3) in the ledger: a form is
// checked with the shared rules, saved, and queued for the platform in one transaction; deciding,
// withdrawing and 开票 queue behind it in the same document's order. The platform decides; what it
// says arrives through the answer or the change feed (./apply.ts).
import { and, count, desc, eq, isNotNull, isNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { Page } from '../../../../shared/api/define'
import type { RedCandidate, RedForm } from '../../../../shared/api/red'
import type { ParsedInput } from '../../../../shared/api'
import type { ComputedDraft } from '../../../../shared/domain/invoice'
import { amountInWords, Dec, fenOf, formatMoney, moneyFromFen } from '../../../../shared/domain/invoice'
import { checkRedLines } from '../../../../shared/domain/red/checkLines'
import { NOTHING_LEFT, starterProblem } from '../../../../shared/domain/red/policy'
import { nothingLeft, reversible, type Reversible } from '../../../../shared/domain/red/reversible'
import { PENDING_RED_STATUSES, RED_REASON_CODES, RED_STATUSES, type RedConfirmation, type RedLine, type RedParty } from '../../../../shared/platform/red'
import type { PlatformInvoice } from '../../../../shared/platform/wire'
import { AppError } from '../../errors'
import { likeContains, likePrefix } from '../../ledger/like'
import type { Ledger } from '../../ledger/open'
import { invoices, receivedInvoices, redConfirmations } from '../../ledger/schema'
import { enqueue, latestRows, type OutboxRow } from '../../sync/outbox'
import { syncStateOf } from '../../sync/syncState'
import { recordAudit } from '../audit/service'
import type { RedCommandPayload } from './apply'

export const RED_DOCUMENT = 'red-confirmation'

type FormRow = typeof redConfirmations.$inferSelect

const STATUS_LABEL = new Map<string, string>(RED_STATUSES.map((s) => [s.code, s.label]))
const PENDING_COMMANDS: Record<string, RedForm['pendingAction']> = {
  'red-confirmation.create': 'create',
  'red-confirmation.decide': 'decide',
  'red-confirmation.withdraw': 'withdraw',
  'red-confirmation.issue': 'issue',
}

function toForm(r: FormRow, command: OutboxRow | undefined): RedForm {
  const doc = r.document ? (JSON.parse(r.document) as RedConfirmation) : null
  const open = command && (command.state === 'pending' || command.state === 'sending')
  const pendingAction = open ? (PENDING_COMMANDS[command.command] ?? null) : null
  const awaitingUs = !!r.number && ((r.status === '02' && r.role === 'buyer') || (r.status === '03' && r.role === 'seller'))
  const issuedNot = r.status === '04' && !r.redInvoiceNumber
  const total = moneyFromFen(r.totalFen)
  return {
    id: r.id,
    number: r.number,
    blueNumber: r.blueNumber,
    kind: r.kind,
    reason: r.reason,
    initiator: r.initiator,
    role: r.role,
    status: r.status,
    statusLabel: r.status ? (STATUS_LABEL.get(r.status) ?? r.status) : r.failure ? '平台拒绝' : '待上传',
    counterparty: { taxId: r.counterpartyTaxId, name: r.counterpartyName },
    lines: JSON.parse(r.lines) as RedLine[],
    amount: moneyFromFen(r.amountFen),
    tax: moneyFromFen(r.taxFen),
    total,
    totalInWords: `（负数）${amountInWords(total.replace(/^-/, ''))}`,
    createdAt: doc?.createdAt ?? r.createdAt,
    deadline: r.status && PENDING_RED_STATUSES.includes(r.status) ? r.deadline : null,
    opinion: doc?.opinion ?? null,
    redInvoiceNumber: r.redInvoiceNumber,
    history: doc?.history ?? [],
    syncState: syncStateOf(command),
    origin: r.initiator === r.role ? 'local' : 'counterparty',
    syncError: command && command.state !== 'done' ? command.lastError : null,
    pendingAction,
    failure: r.failure,
    can: {
      decide: !open && awaitingUs,
      withdraw: !open && !!r.number && ((!!r.status && PENDING_RED_STATUSES.includes(r.status) && r.initiator === r.role) || issuedNot),
      issue: !open && issuedNot && r.role === 'seller',
    },
  }
}

const formBy = (ledger: Ledger, where: SQL) => ledger.orm.select().from(redConfirmations).where(where).get()

export function getForm(ledger: Ledger, ref: { id: number } | { number: string }): RedForm {
  const r = formBy(ledger, 'id' in ref ? eq(redConfirmations.id, ref.id) : eq(redConfirmations.number, ref.number))
  if (!r) throw new AppError('NOT_FOUND', 'id' in ref ? `红字确认单（编号 ${ref.id}）不存在` : `没有确认单编号为 ${ref.number} 的红字确认单；如为对方录入，请先同步`)
  return toForm(r, latestRows(ledger, RED_DOCUMENT, [r.id]).get(r.id))
}

/**
 * The blue invoice as this company holds it: 销项 (we sold; the buyer's 入账 and 用途 as the platform
 * told us) or 进项 (we bought; our own).
 */
function blueInvoice(ledger: Ledger, number: string) {
  const sold = ledger.orm
    .select()
    .from(invoices)
    .where(and(eq(invoices.number, number), eq(invoices.colour, 'blue'), eq(invoices.state, 'issued')))
    .get()
  if (sold)
    return {
      role: 'seller' as const,
      kind: sold.kind,
      // an issued invoice always has its 开票日期
      issuedAt: sold.issuedAt ?? '',
      counterparty: { taxId: sold.buyerTaxId, name: sold.buyerName },
      total: moneyFromFen(sold.totalFen),
      draft: JSON.parse(sold.document) as ComputedDraft,
      redStatus: sold.redStatus,
      booking: sold.buyerBooking,
      use: sold.buyerUse,
    }
  const bought = ledger.orm
    .select()
    .from(receivedInvoices)
    .where(and(eq(receivedInvoices.number, number), eq(receivedInvoices.colour, 'blue')))
    .get()
  if (!bought) throw new AppError('NOT_FOUND', `没有找到发票号码为 ${number} 的蓝字发票（销项或进项）；如刚开具或收到，请先同步`)
  const inv = JSON.parse(bought.document) as PlatformInvoice
  return {
    role: 'buyer' as const,
    kind: inv.kind,
    issuedAt: inv.issuedAt,
    counterparty: { taxId: inv.seller.taxId, name: inv.seller.name },
    total: inv.total,
    draft: inv.draft,
    redStatus: bought.redStatus,
    booking: bought.booking,
    use: bought.useStatus,
  }
}
type Blue = ReturnType<typeof blueInvoice>

/** forms that reverse (01 issued at once, 04 agreed) count against what remains; one open form at a time */
function formsOn(ledger: Ledger, blueNumber: string) {
  const rows = ledger.orm.select().from(redConfirmations).where(eq(redConfirmations.blueNumber, blueNumber)).all()
  const reversing = rows.filter((r) => r.status === '01' || r.status === '04').map((r) => JSON.parse(r.lines) as RedLine[])
  const open = rows.find((r) => (r.status === null && !r.failure) || (r.status && PENDING_RED_STATUSES.includes(r.status)) || (r.status === '04' && !r.redInvoiceNumber))
  return { reversing, openId: open?.id ?? null }
}

const partyName = (p: RedParty) => (p === 'seller' ? '销售方' : '购买方')

/** what the red policy says of `as` starting a form, from the buyer's 入账 and 用途 (shared/domain/red/policy.ts) */
const policyRefusal = (blue: Blue, as: RedParty): string | null => starterProblem(as, { booking: blue.booking, use: blue.use })

/** who may start a form (录入方身份): only this company's side of the invoice, as the policy allows */
function starterRefusals(blue: Blue): Record<RedParty, string | null> {
  const refusal = (as: RedParty) => (as === blue.role ? policyRefusal(blue, as) : `您是该发票的${partyName(blue.role)}，录入方身份应选择${partyName(blue.role)}`)
  return { seller: refusal('seller'), buyer: refusal('buyer') }
}

/** why each reason may not be chosen, as the shared check of a whole reversal says it */
function reasonRefusals(left: Reversible): RedCandidate['reasonRefusals'] {
  const entries = RED_REASON_CODES.map((reason) => [reason, checkRedLines(reason, left, undefined).issues.find((i) => i.path === 'reason')?.message ?? null] as const)
  return Object.fromEntries(entries) as RedCandidate['reasonRefusals']
}

export function redCandidate(ledger: Ledger, blueNumber: string): RedCandidate {
  const blue = blueInvoice(ledger, blueNumber)
  const { reversing, openId } = formsOn(ledger, blueNumber)
  const left = reversible(blue.draft, reversing)
  return {
    blueNumber,
    kind: blue.kind,
    issuedAt: blue.issuedAt,
    role: blue.role,
    counterparty: blue.counterparty,
    total: blue.total,
    redStatus: blue.redStatus,
    lines: left.lines,
    remaining: { amount: left.amount, tax: left.tax, total: left.total },
    wholeOnly: left.wholeOnly,
    openFormId: openId,
    blueRefusal: nothingLeft(left) ? NOTHING_LEFT : openId !== null ? '该发票已有未办结的红字确认单，办结后才能再录入' : null,
    reasonRefusals: reasonRefusals(left),
    starterRefusals: starterRefusals(blue),
    // the direct path (01) is the seller's while the buyer may not start one: once it may, the seller's form waits for it
    sellerNeedsConfirmation: policyRefusal(blue, 'buyer') === null,
  }
}

function queue(ledger: Ledger, id: number, payload: RedCommandPayload, now: string): void {
  enqueue(ledger, { command: `red-confirmation.${payload.kind}`, documentType: RED_DOCUMENT, documentId: id, payload, now })
}

const sum = (lines: RedLine[], f: (l: RedLine) => string) => lines.reduce((d, l) => d.plus(f(l)), new Dec(0))

/** 提交: the shared rules first (nothing saved when they refuse), then the form and its command together */
export function createForm(ledger: Ledger, input: ParsedInput<'red.create'>, now: string): RedForm {
  const blue = blueInvoice(ledger, input.blueNumber)
  const refusal = starterRefusals(blue)[input.as]
  if (refusal) throw new AppError('VALIDATION', refusal, { issues: [{ path: 'as', message: input.as === blue.role ? refusal : '录入方身份与您在该发票中的身份不符' }] })
  const { reversing, openId } = formsOn(ledger, input.blueNumber)
  if (openId !== null) throw new AppError('CONFLICT', `该蓝字发票已有未完成的红字确认单（本地编号 ${openId}），请先处理或撤销后再录入`)
  const checked = checkRedLines(input.reason, reversible(blue.draft, reversing), input.lines)
  if (checked.issues.length > 0)
    throw new AppError(
      'VALIDATION',
      `红字明细有 ${checked.issues.length} 处问题：${checked.issues
        .slice(0, 3)
        .map((i) => i.message)
        .join('；')}`,
      { issues: checked.issues },
    )
  const amount = sum(checked.lines, (l) => l.amount)
  const tax = sum(checked.lines, (l) => l.tax)
  const id = ledger.db.transaction(() => {
    const { id } = ledger.orm
      .insert(redConfirmations)
      .values({
        blueNumber: input.blueNumber,
        kind: blue.kind,
        reason: input.reason,
        initiator: input.as,
        role: input.as,
        counterpartyTaxId: blue.counterparty.taxId,
        counterpartyName: blue.counterparty.name,
        amountFen: fenOf(amount),
        taxFen: fenOf(tax),
        totalFen: fenOf(amount.plus(tax)),
        lines: JSON.stringify(checked.lines),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: redConfirmations.id })
      .get()
    const lines = checked.lines.map((l) => ({ blueLine: l.blueLine, quantity: l.quantity, amount: l.amount, tax: l.tax }))
    queue(ledger, id, { kind: 'create', body: { blueNumber: input.blueNumber, reason: input.reason, as: input.as, lines } }, now)
    recordAudit(ledger.orm, now, {
      action: 'create',
      entity: 'red',
      entityId: id,
      summary: `录入红字确认单：蓝字发票 ${input.blueNumber}，价税合计 ${formatMoney(amount.plus(tax))}`,
    })
    return id
  })()
  return getForm(ledger, { id })
}

function act(ledger: Ledger, id: number, allowed: (f: RedForm) => string | null, payload: (number: string) => RedCommandPayload, summary: string, now: string): RedForm {
  const form = getForm(ledger, { id })
  const refusal = allowed(form)
  if (refusal) throw new AppError('CONFLICT', refusal)
  ledger.db.transaction(() => {
    ledger.orm.update(redConfirmations).set({ failure: null, updatedAt: now }).where(eq(redConfirmations.id, id)).run()
    queue(ledger, id, payload(form.number!), now)
    recordAudit(ledger.orm, now, { action: 'update', entity: 'red', entityId: id, summary: `${summary}（确认单 ${form.number}）` })
  })()
  return getForm(ledger, { id })
}

const busy = (f: RedForm) => (f.pendingAction ? '该确认单还有操作等待上传至平台，请同步后再试' : null)

export function decideForm(ledger: Ledger, id: number, agree: boolean, opinion: string, now: string): RedForm {
  if (!agree && opinion.trim() === '') throw new AppError('VALIDATION', '拒绝时请填写处理意见', { issues: [{ path: 'opinion', message: '请填写处理意见' }] })
  return act(
    ledger,
    id,
    (f) => busy(f) ?? (f.can.decide ? null : `该确认单当前状态为“${f.statusLabel}”，不能由您${agree ? '同意' : '拒绝'}`),
    (number) => ({ kind: 'decide', number, body: { agree, opinion } }),
    agree ? '同意红字确认单' : `拒绝红字确认单：${opinion}`,
    now,
  )
}

export function withdrawForm(ledger: Ledger, id: number, now: string): RedForm {
  return act(
    ledger,
    id,
    (f) => busy(f) ?? (f.can.withdraw ? null : `该确认单当前状态为“${f.statusLabel}”，不能撤销`),
    (number) => ({ kind: 'withdraw', number }),
    '撤销红字确认单',
    now,
  )
}

export function issueForm(ledger: Ledger, id: number, now: string): RedForm {
  return act(
    ledger,
    id,
    (f) => busy(f) ?? (f.can.issue ? null : `该确认单当前状态为“${f.statusLabel}”，不能开具红字发票`),
    (number) => ({ kind: 'issue', number }),
    '开具红字发票',
    now,
  )
}

/** the list's filters as conditions on red_confirmations */
function formFilter(q: ParsedInput<'red.list'>): SQL | undefined {
  const f = redConfirmations
  const day = sql`substr(${f.createdAt}, 1, 10)`
  const states: Record<NonNullable<typeof q.state>, SQL | undefined> = {
    pending: isNull(f.status),
    todo: or(and(eq(f.status, '02'), eq(f.role, 'buyer')), and(eq(f.status, '03'), eq(f.role, 'seller'))),
    done: and(isNotNull(f.status), notInArray(f.status, PENDING_RED_STATUSES)),
  }
  return and(
    q.status ? eq(f.status, q.status) : undefined,
    q.state ? states[q.state] : undefined,
    q.role ? eq(f.role, q.role) : undefined,
    q.initiatedBy ? (q.initiatedBy === 'me' ? eq(f.initiator, f.role) : ne(f.initiator, f.role)) : undefined,
    q.dateFrom ? sql`${day} >= ${q.dateFrom}` : undefined,
    q.dateTo ? sql`${day} <= ${q.dateTo}` : undefined,
    q.counterparty ? or(likeContains(f.counterpartyName, q.counterparty), likePrefix(f.counterpartyTaxId, q.counterparty.toUpperCase())) : undefined,
    q.blueNumber ? likePrefix(f.blueNumber, q.blueNumber) : undefined,
  )
}

export function listForms(ledger: Ledger, q: ParsedInput<'red.list'>): Page<RedForm> {
  const where = formFilter(q)
  const total = ledger.orm.select({ n: count() }).from(redConfirmations).where(where).get()?.n ?? 0
  const rows = ledger.orm
    .select()
    .from(redConfirmations)
    .where(where)
    .orderBy(desc(redConfirmations.updatedAt), desc(redConfirmations.id))
    .limit(q.size)
    .offset((q.page - 1) * q.size)
    .all()
  const commands = latestRows(
    ledger,
    RED_DOCUMENT,
    rows.map((r) => r.id),
  )
  return { total, rows: rows.map((r) => toForm(r, commands.get(r.id))) }
}
