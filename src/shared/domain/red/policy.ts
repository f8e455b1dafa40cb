// The red-invoice rules that are policy rather than arithmetic (DOMAIN.md §4), each in one place so a
// change of guidance is a change of one constant.

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
