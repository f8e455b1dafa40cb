// The red-invoice rules that are policy rather than arithmetic (DOMAIN.md §4), each in one place so a
// change of guidance is a change of one constant.
import type { UseStatus } from '../../platform/booking'

/**
 * Whether the 无需确认 direct path (status 01: the seller reverses an invoice the buyer has not
 * booked) may reverse part of the blue invoice. The 2024 rule allows it; older guidance allowed only
 * a full reversal — set this to false to go back to that.
 */
export const DIRECT_PATH_ALLOWS_PARTIAL = true

/** how long the other party has to confirm a 确认单 before it lapses (07) */
export const RED_CONFIRM_HOURS = 72
export const RED_CONFIRM_MS = RED_CONFIRM_HOURS * 3600 * 1000

/** 备注 of a red invoice (DOMAIN.md §1 field limits: 382 on red, against 450 on blue) */
export const RED_REMARK_MAX = 382

export const NOTHING_LEFT = '该蓝字发票已全额红冲，没有可红冲的金额'

/**
 * (assumed) A 差额开票 blue invoice is reversed whole or not at all: its 税额 is on 含税销售额 − 扣除额,
 * and a part of a sale says nothing of which part of the 扣除额 it carries. The red invoice keeps
 * 差额开票 with the 扣除额 negated, so its 税额 follows the same rule as the blue one.
 */
export const DIFFERENCE_WHOLE_ONLY = '差额征税（差额开票）的发票只能全额红冲'

/** 入账 states that mean the buyer has booked the invoice (DOMAIN.md §5: 02–05; 01 未入账, 06 入账撤销) */
const BOOKED_STATUSES: readonly string[] = ['02', '03', '04', '05']
export const isBooked = (booking: string): boolean => BOOKED_STATUSES.includes(booking)

/** the buyer's two acts on a blue invoice that decide the red path (DOMAIN.md §4) */
export interface BuyerActs {
  /** 入账 state 01–06 */
  booking: string
  /** 用途确认: 'unconfirmed', 'deduct' or 'no-deduct' */
  use: UseStatus
}

/** the buyer has booked (入账 02–05) or confirmed use (用途确认): a reversal needs a 确认单 both agree on */
export const buyerHasActed = (acts: BuyerActs): boolean => isBooked(acts.booking) || acts.use !== 'unconfirmed'

/**
 * Who may start a 确认单 (数电公告, 红字数电发票开具): while the buyer has neither booked (入账) nor
 * confirmed use of (用途确认) the blue invoice, only the seller — and it needs nobody's confirmation
 * (the direct path, 01). Once the buyer has done either, both sides may.
 */
export function starterProblem(as: 'seller' | 'buyer', acts: BuyerActs): string | null {
  if (as === 'buyer' && !buyerHasActed(acts))
    return '购买方尚未对该发票入账或用途确认，只能由销售方发起红冲（无需购买方确认，直接开具红字发票）；如需由购买方发起，请先对该发票入账或用途确认'
  return null
}
