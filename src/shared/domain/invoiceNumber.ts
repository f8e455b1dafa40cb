// 发票号码 of a 数电票 (DOMAIN.md §1): 20 digits = YY (year) + 2-digit tax bureau + 1 channel digit +
// 15-digit sequence. The platform assigns it; the client only checks and shows it.
import { REGIONS } from './regions'

export interface InvoiceNumberParts {
  /** the full year the number was issued in (2026); the number keeps its last two digits */
  year: number
  /** province-level tax bureau, two digits ('44') */
  bureau: string
  /** issuing channel, one digit (the platform sandbox uses '2') */
  channel: string
  /** 1 … 999 999 999 999 999 */
  sequence: number
}

export const INVOICE_NUMBER_LENGTH = 20
export const SEQUENCE_DIGITS = 15
/** below 2^53, so a sequence stays an exact JS number */
export const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1

export function isWellFormedInvoiceNumber(s: string): boolean {
  return /^\d{20}$/.test(s)
}

export function formatInvoiceNumber(p: InvoiceNumberParts): string {
  if (!/^\d{2}$/.test(p.bureau)) throw new RangeError(`税务机关代码应为 2 位数字：${p.bureau}`)
  if (!/^\d$/.test(p.channel)) throw new RangeError(`开票渠道应为 1 位数字：${p.channel}`)
  if (!Number.isSafeInteger(p.sequence) || p.sequence < 1 || p.sequence > MAX_SEQUENCE) throw new RangeError(`发票序号超出范围：${p.sequence}`)
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2099) throw new RangeError(`年份超出范围：${p.year}`)
  const yy = String(p.year % 100).padStart(2, '0')
  return `${yy}${p.bureau}${p.channel}${String(p.sequence).padStart(SEQUENCE_DIGITS, '0')}`
}

/** The parts of a well-formed number (the year as 20YY), or null. */
export function parseInvoiceNumber(s: string): InvoiceNumberParts | null {
  if (!isWellFormedInvoiceNumber(s)) return null
  return {
    year: 2000 + Number(s.slice(0, 2)),
    bureau: s.slice(2, 4),
    channel: s.slice(4, 5),
    sequence: Number(s.slice(5)),
  }
}

/**
 * The two digits of the tax bureau a region's invoices carry.
 * (assumed) 计划单列市 (大连 2102, 宁波 3302, 厦门 3502, 青岛 3702, 深圳 4403) have bureaus of their own,
 * but no public text gives their two digits; they use their province's (深圳 → 44). Change it here.
 */
export function bureauOfRegion(regionCode: string): string {
  if (!REGIONS.some((r) => r.code === regionCode)) throw new RangeError(`未知的地区代码：${regionCode}`)
  return regionCode.slice(0, 2)
}
