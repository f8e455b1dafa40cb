// Which 税率/征收率 a line may carry (DOMAIN.md §1 "Who may use which rate"; docs/domain-rules.md):
// the rate must suit the seller's 纳税人类型, the line's 税收分类编码 and the platform's list for this
// taxpayer, and its 优惠政策标识 must agree with it. The issuing screen (the options it offers, the
// message beside the cell), the core (开票) and the platform sandbox all ask these functions, so a
// refusal reads the same everywhere.
import type { InvoiceKind } from './invoice/kinds'
import { EXEMPT_POLICY, NON_TAXABLE_POLICY, policyLabel, RATE_LABELS, type PolicyCode, type RateLabel } from './rates'
import { RATES_BY_TYPE, SMALL_SCALE, type TaxpayerType } from './taxpayerType'

/** What the rules need of a 税收分类编码 (its row of the table in force). */
export interface CodeRates {
  code: string
  name: string
  /** the code's 税率 for 一般纳税人, as labels ('13%', '6%', '0%') */
  rates: readonly string[]
  /** 增值税特殊管理: '简易征收', '按5%简易征收减按1.5%计征、按5%简易征收', '免税', … */
  specialManagement: string
}

/** The seller as the platform knows it: its type and the rates the platform lets it use. */
export interface SellerRates {
  type: TaxpayerType
  rates: readonly RateLabel[]
}

export interface RateContext {
  kind: InvoiceKind
  seller: SellerRates
  /** the line's 税收分类编码 as typed */
  taxCode: string
  /** its row of the table; null when the table lacks it (the leaf check reports that) */
  code: CodeRates | null
  /** today in Shanghai, 'YYYYMMDD' */
  today: string
}

/**
 * 小规模纳税人: 3% 征收率 reduced to 1% (财政部 税务总局公告2023年第19号, to 2027-12-31). After it
 * ends, 1% is no longer offered and no 放弃享受减按1%征收率原因 is asked.
 */
export const REDUCED_RATE_UNTIL = '20271231'

/** 放弃享受减按1%征收率原因: exactly the official batch template's dropdown (V260401, sheet 1, AK). */
export const REDUCED_REASONS = [
  '前期已开具3%征收率的发票，发生销售折让、中止或者退回等情形需要开具3%征收率的红字发票，或者开票有误需要重新开具3%征收率的发票',
  '因为实际经营业务需要，放弃享受减按1%征收率征收增值税政策。',
] as const

/** 6xx: 未发生销售行为的不征税项目 */
export const isNonTaxableCode = (taxCode: string): boolean => taxCode.trim().startsWith('6')

const TAX_RATES: readonly RateLabel[] = ['13%', '9%', '6%']
const SIMPLE_LEVY: readonly RateLabel[] = ['3%', '5%']
/** 简易征收 flags that make 3%/5% a 一般纳税人's choice for a code (its 增值税特殊管理) */
const SIMPLE_LEVY_FLAGS: Record<'3%' | '5%', readonly string[]> = {
  '3%': ['简易征收', '按3%简易征收'],
  '5%': ['简易征收', '按5%简易征收'],
}
const REDUCED_RENT_FLAG = '按5%简易征收减按1.5%计征'
/** 优惠政策标识 of 简易计税 by rate: 01 简易征收, 08 按3%简易征收, 09 按5%简易征收 */
const SIMPLE_POLICIES: Record<'3%' | '5%', readonly PolicyCode[]> = { '3%': ['01', '08'], '5%': ['01', '09'] }
const REDUCED_RENT_POLICY: PolicyCode = '10'
/** policies that only go with one kind of rate; any other (即征即退 …) may sit beside any 税率 */
const RATE_BOUND_POLICIES: readonly PolicyCode[] = ['01', '03', '04', '08', '09', '10']

const flags = (code: CodeRates): string[] => code.specialManagement.split(/[、,，;；|]/).map((f) => f.trim())
const codeLabel = (c: RateContext): string => (c.code ? `${c.code.code}（${c.code.name}）` : c.taxCode.trim())
const codeRateLabels = (code: CodeRates): string[] => code.rates.map((r) => r.trim())

function qualificationProblem(label: RateLabel, type: TaxpayerType): string | null {
  if (RATES_BY_TYPE[type].includes(label)) return null
  if (type === SMALL_SCALE) {
    if (label === '0%') return '小规模纳税人不能使用零税率'
    return `小规模纳税人不能使用税率 ${label}，请选择征收率 3%（或减按 1%）或 5%`
  }
  if (label === '1%') return '征收率 1% 是小规模纳税人的减按 1% 征收，一般纳税人不能使用'
  return `${type}不能使用税率/征收率 ${label}`
}

function codeProblem(label: RateLabel, c: RateContext): string | null {
  const code = c.code
  if (!code) return null
  if (TAX_RATES.includes(label) && !codeRateLabels(code).includes(label)) {
    const own = codeRateLabels(code).filter((r) => TAX_RATES.includes(r as RateLabel))
    return own.length > 0 ? `税收分类编码 ${codeLabel(c)}适用税率 ${own.join('、')}，不能使用 ${label}` : `税收分类编码 ${codeLabel(c)}不适用税率 ${label}`
  }
  if (label === '0%' && !codeRateLabels(code).includes('0%')) return `税收分类编码 ${codeLabel(c)}不适用零税率`
  if ((label === '3%' || label === '5%') && c.seller.type !== SMALL_SCALE && !flags(code).some((f) => SIMPLE_LEVY_FLAGS[label].includes(f)))
    return `税收分类编码 ${codeLabel(c)}不是可选择简易计税的项目，一般纳税人不能按征收率 ${label} 开具`
  if (label === '1.5%' && !flags(code).includes(REDUCED_RENT_FLAG)) return `征收率 1.5%（按5%简易征收减按1.5%计征）仅用于个人出租住房，税收分类编码 ${codeLabel(c)}不适用`
  return null
}

/**
 * Why this line may not use this rate, whatever its 优惠政策标识 — or null. The order puts the
 * reason a bookkeeper can act on first: the code's own nature, the invoice kind, the seller's type,
 * the code's rates, then the platform's list.
 */
export function rateLabelProblem(label: RateLabel, c: RateContext): string | null {
  if (isNonTaxableCode(c.taxCode)) {
    if (label !== '不征税') return `税收分类编码 ${codeLabel(c)}属于未发生销售行为的不征税项目，税率只能选择“不征税”`
  } else if (label === '不征税') return '“不征税”只能用于未发生销售行为的不征税项目（编码以 6 开头）'
  if (label === '免税' && c.kind === '81') return '增值税专用发票不能开具免税项目：请改开普通发票，或选择其他税率'
  const qualification = qualificationProblem(label, c.seller.type)
  if (qualification) return qualification
  if (label === '1%' && c.today > REDUCED_RATE_UNTIL) return `减按 1% 征收的政策已于 ${REDUCED_RATE_UNTIL.slice(0, 4)} 年底到期，请使用征收率 3%`
  const byCode = codeProblem(label, c)
  if (byCode) return byCode
  if (!c.seller.rates.includes(label)) return `税务平台未给本企业核定税率/征收率“${label}”`
  return null
}

/** The rates this line may use, in the usual order; what the screen's 税率 cell offers. */
export function allowedRates(c: RateContext): RateLabel[] {
  return RATE_LABELS.filter((label) => rateLabelProblem(label, c) === null)
}

/**
 * The rate a line takes when its code is chosen: the code's own default when this seller may use
 * it; else, for a 小规模纳税人, 1% while 减按1% applies, then 3% (what it issues most); else the
 * first allowed. Null when nothing is allowed (the cell then says why).
 */
export function preferredRate(allowed: readonly RateLabel[], codeDefault: RateLabel | null, type: TaxpayerType): RateLabel | null {
  if (codeDefault && allowed.includes(codeDefault)) return codeDefault
  if (type === SMALL_SCALE) {
    const usual = (['1%', '3%'] as const).find((r) => allowed.includes(r))
    if (usual) return usual
  }
  return allowed[0] ?? null
}

/**
 * Whether a (rate, 优惠政策标识) pair agrees — or why not. 免税/不征税 against their own flags is
 * `ratePolicyProblem` in rates.ts; this adds the 征收率 rules. `type` null (seller unknown) skips the
 * one rule that depends on it (a 一般纳税人's 3%/5% is 简易计税 and says so).
 */
export function levyPolicyProblem(label: RateLabel, policy: PolicyCode | null, type: TaxpayerType | null): string | null {
  if (label === '1%' && policy !== null) return `征收率 1% 是普通的征收率行，不填写优惠政策标识（现为“${policyLabel(policy)}”）`
  if (label === '1.5%' && policy !== REDUCED_RENT_POLICY) return `征收率 1.5% 须选择优惠政策“${policyLabel(REDUCED_RENT_POLICY)}”`
  if (policy === REDUCED_RENT_POLICY && label !== '1.5%') return `优惠政策“${policyLabel(REDUCED_RENT_POLICY)}”只能与征收率 1.5% 一起使用`
  if (policy === '08' && label !== '3%') return `优惠政策“${policyLabel('08')}”只能与征收率 3% 一起使用`
  if (policy === '09' && label !== '5%') return `优惠政策“${policyLabel('09')}”只能与征收率 5% 一起使用`
  if (policy === '01' && !SIMPLE_LEVY.includes(label)) return `优惠政策“${policyLabel('01')}”只能与征收率 3% 或 5% 一起使用`
  if ((label === '3%' || label === '5%') && type !== null && type !== SMALL_SCALE && !(policy && SIMPLE_POLICIES[label].includes(policy)))
    return `一般纳税人按征收率 ${label} 开具属于简易计税，请选择优惠政策“${policyLabel('01')}”或“按${label}简易征收”`
  return null
}

/**
 * The 优惠政策标识 a line takes when its rate is set to `label`: the rate's own flag where it has one
 * (免税 03, 不征税 04, 1.5% 10; 简易征收 01 for a 一般纳税人's 3%/5%), the current one when it still
 * agrees, else none.
 */
export function policyForRate(label: RateLabel, type: TaxpayerType, current: PolicyCode | null): PolicyCode | null {
  if (label === '免税') return EXEMPT_POLICY
  if (label === '不征税') return NON_TAXABLE_POLICY
  if (label === '1.5%') return REDUCED_RENT_POLICY
  if (label === '1%') return null
  if (label === '3%' || label === '5%') {
    if (current && SIMPLE_POLICIES[label].includes(current)) return current
    return type === SMALL_SCALE ? null : '01'
  }
  return current && RATE_BOUND_POLICIES.includes(current) ? null : current
}

interface ReducedReasonDraft {
  kind: InvoiceKind
  reducedReason?: string | null
  lines: readonly { taxRate: string }[]
}

const atThreePercent = (taxRate: string): boolean => /^0?\.030*$/.test(taxRate.trim())

/**
 * 放弃享受减按1%征收率原因 (one per invoice, as the batch template's sheet 1): a 小规模纳税人 issuing
 * a 专票 with a 3% line while 减按1% applies must give one of the platform's reasons; on a 普票 it
 * may stay empty (the template's 填表说明 8). Given where it does not apply, it is refused rather than
 * printed on an invoice it does not belong to.
 */
export function reducedReasonProblem(draft: ReducedReasonDraft, type: TaxpayerType, today: string): string | null {
  const reason = (draft.reducedReason ?? '').trim()
  const applies = type === SMALL_SCALE && today <= REDUCED_RATE_UNTIL && draft.lines.some((l) => atThreePercent(l.taxRate))
  if (reason === '') return applies && draft.kind === '81' ? '小规模纳税人以 3% 征收率开具专票，须选择“放弃享受减按1%征收率原因”' : null
  if (!(REDUCED_REASONS as readonly string[]).includes(reason)) return '“放弃享受减按1%征收率原因”须从平台规定的两项原因中选择'
  if (!applies) return '只有小规模纳税人以 3% 征收率开票时才填写“放弃享受减按1%征收率原因”'
  return null
}
