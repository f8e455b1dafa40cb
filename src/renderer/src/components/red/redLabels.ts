// How a 红字确认单 reads on screen (DOMAIN.md §4): reasons with the rule each allows, statuses and
// their tag colours, who entered it, the 72-hour countdown and the history's words. One place, so
import type { RedStatus } from '../../../../shared/platform/wire'
// the lists, 查看 and the specs agree.
import type { RedForm } from '../../../../shared/api/red'
import { RED_REASONS, RED_STATUSES, type RedHistoryEntry, type RedParty, type RedReason, type RedStatusCode } from '../../../../shared/platform/red'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** the one-line rule shown beside each reason in step ① */
export const REASON_RULES: Record<RedReason, string> = {
  '01': '全额红冲：冲销蓝字发票剩余的全部内容，不可修改；已部分红冲的发票不能再选',
  '02': '按退回数量红冲：只改数量，金额 = 数量 × 原单价，单价不变',
  '03': '按中止部分红冲：可改数量和金额，单价不变',
  '04': '按折让金额红冲：只改金额（税额随之计算），不涉及数量和单价',
}

export function reasonLabel(code: RedReason): string {
  return RED_REASONS.find((r) => r.code === code)?.label ?? code
}

/** '02 销货退回', as the platform lists it */
export function reasonText(code: RedReason): string {
  return `${code} ${reasonLabel(code)}`
}

export function statusLabel(code: RedStatusCode | null): string {
  if (code === null) return '待上传'
  return RED_STATUSES.find((s) => s.code === code)?.label ?? code
}

/** waiting (02/03) amber, settled with a red invoice green, void grey; not on the platform yet blue */
export function statusTag(code: RedStatusCode | null): TagType {
  if (code === null) return 'primary'
  if (code === '02' || code === '03') return 'warning'
  if (code === '01' || code === '04') return 'success'
  return 'info'
}

export function partyLabel(p: RedParty): string {
  return p === 'seller' ? '销售方' : '购买方'
}

/** 录入方 as the bookkeeper thinks of it: 本方（销售方） / 对方（购买方） */
export function initiatorText(f: Pick<RedForm, 'initiator' | 'role'>): string {
  return `${f.initiator === f.role ? '本方' : '对方'}（${partyLabel(f.initiator)}）`
}

export function redStatusTag(s: RedStatus): TagType {
  return s === 'normal' ? 'success' : s === 'partly-reversed' ? 'warning' : 'danger'
}

const HOUR = 3_600_000
const MINUTE = 60_000

/**
 * What is left of the 72 hours: '剩余 71 小时' (whole hours, rounded down, as the platform counts),
 * '剩余 35 分钟' in the last hour, '已超时' once past — the platform voids it (07) on its own clock,
 * and the form says so after the next sync.
 */
export function remainingText(deadline: string, now: number): string {
  const left = Date.parse(deadline) - now
  if (left <= 0) return '已超时，等待平台作废'
  if (left >= HOUR) return `剩余 ${Math.floor(left / HOUR)} 小时`
  return `剩余 ${Math.max(1, Math.floor(left / MINUTE))} 分钟`
}

/** less than 12 hours left: shown in red */
export function deadlineNear(deadline: string, now: number): boolean {
  return Date.parse(deadline) - now < 12 * HOUR
}

export const HISTORY_ACTIONS: Record<RedHistoryEntry['action'], string> = {
  create: '录入并提交',
  agree: '同意',
  refuse: '拒绝',
  withdraw: '撤销',
  expire: '超过 72 小时未确认，自动作废',
  issue: '开具红字发票',
}

/** what the bookkeeper asked that has not reached the platform yet */
export const PENDING_ACTIONS: Record<NonNullable<RedForm['pendingAction']>, string> = {
  create: '提交待上传',
  decide: '处理意见待上传',
  withdraw: '撤销待上传',
  issue: '开票待上传',
}
