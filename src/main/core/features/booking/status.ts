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
/** where an export slice ended: the order's key */
type StatusKey = Pick<Received, 'issuedAt' | 'number'>

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

/** matching rows newest first, from `after` on (exclusive): the page's and the export's one read */
function readRows(ledger: Ledger, where: SQL | undefined, size: number, offset: number, after?: StatusKey): BookingStatusRow[] {
  // keyset: (开票日期, 发票号码) is unique and the order's key, so the export never re-skips rows
  const past = after ? or(lt(r.issuedAt, after.issuedAt), and(eq(r.issuedAt, after.issuedAt), lt(r.number, after.number))) : undefined
  const rows = ledger.orm.select().from(r).where(and(where, past)).orderBy(desc(r.issuedAt), desc(r.number)).limit(size).offset(offset).all()
  const pending = pendingNumbers(
    ledger,
    rows.map((x) => x.number),
  )
  return rows.map((x) => toRow(x, pending))
}

export function bookingStatusPage(ledger: Ledger, filter: BookingStatusFilter, page: number, size: number): Page<BookingStatusRow> {
  const where = whereOf(filter)
  const total = ledger.orm.select({ n: count() }).from(r).where(where).get()?.n ?? 0
  return { total, rows: readRows(ledger, where, size, (page - 1) * size) }
}

/** rows read at a time for 导出 */
const EXPORT_SLICE = 1000

/** every matching row, 1,000 at a time, each slice after the last one's key, for 导出 */
export function* bookingStatusRows(ledger: Ledger, filter: BookingStatusFilter): Generator<BookingStatusRow, void, undefined> {
  const where = whereOf(filter)
  let after: StatusKey | undefined
  for (;;) {
    const rows = readRows(ledger, where, EXPORT_SLICE, 0, after)
    yield* rows
    if (rows.length < EXPORT_SLICE) return
    const last = rows[rows.length - 1]!
    after = { issuedAt: last.issuedAt, number: last.number }
  }
}
