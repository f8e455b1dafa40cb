// checkRedLines: the red lines of a 确认单 against what remains of the blue invoice (DOMAIN.md §4);
// before any reversal that is the whole blue invoice, which is all 01 and a whole reversal need. The client runs it to prefill and check the form before sending; the platform runs it again
// and never trusts the client. Each reason allows its own edits:
//   01 开票有误 — the whole blue invoice, exactly; impossible once anything was reversed
//   02 销货退回 — 数量 (and so 金额 = 数量 × 原单价); 单价 never
//   03 服务中止 — 金额, with or without 数量 (金额 = 数量 × 原单价 when 数量 is given); 单价 never
//   04 销售折让 — 金额 and 税额 only; no 数量 or 单价
// Every red line is negative, at most what remains of its blue line, with the blue line's 单位.
import { Dec, decimalPlaces, formatMoney, isBlank, parseDecimal, parseMoney, QUANTITY_MAX_CHARS, QUANTITY_MAX_DECIMALS, TOLERANCE } from '../invoice'
import type { RedLine, RedLineInput, RedReason } from '../../platform/red'
import { NOTHING_LEFT } from './policy'
import { followingTax, redLineOf } from './follow'
import { nothingLeft, type Reversible, type ReversibleLine } from './reversible'

export interface RedIssue {
  path: string
  message: string
}

export interface RedLinesCheck {
  /** the red lines as they will stand on the form, in blue-line order (empty when issues) */
  lines: RedLine[]
  issues: RedIssue[]
}

export interface RedCheckOptions {
  /**
   * a whole reversal only, whatever the reason: the 无需确认 direct path passes
   * `!DIRECT_PATH_ALLOWS_PARTIAL` (older guidance)
   */
  fullOnly?: boolean
}

const REASON_LABEL: Record<RedReason, string> = { '01': '开票有误', '02': '销货退回', '03': '服务中止', '04': '销售折让' }

/** The red line that reverses everything left of a blue line; no 数量 for 销售折让. */
function wholeRemaining(reason: RedReason, b: ReversibleLine): RedLine {
  const withQuantity = reason !== '04' && b.quantity !== null
  return redLineOf(b, withQuantity ? new Dec(b.quantity!).negated() : null, new Dec(b.amount).negated(), new Dec(b.tax).negated())
}

const isZero = (b: ReversibleLine): boolean => new Dec(b.amount).isZero() && new Dec(b.tax).isZero()

type Say = (field: string, message: string) => void

/** 数量 as typed for 02/03: negative, within the platform's 16 characters and 13 decimals. */
function quantityOf(text: string, say: Say): Dec | null {
  const q = parseDecimal(text)
  if (q === null || !q.lt(0)) {
    say('quantity', '数量应为负数')
    return null
  }
  if (decimalPlaces(text) > QUANTITY_MAX_DECIMALS || q.abs().toFixed().length > QUANTITY_MAX_CHARS) {
    say('quantity', `数量最多 ${QUANTITY_MAX_CHARS} 个字符、${QUANTITY_MAX_DECIMALS} 位小数`)
    return null
  }
  return q
}

/** 数量 and 单价 of one red line by the reason's rules; undefined when refused. */
function quantityFor(reason: RedReason, input: RedLineInput, b: ReversibleLine, amount: Dec, say: Say): { quantity: Dec | null } | undefined {
  const typed = isBlank(input.quantity) ? null : input.quantity.trim()
  if (reason === '04') {
    if (typed !== null) {
      say('quantity', '销售折让只能红冲金额和税额，不能填写数量')
      return undefined
    }
    return { quantity: null }
  }
  if (b.quantity === null || b.unitPrice === null) {
    if (typed !== null) {
      say('quantity', '蓝字发票该行没有数量和单价，红字行也不能填写数量')
      return undefined
    }
    return { quantity: null }
  }
  if (typed === null) {
    // 服务中止 may reverse an amount without a quantity; 销货退回 returns goods, so it names how many
    if (reason === '03') return { quantity: null }
    say('quantity', `${REASON_LABEL[reason]}须填写红冲数量`)
    return undefined
  }
  const q = quantityOf(typed, say)
  if (q === null) return undefined
  const remainingQ = new Dec(b.quantity)
  if (q.abs().gt(remainingQ)) {
    say('quantity', `红冲数量 ${q.abs().toFixed()} 超过可红冲数量 ${remainingQ.toFixed()}`)
    return undefined
  }
  // the unit price may not change: 金额 = 数量 × 原单价 — or, closing the line, exactly what remains
  const expected = q.times(new Dec(b.unitPrice))
  const closes = q.abs().eq(remainingQ) && amount.abs().eq(new Dec(b.amount))
  if (!closes && expected.minus(amount).abs().gt(TOLERANCE.lineAmount)) {
    say('amount', `单价不能变更：金额 ${formatMoney(amount)} 应等于数量 × 原单价 ${b.unitPrice}（${formatMoney(expected)}）`)
    return undefined
  }
  return { quantity: q }
}

/**
 * 税额: as given (checked against 金额 × 税率), else derived — closing a line takes exactly what
 * remains. A line reversed only whole (差额开票) is checked against what remains of its 税额.
 */
function taxFor(input: RedLineInput, b: ReversibleLine, amount: Dec, wholeOnly: boolean, say: Say): Dec | null {
  const rate = parseDecimal(b.taxRate) ?? new Dec(0)
  const remainingTax = new Dec(b.tax)
  if (isBlank(input.tax)) return followingTax(b, amount).negated()
  const tax = parseMoney(input.tax)
  if (tax === null || tax.gt(0)) {
    say('tax', '税额应为负数（或 0），最多 2 位小数')
    return null
  }
  const expected = wholeOnly ? followingTax(b, amount).negated() : amount.times(rate)
  if (expected.minus(tax).abs().gt(TOLERANCE.lineTax)) {
    say('tax', `税额 ${formatMoney(tax)} 与金额 × 税率（${formatMoney(expected)}）相差超过 ${TOLERANCE.lineTax.toFixed(2)}`)
    return null
  }
  if (tax.abs().gt(remainingTax)) {
    say('tax', `红冲税额 ${formatMoney(tax.abs())} 超过可红冲税额 ${b.tax}`)
    return null
  }
  return tax
}

/** One typed red line → the RedLine, or issues through `say`. */
function checkLine(reason: RedReason, input: RedLineInput, b: ReversibleLine, wholeOnly: boolean, say: Say): RedLine | null {
  if (isZero(b)) {
    say('blueLine', '该行已全部红冲，没有可红冲的金额')
    return null
  }
  const amount = parseMoney(input.amount)
  if (amount === null || !amount.lt(0)) {
    say('amount', '金额应为负数，最多 2 位小数')
    return null
  }
  if (amount.abs().gt(new Dec(b.amount))) {
    say('amount', `红冲金额 ${formatMoney(amount.abs())} 超过可红冲金额 ${b.amount}`)
    return null
  }
  const q = quantityFor(reason, input, b, amount, say)
  if (q === undefined) return null
  const tax = taxFor(input, b, amount, wholeOnly, say)
  if (tax === null) return null
  return redLineOf(b, q.quantity, amount, tax)
}

const sameLine = (a: RedLine, b: RedLine): boolean =>
  a.amount === b.amount && a.tax === b.tax && (a.quantity === null ? b.quantity === null : b.quantity !== null && new Dec(a.quantity).eq(new Dec(b.quantity)))

/**
 * A full reversal: one red line per blue line, each exactly the whole blue line (net of discount) —
 * which is what remains while nothing was reversed; after a reversal there is no whole one left.
 */
function fullIssues(remaining: Reversible, reason: RedReason, lines: RedLine[], why: string): RedIssue[] {
  if (remaining.reversedAny) return [{ path: 'reason', message: `${why}；该蓝字发票已部分红冲，不能再全额红冲` }]
  const byLine = new Map(lines.map((l) => [l.blueLine, l]))
  const issues: RedIssue[] = []
  for (const b of remaining.lines) {
    const red = byLine.get(b.blueLine)
    if (!red || !sameLine(red, wholeRemaining(reason, b))) issues.push({ path: `lines`, message: `${why}：蓝字发票第 ${b.blueLine} 行（${b.name}）须按原数量、金额、税额全部红冲` })
  }
  return issues
}

/**
 * The red lines of a 确认单, checked. `lines` absent: everything that remains (for 01, the whole
 * invoice). Issues name the typed line (`lines.2.amount`) and the blue line in Chinese.
 */
export function checkRedLines(reason: RedReason, remaining: Reversible, lines: readonly RedLineInput[] | undefined, opts: RedCheckOptions = {}): RedLinesCheck {
  if (nothingLeft(remaining)) return { lines: [], issues: [{ path: 'blueNumber', message: NOTHING_LEFT }] }
  if (reason === '01' && remaining.reversedAny) return { lines: [], issues: [{ path: 'reason', message: '开票有误只能全额红冲；该蓝字发票已部分红冲，不能再以“开票有误”红冲' }] }

  const issues: RedIssue[] = []
  let red: RedLine[]
  if (lines === undefined) {
    red = remaining.lines.filter((b) => !isZero(b)).map((b) => wholeRemaining(reason, b))
  } else {
    red = []
    const seen = new Set<number>()
    lines.forEach((input, i) => {
      const b = remaining.lines[input.blueLine - 1]
      const head = b ? `第 ${input.blueLine} 行（${b.name}）` : `第 ${i + 1} 条红字明细`
      const say: Say = (field, message) => issues.push({ path: `lines.${i}.${field}`, message: `${head}：${message}` })
      if (!b) return say('blueLine', `蓝字发票没有第 ${input.blueLine} 行`)
      if (seen.has(input.blueLine)) return say('blueLine', '同一蓝字行只能红冲一次，请合并为一行')
      seen.add(input.blueLine)
      const line = checkLine(reason, input, b, remaining.wholeOnly !== null, say)
      if (line) red.push(line)
    })
    red.sort((a, b) => a.blueLine - b.blueLine)
  }
  if (issues.length === 0 && reason === '01') issues.push(...fullIssues(remaining, reason, red, '开票有误只能全额红冲'))
  if (issues.length === 0 && remaining.wholeOnly) issues.push(...fullIssues(remaining, reason, red, remaining.wholeOnly))
  if (issues.length === 0 && opts.fullOnly) issues.push(...fullIssues(remaining, reason, red, '无需确认的红冲只能全额红冲'))
  return issues.length > 0 ? { lines: [], issues } : { lines: red, issues }
}
