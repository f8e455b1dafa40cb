// 价税合计（大写）(DOMAIN.md §2): the amount in Chinese financial numerals, as printed invoices write it.
// The zero rules are (assumed) conventions, so every edge case is pinned in amountInWords.test.ts.
import { Dec, formatMoney } from './money'

const DIGITS = '零壹贰叁肆伍陆柒捌玖'
const SECTION_UNITS = ['仟', '佰', '拾', ''] as const

/** A section of at most 4 digits: one 零 for a run of zeros inside, none at the end. */
function sectionWords(digits: string): string {
  const padded = digits.padStart(4, '0')
  let out = ''
  let zeroPending = false
  for (let i = 0; i < 4; i++) {
    const d = Number(padded[i])
    if (d === 0) {
      zeroPending = out !== ''
      continue
    }
    out += (zeroPending ? '零' : '') + DIGITS[d] + SECTION_UNITS[i]
    zeroPending = false
  }
  return out
}

/**
 * Integer digits without leading zeros, not '0'. Above 10^8 the part before 亿 is itself read in
 * words (so 10^12 is 壹万亿); a lower part that starts with a zero digit is joined by one 零.
 */
function integerWords(digits: string): string {
  for (const [width, unit] of [
    [8, '亿'],
    [4, '万'],
  ] as const) {
    if (digits.length > width) {
      const low = digits.slice(-width)
      const lowDigits = low.replace(/^0+/, '')
      const rest = lowDigits === '' ? '' : (low.startsWith('0') ? '零' : '') + integerWords(lowDigits)
      return integerWords(digits.slice(0, -width)) + unit + rest
    }
  }
  return sectionWords(digits)
}

/**
 * 价税合计（大写）: 1001 → 壹仟零壹圆整, 10.05 → 壹拾圆零伍分, 0.50 → 伍角整, −500 → （负数）伍佰圆整,
 * 0 → 零圆整. The amount is rounded half up to 分 first. Throws on text that is not a number.
 */
export function amountInWords(amount: string | Dec): string {
  const d = typeof amount === 'string' ? new Dec(amount.trim()) : amount
  const text = formatMoney(d)
  const negative = text.startsWith('-')
  const [intPart = '0', frac = '00'] = text.replace('-', '').split('.')
  const jiao = Number(frac[0])
  const fen = Number(frac[1])
  const yuan = intPart.replace(/^0+/, '')

  if (yuan === '' && jiao === 0 && fen === 0) return '零圆整'
  let out = yuan === '' ? '' : `${integerWords(yuan)}圆`
  if (jiao !== 0) out += `${DIGITS[jiao]}角`
  else if (fen !== 0 && yuan !== '') out += '零'
  out += fen !== 0 ? `${DIGITS[fen]}分` : '整'
  return (negative ? '（负数）' : '') + out
}
