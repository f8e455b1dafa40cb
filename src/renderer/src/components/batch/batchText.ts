// How a batch's figures read on screen (批量开具): what is still waiting, how far it has got, and
// its 合计金额 against the cached 可用额度 — one place, so the list, the review and the tests agree.
import type { BatchSummary } from '../../../../shared/api/batch'
import { Dec, formatMoney } from '../../../../shared/domain/invoice'
import { groupedMoney } from '../../../../shared/moneyText'
import { formatMinute } from '../../../../shared/timeText'

type Counts = BatchSummary['counts']

/** 待开具: every invoice not yet answered by the platform (a draft under review, queued, on its way) */
export const waiting = (c: Counts): number => c.draft + c.queued + c.issuing

/** the platform has answered every invoice: nothing more will change by itself */
export const settled = (b: Pick<BatchSummary, 'state' | 'counts'>): boolean => b.state !== 'queued' || b.counts.queued + b.counts.issuing === 0

/** ¥1,234.50 */
export const yuan = (amount: string): string => `¥${groupedMoney(amount)}`

/**
 * The batch's 合计金额 against the 可用额度 as last read (授信额度 consumes 金额, not 价税合计):
 * `warn` when the core says it is not enough, with the shortfall when the reading shows it.
 */
export function quotaText(b: Pick<BatchSummary, 'quota' | 'totals'>): { text: string; warn: boolean } {
  if (!b.quota) return { text: '尚未读取授信额度（同步后显示）；开具时由平台核对额度', warn: false }
  const { reading, enough } = b.quota
  const left = `可用额度 ${yuan(formatMoney(Dec.max(b.quota.left, 0)))}（${formatMinute(reading.readAt)} 读取，已扣除排队中的发票）`
  if (enough) return { text: `${left}，足够开具本批发票`, warn: false }
  const short = new Dec(b.totals.amount).minus(Dec.max(b.quota.left, 0))
  return { text: `${left}，不足以开具本批合计金额 ${yuan(b.totals.amount)}，还差 ${yuan(formatMoney(short))}。超出额度的发票将被平台拒绝开具`, warn: true }
}
