// 红字确认信息录入和处理 and 红字申请确认 (manual §1.1.5–1.1.8, §2.6.3) in the ledger: a form is
// checked with the shared rules, saved, and queued for the platform in one transaction; deciding,
// withdrawing and 开票 queue behind it in the same document's order. The platform decides; what it
// says arrives through the answer or the change feed (./apply.ts).
import type { Page } from '../../../../shared/api/define'
import type { RedCandidate, RedForm } from '../../../../shared/api/red'
import type { ParsedInput } from '../../../../shared/api'
import type { ComputedDraft } from '../../../../shared/domain/invoice'
import { amountInWords, Dec, fenOf, formatMoney, moneyFromFen } from '../../../../shared/domain/invoice'
import { checkRedLines } from '../../../../shared/domain/red/checkLines'
import { type BuyerActs, starterProblem } from '../../../../shared/domain/red/policy'
import { reversible } from '../../../../shared/domain/red/reversible'
import { PENDING_RED_STATUSES, RED_STATUSES, type RedConfirmation, type RedLine, type RedParty, type RedStatusCode } from '../../../../shared/platform/red'
import type { PlatformInvoice } from '../../../../shared/platform/wire'
import { AppError } from '../../errors'
import { escapeLike } from '../../ledger/like'
import type { Ledger } from '../../ledger/open'
import { enqueue, latestRows, type OutboxRow } from '../../sync/outbox'
import { prepared } from '../../sync/statements'
import { syncStateOf } from '../../sync/syncState'
import { recordAudit } from '../audit/service'
import type { RedCommandPayload } from './apply'

export const RED_DOCUMENT = 'red-confirmation'

interface FormRow {
  id: number
  number: string | null
  blue_number: string
  kind: '81' | '82'
  reason: RedForm['reason']
  initiator: RedParty
  role: RedParty
  status: RedStatusCode | null
  counterparty_tax_id: string
  counterparty_name: string
  amount_fen: number
  tax_fen: number
  total_fen: number
  lines: string
  document: string | null
  deadline: string | null
  red_invoice_number: string | null
  failure: string | null
  created_at: string
}

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
  const issuedNot = r.status === '04' && !r.red_invoice_number
  const total = moneyFromFen(r.total_fen)
  return {
    id: r.id,
    number: r.number,
    blueNumber: r.blue_number,
    kind: r.kind,
    reason: r.reason,
    initiator: r.initiator,
    role: r.role,
    status: r.status,
    statusLabel: r.status ? (STATUS_LABEL.get(r.status) ?? r.status) : r.failure ? '平台拒绝' : '待上传',
    counterparty: { taxId: r.counterparty_tax_id, name: r.counterparty_name },
    lines: JSON.parse(r.lines) as RedLine[],
    amount: moneyFromFen(r.amount_fen),
    tax: moneyFromFen(r.tax_fen),
    total,
    totalInWords: `（负数）${amountInWords(total.replace(/^-/, ''))}`,
    createdAt: doc?.createdAt ?? r.created_at,
    deadline: r.status && PENDING_RED_STATUSES.includes(r.status) ? r.deadline : null,
    opinion: doc?.opinion ?? null,
    redInvoiceNumber: r.red_invoice_number,
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

function formRow(ledger: Ledger, id: number): FormRow {
  const r = prepared(ledger, 'SELECT * FROM red_confirmations WHERE id = ?').get(id) as FormRow | undefined
  if (!r) throw new AppError('NOT_FOUND', `红字确认单（编号 ${id}）不存在`)
  return r
}

export function getForm(ledger: Ledger, ref: { id: number } | { number: string }): RedForm {
  const r = 'id' in ref ? formRow(ledger, ref.id) : (prepared(ledger, 'SELECT * FROM red_confirmations WHERE number = ?').get(ref.number) as FormRow | undefined)
  if (!r) throw new AppError('NOT_FOUND', `没有确认单编号为 ${'number' in ref ? ref.number : ''} 的红字确认单；如为对方录入，请先同步`)
  return toForm(r, latestRows(ledger, RED_DOCUMENT, [r.id]).get(r.id))
}

/** the blue invoice as this company holds it: 销项 (we sold) or 进项 (we bought) */
function blueInvoice(ledger: Ledger, number: string) {
  const sold = prepared(
    ledger,
    `SELECT kind, issued_at, buyer_name, buyer_tax_id, total_fen, document, red_status FROM invoices WHERE number = ? AND colour = 'blue' AND state = 'issued'`,
  ).get(number) as
    { kind: '81' | '82'; issued_at: string; buyer_name: string; buyer_tax_id: string; total_fen: number; document: string; red_status: RedCandidate['redStatus'] } | undefined
  if (sold)
    return {
      role: 'seller' as const,
      kind: sold.kind,
      issuedAt: sold.issued_at,
      counterparty: { taxId: sold.buyer_tax_id, name: sold.buyer_name },
      total: moneyFromFen(sold.total_fen),
      draft: JSON.parse(sold.document) as ComputedDraft,
      redStatus: sold.red_status,
      /** the buyer's 入账 is the platform's to know; the seller may start either way */
      booking: null,
    }
  const bought = prepared(ledger, `SELECT document, red_status, booking FROM received_invoices WHERE number = ? AND colour = 'blue'`).get(number) as
    { document: string; red_status: RedCandidate['redStatus']; booking: string } | undefined
  if (!bought) throw new AppError('NOT_FOUND', `没有找到发票号码为 ${number} 的蓝字发票（销项或进项）；如刚开具或收到，请先同步`)
  const inv = JSON.parse(bought.document) as PlatformInvoice
  return {
    role: 'buyer' as const,
    kind: inv.kind,
    issuedAt: inv.issuedAt,
    counterparty: { taxId: inv.seller.taxId, name: inv.seller.name },
    total: inv.total,
    draft: inv.draft,
    redStatus: bought.red_status,
    booking: bought.booking,
  }
}

/** forms that reverse (01 issued at once, 04 agreed) count against what remains; one open form at a time */
function formsOn(ledger: Ledger, blueNumber: string) {
  const rows = prepared(ledger, 'SELECT * FROM red_confirmations WHERE blue_number = ?').all(blueNumber) as FormRow[]
  const reversing = rows.filter((r) => r.status === '01' || r.status === '04').map((r) => JSON.parse(r.lines) as RedLine[])
  const open = rows.find((r) => (r.status === null && !r.failure) || (r.status && PENDING_RED_STATUSES.includes(r.status)) || (r.status === '04' && !r.red_invoice_number))
  return { reversing, openId: open?.id ?? null }
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
    starterRefusal: starterRefusalOf(blue),
  }
}

/** the seller may always start; the buyer once it has booked the invoice (its 入账 as last synced) */
const starterRefusalOf = (blue: { role: 'seller' | 'buyer'; booking: string | null; use?: BuyerActs['use'] }): string | null =>
  blue.booking === null ? null : starterProblem(blue.role, { booking: blue.booking, use: blue.use ?? 'unconfirmed' })

function queue(ledger: Ledger, id: number, payload: RedCommandPayload, now: string): void {
  enqueue(ledger, { command: `red-confirmation.${payload.kind}`, documentType: RED_DOCUMENT, documentId: id, payload, now })
}

const sum = (lines: RedLine[], f: (l: RedLine) => string) => lines.reduce((d, l) => d.plus(f(l)), new Dec(0))

/** 提交: the shared rules first (nothing saved when they refuse), then the form and its command together */
export function createForm(ledger: Ledger, input: ParsedInput<'red.create'>, now: string): RedForm {
  const blue = blueInvoice(ledger, input.blueNumber)
  if (input.as !== blue.role)
    throw new AppError('VALIDATION', `您是该发票的${blue.role === 'seller' ? '销售方' : '购买方'}，录入方身份应选择${blue.role === 'seller' ? '销售方' : '购买方'}`, {
      issues: [{ path: 'as', message: '录入方身份与您在该发票中的身份不符' }],
    })
  const refusal = starterRefusalOf(blue)
  if (refusal) throw new AppError('VALIDATION', refusal, { issues: [{ path: 'as', message: refusal }] })
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
    const { id } = prepared(
      ledger,
      `INSERT INTO red_confirmations (blue_number, kind, reason, initiator, role, counterparty_tax_id, counterparty_name, amount_fen, tax_fen, total_fen, lines, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ).get(
      input.blueNumber,
      blue.kind,
      input.reason,
      input.as,
      input.as,
      blue.counterparty.taxId,
      blue.counterparty.name,
      fenOf(amount),
      fenOf(tax),
      fenOf(amount.plus(tax)),
      JSON.stringify(checked.lines),
      now,
      now,
    ) as {
      id: number
    }
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
    prepared(ledger, 'UPDATE red_confirmations SET failure = NULL, updated_at = ? WHERE id = ?').run(now, id)
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

export function listForms(ledger: Ledger, q: ParsedInput<'red.list'>): Page<RedForm> {
  const where: string[] = []
  const args: Record<string, string | number> = {}
  const add = (clause: string, values: Record<string, string> = {}) => {
    where.push(clause)
    Object.assign(args, values)
  }
  if (q.status) add('status = @status', { status: q.status })
  if (q.state === 'pending') where.push('status IS NULL')
  if (q.state === 'todo') where.push(`((status = '02' AND role = 'buyer') OR (status = '03' AND role = 'seller'))`)
  if (q.state === 'done') where.push(`status IS NOT NULL AND status NOT IN ('02', '03')`)
  if (q.role) add('role = @role', { role: q.role })
  if (q.initiatedBy) where.push(q.initiatedBy === 'me' ? 'initiator = role' : 'initiator <> role')
  if (q.dateFrom) add('substr(created_at, 1, 10) >= @dateFrom', { dateFrom: q.dateFrom })
  if (q.dateTo) add('substr(created_at, 1, 10) <= @dateTo', { dateTo: q.dateTo })
  if (q.counterparty)
    add(`(counterparty_name LIKE @cpName ESCAPE '\\' OR counterparty_tax_id LIKE @cpId ESCAPE '\\')`, {
      cpName: `%${escapeLike(q.counterparty)}%`,
      cpId: `${escapeLike(q.counterparty.toUpperCase())}%`,
    })
  if (q.blueNumber) add(`blue_number LIKE @blue ESCAPE '\\'`, { blue: `${escapeLike(q.blueNumber)}%` })
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = (ledger.db.prepare(`SELECT COUNT(*) AS n FROM red_confirmations ${clause}`).get(args) as { n: number }).n
  const rows = ledger.db
    .prepare(`SELECT * FROM red_confirmations ${clause} ORDER BY updated_at DESC, id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: q.size, offset: (q.page - 1) * q.size }) as FormRow[]
  const commands = latestRows(
    ledger,
    RED_DOCUMENT,
    rows.map((r) => r.id),
  )
  return { total, rows: rows.map((r) => toForm(r, commands.get(r.id))) }
}
