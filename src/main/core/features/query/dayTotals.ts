// The count and totals of a filter of dates, 票种, 红蓝字, 状态 and 入账状态 only — the screen's
// default 本月 among them — from invoice_day_totals, which triggers keep (migration 0005): a few
// hundred rows read instead of up to a million invoices summed. Any other condition (a name, a
// 项目名称, an amount…) needs the invoices themselves.
import { sql, type SQL } from 'drizzle-orm'
import type { InvoiceFilter } from '../../../../shared/api/invoiceQuery'

const BY_DAY: ReadonlySet<keyof InvoiceFilter> = new Set(['side', 'from', 'to', 'kind', 'colour', 'status', 'booking'])

export function answeredByDay(filter: InvoiceFilter): boolean {
  return (Object.keys(filter) as (keyof InvoiceFilter)[]).every((k) => filter[k] === undefined || BY_DAY.has(k))
}

export function dayTotalsQuery(f: InvoiceFilter): SQL {
  const c: SQL[] = [sql`side = ${f.side === '销项' ? 'S' : 'P'}`]
  if (f.from) c.push(sql`day >= ${f.from}`)
  if (f.to) c.push(sql`day <= ${f.to}`)
  if (f.kind) c.push(sql`kind = ${f.kind}`)
  if (f.colour) c.push(sql`colour = ${f.colour}`)
  // the same codes as the filter's: 红冲状态 once issued, queued (待开具/开具中), failed
  if (f.status) c.push(sql`status = ${f.status}`)
  if (f.booking) c.push(sql`booking = ${f.booking}`)
  return sql`SELECT coalesce(sum(n), 0) AS n, coalesce(sum(amount_fen), 0) AS amount, coalesce(sum(tax_fen), 0) AS tax, coalesce(sum(total_fen), 0) AS total
    FROM invoice_day_totals WHERE ${sql.join(c, sql` AND `)}`
}
