// 授信额度 (DOMAIN.md §3): the month's ceiling on 金额 (excluding VAT) as last read from the
// platform. One rule for what is left of it, for the single issuing screen and for 批量开具 alike.
import { Dec } from './invoice'
import { toShanghaiIso } from './time'

/** YYYYMM of a moment, on the Shanghai calendar the platform counts months by */
export function monthOf(d: Date): string {
  return toShanghaiIso(d).slice(0, 7).replace('-', '')
}

/** a reading from an earlier month says nothing of this one: a new month starts fresh */
export function isCurrent(reading: { month: string }, month: string): boolean {
  return reading.month === month
}

/**
 * What is left for invoices not yet queued: the last reading's 剩余额度 minus the 金额 queued here
 * and not yet issued (待开具). Null when unknown — never read, or read in an earlier month — and
 * then the platform decides.
 */
export function quotaLeft(reading: { month: string; remaining: string } | null, queued: string, month: string): Dec | null {
  if (!reading || !isCurrent(reading, month)) return null
  return new Dec(reading.remaining).minus(queued)
}
