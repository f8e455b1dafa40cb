// 确认单编号 (DOMAIN.md §4): 20 characters like the real ones — the entering party's county code
// (its region padded to 6 digits), the Shanghai date YYMMDD, then an 8-digit sequence per prefix.
// Runs inside the creating transaction, so a refused creation gives its number back.
import { shanghaiDate } from '../clock'
import { stmt } from '../store/statements'
import type { Ctx } from './context'

export function nextConfirmationNumber(ctx: Ctx, region: string, now: Date): string {
  const prefix = `${region.padEnd(6, '0').slice(0, 6)}${shanghaiDate(now).slice(2)}`
  const { last } = stmt(
    ctx.db,
    `INSERT INTO red_confirmation_sequences (prefix, last) VALUES (?, 1)
     ON CONFLICT (prefix) DO UPDATE SET last = last + 1 RETURNING last`,
  ).get(prefix) as { last: number }
  return `${prefix}${String(last).padStart(8, '0')}`
}
