// Money and quantities as exact decimals (DOMAIN.md §2). Floats lose 分 (0.1 + 0.2), so an amount is
// a decimal string on the way in, a Decimal while computing, and a decimal string or integer 分 out.
import Decimal from 'decimal.js'

/**
 * Our own decimal.js constructor, so no other code's global Decimal settings change our results:
 * 40 significant digits hold a 16-character 数量 × a 16-character 单价 exactly, and 四舍五入 is
 * ROUND_HALF_UP (half away from zero, so −0.005 → −0.01 mirrors 0.005 → 0.01).
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })
export type Dec = Decimal

const DECIMAL = /^-?\d+(\.\d+)?$/

/** '' and null both mean "not filled": a cleared input and an absent JSON value look alike to users. */
export function isBlank(text: string | null | undefined): text is '' | null | undefined {
  return text === null || text === undefined || text.trim() === ''
}

/** A plain decimal such as '12', '-0.5', '3.1415' (no exponent, no thousands separators), or null. */
export function parseDecimal(text: string | null | undefined): Dec | null {
  if (isBlank(text)) return null
  const t = text.trim()
  return DECIMAL.test(t) ? new Dec(t) : null
}

/** Digits after the decimal point as typed ('1.50' → 2), which is what the platform's limits count. */
export function decimalPlaces(text: string): number {
  const t = text.trim()
  const dot = t.indexOf('.')
  return dot < 0 ? 0 : t.length - dot - 1
}

/** An amount of money as text: a plain decimal with at most 2 decimals (分), else null. */
export function parseMoney(text: string | null | undefined): Dec | null {
  const d = parseDecimal(text)
  return d !== null && decimalPlaces(text ?? '') <= 2 ? d : null
}

/** 四舍五入 to 分. */
export function roundFen(d: Dec): Dec {
  return d.toDecimalPlaces(2, Dec.ROUND_HALF_UP)
}

/** '10000.00': two decimals, half up; never '-0.00'. */
export function formatMoney(d: Dec): string {
  const r = roundFen(d)
  return r.isZero() ? '0.00' : r.toFixed(2)
}

const PLAIN_MONEY = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/

/**
 * Integer 分 of a plain amount string ('12', '-3.5', '10000.00'), or null when the text is not one
 * (more than 2 decimals, not a number, or beyond 10^13 元, which no invoice reaches). No Decimal is
 * built, since totals add thousands of these.
 */
export function fenOfText(text: string): number | null {
  const m = PLAIN_MONEY.exec(text.trim())
  if (!m) return null
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  return m[1] === '-' && fen !== 0 ? -fen : fen
}

/** Integer 分 of any amount, rounded half up to 分 first. Throws when it is not a number or too large. */
export function fenOf(amount: string | Dec): number {
  const fast = typeof amount === 'string' ? fenOfText(amount) : null
  if (fast !== null) return fast
  const d = typeof amount === 'string' ? parseDecimal(amount) : amount
  if (d === null) throw new RangeError(`不是金额：${String(amount)}`)
  const fen = roundFen(d).times(100).toNumber()
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额超出范围：${d.toFixed()}`)
  return fen
}

/** Integer 分 back to '10000.00'; a bigint for sums that may pass 2^53 分. */
export function moneyFromFen(fen: number | bigint): string {
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) throw new RangeError(`分值应为整数：${fen}`)
  const b = BigInt(fen)
  const abs = b < 0n ? -b : b
  return `${b < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`
}

/** 数量/单价 limits (DOMAIN.md §1): at most 13 decimals and 16 characters including the point. */
export const QUANTITY_MAX_DECIMALS = 13
export const QUANTITY_MAX_CHARS = 16

/**
 * A derived 数量 or 单价 as text: as many decimals as fit in 16 characters (never more than 13),
 * trailing zeros trimmed. 10000 / 3 → '3333.33333333333' (16 characters), 1 / 3 →
 * '0.3333333333333' (13 decimals). (assumed) Cutting to 16 characters rather than always keeping 13
 * decimals keeps a derived value within the platform's limit, which a 13-decimal price above 99
 * would break.
 */
export function formatFitted(d: Dec): string {
  // decimal.js keeps the exponent: |d| ≥ 1 has e + 1 integer digits, below 1 prints as '0.'
  const intChars = Math.max(d.e, 0) + 1 + (d.isNegative() ? 1 : 0)
  const places = Math.max(0, Math.min(QUANTITY_MAX_DECIMALS, QUANTITY_MAX_CHARS - intChars - 1))
  // a carry into a new integer digit (9.99…9 → 10) leaves no decimals, so the length still fits
  const r = d.toDecimalPlaces(places, Dec.ROUND_HALF_UP)
  return r.isZero() ? '0' : r.toFixed()
}
