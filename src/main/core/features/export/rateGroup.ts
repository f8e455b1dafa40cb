// How a line's (税率, 优惠政策标识) reads in the summary and the export: 免税 and 不征税 apart from 0%.
import { rateLabelOf } from '../../../../shared/domain/rates'

/** '13%', '免税', '不征税', or a rate this version has no label for as a percentage */
export function rateGroup(rate: string, policy: string | null): string {
  const label = rateLabelOf(rate, policy)
  if (label) return label
  const n = Number(rate)
  return Number.isFinite(n) ? `${+(n * 100).toFixed(4)}%` : rate
}
