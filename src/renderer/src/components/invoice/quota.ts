// The 授信额度 as last read from the platform (DOMAIN.md §3): the month's ceiling on 金额 (excluding
// VAT), what is used, what remains, and when it was read. The sync engine (next issue) supplies it;
// until the first sync there is none.
import { Dec, formatMoney } from '../../../../shared/domain/invoice'
export interface QuotaReading {
  total: string
  used: string
  remaining: string
  /** ISO 8601 time the platform answered */
  readAt: string
}

/**
 * The warning to give before queuing an invoice whose 金额 exceeds what remains of the quota (as
 * last read, minus what is queued locally), or null. Unknown quota (never synced): no warning —
 * the panel says 未同步 and the platform decides.
 */
export function quotaWarning(reading: QuotaReading | null, queued: string, amount: string): string | null {
  if (!reading) return null
  const left = new Dec(reading.remaining).minus(queued)
  if (new Dec(amount).lte(left)) return null
  return `本张发票金额 ¥${formatMoney(new Dec(amount))} 超过剩余授信额度 ¥${formatMoney(Dec.max(left, 0))}（${reading.readAt.slice(0, 16).replace('T', ' ')} 读取，已扣除排队中的发票），平台可能拒绝开具。`
}
