// computeDraft: the one function the issuing screen, the core and the platform sandbox call to turn
// what the user typed into the invoice's stored form: tax-exclusive 金额, 税额, the derived one of
// 数量/单价/金额, the discount's tax, and the totals.
import { deriveFactor, differenceSplit, differenceTaxOfExclusive, discountTaxOf, lineAmount, splitInclusive, taxOf } from './lineMath'
import { type Dec, formatMoney, isBlank, parseDecimal, parseMoney } from './money'
import { invoiceRows } from './rows'
import { totalsOf } from './totals'
import type { ComputedDraft, DifferenceMode, DraftLine, InvoiceDraft } from './types'

const trimmed = (text: string | null | undefined): string | null => (isBlank(text) ? null : text.trim())

/** Typed but unreadable: left as typed so validation names the field. */
const unreadable = (text: string | null | undefined, parsed: Dec | null): boolean => !isBlank(text) && parsed === null

/** Given text kept as typed when unreadable, formatted when it is an amount, else computed. */
function amountOr(text: string | null | undefined, compute: () => Dec | null): string | null {
  if (isBlank(text)) {
    const d = compute()
    return d === null ? null : formatMoney(d)
  }
  const given = parseMoney(text)
  return given === null ? text.trim() : formatMoney(given)
}

/**
 * One line, computed. Blank fields are derived and given ones kept, so a computed line computes to
 * itself: a stored draft can be reopened and recomputed without drift. With 含税 entry the typed
 * amounts are split into 金额 + 税额 (a typed 税额 is then ignored: the split decides it).
 * A line whose 税率 (or, for 差额开票, 扣除额) cannot be read keeps its typed 金额 and gets no 税额.
 */
function computeLine(line: DraftLine, inclusive: boolean, difference: DifferenceMode | null): DraftLine {
  const q = parseDecimal(line.quantity)
  const p = parseDecimal(line.unitPrice)
  const typed = parseMoney(line.amount)
  if (unreadable(line.quantity, q) || unreadable(line.unitPrice, p) || unreadable(line.amount, typed)) return line

  const rate = parseDecimal(line.taxRate)
  const deduction = parseMoney(line.deduction)
  const discount = parseMoney(line.discount)
  const out: DraftLine = {
    ...line,
    quantity: trimmed(line.quantity),
    unitPrice: trimmed(line.unitPrice),
    amount: null,
    tax: trimmed(line.tax),
    discount: discount === null ? trimmed(line.discount) : formatMoney(discount),
    discountTax: amountOr(line.discountTax, () => (discount && rate ? discountTaxOf(discount, rate) : null)),
    deduction: deduction === null ? trimmed(line.deduction) : formatMoney(deduction),
  }

  const entered = typed ?? (q && p ? lineAmount(q, p) : null)
  if (entered === null) return out
  if (q && !p) out.unitPrice = deriveFactor(entered, q)
  if (p && !q) out.quantity = deriveFactor(entered, p)
  out.amount = formatMoney(entered)
  if (rate === null) return out

  if (!inclusive) {
    out.tax = amountOr(line.tax, () => {
      if (difference !== '02') return taxOf(entered, rate)
      return deduction === null ? null : differenceTaxOfExclusive(entered, deduction, rate)
    })
    return out
  }
  let split
  if (difference !== '02') split = splitInclusive(entered, rate)
  else if (deduction !== null) split = differenceSplit(entered, deduction, rate)
  else return out
  out.amount = formatMoney(split.amount)
  out.tax = formatMoney(split.tax)
  // a 含税 line's 折扣 was typed on the same basis as its 金额: split it the same way, so the
  // 折扣行's 金额 + 税额 is exactly the discount typed (113.00 less 11.30 at 13% → 价税合计 101.70)
  if (discount !== null && rate !== null) {
    const discountSplit = splitInclusive(discount, rate)
    out.discount = formatMoney(discountSplit.amount)
    out.discountTax = formatMoney(discountSplit.tax)
  }
  // the stored 单价 is tax-exclusive, derived from the line so 数量 × 单价 matches 金额
  const quantity = parseDecimal(out.quantity)
  if (quantity) out.unitPrice = deriveFactor(split.amount, quantity)
  return out
}

/** 差额开票: the 税额 is on 含税销售额 − 扣除额 */
export const isDifferenceSale = (draft: Pick<InvoiceDraft, 'taxMode' | 'differenceMode'>): boolean => draft.taxMode === '差额征税' && draft.differenceMode === '02'

/**
 * The draft with every computable line filled (tax-exclusive, priceIncludesTax false) and its
 * totals. Pass the result to validateDraft; keep editing the input draft, not this result.
 */
export function computeDraft(draft: InvoiceDraft): ComputedDraft {
  const difference = draft.taxMode === '差额征税' ? (draft.differenceMode ?? null) : null
  const lines = draft.lines.map((l) => computeLine(l, draft.priceIncludesTax, difference))
  const computed = { ...draft, priceIncludesTax: false as const, lines }
  return { ...computed, totals: totalsOf(invoiceRows(computed)) }
}
