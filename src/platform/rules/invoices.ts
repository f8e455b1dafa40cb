// Reading invoices: a taxpayer sees an invoice only as its seller or its buyer. Anyone else gets
// NOT_FOUND, the same answer as for a number that does not exist, so existence is not told.
import { isCalendarDay, lastDayWithin, PLATFORM_QUERY_MONTHS } from '../../shared/api/calendarDay'
import { isWellFormedInvoiceNumber } from '../../shared/domain/invoiceNumber'
import type { InvoicePage, PlatformInvoice, RedStatus } from '../../shared/platform/wire'
import { parseMonth } from '../clock'
import { PlatformError } from '../errors'
import { stmt } from '../store/statements'
import type { Ctx } from './context'

export type InvoiceRole = 'seller' | 'buyer'

export interface ListOptions {
  role?: InvoiceRole
  /** YYYYMM */
  month?: string
  /** 开票日期 from–to, YYYY-MM-DD, both included: at most PLATFORM_QUERY_MONTHS apart */
  from?: string
  to?: string
  page?: number
  /** absent = every row (admin listing) */
  size?: number
}

export const LIST_MAX_SIZE = 200

interface Row {
  document: string
  red_status: string
}

/** the stored document, with the status columns that later changes update in place */
const invoiceOf = (r: Row): PlatformInvoice => ({ ...(JSON.parse(r.document) as PlatformInvoice), redStatus: r.red_status as RedStatus })

export function getInvoice(ctx: Ctx, taxId: string, number: string): PlatformInvoice {
  const row = isWellFormedInvoiceNumber(number)
    ? (stmt(ctx.db, 'SELECT document, red_status FROM invoices WHERE number = ? AND (seller_tax_id = ? OR buyer_tax_id = ?)').get(number, taxId, taxId) as Row | undefined)
    : undefined
  if (!row) throw new PlatformError('NOT_FOUND', `没有找到发票 ${number}`)
  return invoiceOf(row)
}

export function listInvoices(ctx: Ctx, taxId: string, opts: ListOptions = {}): InvoicePage {
  const column = opts.role === 'buyer' ? 'buyer_tax_id' : 'seller_tax_id'
  const month = opts.month === undefined ? null : parseMonth(opts.month)
  if (opts.month !== undefined && month === null) throw new PlatformError('VALIDATION', `月份应为 YYYYMM，现为“${opts.month}”`, [{ path: 'month', message: '月份格式不正确' }])
  const [from, to] = dayRange(opts)
  const where = `${column} = ? AND (? IS NULL OR month = ?) AND (? IS NULL OR substr(issued_at, 1, 10) BETWEEN ? AND ?)`
  const args = [taxId, month, month, from, from, to]
  const { n } = stmt(ctx.db, `SELECT count(*) AS n FROM invoices WHERE ${where}`).get(...args) as { n: number }
  const size = opts.size ?? -1
  const offset = opts.size === undefined ? 0 : ((opts.page ?? 1) - 1) * opts.size
  const rows = stmt(ctx.db, `SELECT document, red_status FROM invoices WHERE ${where} ORDER BY issued_at, number LIMIT ? OFFSET ?`).all(...args, size, offset) as Row[]
  return { total: n, rows: rows.map(invoiceOf) }
}

/**
 * A 开票日期 range, both days given, held to the platform's window for one query (DOMAIN.md §6):
 * a longer span is refused, saying how to ask instead.
 */
function dayRange(opts: ListOptions): [string, string] | [null, null] {
  if (opts.from === undefined && opts.to === undefined) return [null, null]
  const { from = '', to = '' } = opts
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isCalendarDay(value))
      throw new PlatformError('VALIDATION', `开票日期${field === 'from' ? '起' : '止'}应为 YYYY-MM-DD，现为“${value}”`, [{ path: field, message: '日期格式不正确' }])
  if (from > to) throw new PlatformError('VALIDATION', `开票日期止 ${to} 早于开票日期起 ${from}`, [{ path: 'to', message: '结束日期早于开始日期' }])
  const last = lastDayWithin(from, PLATFORM_QUERY_MONTHS)
  if (to > last)
    throw new PlatformError('VALIDATION', `一次查询的开票日期范围不能超过 ${PLATFORM_QUERY_MONTHS} 个月：从 ${from} 起最晚到 ${last}，请缩小范围或分段查询`, [
      { path: 'to', message: `开票日期范围超过 ${PLATFORM_QUERY_MONTHS} 个月` },
    ])
  return [from, to]
}
