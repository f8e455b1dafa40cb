// The one owner of an invoice's life in the ledger (issue 12). Every change of an invoice's 开具
// state and failure, its 红冲状态, and the buyer's 入账 / 用途 — on 销项 (`invoices`) and 进项
// (`received_invoices`) — is written here, after the domain's machine (shared/domain/lifecycle/issue.ts)
// allowed the move. A user's move it refuses is the user's CONFLICT, in the machine's words; an
// engine's or the platform's is an internal error: the transaction fails and nothing is written.
// The engine's moves run once per invoice in a push or a feed page of thousands, so their
// statements are prepared once per connection.
import type Database from 'better-sqlite3'
import { eq, getTableColumns, is, SQL, sql } from 'drizzle-orm'
import { SQLiteSyncDialect, type SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core'
import { issueMove, redMove, type InvoiceState, type IssueEvent } from '../../../../shared/domain/lifecycle/issue'
import { fenOf } from '../../../../shared/domain/invoice'
import { BOOKING_STATUSES, USE_STATUSES, type InvoiceStatusChange } from '../../../../shared/platform/booking'
import type { PlatformInvoice } from '../../../../shared/platform/wire'
import { AppError } from '../../errors'
import type { Ledger, Orm } from '../../ledger/open'
import { invoices, receivedInvoices } from '../../ledger/schema'

const p = sql.placeholder

function build(orm: Orm) {
  return {
    stateOf: orm
      .select({ state: invoices.state })
      .from(invoices)
      .where(eq(invoices.id, p('id')))
      .prepare(),
    setState: orm
      .update(invoices)
      .set({ state: sql`${p('state')}`, updatedAt: sql`${p('now')}` })
      .where(eq(invoices.id, p('id')))
      .prepare(),
    issued: orm
      .update(invoices)
      .set({
        state: 'issued',
        number: sql`${p('number')}`,
        issuedAt: sql`${p('issuedAt')}`,
        qr: sql`${p('qr')}`,
        quotaUsedFen: sql`${p('quotaUsedFen')}`,
        amountFen: sql`${p('amountFen')}`,
        taxFen: sql`${p('taxFen')}`,
        totalFen: sql`${p('totalFen')}`,
        document: sql`${p('document')}`,
        failure: null,
        updatedAt: sql`${p('now')}`,
      })
      .where(eq(invoices.id, p('id')))
      .prepare(),
    failed: orm
      .update(invoices)
      .set({ state: 'failed', failure: sql`${p('failure')}`, updatedAt: sql`${p('now')}` })
      .where(eq(invoices.id, p('id')))
      .prepare(),
    sold: orm
      .select({ redStatus: invoices.redStatus })
      .from(invoices)
      .where(eq(invoices.number, p('number')))
      .prepare(),
    soldStatus: orm
      .update(invoices)
      .set({ redStatus: sql`${p('redStatus')}`, buyerBooking: sql`${p('booking')}`, buyerUse: sql`${p('use')}` })
      .where(eq(invoices.number, p('number')))
      .prepare(),
    bought: orm
      .select({ redStatus: receivedInvoices.redStatus })
      .from(receivedInvoices)
      .where(eq(receivedInvoices.number, p('number')))
      .prepare(),
    boughtStatus: orm
      .update(receivedInvoices)
      .set({ redStatus: sql`${p('redStatus')}`, booking: sql`${p('booking')}`, bookingPeriod: sql`${p('period')}`, useStatus: sql`${p('use')}` })
      .where(eq(receivedInvoices.number, p('number')))
      .prepare(),
  }
}

const cache = new WeakMap<Database.Database, ReturnType<typeof build>>()
function statements(ledger: Ledger): ReturnType<typeof build> {
  let s = cache.get(ledger.db)
  if (!s) cache.set(ledger.db, (s = build(ledger.orm)))
  return s
}

/** what travels with a user's move: the content columns (never the life columns, which are ours) */
export type InvoiceContent = Omit<SQLiteUpdateSetSource<typeof invoices>, 'id' | 'state' | 'failure' | 'redStatus' | 'buyerBooking' | 'buyerUse' | 'updatedAt'>

/**
 * 保存 (`edit`: a draft, or a refused invoice that becomes a draft again) or 开票 / 重试 (`issue`:
 * 待开具): checked, then written with its content; the platform's old refusal goes. Inside the
 * caller's transaction.
 */
export function moveByUser(ledger: Ledger, id: number, event: Extract<IssueEvent, 'edit' | 'issue'>, content: InvoiceContent, now: string): InvoiceState {
  const current = statements(ledger).stateOf.get({ id })
  if (!current) throw new AppError('NOT_FOUND', `发票（编号 ${id}）不存在或已被删除`)
  const move = issueMove(current.state, event)
  if ('refused' in move) throw new AppError('CONFLICT', move.refused)
  const { statement, values } = userWrite(ledger, content)
  statement.run({ ...values, id, state: move.to, now })
  return move.to
}

type UserWrite = ReturnType<typeof prepareUserWrite>
const userWrites = new WeakMap<Database.Database, Map<string, UserWrite>>()
const invoiceColumns = getTableColumns(invoices)
const dialect = new SQLiteSyncDialect()

function prepareUserWrite(orm: Orm, content: InvoiceContent) {
  const set: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(content)) if (v !== undefined) set[key] = is(v, SQL) ? v : sql`${p(key)}`
  return orm
    .update(invoices)
    .set({ ...set, state: sql`${p('state')}`, failure: null, updatedAt: sql`${p('now')}` })
    .where(eq(invoices.id, p('id')))
    .prepare()
}

/**
 * A user's move writes the same columns each time (保存's, 开票's): its statement is prepared once
 * per connection and shape — 批量开具 runs it for a thousand invoices, and an UPDATE of invoices
 * compiles its triggers each time it is prepared. Values are bound as drizzle would store them.
 */
function userWrite(ledger: Ledger, content: InvoiceContent): { statement: UserWrite; values: Record<string, unknown> } {
  let byShape = userWrites.get(ledger.db)
  if (!byShape) userWrites.set(ledger.db, (byShape = new Map()))
  const values: Record<string, unknown> = {}
  const shape: string[] = []
  for (const [key, v] of Object.entries(content)) {
    if (v === undefined) continue
    if (is(v, SQL)) shape.push(`${key}=${dialect.sqlToQuery(v).sql}`)
    else {
      shape.push(key)
      const column = invoiceColumns[key as keyof typeof invoiceColumns]
      values[key] = v === null || !column ? v : column.mapToDriverValue(v)
    }
  }
  const key = shape.join('|')
  let statement = byShape.get(key)
  if (!statement) byShape.set(key, (statement = prepareUserWrite(ledger.orm, content)))
  return { statement, values }
}

/** the engine's move, checked: the state before and after, or null when the invoice is gone */
function engineMove(ledger: Ledger, id: number, event: IssueEvent): { from: InvoiceState; to: InvoiceState } | null {
  const current = statements(ledger).stateOf.get({ id })
  if (!current) return null
  const move = issueMove(current.state, event)
  if ('refused' in move) throw new AppError('INTERNAL', `发票（编号 ${id}）：${move.refused}`)
  return { from: current.state, to: move.to }
}

/** its request is about to leave (开具中), or must go again later (back to 待开具) */
export function markInvoice(ledger: Ledger, id: number, event: Extract<IssueEvent, 'send' | 'retry'>, now: string): void {
  const move = engineMove(ledger, id, event)
  if (move) statements(ledger).setState.run({ id, state: move.to, now })
}

/**
 * 已开具: the platform's number, date, QR and figures. False when there was nothing to change — the
 * invoice was already issued (the same answer twice) or is gone.
 */
export function settleIssued(ledger: Ledger, id: number, inv: PlatformInvoice, now: string): boolean {
  const move = engineMove(ledger, id, 'accepted')
  if (!move || move.from === 'issued') return false
  statements(ledger).issued.run({
    id,
    number: inv.number,
    issuedAt: inv.issuedAt,
    qr: inv.qr,
    quotaUsedFen: fenOf(inv.quotaUsed),
    amountFen: fenOf(inv.amount),
    taxFen: fenOf(inv.tax),
    totalFen: fenOf(inv.total),
    document: JSON.stringify(inv.draft),
    now,
  })
  return true
}

/** 开具失败: the platform's words on the invoice, which becomes editable */
export function settleRefused(ledger: Ledger, id: number, message: string, now: string): void {
  if (engineMove(ledger, id, 'refused')) statements(ledger).failed.run({ id, failure: message, now })
}

const BOOKING_CODES: readonly string[] = BOOKING_STATUSES.map((b) => b.code)
const USE_CODES: readonly string[] = USE_STATUSES.map((u) => u.code)

/**
 * The platform told a blue invoice's 红冲状态, 入账 and 用途 (`invoice.status`): on this company's
 * copy, 销项 (the buyer's 入账/用途 as the seller sees them) and 进项 alike. 入账 and 用途 are the
 * platform's to decide (lifecycle/booking.ts); the 红冲状态 never goes back. Telling the same twice
 * writes the same values.
 */
export function applyPlatformStatus(ledger: Ledger, change: InvoiceStatusChange): void {
  if (!BOOKING_CODES.includes(change.booking) || !USE_CODES.includes(change.use))
    throw new AppError('INTERNAL', `发票 ${change.number}：平台告知的入账状态（${change.booking}）或用途（${change.use}）本版本不认识`)
  const s = statements(ledger)
  // both copies checked before either is written
  const checked = (from: { redStatus: InvoiceStatusChange['redStatus'] } | undefined) => {
    if (!from) return false
    const move = redMove(from.redStatus, change.redStatus)
    if ('refused' in move) throw new AppError('INTERNAL', `发票 ${change.number}：${move.refused}`)
    return true
  }
  const sold = checked(s.sold.get({ number: change.number }))
  const bought = checked(s.bought.get({ number: change.number }))
  if (sold) s.soldStatus.run({ number: change.number, redStatus: change.redStatus, booking: change.booking, use: change.use })
  if (bought) s.boughtStatus.run({ number: change.number, redStatus: change.redStatus, booking: change.booking, period: change.bookingPeriod, use: change.use })
}
