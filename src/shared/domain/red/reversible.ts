// What remains reversible on a blue invoice (DOMAIN.md §4): per blue line — a discounted line
// merged with its 折扣行, so its 金额/税额 are net of the discount — the blue figures less every
// earlier red line against it. The client prefills the 确认单 with this; the platform checks against it.
import { Dec, fenOfText, formatFitted, formatMoney, isBlank, isDifferenceSale, moneyFromFen, parseDecimal, parseMoney } from '../invoice'
import type { ComputedDraft, DraftLine } from '../invoice'
import type { RedLine } from '../../platform/red'
import { DIFFERENCE_WHOLE_ONLY } from './policy'

/** What is left to reverse on one blue line; quantity, amount and tax are positive. */
export interface ReversibleLine {
  /** 1-based, as the draft's lines (a 折扣行 is not a line of its own) */
  blueLine: number
  name: string
  taxCode: string
  spec: string
  unit: string
  taxRate: string
  /** the blue line's 单价 — for a discounted line the net one, 净金额 / 数量 (assumed) — or null */
  unitPrice: string | null
  /** null when the blue line has no 数量 */
  quantity: string | null
  amount: string
  tax: string
}

export interface Reversible {
  lines: ReversibleLine[]
  /** Σ of the lines: what remains of the whole invoice, positive */
  amount: string
  tax: string
  total: string
  /** some red line was issued against it already */
  reversedAny: boolean
  /** why only a whole reversal is possible (a 差额开票 invoice), else null */
  wholeOnly: string | null
}

const ZERO = new Dec(0)
const money = (text: string | null | undefined): Dec => parseMoney(text) ?? ZERO

/** The blue line as one reversible line, before any reversal: 金额/税额 net of its discount. */
function wholeLine(line: DraftLine, i: number): ReversibleLine {
  const amount = money(line.amount).minus(money(line.discount))
  const tax = money(line.tax).minus(money(line.discountTax))
  const quantity = parseDecimal(line.quantity)
  const discounted = !isBlank(line.discount)
  const unitPrice = quantity === null || isBlank(line.unitPrice) ? null : discounted ? formatFitted(amount.dividedBy(quantity)) : line.unitPrice.trim()
  return {
    blueLine: i + 1,
    name: line.name,
    taxCode: line.taxCode,
    spec: line.spec,
    unit: line.unit,
    taxRate: line.taxRate,
    unitPrice,
    quantity: quantity === null || unitPrice === null ? null : quantity.toFixed(),
    amount: formatMoney(amount),
    tax: formatMoney(tax),
  }
}

interface Used {
  quantity: Dec
  amount: Dec
  tax: Dec
}

/** Σ|red| per blue line over every earlier red invoice. */
function usedByLine(earlierReds: readonly (readonly RedLine[])[]): Map<number, Used> {
  const used = new Map<number, Used>()
  for (const lines of earlierReds)
    for (const l of lines) {
      const u = used.get(l.blueLine) ?? { quantity: ZERO, amount: ZERO, tax: ZERO }
      used.set(l.blueLine, {
        quantity: u.quantity.plus(parseDecimal(l.quantity)?.abs() ?? ZERO),
        amount: u.amount.plus(money(l.amount).abs()),
        tax: u.tax.plus(money(l.tax).abs()),
      })
    }
  return used
}

/** Never below zero: an over-reversal is refused before it is issued, so this only guards display. */
const left = (whole: Dec, used: Dec): Dec => Dec.max(whole.minus(used), ZERO)

export function reversible(blue: ComputedDraft, earlierReds: readonly (readonly RedLine[])[]): Reversible {
  const used = usedByLine(earlierReds)
  let amountFen = 0
  let taxFen = 0
  const lines = blue.lines.map((line, i) => {
    const whole = wholeLine(line, i)
    const u = used.get(i + 1)
    const r: ReversibleLine = u
      ? {
          ...whole,
          quantity: whole.quantity === null ? null : left(new Dec(whole.quantity), u.quantity).toFixed(),
          amount: formatMoney(left(new Dec(whole.amount), u.amount)),
          tax: formatMoney(left(new Dec(whole.tax), u.tax)),
        }
      : whole
    amountFen += fenOfText(r.amount) ?? 0
    taxFen += fenOfText(r.tax) ?? 0
    return r
  })
  return {
    lines,
    amount: moneyFromFen(amountFen),
    tax: moneyFromFen(taxFen),
    total: moneyFromFen(amountFen + taxFen),
    reversedAny: earlierReds.some((ls) => ls.length > 0),
    wholeOnly: isDifferenceSale(blue) ? DIFFERENCE_WHOLE_ONLY : null,
  }
}

/** nothing remains to reverse on the whole invoice */
export const nothingLeft = (r: Reversible): boolean => r.amount === '0.00' && r.tax === '0.00'
