// Step ② of 新增红字确认信息: the blue lines prefilled with what remains reversible, edited only as
// the reason allows (DOMAIN.md §4), with the figures that follow an edit and the live totals. The
// screen keeps magnitudes (what is typed after the fixed "−"); the form sent to the core carries
// them negated, as red lines are. The core checks again with the platform's rules: this is for the
// bookkeeper's eyes while typing.
import type { RedCandidate, ReversibleLine } from '../../../../shared/api/red'
import { amountInWords, Dec, fenOf, formatFitted, formatMoney, lineAmount, moneyFromFen, parseDecimal, parseMoney, taxOf } from '../../../../shared/domain/invoice'
import type { RedLineInput, RedReason } from '../../../../shared/platform/red'

export interface RedDraftLine {
  blueLine: number
  name: string
  spec: string
  unit: string
  taxRate: string
  unitPrice: string | null
  /** what remains of the blue line (positive) */
  left: { quantity: string | null; amount: string; tax: string }
  /** the red line's 数量 / 金额 / 税额 without their sign; '' where the line has no 数量 (or 04) */
  quantity: string
  amount: string
  tax: string
}

/** which cells the reason lets the bookkeeper change, and whether a line may be left out */
export interface ReasonEdits {
  quantity: boolean
  amount: boolean
  /** partial reversal by leaving a line out: not for 01 (full only) */
  removable: boolean
  /** 04 reverses money only: the red line carries no 数量 */
  hasQuantity: boolean
}

export function editsOf(reason: RedReason): ReasonEdits {
  switch (reason) {
    case '01':
      return { quantity: false, amount: false, removable: false, hasQuantity: true }
    case '02':
      return { quantity: true, amount: false, removable: true, hasQuantity: true }
    case '03':
      return { quantity: true, amount: true, removable: true, hasQuantity: true }
    case '04':
      return { quantity: false, amount: true, removable: true, hasQuantity: false }
  }
}

/** the remaining lines, each reversed in full (what the reason starts from); spent lines left out */
export function draftLines(candidate: RedCandidate, reason: RedReason): RedDraftLine[] {
  const withQuantity = editsOf(reason).hasQuantity
  return candidate.lines.filter((l) => !isZero(l.amount) || !isZero(l.tax)).map((l) => lineOf(l, withQuantity))
}

function lineOf(l: ReversibleLine, withQuantity: boolean): RedDraftLine {
  return {
    blueLine: l.blueLine,
    name: l.name,
    spec: l.spec,
    unit: l.unit,
    taxRate: l.taxRate,
    unitPrice: l.unitPrice,
    left: { quantity: l.quantity, amount: l.amount, tax: l.tax },
    quantity: withQuantity ? (l.quantity ?? '') : '',
    amount: l.amount,
    tax: l.tax,
  }
}

const rateOf = (l: RedDraftLine) => parseDecimal(l.taxRate) ?? new Dec(0)
const isZero = (v: string) => (parseDecimal(v) ?? new Dec(0)).isZero()
const same = (a: Dec, b: string | null) => b !== null && parseDecimal(b)?.equals(a) === true

/**
 * 税额 after 金额 changed, as the shared rules derive it (checkRedLines): the remaining 税额 exactly
 * when the whole remainder is reversed (no 分 lost to rounding), else 金额 × 税率, never more than remains.
 */
function followTax(l: RedDraftLine, amount: Dec): void {
  l.tax = same(amount, l.left.amount) ? l.left.tax : formatMoney(Dec.min(taxOf(amount, rateOf(l)), new Dec(l.left.tax)))
}

/** 数量 typed (02, 03): 金额 = 数量 × 原单价, 税额 follows */
export function setQuantity(l: RedDraftLine, text: string): void {
  l.quantity = text.trim()
  const q = parseDecimal(l.quantity)
  const price = parseDecimal(l.unitPrice)
  if (q === null || q.isNegative() || price === null) return
  const amount = same(q, l.left.quantity) ? new Dec(l.left.amount) : lineAmount(q, price)
  l.amount = formatMoney(amount)
  followTax(l, amount)
}

/** 金额 typed (03, 04): 税额 follows; under 03 数量 follows too, since 单价 may not change */
export function setAmount(l: RedDraftLine, text: string, reason: RedReason): void {
  l.amount = text.trim()
  const a = parseMoney(l.amount)
  if (a === null || a.isNegative()) return
  followTax(l, a)
  const price = parseDecimal(l.unitPrice)
  if (reason === '03' && l.left.quantity !== null && price !== null && !price.isZero())
    l.quantity = same(a, l.left.amount) ? l.left.quantity : formatFitted(a.dividedBy(price))
}

/** what is wrong with a line, per cell ('' when fine) */
export interface LineProblems {
  quantity: string
  amount: string
  tax: string
}

export function problemsOf(l: RedDraftLine, reason: RedReason): LineProblems {
  const out: LineProblems = { quantity: '', amount: '', tax: '' }
  if (editsOf(reason).hasQuantity && l.left.quantity !== null) {
    const q = parseDecimal(l.quantity)
    // 服务中止 may reverse an amount without a quantity; 销货退回 names how many came back
    if (l.quantity === '') out.quantity = reason === '03' ? '' : '请填写数量'
    else if (q === null) out.quantity = '数量应为数字'
    else if (!q.isPositive() || q.isZero()) out.quantity = '数量应大于 0'
    else if (q.greaterThan(l.left.quantity)) out.quantity = `不能超过可红冲数量 ${l.left.quantity}`
  }
  // 金额 follows a wrong 数量: the 数量 is what to fix, one message is enough
  if (out.quantity) return out
  const a = parseMoney(l.amount)
  if (l.amount === '') out.amount = '请填写金额'
  else if (a === null) out.amount = '金额应为数字，最多 2 位小数'
  else if (!a.isPositive() || a.isZero()) out.amount = '金额应大于 0'
  else if (a.greaterThan(l.left.amount)) out.amount = `不能超过可红冲金额 ${l.left.amount}`
  const t = parseMoney(l.tax)
  if (t !== null && t.greaterThan(l.left.tax)) out.tax = `不能超过可红冲税额 ${l.left.tax}`
  return out
}

export function hasProblems(lines: RedDraftLine[], reason: RedReason): boolean {
  return lines.some((l) => Object.values(problemsOf(l, reason)).some((m) => m !== ''))
}

/** the red totals (negative) and 价税合计（大写）, as the form will carry them; lines not yet valid count as 0 */
export function redTotals(lines: RedDraftLine[]): { amount: string; tax: string; total: string; words: string } {
  let amount = 0
  let tax = 0
  for (const l of lines) {
    amount += moneyFen(l.amount)
    tax += moneyFen(l.tax)
  }
  const total = moneyFromFen(-(amount + tax))
  return { amount: moneyFromFen(-amount), tax: moneyFromFen(-tax), total, words: amountInWords(total) }
}

function moneyFen(text: string): number {
  const d = parseMoney(text)
  return d === null ? 0 : fenOf(d)
}

/**
 * red.create's lines: negated, as red lines are; absent under 01 (the core reverses everything
 * that remains, which is what 01 allows).
 */
export function linesInput(lines: RedDraftLine[], reason: RedReason): RedLineInput[] | undefined {
  if (reason === '01') return undefined
  const withQuantity = editsOf(reason).hasQuantity
  return lines.map((l) => ({
    blueLine: l.blueLine,
    quantity: withQuantity && l.left.quantity !== null && l.quantity !== '' ? negate(l.quantity, (d) => d.toFixed()) : null,
    amount: negate(l.amount, formatMoney),
    tax: negate(l.tax, formatMoney),
  }))
}

/** −magnitude as text; what does not parse goes as typed, for the core to name the cell */
function negate(magnitude: string, format: (d: Dec) => string): string {
  const d = parseDecimal(magnitude)
  return d === null ? magnitude : format(d.negated())
}
