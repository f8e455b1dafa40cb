// The 授信额度 as last read from the platform (DOMAIN.md §3): the month's ceiling on 金额 (excluding
// VAT), what is used, what remains, and when it was read. The sync engine supplies it (the sync
// store's status.quota); until the first sync there is none.
import type { QuotaReading } from '../../../../shared/api/sync'
import { Dec, formatMoney } from '../../../../shared/domain/invoice'
import { monthOf, quotaLeft } from '../../../../shared/domain/quota'
import { formatMinute } from '../../../../shared/timeText'

export type { QuotaReading }

/**
 * The warning to give before queuing an invoice whose 金额 exceeds what remains of the quota (as
 * last read, minus what is queued locally), or null. Unknown quota (never synced, or read in an
 * earlier month): no warning — the panel says so and the platform decides.
 */
export function quotaWarning(reading: QuotaReading | null, queued: string, amount: string, month: string = monthOf(new Date())): string | null {
  const left = quotaLeft(reading, queued, month)
  if (!reading || !left || new Dec(amount).lte(left)) return null
  return `本张发票金额 ¥${formatMoney(new Dec(amount))} 超过剩余授信额度 ¥${formatMoney(Dec.max(left, 0))}（${formatMinute(reading.readAt)} 读取，已扣除排队中的发票），平台可能拒绝开具。`
}
