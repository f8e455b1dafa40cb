// What follows an edit of one red line (DOMAIN.md §4), the one place of this arithmetic: checkRedLines
// derives an untyped 税额 with it, the 新增 screen fills the cells that follow what is typed.
//   税额 = round(金额 × 税率), never more than remains — closing a line takes exactly what remains
//   金额 = 数量 × 原单价 (单价 never changes) — the whole remaining 数量 takes exactly the remaining 金额
import { Dec, formatFitted, formatMoney, lineAmount, parseDecimal, parseMoney, taxOf } from '../invoice'
import type { RedLine, RedReason } from '../../platform/red'
import type { ReversibleLine } from './reversible'

/** 税额 (positive) for reversing |amount| of what remains of the line. */
export function followingTax(b: ReversibleLine, amount: Dec): Dec {
  const remaining = new Dec(b.tax)
  if (amount.abs().eq(new Dec(b.amount))) return remaining
  return Dec.min(taxOf(amount.abs(), parseDecimal(b.taxRate) ?? new Dec(0)), remaining)
}

/**
 * The red line as the rules make it from one typed figure, negative as red lines are: a 数量 gives
 * 金额 and 税额; a 金额 gives 税额 and, except under 04 (money only), 数量 at the unchanged 单价.
 * Null when the figure is not a negative number (money: at most 2 decimals) or the line has no 单价
 * to follow a 数量 with.
 */
export function followRedLine(reason: RedReason, b: ReversibleLine, typed: { quantity: string } | { amount: string }): RedLine | null {
  const price = parseDecimal(b.unitPrice)
  let quantity: Dec | null = null
  let amount: Dec
  if ('quantity' in typed) {
    const q = parseDecimal(typed.quantity)
    if (q === null || !q.lt(0) || price === null || b.quantity === null) return null
    quantity = q
    amount = q.abs().eq(new Dec(b.quantity)) ? new Dec(b.amount).negated() : lineAmount(q.abs(), price).negated()
  } else {
    const a = parseMoney(typed.amount)
    if (a === null || !a.lt(0)) return null
    amount = a
    if (reason !== '04' && b.quantity !== null && price !== null && !price.isZero())
      quantity = a.abs().eq(new Dec(b.amount)) ? new Dec(b.quantity).negated() : new Dec(formatFitted(a.abs().dividedBy(price))).negated()
  }
  return redLineOf(b, quantity, amount, followingTax(b, amount).negated())
}

/** A red line against the blue line: its name, code, 单位 and 税率; 单价 only with a 数量 (negative figures). */
export function redLineOf(b: ReversibleLine, quantity: Dec | null, amount: Dec, tax: Dec): RedLine {
  return {
    blueLine: b.blueLine,
    name: b.name,
    taxCode: b.taxCode,
    spec: b.spec,
    unit: b.unit,
    quantity: quantity === null ? null : quantity.toFixed(),
    unitPrice: quantity === null ? null : b.unitPrice,
    amount: formatMoney(amount),
    taxRate: b.taxRate,
    tax: formatMoney(tax),
  }
}
