// Step ② of 新增红字确认信息: the blue lines prefilled with what remains reversible, edited only as
// the reason allows (DOMAIN.md §4), with the figures that follow an edit and the live totals. The
// screen keeps magnitudes (what is typed after the fixed "−"); the form sent to the core carries
// them negated, as red lines are. What follows an edit and what is wrong are the shared rules'
// (src/shared/domain/red: followRedLine, checkRedLines), the ones the core and the platform apply.
import type { RedCandidate, ReversibleLine } from '../../../../shared/api/red'
import { amountInWords, Dec, fenOf, formatMoney, moneyFromFen, parseDecimal, parseMoney } from '../../../../shared/domain/invoice'
import { checkRedLines, followRedLine, type Reversible } from '../../../../shared/domain/red'
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
  /** what remains of the blue line, as the shared rules take it */
  source: ReversibleLine
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

/** what the reason allows; an invoice reversed only whole (差额开票) allows no edit whatever the reason */
export function editsOf(reason: RedReason, wholeOnly = false): ReasonEdits {
  if (wholeOnly) return { ...editsOf('01'), hasQuantity: editsOf(reason).hasQuantity }
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
    source: l,
  }
}

/** what remains of the blue invoice as the shared rules take it; anything reversed shows in redStatus */
export function remainingOf(c: RedCandidate): Reversible {
  return { lines: c.lines, amount: c.remaining.amount, tax: c.remaining.tax, total: c.remaining.total, reversedAny: c.redStatus !== 'normal', wholeOnly: c.wholeOnly }
}

const isZero = (v: string) => (parseDecimal(v) ?? new Dec(0)).isZero()
/** the screen's magnitudes ↔ the rules' negative figures */
const negated = (magnitude: string) => `-${magnitude}`
const magnitude = (signed: string) => signed.replace(/^-/, '')

/** 数量 typed (02, 03): 金额 = 数量 × 原单价, 税额 follows (followRedLine) */
export function setQuantity(l: RedDraftLine, text: string, reason: RedReason = '02'): void {
  l.quantity = text.trim()
  const red = followRedLine(reason, l.source, { quantity: negated(l.quantity) })
  if (!red) return
  l.amount = magnitude(red.amount)
  l.tax = magnitude(red.tax)
}

/** 金额 typed (03, 04): 税额 follows; under 03 数量 follows too, since 单价 may not change */
export function setAmount(l: RedDraftLine, text: string, reason: RedReason): void {
  l.amount = text.trim()
  const red = followRedLine(reason, l.source, { amount: negated(l.amount) })
  if (!red) return
  l.tax = magnitude(red.tax)
  if (editsOf(reason).hasQuantity && red.quantity !== null) l.quantity = magnitude(red.quantity)
}

/** what is wrong with a line, per cell ('' when fine) */
export interface LineProblems {
  quantity: string
  amount: string
  tax: string
}

export interface DraftProblems {
  /** per line, in the lines' order */
  cells: LineProblems[]
  /** what no cell can show (the reason against the invoice, a whole reversal) */
  general: string[]
}

/** the typed magnitude itself: a number above zero (money: at most 2 decimals); the rules come after */
function magnitudeProblems(l: RedDraftLine, reason: RedReason): LineProblems {
  const out: LineProblems = { quantity: '', amount: '', tax: '' }
  if (editsOf(reason).hasQuantity && l.left.quantity !== null && l.quantity !== '') {
    const q = parseDecimal(l.quantity)
    if (q === null) out.quantity = '数量应为数字'
    else if (!q.isPositive() || q.isZero()) out.quantity = '数量应大于 0'
  }
  const a = parseMoney(l.amount)
  if (l.amount === '') out.amount = '请填写金额'
  else if (a === null) out.amount = '金额应为数字，最多 2 位小数'
  else if (!a.isPositive() || a.isZero()) out.amount = '金额应大于 0'
  return out
}

/**
 * The lines checked by the shared rules (checkRedLines, as the core and the platform check them),
 * each issue beside its cell. A follower cell's issue shows on the cell typed: under 02 金额 follows
 * 数量, so a 数量 beyond what remains shows as 金额 beyond it, on the 数量.
 */
export function draftProblems(candidate: RedCandidate, lines: RedDraftLine[], reason: RedReason): DraftProblems {
  const cells = lines.map((l) => magnitudeProblems(l, reason))
  const general: string[] = []
  const edits = editsOf(reason)
  for (const issue of checkRedLines(reason, remainingOf(candidate), typedLines(lines, reason)).issues) {
    const m = /^lines\.(\d+)\.(\w+)$/.exec(issue.path)
    const line = m ? lines[Number(m[1])] : undefined
    if (!m || !line) {
      general.push(issue.message)
      continue
    }
    const field = m[2] === 'quantity' || m[2] === 'tax' ? m[2] : !edits.amount && edits.quantity && line.left.quantity !== null ? 'quantity' : 'amount'
    const head = `第 ${line.blueLine} 行（${line.name}）：`
    const cell = cells[Number(m[1])]!
    if (cell[field] === '') cell[field] = issue.message.startsWith(head) ? issue.message.slice(head.length) : issue.message
  }
  // 金额 and 税额 follow a wrong 数量: the 数量 is what to fix, one message is enough
  for (const c of cells) if (c.quantity) c.amount = c.tax = ''
  return { cells, general }
}

/** anything to fix before 提交 */
export function anyProblem(p: DraftProblems): boolean {
  return p.general.length > 0 || p.cells.some((c) => Object.values(c).some((m) => m !== ''))
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
  return reason === '01' ? undefined : typedLines(lines, reason)
}

/** the lines as typed, negated */
function typedLines(lines: RedDraftLine[], reason: RedReason): RedLineInput[] {
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
