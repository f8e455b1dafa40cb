// 进项发票: the invoices sellers issued to this company, as the change feed recorded them
// (sync/apply.ts writes them; here they are only read).
import { and, count, desc, eq, or } from 'drizzle-orm'
import type { Page } from '../../../../shared/api/define'
import type { ReceivedInvoice } from '../../../../shared/api/received'
import { moneyFromFen } from '../../../../shared/domain/invoice'
import type { CoreContext } from '../../context'
import { likeContains, likePrefix } from '../../ledger/like'
import { receivedInvoices } from '../../ledger/schema'
import { pendingNumbers } from '../booking/pending'

export async function listReceived(ctx: CoreContext, q: { query?: string; colour?: 'blue' | 'red'; page: number; size: number }): Promise<Page<ReceivedInvoice>> {
  const ledger = await ctx.ledger()
  const db = ledger.orm
  const where = and(
    q.query
      ? or(likeContains(receivedInvoices.sellerName, q.query), likePrefix(receivedInvoices.sellerTaxId, q.query.toUpperCase()), likePrefix(receivedInvoices.number, q.query))
      : undefined,
    q.colour ? eq(receivedInvoices.colour, q.colour) : undefined,
  )
  const total = db.select({ n: count() }).from(receivedInvoices).where(where).get()?.n ?? 0
  const rows = db
    .select()
    .from(receivedInvoices)
    .where(where)
    .orderBy(desc(receivedInvoices.issuedAt), desc(receivedInvoices.number))
    .limit(q.size)
    .offset((q.page - 1) * q.size)
    .all()
  const pending = pendingNumbers(
    ledger,
    rows.map((r) => r.number),
  )
  return {
    total,
    rows: rows.map((r) => ({
      number: r.number,
      kind: r.kind,
      issuedAt: r.issuedAt,
      sellerName: r.sellerName,
      sellerTaxId: r.sellerTaxId,
      amount: moneyFromFen(r.amountFen),
      tax: moneyFromFen(r.taxFen),
      total: moneyFromFen(r.totalFen),
      lineCount: r.lineCount,
      receivedAt: r.receivedAt,
      colour: r.colour,
      redStatus: r.redStatus as ReceivedInvoice['redStatus'],
      booking: r.booking as ReceivedInvoice['booking'],
      bookingPeriod: r.bookingPeriod,
      use: r.useStatus,
      pending: pending.has(r.number),
    })),
  }
}
