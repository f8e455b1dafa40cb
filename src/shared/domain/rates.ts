// 税率/征收率 and 优惠政策标识 (DOMAIN.md §1). 免税 and 不征税 are rate 0 with a policy flag; the
// choice a bookkeeper picks is a label, the invoice carries (rate, policy).

export const POLICIES = [
  { code: '01', label: '简易征收' },
  { code: '02', label: '稀土产品' },
  { code: '03', label: '免税' },
  { code: '04', label: '不征税' },
  { code: '05', label: '先征后退' },
  { code: '06', label: '100%先征后退' },
  { code: '07', label: '50%先征后退' },
  { code: '08', label: '按3%简易征收' },
  { code: '09', label: '按5%简易征收' },
  { code: '10', label: '按5%简易征收减按1.5%计征' },
  { code: '11', label: '即征即退30%' },
  { code: '12', label: '即征即退50%' },
  { code: '13', label: '即征即退70%' },
  { code: '14', label: '即征即退100%' },
  { code: '15', label: '超税负3%即征即退' },
  { code: '16', label: '超税负8%即征即退' },
  { code: '17', label: '超税负12%即征即退' },
  { code: '18', label: '超税负6%即征即退' },
] as const

export type PolicyCode = (typeof POLICIES)[number]['code']
export const POLICY_CODES = POLICIES.map((p) => p.code) as [PolicyCode, ...PolicyCode[]]

export const EXEMPT_POLICY: PolicyCode = '03'
export const NON_TAXABLE_POLICY: PolicyCode = '04'

export const RATE_CHOICES = [
  { label: '13%', rate: '0.13' },
  { label: '9%', rate: '0.09' },
  { label: '6%', rate: '0.06' },
  { label: '5%', rate: '0.05' },
  { label: '3%', rate: '0.03' },
  { label: '1%', rate: '0.01' },
  { label: '1.5%', rate: '0.015' },
  { label: '0%', rate: '0' },
  { label: '免税', rate: '0', policy: EXEMPT_POLICY },
  { label: '不征税', rate: '0', policy: NON_TAXABLE_POLICY },
] as const

export type RateLabel = (typeof RATE_CHOICES)[number]['label']
export const RATE_LABELS = RATE_CHOICES.map((r) => r.label) as [RateLabel, ...RateLabel[]]

export function rateOf(label: RateLabel): string {
  return RATE_CHOICES.find((r) => r.label === label)!.rate
}

/** The label to show for a stored (rate, policy) pair. */
export function rateLabelOf(rate: string, policy: string | null): RateLabel | null {
  if (rate === '0' && policy === EXEMPT_POLICY) return '免税'
  if (rate === '0' && policy === NON_TAXABLE_POLICY) return '不征税'
  return RATE_CHOICES.find((r) => r.rate === rate && !('policy' in r))?.label ?? null
}

export function policyLabel(code: string | null): string {
  return POLICIES.find((p) => p.code === code)?.label ?? ''
}

/** A policy typed as its code (`03`, `3`) or its label (`免税`). */
export function parsePolicy(text: string): PolicyCode | null {
  const t = text.trim()
  if (t === '') return null
  const byLabel = POLICIES.find((p) => p.label === t)
  if (byLabel) return byLabel.code
  const code = /^\d{1,2}$/.test(t) ? t.padStart(2, '0') : ''
  return POLICIES.find((p) => p.code === code)?.code ?? null
}

/**
 * A rate as people write it in spreadsheets: `13%`, `0.13`, `13`, the number 0.13, `1.5%`,
 * `免税`, `不征税`, `零税率`. A bare number ≥ 1 is a percentage (no rate is 100%); below 1 a fraction.
 */
export function parseRate(text: string): RateLabel | null {
  const t = text.trim().replace(/\s+/g, '').replace(/％/g, '%')
  if (t === '') return null
  const named = RATE_CHOICES.find((r) => r.label === t)
  if (named) return named.label
  if (t === '零税率') return '0%'
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t)
  if (!m) return null
  const n = Number(m[1])
  const percent = m[2] === '%' || n >= 1 ? n : n * 100
  // compare in hundredths of a percent to avoid float noise (0.015 * 100)
  const key = Math.round(percent * 100)
  return RATE_CHOICES.find((r) => !('policy' in r) && Math.round(Number(r.rate) * 10000) === key)?.label ?? null
}

/**
 * 免税/不征税 carry their own policy flag; any other rate may carry an optional policy, but not
 * the 免税/不征税 flags (that would contradict the rate). Returns a Chinese reason or null.
 */
export function ratePolicyProblem(label: RateLabel, policy: PolicyCode | null): string | null {
  const choice = RATE_CHOICES.find((r) => r.label === label)!
  if ('policy' in choice) {
    if (policy !== null && policy !== choice.policy) return `税率为“${label}”时，优惠政策类型应为“${policyLabel(choice.policy)}”或不填`
    return null
  }
  if (policy === EXEMPT_POLICY || policy === NON_TAXABLE_POLICY) return `优惠政策类型为“${policyLabel(policy)}”时，税率应选择“${policyLabel(policy)}”`
  return null
}
