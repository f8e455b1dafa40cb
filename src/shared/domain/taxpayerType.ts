// 纳税人类型 (DOMAIN.md §1 "Who may use which rate"): it decides which 税率/征收率 a seller may put on a
// line. The platform is the authority on both the type and the list of rates; the client caches its
// answer per company and, until the first answer, uses the type the user gave.
import type { RateLabel } from './rates'

export const TAXPAYER_TYPES = ['一般纳税人', '小规模纳税人'] as const
export type TaxpayerType = (typeof TAXPAYER_TYPES)[number]
export const DEFAULT_TAXPAYER_TYPE: TaxpayerType = '一般纳税人'
export const SMALL_SCALE: TaxpayerType = '小规模纳税人'

/**
 * Every rate a type may ever use; the platform's list for one taxpayer is this or narrower.
 * 一般纳税人: 税率 13/9/6/0 and, by 简易计税, 征收率 5/3 and 5% 减按 1.5% (住房租赁, 2021年第24号公告).
 * 小规模纳税人: 征收率 3 (减按 1%), 5, 5% 减按 1.5% (个人出租住房); never a 税率.
 * Both: 免税 and 不征税.
 */
export const RATES_BY_TYPE: Record<TaxpayerType, readonly RateLabel[]> = {
  一般纳税人: ['13%', '9%', '6%', '5%', '3%', '1.5%', '0%', '免税', '不征税'],
  小规模纳税人: ['3%', '1%', '5%', '1.5%', '免税', '不征税'],
}

/** A 纳税人类型 as typed (CLI, a file): the two names, or null. */
export function parseTaxpayerType(text: string): TaxpayerType | null {
  const t = text.trim()
  return TAXPAYER_TYPES.find((x) => x === t) ?? null
}
