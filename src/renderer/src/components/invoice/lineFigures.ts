// What a line's cells show beside what the user typed. computeDraft stores tax-exclusive figures,
// but with 含税 entry the cells hold tax-inclusive ones: a blank 数量/单价/金额 shows the value
// derived from the other two as typed (the same rule computeDraft applies before it splits off the
// tax), and 税额 comes from the computed line.
import { deriveFactor, formatMoney, isBlank, lineAmount, parseDecimal, parseMoney, type DraftLine } from '../../../../shared/domain/invoice'
import type { TaxCode } from '../../../../shared/api/taxcodes'
import { policyForRate } from '../../../../shared/domain/rateRules'
import { parseRate, rateLabelOf, RATE_CHOICES, type RateLabel } from '../../../../shared/domain/rates'
import type { TaxpayerType } from '../../../../shared/domain/taxpayerType'

export interface LineFigures {
  quantity: string
  unitPrice: string
  amount: string
}

export function enteredFigures(line: DraftLine): LineFigures {
  const q = parseDecimal(line.quantity)
  const p = parseDecimal(line.unitPrice)
  const typed = parseMoney(line.amount)
  const entered = typed ?? (q && p ? lineAmount(q, p) : null)
  const out: LineFigures = { quantity: '', unitPrice: '', amount: '' }
  if (entered === null) return out
  if (!q && p) out.quantity = deriveFactor(entered, p) ?? ''
  if (q && !p) out.unitPrice = deriveFactor(entered, q) ?? ''
  if (!typed) out.amount = formatMoney(entered)
  return out
}

/**
 * The screen has no 税额 cell: a 税额 the line carries (the computed content kept when an invoice
 * was queued and the platform then refused it; a draft from a file) holds only until a figure it
 * was derived from changes here. Then it is derived again — else the line would be stuck with it.
 */
export function forgetStoredTax(line: DraftLine, changed: 'figures' | 'discount' | 'rate'): void {
  // only a 税额 that is there: a typed line keeps the draft format's optional keys absent
  if (changed !== 'discount' && line.tax != null) line.tax = null
  if (changed !== 'figures' && line.discountTax != null) line.discountTax = null
}

/** The 税率 cell's text: the label ('6%', '免税'), or what was typed when it names no rate. */
export function rateText(line: Pick<DraftLine, 'taxRate' | 'policy'>): string {
  return rateLabelOf(line.taxRate, line.policy) ?? line.taxRate
}

/**
 * Sets the line's rate from a label, with the 优惠政策标识 that goes with it for this seller
 * (policyForRate: 免税 03, 不征税 04, 1.5% 10, a 一般纳税人's 3%/5% 简易征收 01; a policy that still
 * agrees, such as 即征即退, is kept).
 */
export function applyRate(line: DraftLine, label: RateLabel, type: TaxpayerType): void {
  const choice = RATE_CHOICES.find((r) => r.label === label)!
  if (line.taxRate !== choice.rate) forgetStoredTax(line, 'rate')
  line.taxRate = choice.rate
  line.policy = policyForRate(label, type, line.policy)
}

/** The 税率 cell committed: a rate people write ('6', '6%', '0.06', '免税'), else kept as typed for validation to name. */
export function commitRateText(line: DraftLine, text: string, type: TaxpayerType): void {
  const label = parseRate(text)
  if (label) applyRate(line, label, type)
  else {
    forgetStoredTax(line, 'rate')
    line.taxRate = isBlank(text) ? '' : text.trim()
  }
}

/** A tax code's rates as labels ('6%', '免税'); the first one that is a known label is the default. */
export function defaultRate(rates: readonly string[]): RateLabel | null {
  for (const r of rates) {
    const label = parseRate(r)
    if (label) return label
  }
  return null
}

/** a code put on a line, as the matcher or the table gives it */
export type ChosenCode = Pick<TaxCode, 'code' | 'name' | 'shortName' | 'rates' | 'specialManagement'>
