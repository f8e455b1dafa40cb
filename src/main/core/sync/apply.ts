// What the platform said, written into the ledger. Each function is one transaction and safe to
// repeat: the same invoice applied twice (a replayed response, then the change feed) changes
// nothing the second time.
import { eq } from 'drizzle-orm'
import type { QuotaReading } from '../../../shared/api/sync'
import { fenOf } from '../../../shared/domain/invoice'
import type { Change, PlatformInvoice, QuotaSnapshot } from '../../../shared/platform/wire'
import type { InvoiceSettledEvent } from '../../../shared/events'
import { recordAudit } from '../features/audit/service'
import { applyInvoiceStatus, recordRedForm } from '../features/red/apply'
import { RedConfirmation } from '../../../shared/platform/red'
import type { InvoiceStatusChange } from '../../../shared/platform/booking'
import { settleIssued, settleRefused } from '../features/invoices/lifecycle'
import { writeLines } from '../features/invoices/service'
import type { Ledger } from '../ledger/open'
import { invoices, syncState } from '../ledger/schema'
import { markClosed, markDone, rowByKey, type OutboxRow } from './outbox'
import { prepared } from './statements'

export function quotaReading(q: QuotaSnapshot): QuotaReading {
  return { month: q.month, total: q.total, used: q.used, remaining: q.available, readAt: q.readAt }
}

export function ensureSyncState(ledger: Ledger, identity: string): typeof syncState.$inferSelect {
  const row = ledger.orm.select().from(syncState).where(eq(syncState.id, 1)).get()
  if (row && row.platformUrl === identity) return row
  // another platform: its cursor and its quota mean nothing here
  const fresh = { id: 1, platformUrl: identity, cursor: '0', lastSuccessAt: null, lastAttemptAt: null, lastError: null, quota: null, taxcodesVersion: null }
  ledger.orm.insert(syncState).values(fresh).onConflictDoUpdate({ target: syncState.id, set: fresh }).run()
  return fresh
}

export function saveSyncState(ledger: Ledger, patch: Partial<typeof syncState.$inferInsert>): void {
  ledger.orm.update(syncState).set(patch).where(eq(syncState.id, 1)).run()
}

type Settled = InvoiceSettledEvent

/** 已开具: the local invoice takes the platform's number, date, QR and figures; its command is done */
export function issueLocally(ledger: Ledger, row: OutboxRow, inv: PlatformInvoice, now: string): Settled | null {
  markDone(ledger, row.id, now)
  if (!settleIssued(ledger, row.documentId, inv, now)) return null
  recordAudit(ledger.orm, now, { action: 'issue', entity: 'invoice', entityId: row.documentId, summary: `平台已开具发票 ${inv.number}（价税合计 ${inv.total}）` })
  return { type: 'invoice.settled', invoiceId: row.documentId, outcome: 'issued', number: inv.number, total: inv.total, quotaUsed: inv.quotaUsed, qr: inv.qr }
}

/** 开具失败: the platform's words on the invoice, which becomes editable; the command is closed */
export function applyRejected(ledger: Ledger, row: OutboxRow, message: string, now: string, state: 'failed' | 'needs-action' = 'failed'): Settled {
  markClosed(ledger, row.id, state, message, now)
  settleRefused(ledger, row.documentId, message, now)
  recordAudit(ledger.orm, now, { action: 'issue', entity: 'invoice', entityId: row.documentId, summary: `平台拒绝开具：${message}` })
  return { type: 'invoice.settled', invoiceId: row.documentId, outcome: 'rejected', message }
}

/** an invoice this company issued elsewhere (another client, the platform's own web page) */
function recordForeignIssued(ledger: Ledger, inv: PlatformInvoice, now: string): void {
  const exists = ledger.orm.select({ id: invoices.id }).from(invoices).where(eq(invoices.number, inv.number)).get()
  if (exists) return
  const { id } = ledger.orm
    .insert(invoices)
    .values({
      state: 'issued',
      kind: inv.kind,
      buyerName: inv.buyer.name,
      buyerTaxId: inv.buyer.taxId,
      amountFen: fenOf(inv.amount),
      taxFen: fenOf(inv.tax),
      totalFen: fenOf(inv.total),
      lineCount: inv.draft.lines.length,
      document: JSON.stringify(inv.draft),
      drawer: inv.drawer,
      number: inv.number,
      issuedAt: inv.issuedAt,
      qr: inv.qr,
      quotaUsedFen: fenOf(inv.quotaUsed),
      colour: inv.colour,
      redStatus: inv.redStatus,
      blueNumber: inv.redOf?.blueNumber ?? null,
      redConfirmationNumber: inv.redOf?.confirmationNumber ?? null,
      specialKind: inv.draft.specialBusiness?.kind ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: invoices.id })
    .get()
  writeLines(ledger, id, inv.draft)
  const what = inv.redOf ? `红字发票 ${inv.number}（冲 ${inv.redOf.blueNumber}）` : `已开具发票 ${inv.number}`
  recordAudit(ledger.orm, now, { action: 'issue', entity: 'invoice', entityId: id, summary: `从平台同步${what}` })
}

/** 进项: new, or the newer state of one already received (its first received_at stays) */
export function recordReceived(ledger: Ledger, inv: PlatformInvoice, now: string): void {
  // prepared SQL rather than the query builder: a feed page applies up to 500 of these, and
  // building each statement cost three times what running it did
  prepared(
    ledger,
    `INSERT INTO received_invoices (number, kind, issued_at, seller_tax_id, seller_name, amount_fen, tax_fen, total_fen, line_count, document, received_at, colour, red_status, special_kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (number) DO UPDATE SET kind = excluded.kind, issued_at = excluded.issued_at, seller_tax_id = excluded.seller_tax_id,
       seller_name = excluded.seller_name, amount_fen = excluded.amount_fen, tax_fen = excluded.tax_fen, total_fen = excluded.total_fen,
       line_count = excluded.line_count, document = excluded.document, colour = excluded.colour, red_status = excluded.red_status,
       special_kind = excluded.special_kind`,
  ).run(
    inv.number,
    inv.kind,
    inv.issuedAt,
    inv.seller.taxId,
    inv.seller.name,
    fenOf(inv.amount),
    fenOf(inv.tax),
    fenOf(inv.total),
    inv.draft.lines.length,
    JSON.stringify(inv),
    now,
    inv.colour,
    inv.redStatus,
    inv.draft.specialBusiness?.kind ?? null,
  )
}

export interface PageOutcome {
  applied: number
  settled: Settled[]
  received: number
  quota: boolean
  /** 红字确认单 or a blue invoice's 红冲状态 changed */
  red: boolean
}

/**
 * One page of the change feed and the cursor after it, in one transaction: after a crash either
 * both are in the ledger or neither, so a change is never lost nor applied twice.
 */
export function applyChanges(ledger: Ledger, changes: Change<string>[], cursor: string, now: string): PageOutcome {
  const out: PageOutcome = { applied: 0, settled: [], received: 0, quota: false, red: false }
  ledger.db.transaction(() => {
    for (const c of changes) {
      if (c.kind === 'invoice.issued') {
        const inv = c.data as PlatformInvoice
        const own = inv.clientRef ? rowByKey(ledger, inv.clientRef) : undefined
        // our own command whose answer was lost on the way: the feed settles it
        if (own && own.documentType === 'invoice') {
          const settled = issueLocally(ledger, own, inv, now)
          if (settled) out.settled.push(settled)
        } else recordForeignIssued(ledger, inv, now)
      } else if (c.kind === 'invoice.received') {
        recordReceived(ledger, c.data as PlatformInvoice, now)
        out.received++
      } else if (c.kind === 'red-confirmation.changed') {
        recordRedForm(ledger, c.data as RedConfirmation, now)
        out.red = true
      } else if (c.kind === 'invoice.status') {
        applyInvoiceStatus(ledger, c.data as InvoiceStatusChange)
        out.red = true
      } else if (c.kind === 'quota.changed') {
        saveSyncState(ledger, { quota: JSON.stringify(quotaReading(c.data as QuotaSnapshot)) })
        out.quota = true
      } else continue // a kind this version does not know yet: its cursor still moves on
      out.applied++
    }
    saveSyncState(ledger, { cursor })
  })()
  return out
}
