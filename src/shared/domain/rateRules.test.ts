import { describe, expect, it } from 'vitest'
import type { InvoiceKind } from './invoice/kinds'
import {
  allowedRates,
  type CodeRates,
  levyPolicyProblem,
  policyForRate,
  preferredRate,
  rateLabelProblem,
  REDUCED_REASONS,
  reducedReasonProblem,
  type RateContext,
} from './rateRules'
import type { PolicyCode, RateLabel } from './rates'
import { RATES_BY_TYPE, type TaxpayerType } from './taxpayerType'

// rows of the shipped table (2018 rates mapped to today's)
const SOFTWARE: CodeRates = { code: '3040201010000000000', name: '软件开发服务', rates: ['6%'], specialManagement: '' }
const WHEAT: CodeRates = { code: '1010101020000000000', name: '小麦', rates: ['9%'], specialManagement: '免税' }
const CONSTRUCTION: CodeRates = { code: '3050100000000000000', name: '工程服务', rates: ['9%'], specialManagement: '简易征收' }
const HOME_RENT: CodeRates = { code: '3040502020102000000', name: '个人出租住房', rates: ['9%'], specialManagement: '按5%简易征收减按1.5%计征、按5%简易征收' }
const PREPAID: CodeRates = { code: '6010000000000000000', name: '预付卡销售和充值', rates: ['0%'], specialManagement: '不征税' }

const GENERAL: TaxpayerType = '一般纳税人'
const SMALL: TaxpayerType = '小规模纳税人'
const TODAY = '20261203'

const ctx = (code: CodeRates, type: TaxpayerType, over: Partial<RateContext> = {}): RateContext => ({
  kind: '82',
  seller: { type, rates: RATES_BY_TYPE[type] },
  taxCode: code.code,
  code,
  today: TODAY,
  ...over,
})

describe('allowedRates: what the 税率 cell offers', () => {
  it.each<[string, CodeRates, TaxpayerType, InvoiceKind, RateLabel[]]>([
    ['a 6% service for a 一般纳税人', SOFTWARE, GENERAL, '82', ['6%', '免税']],
    ['a 6% service on a 专票: no 免税', SOFTWARE, GENERAL, '81', ['6%']],
    ['a 6% service for a 小规模纳税人', SOFTWARE, SMALL, '82', ['5%', '3%', '1%', '免税']],
    ["a 小规模纳税人's 专票", SOFTWARE, SMALL, '81', ['5%', '3%', '1%']],
    ['工程服务 may be 简易计税 for a 一般纳税人', CONSTRUCTION, GENERAL, '82', ['9%', '5%', '3%', '免税']],
    ['个人出租住房 at 5% 减按 1.5%', HOME_RENT, GENERAL, '82', ['9%', '5%', '1.5%', '免税']],
    ['个人出租住房 for a 小规模纳税人', HOME_RENT, SMALL, '82', ['5%', '3%', '1%', '1.5%', '免税']],
    ['a 6xx code only as 不征税', PREPAID, GENERAL, '82', ['不征税']],
    ['a 6xx code on a 专票 too', PREPAID, SMALL, '81', ['不征税']],
    ['小麦 (9%, 免税)', WHEAT, GENERAL, '82', ['9%', '免税']],
  ])('%s', (_, code, type, kind, expected) => {
    expect(allowedRates(ctx(code, type, { kind }))).toEqual(expected)
  })

  it("narrows to the platform's list for this taxpayer", () => {
    expect(allowedRates(ctx(SOFTWARE, SMALL, { seller: { type: SMALL, rates: ['3%', '免税'] } }))).toEqual(['3%', '免税'])
  })

  it('drops 1% once 减按1% has ended', () => {
    expect(allowedRates(ctx(SOFTWARE, SMALL, { today: '20280101' }))).toEqual(['5%', '3%', '免税'])
  })

  it('knows a 6xx code by its digits when the table lacks it', () => {
    expect(allowedRates(ctx(PREPAID, GENERAL, { code: null }))).toEqual(['不征税'])
  })
})

describe('rateLabelProblem: the words of a refusal', () => {
  it.each<[string, RateLabel, RateContext, string]>([
    ['13% on a 6% service', '13%', ctx(SOFTWARE, GENERAL), '税收分类编码 3040201010000000000（软件开发服务）适用税率 6%，不能使用 13%'],
    ['免税 on a 专票', '免税', ctx(SOFTWARE, GENERAL, { kind: '81' }), '增值税专用发票不能开具免税项目：请改开普通发票，或选择其他税率'],
    ['a 小规模纳税人 at 13%', '13%', ctx(SOFTWARE, SMALL), '小规模纳税人不能使用税率 13%，请选择征收率 3%（或减按 1%）或 5%'],
    ['a 小规模纳税人 at 6%', '6%', ctx(SOFTWARE, SMALL), '小规模纳税人不能使用税率 6%，请选择征收率 3%（或减按 1%）或 5%'],
    ['a 小规模纳税人 at 零税率', '0%', ctx(SOFTWARE, SMALL), '小规模纳税人不能使用零税率'],
    ['a 一般纳税人 at 1%', '1%', ctx(SOFTWARE, GENERAL), '征收率 1% 是小规模纳税人的减按 1% 征收，一般纳税人不能使用'],
    ['零税率 where the code has none', '0%', ctx(SOFTWARE, GENERAL), '税收分类编码 3040201010000000000（软件开发服务）不适用零税率'],
    ['不征税 outside 6xx', '不征税', ctx(SOFTWARE, GENERAL), '“不征税”只能用于未发生销售行为的不征税项目（编码以 6 开头）'],
    ['a 6xx code at 0%', '0%', ctx(PREPAID, GENERAL), '税收分类编码 6010000000000000000（预付卡销售和充值）属于未发生销售行为的不征税项目，税率只能选择“不征税”'],
    ['a 6xx code as 免税', '免税', ctx(PREPAID, SMALL), '税收分类编码 6010000000000000000（预付卡销售和充值）属于未发生销售行为的不征税项目，税率只能选择“不征税”'],
    [
      '简易计税 where the code allows none',
      '3%',
      ctx(SOFTWARE, GENERAL),
      '税收分类编码 3040201010000000000（软件开发服务）不是可选择简易计税的项目，一般纳税人不能按征收率 3% 开具',
    ],
    [
      '1.5% outside 个人出租住房',
      '1.5%',
      ctx(CONSTRUCTION, SMALL),
      '征收率 1.5%（按5%简易征收减按1.5%计征）仅用于个人出租住房，税收分类编码 3050100000000000000（工程服务）不适用',
    ],
    ['1% after 减按1% ended', '1%', ctx(SOFTWARE, SMALL, { today: '20280102' }), '减按 1% 征收的政策已于 2027 年底到期，请使用征收率 3%'],
    ['a rate the platform did not grant', '5%', ctx(SOFTWARE, SMALL, { seller: { type: SMALL, rates: ['3%', '1%'] } }), '税务平台未给本企业核定税率/征收率“5%”'],
  ])('%s', (_, label, c, message) => {
    expect(rateLabelProblem(label, c)).toBe(message)
  })
})

describe('levyPolicyProblem: a rate and its 优惠政策标识', () => {
  it.each<[string, RateLabel, PolicyCode | null, TaxpayerType | null, string | null]>([
    ['1% has no flag', '1%', null, SMALL, null],
    ['1% with 简易征收', '1%', '01', SMALL, '征收率 1% 是普通的征收率行，不填写优惠政策标识（现为“简易征收”）'],
    ['1.5% carries 10', '1.5%', '10', GENERAL, null],
    ['1.5% without it', '1.5%', null, SMALL, '征收率 1.5% 须选择优惠政策“按5%简易征收减按1.5%计征”'],
    ['10 beside 5%', '5%', '10', SMALL, '优惠政策“按5%简易征收减按1.5%计征”只能与征收率 1.5% 一起使用'],
    ['08 beside 5%', '5%', '08', SMALL, '优惠政策“按3%简易征收”只能与征收率 3% 一起使用'],
    ['09 beside 3%', '3%', '09', GENERAL, '优惠政策“按5%简易征收”只能与征收率 5% 一起使用'],
    ['01 beside 13%', '13%', '01', GENERAL, '优惠政策“简易征收”只能与征收率 3% 或 5% 一起使用'],
    ["a 一般纳税人's 3% is 简易计税", '3%', null, GENERAL, '一般纳税人按征收率 3% 开具属于简易计税，请选择优惠政策“简易征收”或“按3%简易征收”'],
    ['… flagged', '3%', '08', GENERAL, null],
    ["a 小规模纳税人's 3% needs no flag", '3%', null, SMALL, null],
    ['seller unknown: the type rule waits', '3%', null, null, null],
    ['即征即退 beside 13%', '13%', '12', GENERAL, null],
  ])('%s', (_, label, policy, type, message) => {
    expect(levyPolicyProblem(label, policy, type)).toBe(message)
  })

  it.each<[RateLabel, TaxpayerType, PolicyCode | null, PolicyCode | null]>([
    ['免税', GENERAL, null, '03'],
    ['不征税', SMALL, null, '04'],
    ['1.5%', SMALL, null, '10'],
    ['1%', SMALL, '01', null],
    ['3%', GENERAL, null, '01'],
    ['3%', GENERAL, '08', '08'],
    ['5%', GENERAL, '08', '01'],
    ['3%', SMALL, null, null],
    ['13%', GENERAL, '03', null],
    ['13%', GENERAL, '12', '12'],
  ])('policyForRate(%s, %s, %s) = %s, and that pair agrees', (label, type, current, expected) => {
    const policy = policyForRate(label, type, current)
    expect(policy).toBe(expected)
    expect(levyPolicyProblem(label, policy, type)).toBeNull()
  })
})

describe('放弃享受减按1%征收率原因', () => {
  const at = (taxRate: string, kind: InvoiceKind = '81', reducedReason: string | null = null) => ({ kind, reducedReason, lines: [{ taxRate }] })
  it.each<[string, ReturnType<typeof at>, TaxpayerType, string | null]>([
    ["required of a 小规模纳税人's 专票 at 3%", at('0.03'), SMALL, '小规模纳税人以 3% 征收率开具专票，须选择“放弃享受减按1%征收率原因”'],
    ['one of the reasons', at('0.03', '81', REDUCED_REASONS[1]), SMALL, null],
    ['the other', at('0.03', '81', REDUCED_REASONS[0]), SMALL, null],
    ['may stay empty on a 普票', at('0.03', '82'), SMALL, null],
    ['may be given on a 普票', at('0.03', '82', REDUCED_REASONS[1]), SMALL, null],
    ['not needed at 1%', at('0.01'), SMALL, null],
    ['not a reason of the platform', at('0.03', '81', '不想'), SMALL, '“放弃享受减按1%征收率原因”须从平台规定的两项原因中选择'],
    ['not for a 一般纳税人', at('0.03', '81', REDUCED_REASONS[1]), GENERAL, '只有小规模纳税人以 3% 征收率开票时才填写“放弃享受减按1%征收率原因”'],
    ['not without a 3% line', at('0.05', '81', REDUCED_REASONS[1]), SMALL, '只有小规模纳税人以 3% 征收率开票时才填写“放弃享受减按1%征收率原因”'],
  ])('%s', (_, draft, type, message) => {
    expect(reducedReasonProblem(draft, type, TODAY)).toBe(message)
  })

  it('is not asked once 减按1% has ended', () => {
    expect(reducedReasonProblem(at('0.03'), SMALL, '20280101')).toBeNull()
  })
})

describe('preferredRate: the rate a line takes with its code', () => {
  it.each<[string, RateLabel[], RateLabel | null, TaxpayerType, RateLabel | null]>([
    ["the code's own rate", ['6%', '免税'], '6%', GENERAL, '6%'],
    ['a 小规模纳税人 at 1% while it applies', ['5%', '3%', '1%', '免税'], '6%', SMALL, '1%'],
    ['… at 3% after', ['5%', '3%', '免税'], '6%', SMALL, '3%'],
    ['a 6xx code', ['不征税'], null, GENERAL, '不征税'],
    ['nothing allowed', [], '13%', GENERAL, null],
  ])('%s', (_, allowed, codeDefault, type, expected) => {
    expect(preferredRate(allowed, codeDefault, type)).toBe(expected)
  })
})
