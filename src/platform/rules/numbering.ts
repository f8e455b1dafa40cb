// 发票号码 assignment (DOMAIN.md §1): the next 15-digit sequence of the year and the seller's tax
// bureau, channel digit '2'. Runs inside the issuing transaction, so a rolled-back issuance gives
// its sequence back and numbers stay gap-free and unique.
import crypto from 'node:crypto'
import { bureauOfRegion, formatInvoiceNumber } from '../../shared/domain/invoiceNumber'
import { stmt } from '../store/statements'
import type { Ctx } from './context'

/** invoices issued on the platform itself (DOMAIN.md §1: 2 or 0 seen in practice) */
export const PLATFORM_CHANNEL = '2'

/**
 * (assumed) Each sandbox starts a year's sequence at a random point: two sandboxes (the app's
 * embedded one, a team's shared one) then never hand out the same number to one company that
 * moves between them. Within a platform the sequence is gap-free from there.
 */
const randomStart = () => crypto.randomInt(1, 1_000_000_000_000)

export function nextInvoiceNumber(ctx: Ctx, year: number, sellerRegion: string): string {
  const bureau = bureauOfRegion(sellerRegion)
  const { last } = stmt(
    ctx.db,
    `INSERT INTO invoice_sequences (year, bureau, last) VALUES (?, ?, ?)
     ON CONFLICT (year, bureau) DO UPDATE SET last = last + 1 RETURNING last`,
  ).get(year, bureau, randomStart()) as { last: number }
  return formatInvoiceNumber({ year, bureau, channel: PLATFORM_CHANNEL, sequence: last })
}
