// The arithmetic of one invoice line (DOMAIN.md §2), in exact decimals. Each rule is one small
// function so the issuing screen, the core and the platform sandbox compute the same 分.
import { Dec, formatFitted, roundFen } from './money'

/** 金额 = round(数量 × 单价, 2). */
export function lineAmount(quantity: Dec, unitPrice: Dec): Dec {
  return roundFen(quantity.times(unitPrice))
}

/** 单价 = 金额 / 数量, or 数量 = 金额 / 单价: the third of the three from the other two, as text. */
export function deriveFactor(amount: Dec, other: Dec): string | null {
  return other.isZero() ? null : formatFitted(amount.dividedBy(other))
}

/** 税额 = round(金额 × 税率, 2). */
export function taxOf(amount: Dec, rate: Dec): Dec {
  return roundFen(amount.times(rate))
}

/**
 * 含税 entry: 金额(不含税) = round(含税金额 / (1 + 税率), 2) and 税额 = 含税金额 − 金额(不含税),
 * so 金额 + 税额 is exactly what the user typed.
 */
export function splitInclusive(inclusive: Dec, rate: Dec): { amount: Dec; tax: Dec } {
  const amount = roundFen(inclusive.dividedBy(rate.plus(1)))
  return { amount, tax: inclusive.minus(amount) }
}

/** A 折扣行's 税额 as a positive amount: round(折扣额 × 税率, 2); the row carries it negated. */
export function discountTaxOf(discount: Dec, rate: Dec): Dec {
  return taxOf(discount, rate)
}

/**
 * 差额征税 · 差额开票 — (assumed) rule, no official text confirmed it; change it here only:
 *   税额 = round((含税销售额 − 扣除额) × 税率 / (1 + 税率), 2), 金额 = 含税销售额 − 税额.
 * (assumed) 全额开票 taxes the whole 含税销售额 like any 含税 line (splitInclusive); its 扣除额 is
 * only recorded.
 * `exact` is the unrounded tax, for the tolerance check of a line that arrives already computed.
 */
export function differenceSplit(sales: Dec, deduction: Dec, rate: Dec): { amount: Dec; tax: Dec; exact: Dec } {
  const exact = sales.minus(deduction).times(rate).dividedBy(rate.plus(1))
  const tax = roundFen(exact)
  return { amount: sales.minus(tax), tax, exact }
}

/**
 * The same 差额开票 rule when 金额 is typed tax-exclusive: with 含税销售额 = 金额 + 税额 it solves to
 * 税额 = round((金额 − 扣除额) × 税率, 2).
 */
export function differenceTaxOfExclusive(amount: Dec, deduction: Dec, rate: Dec): Dec {
  return roundFen(amount.minus(deduction).times(rate))
}
