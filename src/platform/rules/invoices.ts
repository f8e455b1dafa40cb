// Reading invoices: a taxpayer sees an invoice only as its seller or its buyer. Anyone else gets
// NOT_FOUND, the same answer as for a number that does not exist, so existence is not told.
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
    ? (stmt(ctx.db, 'SELECT document, red_status FROM invoices WHERE number = ? AND (seller_tax_id = ? OR buyer_tax_id = ?)').get(number, taxId, taxId) as
        | Row
        | undefined)
    : undefined
  if (!row) throw new PlatformError('NOT_FOUND', `没有找到发票 ${number}`)
  return invoiceOf(row)
}

export function listInvoices(ctx: Ctx, taxId: string, opts: ListOptions = {}): InvoicePage {
  const column = opts.role === 'buyer' ? 'buyer_tax_id' : 'seller_tax_id'
  const month = opts.month === undefined ? null : parseMonth(opts.month)
  if (opts.month !== undefined && month === null)
    throw new PlatformError('VALIDATION', `月份应为 YYYYMM，现为“${opts.month}”`, [{ path: 'month', message: '月份格式不正确' }])
  const where = `${column} = ? AND (? IS NULL OR month = ?)`
  const { n } = stmt(ctx.db, `SELECT count(*) AS n FROM invoices WHERE ${where}`).get(taxId, month, month) as { n: number }
  const size = opts.size ?? -1
  const offset = opts.size === undefined ? 0 : ((opts.page ?? 1) - 1) * opts.size
  const rows = stmt(ctx.db, `SELECT document, red_status FROM invoices WHERE ${where} ORDER BY issued_at, number LIMIT ? OFFSET ?`).all(
    taxId,
    month,
    month,
    size,
    offset,
  ) as Row[]
  return { total: n, rows: rows.map(invoiceOf) }
}
