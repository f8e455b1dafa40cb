// What the two parties hear of red-invoice changes (docs/platform-api.md, change feed): the whole
// 确认单 on every change, and an invoice's 红冲状态, 入账 state and 用途. Both go to the seller and to
// the buyer when it is a platform taxpayer.
import { RedConfirmation } from '../../shared/platform/red'
import type { BookingStatus, InvoiceStatusChange, UseStatus } from '../../shared/platform/booking'
import type { RedStatus } from '../../shared/platform/wire'
import { stmt } from '../store/statements'
import { appendChange } from './changes'
import type { Ctx } from './context'
import { findTaxpayer } from './taxpayers'

function toBoth(ctx: Ctx, sellerTaxId: string, buyerTaxId: string, append: (taxId: string) => void): void {
  append(sellerTaxId)
  if (buyerTaxId !== sellerTaxId && buyerTaxId !== '' && findTaxpayer(ctx, buyerTaxId)) append(buyerTaxId)
}

export function publishForm(ctx: Ctx, form: RedConfirmation, at: string): void {
  toBoth(ctx, form.seller.taxId, form.buyer.taxId, (taxId) => appendChange(ctx, taxId, 'red-confirmation.changed', at, form))
}

/** 'invoice.status' for an invoice whose 红冲状态, 入账 or 用途 just changed: its state now, whole */
export function publishInvoiceStatus(ctx: Ctx, number: string, at: string): void {
  const row = stmt(
    ctx.db,
    `SELECT i.seller_tax_id, i.buyer_tax_id, i.red_status, coalesce(b.status, '01') AS booking, b.period, coalesce(b.use_status, 'unconfirmed') AS use_status
       FROM invoices i LEFT JOIN bookings b ON b.invoice_number = i.number WHERE i.number = ?`,
  ).get(number) as { seller_tax_id: string; buyer_tax_id: string; red_status: RedStatus; booking: BookingStatus; period: string | null; use_status: UseStatus }
  const data: InvoiceStatusChange = { number, redStatus: row.red_status, booking: row.booking, bookingPeriod: row.period, use: row.use_status }
  toBoth(ctx, row.seller_tax_id, row.buyer_tax_id, (taxId) => appendChange(ctx, taxId, 'invoice.status', at, data))
}
