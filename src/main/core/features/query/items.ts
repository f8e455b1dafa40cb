// 发票查询's 项目名称 filter on 销项 through invoice_items (migration 0007): one narrow row per invoice
// and distinct 项目名称, with its date, 票种, 红蓝字, status and amounts, kept by triggers. A filter of
// 项目名称 with dates, 票种, 红蓝字 and 状态 at most is answered there alone — its count and totals,
// and the invoices of a page — without reading the matching invoices' own (wide) rows.
import { sql, type SQL } from 'drizzle-orm'
import type { InvoiceFilter, QuerySort } from '../../../../shared/api/invoiceQuery'
import { likeContains } from '../../ledger/like'
import { nextDay } from './dates'

const BY_ITEMS: ReadonlySet<keyof InvoiceFilter> = new Set(['side', 'from', 'to', 'kind', 'colour', 'status', 'item'])

/** FTS5 phrase of the user's text, taken literally */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

/**
 * The 项目名称 (their `id` or `name` in item_names) that contain `text`. 3+ characters: the trigram
 * index. 1–2 characters are below any trigram, so a LIKE over the distinct names (thousands, not
 * millions of lines) finds them.
 */
export function itemNamesContaining(text: string, column: 'id' | 'name'): SQL {
  const col = sql.raw(column)
  if ([...text].length >= 3) return sql`SELECT ${col} FROM item_names WHERE id IN (SELECT rowid FROM item_names_fts WHERE item_names_fts MATCH ${phrase(text)})`
  return sql`SELECT ${col} FROM item_names WHERE ${likeContains(sql.raw('name'), text)}`
}

/** the filter has a condition invoice_items does not hold (a buyer, an amount, 开票人…) */
export function beyondItems(f: InvoiceFilter): boolean {
  return (Object.keys(f) as (keyof InvoiceFilter)[]).some((k) => f[k] !== undefined && !BY_ITEMS.has(k))
}

/** a 销项 filter with a 项目名称 and otherwise dates, 票种, 红蓝字 and 状态 only */
export function answeredByItems(f: InvoiceFilter): boolean {
  return f.side === '销项' && !!f.item && !beyondItems(f)
}

/**
 * The filter's conditions invoice_items can hold: the 项目名称 (the names' `ids` when already
 * found), and dates, 票种, 红蓝字, 状态 if given.
 */
export function itemsWhere(f: InvoiceFilter, ids?: number[]): SQL {
  const names = ids ? sql`SELECT value FROM json_each(${JSON.stringify(ids)})` : itemNamesContaining(f.item!, 'id')
  const c: SQL[] = [sql`name_id IN (${names})`]
  if (f.from) c.push(sql`dated >= ${f.from}`)
  if (f.to) c.push(sql`dated < ${nextDay(f.to)}`)
  if (f.kind) c.push(sql`kind = ${f.kind}`)
  if (f.colour) c.push(sql`colour = ${f.colour}`)
  // the filter's codes: 红冲状态 once issued, queued (待开具/开具中), failed
  if (f.status) c.push(sql`status = ${f.status}`)
  return sql.join(c, sql` AND `)
}

/** the bits other_mask gives names (migration 0007): id % 52, so a mask stays an exact JS number */
const MASK_BITS = 52

/** the bits of these names, as other_mask carries them */
function namesMask(ids: number[]): number {
  return [...new Set(ids.map((id) => id % MASK_BITS))].reduce((m, bit) => m + 2 ** bit, 0)
}

function bitCount(mask: number): number {
  return [...mask.toString(2)].filter((b) => b === '1').length
}

const SUMS = sql.raw('count(*) AS n, sum(amount_fen) AS amount, sum(tax_fen) AS tax, sum(total_fen) AS total')

/**
 * The count and totals over the matching names' `ids` (found once: the mask and the rows must
 * agree on them). An invoice carrying two matching names has a row for each (with the same
 * amounts) and must count once. A row whose other_mask shares no bit with the names' mask is its
 * invoice's only matching row; the others ("shared") may not be, and are grouped by invoice.
 * Without dates: the names' totals (item_name_totals), less the shared rows as they are, plus
 * them grouped — one read of the rows. With dates: the lone rows summed, plus the shared grouped;
 * when the names set most bits nearly every row is shared, and all are grouped.
 */
export function itemsTotalsQuery(f: InvoiceFilter, ids: number[]): SQL {
  const where = itemsWhere(f, ids)
  const mask = sql.raw(String(namesMask(ids)))
  if (!f.from && !f.to) {
    const shared = sql`SELECT count(*) AS c, amount_fen, tax_fen, total_fen FROM invoice_items WHERE ${where} AND (other_mask & ${mask}) <> 0 GROUP BY invoice_id`
    return sql`SELECT t.n - s.rawN + s.n AS n, t.amount - s.rawAmount + s.amount AS amount, t.tax - s.rawTax + s.tax AS tax, t.total - s.rawTotal + s.total AS total
      FROM (SELECT coalesce(sum(n), 0) AS n, coalesce(sum(amount_fen), 0) AS amount, coalesce(sum(tax_fen), 0) AS tax, coalesce(sum(total_fen), 0) AS total
            FROM item_name_totals WHERE ${where}) t,
           (SELECT coalesce(sum(c), 0) AS rawN, coalesce(sum(c * amount_fen), 0) AS rawAmount, coalesce(sum(c * tax_fen), 0) AS rawTax, coalesce(sum(c * total_fen), 0) AS rawTotal,
              count(*) AS n, coalesce(sum(amount_fen), 0) AS amount, coalesce(sum(tax_fen), 0) AS tax, coalesce(sum(total_fen), 0) AS total
            FROM (${shared})) s`
  }
  const grouped = (cond: SQL) => sql`SELECT ${SUMS} FROM (SELECT amount_fen, tax_fen, total_fen FROM invoice_items WHERE ${where}${cond} GROUP BY invoice_id)`
  const parts =
    bitCount(namesMask(ids)) > MASK_BITS / 2
      ? grouped(sql``)
      : sql`SELECT ${SUMS} FROM invoice_items WHERE ${where} AND (other_mask & ${mask}) = 0
        UNION ALL ${grouped(sql` AND (other_mask & ${mask}) <> 0`)}`
  return sql`SELECT coalesce(sum(n), 0) AS n, coalesce(sum(amount), 0) AS amount, coalesce(sum(tax), 0) AS tax, coalesce(sum(total), 0) AS total FROM (${parts})`
}

/** the sorts invoice_items holds the key of (开票日期, 价税合计); the others need the invoices */
const ITEM_SORT_KEYS: Partial<Record<QuerySort, string>> = { issuedAt: 'dated', total: 'total_fen' }

export function sortableByItems(sort: QuerySort): boolean {
  return sort in ITEM_SORT_KEYS
}

/**
 * The ids of one page, in the page's order (ties by id, as sortOf breaks them). Sorted by date,
 * SQLite walks each name's rows in date order and stops once the page is certain.
 */
export function itemsPageIds(f: InvoiceFilter, order: { sort: QuerySort; order: 'asc' | 'desc' }, limit: number, offset: number): SQL {
  const key = sql.raw(ITEM_SORT_KEYS[order.sort]!)
  const dir = sql.raw(order.order === 'asc' ? 'ASC' : 'DESC')
  return sql`SELECT DISTINCT invoice_id AS id, ${key} FROM invoice_items WHERE ${itemsWhere(f)}
    ORDER BY ${key} ${dir}, invoice_id ${dir} LIMIT ${limit} OFFSET ${offset}`
}
