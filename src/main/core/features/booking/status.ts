// 发票入账状态查询 (manual §2.6.2 step 3): the received invoices by 入账状态, 入账所属期, 开票日期 and
// 销售方, newest first, each with its 用途确认 and whether a job still holds it.
import { and, count, desc, eq, gte, lt, or, type SQL } from 'drizzle-orm'
import type { BookingStatusFilter, BookingStatusRow } from '../../../../shared/api/booking'
import type { Page } from '../../../../shared/api/define'
import { moneyFromFen } from '../../../../shared/domain/invoice'
import { BOOKING_STATUSES, type BookingStatus } from '../../../../shared/platform/booking'
import { nextDay } from '../query/dates'
import type { Ledger } from '../../ledger/open'
import { likeContains, likePrefix } from '../../ledger/like'
import { receivedInvoices as r } from '../../ledger/schema'
import { pendingNumbers } from './pending'

const LABEL = new Map<string, string>(BOOKING_STATUSES.map((b) => [b.code, b.label]))

function whereOf(f: BookingStatusFilter): SQL | undefined {
  return and(
    f.status ? eq(r.booking, f.status) : undefined,
    f.period ? eq(r.bookingPeriod, f.period) : undefined,
    f.from ? gte(r.issuedAt, f.from) : undefined,
    f.to ? lt(r.issuedAt, nextDay(f.to)) : undefined,
    f.seller ? or(likeContains(r.sellerName, f.seller), likePrefix(r.sellerTaxId, f.seller.toUpperCase())) : undefined,
  )
}

type Received = typeof r.$inferSelect

function toRow(x: Received, pending: Set<string>): BookingStatusRow {
  return {
    number: x.number,
    kind: x.kind,
    issuedAt: x.issuedAt,
    sellerName: x.sellerName,
    sellerTaxId: x.sellerTaxId,
    amount: moneyFromFen(x.amountFen),
    tax: moneyFromFen(x.taxFen),
    total: moneyFromFen(x.totalFen),
    booking: x.booking as BookingStatus,
    bookingLabel: LABEL.get(x.booking) ?? x.booking,
    period: x.bookingPeriod,
    use: x.useStatus,
    pending: pending.has(x.number),
  }
}

export function bookingStatusPage(ledger: Ledger, filter: BookingStatusFilter, page: number, size: number): Page<BookingStatusRow> {
  const where = whereOf(filter)
  const total = ledger.orm.select({ n: count() }).from(r).where(where).get()?.n ?? 0
  const rows = ledger.orm
    .select()
    .from(r)
    .where(where)
    .orderBy(desc(r.issuedAt), desc(r.number))
    .limit(size)
    .offset((page - 1) * size)
    .all()
  const pending = pendingNumbers(
    ledger,
    rows.map((x) => x.number),
  )
  return { total, rows: rows.map((x) => toRow(x, pending)) }
}

/** every matching row, 1,000 at a time, for 导出 */
export function* bookingStatusRows(ledger: Ledger, filter: BookingStatusFilter): Generator<BookingStatusRow, void, undefined> {
  for (let page = 1; ; page++) {
    const { rows } = bookingStatusPage(ledger, filter, page, 1000)
    yield* rows
    if (rows.length < 1000) return
  }
}
