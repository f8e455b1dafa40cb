// 发票查询 in the core: a page (with the count and totals of everything that matches), and the
// iterator 导出, 交付 and 发票下载 walk a selection with. Paging and sorting happen here only.
import { sql, type SQL } from 'drizzle-orm'
import type { InvoiceFilter, InvoiceQueryResult, InvoiceRow, InvoiceSelection, QuerySort, QueryTotals } from '../../../../shared/api/invoiceQuery'
import { moneyFromFen } from '../../../../shared/domain/invoice'
import type { Ledger } from '../../ledger/open'
import { PURCHASE_COLUMNS, SALES_COLUMNS, sortOf, toRows, type RawRow } from './rows'
import { answeredByDay, dayTotalsQuery } from './dayTotals'
import { answeredByItems, itemNamesContaining, itemsPageIds, itemsTotalsQuery, sortableByItems } from './items'
import { tableOf, whereOf } from './where'

export interface QueryOrder {
  sort: QuerySort
  order: 'asc' | 'desc'
}

export const DEFAULT_ORDER: QueryOrder = { sort: 'issuedAt', order: 'desc' }

type Sums = { n: number; amount: number; tax: number; total: number }

function totalsOf(r: Sums): { total: number; totals: QueryTotals } {
  return { total: r.n, totals: { amount: moneyFromFen(r.amount), tax: moneyFromFen(r.tax), total: moneyFromFen(r.total) } }
}

function summed(ledger: Ledger, side: InvoiceFilter['side'], where: SQL): Sums {
  return ledger.orm.get<Sums>(
    sql`SELECT count(*) AS n, coalesce(sum(amount_fen), 0) AS amount, coalesce(sum(tax_fen), 0) AS tax, coalesce(sum(total_fen), 0) AS total
        FROM ${tableOf(side)} WHERE ${where}`,
  )
}

/** the count and 金额/税额/价税合计 of every invoice the filter matches, summed over the invoices */
export function summedTotals(ledger: Ledger, filter: InvoiceFilter): { total: number; totals: QueryTotals } {
  return totalsOf(summed(ledger, filter.side, whereOf(filter)))
}

/** the count and 金额/税额/价税合计 of every invoice the filter matches */
export function countAndTotals(ledger: Ledger, filter: InvoiceFilter): { total: number; totals: QueryTotals } {
  if (answeredByDay(filter)) return totalsOf(ledger.orm.get<Sums>(dayTotalsQuery(filter)))
  if (answeredByItems(filter)) {
    const ids = ledger.orm.all<{ id: number }>(itemNamesContaining(filter.item!, 'id')).map((r) => r.id)
    return totalsOf(ledger.orm.get<Sums>(itemsTotalsQuery(filter, ids)))
  }
  return summedTotals(ledger, filter)
}

/** `via`: the index SQLite must read the rows through (INDEXED BY), when the plan is chosen here */
function select(filter: InvoiceFilter, where: SQL, order: QueryOrder, limit: number, offset = 0, via?: string): SQL {
  const { by, tie } = sortOf(filter.side, order.sort)
  const dir = sql.raw(order.order === 'asc' ? 'ASC' : 'DESC')
  const from = via ? sql`${tableOf(filter.side)} INDEXED BY ${sql.raw(via)}` : tableOf(filter.side)
  return sql`SELECT ${filter.side === '销项' ? SALES_COLUMNS : PURCHASE_COLUMNS}, ${by} AS sortBy FROM ${from} WHERE ${where}
    ORDER BY ${by} ${dir}, ${tie} ${dir} LIMIT ${limit} OFFSET ${offset}`
}

/** each side's 开票日期 index (schema.ts), in the order of the 开票日期 sort with its tie-break */
const DATED_INDEX = { 销项: 'invoices_dated', 进项: 'received_dated' } as const

/**
 * Sorted by 开票日期, a page of a filter matching N of T invoices is found either by reading and
 * sorting all N, or by walking the date index until the page is full — about T / N entries per row
 * up to the page's end. Without statistics SQLite takes the index of a condition (价税合计, a buyer)
 * and sorts, which at tens of thousands of matches costs more than the walk: the walk is chosen
 * once N² > T × (offset + size). T is the table's largest rowid, a bound read at once (drafts and
 * deleted invoices make it larger: the walk is then chosen a little later, never wrongly early).
 * Filters of dates, 票种 and 状态 alone already walk a date index.
 */
function walksDates(ledger: Ledger, filter: InvoiceFilter, order: QueryOrder, matched: number, end: number): boolean {
  if (order.sort !== 'issuedAt' || answeredByDay(filter) || matched <= end) return false
  const all = ledger.orm.get<{ n: number | null }>(sql`SELECT max(rowid) AS n FROM ${tableOf(filter.side)}`).n ?? 0
  return matched * matched > all * end
}

/**
 * The page's rows. A 项目名称 filter invoice_items answers finds the page's ids there first: the
 * invoices' own rows are then read for those ids only, not for every match to sort them.
 */
function pageRows(ledger: Ledger, filter: InvoiceFilter, order: QueryOrder, size: number, offset: number, matched: number): RawRow[] {
  if (!answeredByItems(filter) || !sortableByItems(order.sort)) {
    const via = walksDates(ledger, filter, order, matched, offset + size) ? DATED_INDEX[filter.side] : undefined
    return ledger.orm.all<RawRow>(select(filter, whereOf(filter), order, size, offset, via))
  }
  const ids = ledger.orm.all<{ id: number }>(itemsPageIds(filter, order, size, offset)).map((r) => r.id)
  return ledger.orm.all<RawRow>(select(filter, sql`id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`, order, size))
}

/** one page of 发票查询, in a stable order (ties broken by id / 发票号码) */
export function queryPage(ledger: Ledger, filter: InvoiceFilter, order: QueryOrder, page: number, size: number): InvoiceQueryResult {
  const counted = countAndTotals(ledger, filter)
  const raw = pageRows(ledger, filter, order, size, (page - 1) * size, counted.total)
  return { ...counted, rows: toRows(ledger, filter.side, raw) }
}

/** the selection's own rows when keys are given — always within its filter too */
function selectionWhere(selection: InvoiceSelection): SQL {
  const where = whereOf(selection.filter)
  if (!selection.keys) return where
  const sales = selection.filter.side === '销项'
  const values = JSON.stringify(selection.keys.map((k) => (sales ? Number(k.slice(2)) : k.slice(2))))
  return sql`${where} AND ${sql.raw(sales ? 'id' : 'number')} IN (SELECT value FROM json_each(${values}))`
}

/** the count and totals of a selection (the ticked rows, or all that match) */
export function selectionTotals(ledger: Ledger, selection: InvoiceSelection): { total: number; totals: QueryTotals } {
  if (!selection.keys) return countAndTotals(ledger, selection.filter)
  return totalsOf(summed(ledger, selection.filter.side, selectionWhere(selection)))
}

/**
 * Every row of a selection, in a stable order, `batch` rows per query. Each batch continues after
 * the last row of the one before (keyset, not OFFSET): a walk over 100,000 invoices costs the same
 * per batch at the end as at the start. Rows written meanwhile before the cursor are not seen.
 */
export function* matchingRows(ledger: Ledger, selection: InvoiceSelection, opts: { orderBy?: QueryOrder; batch?: number } = {}): Generator<InvoiceRow, void, undefined> {
  for (const raw of matchingRawBatches(ledger, selection, opts)) yield* toRows(ledger, selection.filter.side, raw)
}

/**
 * The same walk as the ledger's rows, a batch at a time, before toRows: for a reader that needs
 * neither the sync state (an outbox lookup per batch) nor the money as text — 导出 (100,000 rows).
 */
export function* matchingRawBatches(ledger: Ledger, selection: InvoiceSelection, opts: { orderBy?: QueryOrder; batch?: number } = {}): Generator<RawRow[], void, undefined> {
  const order = opts.orderBy ?? DEFAULT_ORDER
  const batch = opts.batch ?? 1000
  const { by, tie } = sortOf(selection.filter.side, order.sort)
  const base = selectionWhere(selection)
  const after = sql.raw(order.order === 'asc' ? '>' : '<')
  // the plain bound beside the row value lets SQLite seek in the sort index instead of scanning it from the top each batch
  const reach = sql.raw(order.order === 'asc' ? '>=' : '<=')
  let last: { by: unknown; tie: unknown } | null = null
  for (;;) {
    const where: SQL = last ? sql`${base} AND ${by} ${reach} ${last.by} AND (${by}, ${tie}) ${after} (${last.by}, ${last.tie})` : base
    const raw: (RawRow & { sortBy: unknown })[] = ledger.orm.all<RawRow & { sortBy: unknown }>(select(selection.filter, where, order, batch))
    if (raw.length === 0) return
    yield raw
    const end = raw[raw.length - 1] as RawRow & { sortBy: unknown }
    last = { by: end.sortBy, tie: selection.filter.side === '销项' ? end.id : end.number }
    if (raw.length < batch) return
  }
}
