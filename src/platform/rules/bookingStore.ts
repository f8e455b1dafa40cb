// The buyer's 入账 and 用途 of received invoices in `bookings` (one row per invoice, made by the first
// act; no row = 01 未入账, 用途 unconfirmed): read as the shared lifecycle rules want them, written
// one act at a time so a 用途确认 never touches the 入账 state and back.
import type { BuyerActs } from '../../shared/domain/red'
import type { BookingInvoice, UseInvoice } from '../../shared/domain/lifecycle/booking'
import type { BookingStatus, UseStatus } from '../../shared/platform/booking'
import type { RedStatus } from '../../shared/platform/wire'
import { stmt } from '../store/statements'
import type { Ctx } from './context'

interface ReceivedRow {
  colour: 'blue' | 'red'
  kind: string
  red_status: RedStatus
  month: string
  issued_at: string
  booking: BookingStatus
  period: string | null
  use_status: UseStatus
}

const RECEIVED = `SELECT i.colour, i.kind, i.red_status, i.month, i.issued_at, coalesce(b.status, '01') AS booking, b.period, coalesce(b.use_status, 'unconfirmed') AS use_status
  FROM invoices i LEFT JOIN bookings b ON b.invoice_number = i.number WHERE i.number = ? AND i.buyer_tax_id = ?`

/** the invoice `buyerTaxId` received under this number; undefined for anyone else (the seller included) */
function received(ctx: Ctx, buyerTaxId: string, number: string): ReceivedRow | undefined {
  return stmt(ctx.db, RECEIVED).get(number, buyerTaxId) as ReceivedRow | undefined
}

export function bookingInvoiceOf(ctx: Ctx, buyerTaxId: string, number: string): BookingInvoice | null {
  const r = received(ctx, buyerTaxId, number)
  // issued_at is ISO with +08:00: its first ten characters are the Shanghai 开票日期
  return r ? { colour: r.colour, redStatus: r.red_status, month: r.month, issueDate: r.issued_at.slice(0, 10), booking: r.booking, period: r.period } : null
}

export function useInvoiceOf(ctx: Ctx, buyerTaxId: string, number: string): UseInvoice | null {
  const r = received(ctx, buyerTaxId, number)
  return r ? { kind: r.kind, colour: r.colour, redStatus: r.red_status, use: r.use_status } : null
}

/** what decides the red path of a blue invoice, whoever asks */
export function buyerActsOf(ctx: Ctx, number: string): BuyerActs {
  const row = stmt(ctx.db, 'SELECT status, use_status FROM bookings WHERE invoice_number = ?').get(number) as { status: BookingStatus; use_status: UseStatus } | undefined
  return { booking: row?.status ?? '01', use: row?.use_status ?? 'unconfirmed' }
}

export function writeBooking(ctx: Ctx, buyerTaxId: string, number: string, status: BookingStatus, period: string | null, at: string): void {
  stmt(
    ctx.db,
    `INSERT INTO bookings (invoice_number, buyer_tax_id, status, period, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (invoice_number) DO UPDATE SET status = excluded.status, period = excluded.period, updated_at = excluded.updated_at`,
  ).run(number, buyerTaxId, status, period, at)
}

export function writeUse(ctx: Ctx, buyerTaxId: string, number: string, use: UseStatus, at: string): void {
  stmt(
    ctx.db,
    `INSERT INTO bookings (invoice_number, buyer_tax_id, status, period, updated_at, use_status) VALUES (?, ?, '01', NULL, ?, ?)
     ON CONFLICT (invoice_number) DO UPDATE SET use_status = excluded.use_status, updated_at = excluded.updated_at`,
  ).run(number, buyerTaxId, at, use)
}
