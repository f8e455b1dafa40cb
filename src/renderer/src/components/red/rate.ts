import { rateLabelOf } from '../../../../shared/domain/rates'

/** '0.13' → '13%' (a red line carries the blue line's rate; 免税/不征税 show as 0%) */
export function rateText(rate: string): string {
  return rateLabelOf(rate, null) ?? rate
}
