import { describe, expect, it } from 'vitest'
import { computeDraft } from './compute'
import { testDraft, testLine } from './testDraft'
import type { ComputedDraft, DraftContext, DraftLine, InvoiceDraft } from './types'
import { type CodeRates, REDUCED_REASONS } from '../rateRules'
import type { RateLabel } from '../rates'
import { RATES_BY_TYPE, type TaxpayerType } from '../taxpayerType'
import { validateDraft } from './validate'

type Case = [string, InvoiceDraft, [path: string, message: string][]]

/** A computed valid draft with some input changed before computing. */
const typed = (over: Partial<InvoiceDraft>, line?: Partial<DraftLine>): ComputedDraft => computeDraft(testDraft({ ...over, ...(line ? { lines: [testLine(line)] } : {}) }))

/** A computed valid draft changed afterwards, as a stored or imported invoice may be. */
function stored(change: (d: ComputedDraft) => void): ComputedDraft {
  const d = computeDraft(testDraft())
  change(d)
  return d
}
const storedLine = (over: Partial<DraftLine>) =>
  stored((d) => {
    d.lines[0] = { ...d.lines[0]!, ...over }
  })

const buyer = (over: Partial<InvoiceDraft['buyer']>, kind: InvoiceDraft['kind'] = '82') => typed({ kind, buyer: { ...testDraft().buyer, ...over } })

const check = (draft: InvoiceDraft, ctx?: DraftContext) => validateDraft(draft, ctx).map((i): [string, string] => [i.path, i.message])

const run = (cases: Case[]) =>
  it.each(cases)('%s', (_, draft, expected) => {
    expect(check(draft)).toEqual(expected)
  })

describe('a valid draft', () => {
  it('has no issues', () => {
    expect(check(computeDraft(testDraft()), { operator: '张三' })).toEqual([])
  })
})

describe('购买方', () => {
  const person = (over: Partial<InvoiceDraft['buyer']>, kind: InvoiceDraft['kind'] = '82') => buyer({ type: '自然人', name: '张先生', taxId: '', ...over }, kind)
  run([
    ['专票 to an enterprise', buyer({}, '81'), []],
    ['普票 to an enterprise with a legacy 15-character ID', buyer({ taxId: '440301192203821' }), []],
    ["a 个体工商户 known by its owner's 身份证号", buyer({ taxId: '11010519491231002X' }, '81'), []],
    ['普票 to a natural person, name only', person({}), []],
    ['普票 to a natural person with 身份证', person({ idType: '201', idNumber: '11010519491231002X' }), []],
    ['a natural person with a passport', person({ idType: '208', idNumber: 'E12345678' }), []],
    ['a natural person whose 纳税人识别号 is the 身份证号', person({ taxId: '11010519491231002X' }), []],
    ['an enterprise ignores 证件 fields', buyer({ idType: '208', idNumber: '' }), []],
    ['名称 100 characters', buyer({ name: '华'.repeat(100) }), []],
    ['名称 missing', buyer({ name: ' ' }), [['buyer.name', '请填写购买方名称']]],
    ['名称 too long', buyer({ name: '华'.repeat(101) }), [['buyer.name', '购买方名称不能超过 100 个字符（现为 101 个）']]],
    [
      '专票 to a natural person',
      person({}, '81'),
      [
        ['buyer.type', '自然人只能开具普通发票，专票的购买方须为企业'],
        ['buyer.taxId', '开具专票须填写购买方纳税人识别号'],
      ],
    ],
    ['专票 without 纳税人识别号', buyer({ taxId: '' }, '81'), [['buyer.taxId', '开具专票须填写购买方纳税人识别号']]],
    ['普票 to an enterprise without 纳税人识别号', buyer({ taxId: '' }), [['buyer.taxId', '购买方为企业时须填写纳税人识别号']]],
    ['纳税人识别号 too long', buyer({ taxId: '9'.repeat(21) }), [['buyer.taxId', '购买方纳税人识别号不能超过 20 个字符（现为 21 个）']]],
    [
      '纳税人识别号 with a wrong check character',
      buyer({ taxId: '914403001922038217' }),
      [['buyer.taxId', '购买方纳税人识别号校验位不正确（按前 17 位计算，第 18 位校验码应为 6），请核对']],
    ],
    [
      '纳税人识别号 of 16 characters',
      buyer({ taxId: '9144030019220382' }),
      [['buyer.taxId', '购买方纳税人识别号长度应为 18 位统一社会信用代码，或 15、17、20 位纳税人识别号（现为 16 位）']],
    ],
    ['a natural person with an odd 纳税人识别号', person({ taxId: 'ABC' }), [['buyer.taxId', '自然人的纳税人识别号应为身份证号码或统一社会信用代码，请核对']]],
    [
      'a natural person with a wrong 身份证号',
      person({ idType: '201', idNumber: '110105194912310021' }),
      [['buyer.idNumber', '购买方居民身份证号码校验位不正确（第 18 位应为 X），请核对']],
    ],
    ['证件类型 without 证件号码', person({ idType: '208', idNumber: '' }), [['buyer.idNumber', '已选择证件类型，请填写购买方证件号码']]],
    ['证件号码 without 证件类型', person({ idType: null, idNumber: 'E12345678' }), [['buyer.idType', '请选择购买方证件类型']]],
    ['证件号码 too long', person({ idType: '208', idNumber: 'E'.repeat(31) }), [['buyer.idNumber', '购买方证件号码不能超过 30 个字符']]],
    ['地址 too long', buyer({ address: '路'.repeat(101) }), [['buyer.address', '购买方地址不能超过 100 个字符（现为 101 个）']]],
    ['电话 too long', buyer({ phone: '1'.repeat(31) }), [['buyer.phone', '购买方电话不能超过 30 个字符（现为 31 个）']]],
    ['开户银行 too long', buyer({ bank: '行'.repeat(101) }), [['buyer.bank', '购买方开户银行不能超过 100 个字符（现为 101 个）']]],
    ['银行账号 too long', buyer({ account: '1'.repeat(51) }), [['buyer.account', '购买方银行账号不能超过 50 个字符（现为 51 个）']]],
  ])
})

describe('项目 text fields', () => {
  run([
    ['limits reached, not passed', typed({}, { name: '软'.repeat(100), spec: 'S'.repeat(40), unit: '单'.repeat(22) }), []],
    ['项目名称 missing', typed({}, { name: '' }), [['lines.0.name', '第 1 行：请填写项目名称']]],
    ['项目名称 too long', typed({}, { name: '软'.repeat(101) }), [['lines.0.name', '第 1 行：项目名称不能超过 100 个字符（现为 101 个）']]],
    ['项目名称 counted in characters, not UTF-16 units', typed({}, { name: '𠮷'.repeat(100) }), []],
    ['税收分类编码 missing', typed({}, { taxCode: '' }), [['lines.0.taxCode', '第 1 行：请选择商品和服务税收分类编码']]],
    ['税收分类编码 short', typed({}, { taxCode: '304020101' }), [['lines.0.taxCode', '第 1 行：商品和服务税收分类编码应为 19 位数字']]],
    ['税收分类编码 with a letter', typed({}, { taxCode: '304020101000000000A' }), [['lines.0.taxCode', '第 1 行：商品和服务税收分类编码应为 19 位数字']]],
    ['规格型号 too long', typed({}, { spec: 'S'.repeat(41) }), [['lines.0.spec', '第 1 行：规格型号不能超过 40 个字符（现为 41 个）']]],
    ['单位 too long', typed({}, { unit: '单'.repeat(23) }), [['lines.0.unit', '第 1 行：单位不能超过 22 个字符（现为 23 个）']]],
  ])

  it('names the line by its number', () => {
    const draft = computeDraft(testDraft({ lines: [testLine(), testLine(), testLine({ name: '' })] }))
    expect(check(draft)).toEqual([['lines.2.name', '第 3 行：请填写项目名称']])
  })
})

describe('数量 and 单价', () => {
  run([
    ['neither, 金额 alone', typed({}, { quantity: null, unitPrice: null, amount: '10000' }), []],
    ['13 decimals in 16 characters', typed({}, { quantity: '1.0000000000000', unitPrice: '10000' }), []],
    ['数量 without 单价', storedLine({ unitPrice: null }), [['lines.0.unitPrice', '第 1 行：数量和单价须同时填写或同时不填']]],
    ['单价 without 数量', storedLine({ quantity: '' }), [['lines.0.quantity', '第 1 行：数量和单价须同时填写或同时不填']]],
    ['数量 not a number', storedLine({ quantity: 'abc' }), [['lines.0.quantity', '第 1 行：数量应为大于 0 的数字']]],
    ['数量 zero', storedLine({ quantity: '0' }), [['lines.0.quantity', '第 1 行：数量应为大于 0 的数字']]],
    ['数量 negative', storedLine({ quantity: '-1' }), [['lines.0.quantity', '第 1 行：数量应为大于 0 的数字']]],
    ['数量 with 14 decimals', storedLine({ quantity: '1.00000000000000' }), [['lines.0.quantity', '第 1 行：数量最多保留 13 位小数']]],
    ['单价 of 17 characters', storedLine({ unitPrice: '10000.00000000000' }), [['lines.0.unitPrice', '第 1 行：单价不能超过 16 个字符（含小数点）']]],
    ['单价 not a number', storedLine({ unitPrice: '1万' }), [['lines.0.unitPrice', '第 1 行：单价应为大于 0 的数字']]],
  ])
})

describe('金额 and 税额', () => {
  run([
    ['|数量 × 单价 − 金额| = 0.01', storedLine({ amount: '10000.01' }), []],
    ['|金额 × 税率 − 税额| = 0.06', storedLine({ tax: '600.06' }), []],
    ['|金额 × 税率 − 税额| = 0.06 below', storedLine({ tax: '599.94' }), []],
    ['金额 missing', storedLine({ amount: null }), [['lines.0.amount', '第 1 行：请填写金额']]],
    ['金额 with 3 decimals', storedLine({ amount: '10000.001' }), [['lines.0.amount', '第 1 行：金额应为数字，最多 2 位小数']]],
    ['金额 zero', typed({}, { quantity: null, unitPrice: null, amount: '0' }), [['lines.0.amount', '第 1 行：金额应大于 0']]],
    ['金额 negative', typed({}, { quantity: null, unitPrice: null, amount: '-100' }), [['lines.0.amount', '第 1 行：金额应大于 0']]],
    ['|数量 × 单价 − 金额| > 0.01', storedLine({ amount: '10000.02' }), [['lines.0.amount', '第 1 行：金额 10000.02 与数量 × 单价（10000.00）相差超过 0.01']]],
    ['|金额 × 税率 − 税额| > 0.06', storedLine({ tax: '600.07' }), [['lines.0.tax', '第 1 行：税额 600.07 与金额 × 税率（600.00）相差超过 0.06']]],
    ['税额 missing', storedLine({ tax: null }), [['lines.0.tax', '第 1 行：请填写税额']]],
    ['税额 not a number', storedLine({ tax: '6OO' }), [['lines.0.tax', '第 1 行：税额应为数字，最多 2 位小数']]],
  ])
})

describe('税率 and 优惠政策', () => {
  const RATES = '13%、9%、6%、5%、3%、1%、1.5%、0%'
  run([
    ['0.060 is 6%', typed({}, { taxRate: '0.060' }), []],
    ['免税', typed({}, { taxRate: '0', policy: '03' }), []],
    ['不征税', typed({}, { taxRate: '0', policy: '04' }), []],
    ['零税率', typed({}, { taxRate: '0', policy: null }), []],
    ['3% 简易征收', typed({}, { taxRate: '0.03', policy: '01' }), []],
    ['1.5% 减按', typed({}, { taxRate: '0.015', policy: '10' }), []],
    ['17% is gone', storedLine({ taxRate: '0.17' }), [['lines.0.taxRate', `第 1 行：税率/征收率“0.17”无效，应为 ${RATES}`]]],
    ['a label is not a rate', typed({}, { taxRate: '6%' }), [['lines.0.taxRate', `第 1 行：税率/征收率“6%”无效，应为 ${RATES}`]]],
    ['no rate yet', storedLine({ taxRate: '' }), [['lines.0.taxRate', '第 1 行：请填写税率/征收率']]],
    ['免税 flag on a taxed rate', typed({}, { taxRate: '0.13', policy: '03' }), [['lines.0.policy', '第 1 行：优惠政策类型为“免税”时，税率应选择“免税”']]],
    ['不征税 flag on a taxed rate', typed({}, { policy: '04' }), [['lines.0.policy', '第 1 行：优惠政策类型为“不征税”时，税率应选择“不征税”']]],
  ])

  it('checks the 征收率 flags without knowing the seller', () => {
    expect(check(typed({}, { taxRate: '0.01', policy: '01' }))).toEqual([['lines.0.policy', '第 1 行：征收率 1% 是普通的征收率行，不填写优惠政策标识（现为“简易征收”）']])
    expect(check(typed({}, { taxRate: '0.015', policy: null }))).toEqual([['lines.0.policy', '第 1 行：征收率 1.5% 须选择优惠政策“按5%简易征收减按1.5%计征”']])
  })
})

describe('税率 for this seller and this code (qualification)', () => {
  const SOFTWARE: CodeRates = { code: '3040201010000000000', name: '软件开发服务', rates: ['6%'], specialManagement: '' }
  const table = new Map([[SOFTWARE.code, SOFTWARE]])
  const as = (type: TaxpayerType, rates: readonly RateLabel[] = RATES_BY_TYPE[type]): DraftContext => ({
    operator: '张三',
    qualification: { seller: { type, rates }, taxCode: (c) => table.get(c) ?? null, today: '20261203' },
  })

  it.each<[string, InvoiceDraft, TaxpayerType, [string, string][]]>([
    ['6% on a 6% service', typed({}), '一般纳税人', []],
    [
      '13% on a 6% service',
      typed({}, { taxRate: '0.13' }),
      '一般纳税人',
      [['lines.0.taxRate', '第 1 行：税收分类编码 3040201010000000000（软件开发服务）适用税率 6%，不能使用 13%']],
    ],
    ['免税 on a 专票', typed({}, { taxRate: '0', policy: '03' }), '一般纳税人', [['lines.0.taxRate', '第 1 行：增值税专用发票不能开具免税项目：请改开普通发票，或选择其他税率']]],
    ['免税 on a 普票', typed({ kind: '82' }, { taxRate: '0', policy: '03' }), '一般纳税人', []],
    ['a 小规模纳税人 at 6%', typed({ kind: '82' }), '小规模纳税人', [['lines.0.taxRate', '第 1 行：小规模纳税人不能使用税率 6%，请选择征收率 3%（或减按 1%）或 5%']]],
    ['a 小规模纳税人 at 1%', typed({}, { taxRate: '0.01' }), '小规模纳税人', []],
    [
      "a 小规模纳税人's 专票 at 3% without the reason",
      typed({}, { taxRate: '0.03' }),
      '小规模纳税人',
      [['reducedReason', '小规模纳税人以 3% 征收率开具专票，须选择“放弃享受减按1%征收率原因”']],
    ],
    ['… with it', typed({ reducedReason: REDUCED_REASONS[1] }, { taxRate: '0.03' }), '小规模纳税人', []],
    ['a 普票 at 3% needs none', typed({ kind: '82' }, { taxRate: '0.03' }), '小规模纳税人', []],
    [
      '不征税 on a service',
      typed({ kind: '82' }, { taxRate: '0', policy: '04' }),
      '小规模纳税人',
      [['lines.0.taxRate', '第 1 行：“不征税”只能用于未发生销售行为的不征税项目（编码以 6 开头）']],
    ],
    [
      'a code missing from the table keeps the rules that need none',
      typed({}, { taxCode: '6010000000000000000', taxRate: '0.06' }),
      '一般纳税人',
      [['lines.0.taxRate', '第 1 行：税收分类编码 6010000000000000000属于未发生销售行为的不征税项目，税率只能选择“不征税”']],
    ],
  ])('%s', (_, draft, type, expected) => {
    expect(check(draft, as(type))).toEqual(expected)
  })

  it('allows only the rates the platform granted this company', () => {
    expect(check(typed({}), as('一般纳税人', ['13%', '免税']))).toEqual([['lines.0.taxRate', '第 1 行：税务平台未给本企业核定税率/征收率“6%”']])
  })
})

describe('折扣', () => {
  run([
    ['a discount', typed({}, { discount: '100' }), []],
    ['a discount of the whole 金额', typed({}, { discount: '10000' }), []],
    ['zero', typed({}, { discount: '0' }), [['lines.0.discount', '第 1 行：折扣金额应为大于 0 的数字，最多 2 位小数']]],
    ['negative', typed({}, { discount: '-5' }), [['lines.0.discount', '第 1 行：折扣金额应为大于 0 的数字，最多 2 位小数']]],
    ['3 decimals', typed({}, { discount: '1.234' }), [['lines.0.discount', '第 1 行：折扣金额应为大于 0 的数字，最多 2 位小数']]],
    ['more than the 金额', typed({}, { discount: '10000.01' }), [['lines.0.discount', '第 1 行：折扣金额 10000.01 不能超过金额 10000.00']]],
    [
      'its tax off by more than 0.06',
      stored((d) => {
        d.lines[0] = { ...d.lines[0]!, discount: '100.00', discountTax: '6.07' }
      }),
      [['lines.0.discountTax', '第 1 行：折扣税额 6.07 与折扣金额 × 税率（6.00）相差超过 0.06']],
    ],
    [
      'its tax unreadable',
      stored((d) => {
        d.lines[0] = { ...d.lines[0]!, discount: '100.00', discountTax: 'x' }
      }),
      [['lines.0.discountTax', '第 1 行：折扣税额应为数字，最多 2 位小数']],
    ],
  ])
})

describe('差额征税', () => {
  const difference = (line: Partial<DraftLine>, over: Partial<InvoiceDraft> = {}) =>
    typed({ taxMode: '差额征税', differenceMode: '02', priceIncludesTax: true, ...over }, { quantity: null, unitPrice: null, amount: '10600', deduction: '5000', ...line })
  run([
    ['差额开票', difference({}), []],
    ['全额开票', difference({}, { differenceMode: '01' }), []],
    ['扣除额 0', difference({ deduction: '0' }), []],
    ['扣除额 on 普通征税', typed({}, { deduction: '5' }), [['lines.0.deduction', '第 1 行：扣除额仅用于差额征税']]],
    ['扣除额 missing', difference({ deduction: null }), [['lines.0.deduction', '第 1 行：请填写扣除额']]],
    ['扣除额 unreadable', difference({ deduction: '5千' }), [['lines.0.deduction', '第 1 行：扣除额应为数字，最多 2 位小数']]],
    ['扣除额 negative', difference({ deduction: '-1' }), [['lines.0.deduction', '第 1 行：扣除额不能为负数']]],
    ['扣除额 equal to 含税销售额', difference({ deduction: '10600' }), [['lines.0.deduction', '第 1 行：扣除额 10600.00 应小于含税销售额 10600.00']]],
    ['方式 missing', difference({}, { differenceMode: null }), [['differenceMode', '差额征税请选择“全额开票”或“差额开票”']]],
    [
      'two lines',
      computeDraft(
        testDraft({
          taxMode: '差额征税',
          differenceMode: '02',
          priceIncludesTax: true,
          lines: [1, 2].map(() => testLine({ quantity: null, unitPrice: null, amount: '10600', deduction: '5000' })),
        }),
      ),
      [['lines', '差额征税只能填写 1 行项目（现为 2 行）']],
    ],
    ['a discount', difference({ discount: '100' }), [['lines.0.discount', '第 1 行：差额征税的项目不能添加折扣']]],
  ])

  it('checks a stored 差额开票 税额 against the difference rule', () => {
    const draft = difference({})
    expect(draft.lines[0]).toMatchObject({ amount: '10283.02', tax: '316.98' })
    draft.lines[0] = { ...draft.lines[0]!, tax: '318.00' }
    expect(check(draft)).toEqual([['lines.0.tax', '第 1 行：税额 318.00 与按差额计算的税额（317.04）相差超过 0.06']])
  })
})

describe('lines of the invoice', () => {
  const many = (n: number, line: Partial<DraftLine> = {}) => computeDraft(testDraft({ lines: Array.from({ length: n }, () => testLine(line)) }))
  run([
    ['2,000 lines', many(2000), []],
    ['no line', typed({ lines: [] }), [['lines', '请至少填写 1 行项目']]],
    ['2,001 lines', many(2001), [['lines', '项目行数（含折扣行）不能超过 2000 行（现为 2001 行）']]],
    ['1,001 discounted lines make 2,002 rows', many(1001, { discount: '1' }), [['lines', '项目行数（含折扣行）不能超过 2000 行（现为 2002 行）']]],
  ])

  // every line within 0.06, the invoice beyond 1.27: 22 × (0.19 − 0.13) = 1.32
  const drift = (n: number) =>
    stored((d) => {
      d.lines = Array.from({ length: n }, () => testLine({ quantity: null, unitPrice: null, amount: '1.00', taxRate: '0.13', tax: '0.19' }))
    })
  run([
    ['Σ税额 within 1.27 of Σ(金额 × 税率)', drift(21), []],
    ['Σ税额 beyond 1.27 of Σ(金额 × 税率)', drift(22), [['totals.tax', '合计税额 4.18 与各行金额 × 税率之和（2.86）相差超过 1.27']]],
  ])

  it('counts discount rows in the invoice-wide tax check', () => {
    const draft = stored((d) => {
      d.lines = Array.from({ length: 22 }, () => testLine({ quantity: null, unitPrice: null, amount: '2.00', taxRate: '0.13', tax: '0.26', discount: '1.00', discountTax: '0.07' }))
    })
    // per line 0.26 − 0.07 = 0.19 against 0.13
    expect(check(draft)).toEqual([['totals.tax', '合计税额 4.18 与各行金额 × 税率之和（2.86）相差超过 1.27']])
  })
})

describe('备注 and 附加要素', () => {
  run([
    ['备注 of 450 characters', typed({ remark: '注'.repeat(450) }), []],
    ['备注 too long', typed({ remark: '注'.repeat(451) }), [['remark', '备注不能超过 450 个字符（现为 451 个）']]],
    ['附加要素 of 300 characters', typed({ extras: [{ name: '项目编号', value: 'x'.repeat(300) }] }), []],
    ['附加要素 too long', typed({ extras: [{ name: '项目编号', value: 'x'.repeat(301) }] }), [['extras.0.value', '附加要素“项目编号”的内容不能超过 300 个字符（现为 301 个）']]],
    ['附加要素 without a name', typed({ extras: [{ name: '', value: '1' }] }), [['extras.0.name', '第 1 个附加要素：请填写名称']]],
    [
      '附加要素 named 备注',
      typed({ extras: [{ name: '备注', value: '1' }] }),
      [['extras.0.name', '第 1 个附加要素：“备注”是发票的固有栏目，不能作为附加要素名称：备注请填写在发票的备注栏']],
    ],
    [
      '附加要素 twice',
      typed({
        extras: [
          { name: '项目编号', value: '1' },
          { name: '项目编号', value: '2' },
        ],
      }),
      [['extras.1.name', '附加要素“项目编号”重复']],
    ],
  ])
})

describe('经办人', () => {
  const agent = (over: Partial<NonNullable<InvoiceDraft['agent']>>) => typed({ agent: { name: '李四', idType: null, idNumber: '', nationality: '', taxId: '', ...over } })
  run([
    ['name only', agent({}), []],
    ['all blank', agent({ name: '' }), []],
    ['with 身份证', agent({ idType: '201', idNumber: '11010519491231002X', nationality: '中国', taxId: '11010519491231002X' }), []],
    ['with a passport', agent({ idType: '208', idNumber: 'E12345678', nationality: '美国' }), []],
    ['a wrong 身份证号', agent({ idType: '201', idNumber: '110105194912310021' }), [['agent.idNumber', '经办人居民身份证号码校验位不正确（第 18 位应为 X），请核对']]],
    ['a short 身份证号', agent({ idType: '201', idNumber: '1101051949' }), [['agent.idNumber', '经办人居民身份证号码应为 18 位：17 位数字加 1 位数字或 X']]],
    ['证件类型 without 证件号码', agent({ idType: '208' }), [['agent.idNumber', '已选择证件类型，请填写经办人证件号码']]],
    ['证件号码 without 证件类型', agent({ idNumber: 'E12345678' }), [['agent.idType', '请选择经办人证件类型']]],
    ['an odd 纳税人识别号', agent({ taxId: 'XYZ' }), [['agent.taxId', '经办人的纳税人识别号应为身份证号码或统一社会信用代码，请核对']]],
  ])
})

describe('开票人', () => {
  it('is the operator the caller supplies, and required', () => {
    const draft = computeDraft(testDraft())
    expect(check(draft, { operator: '张三' })).toEqual([])
    expect(check(draft, { operator: ' ' })).toEqual([['operator', '未设置开票人：请先为当前操作员填写姓名']])
  })

  it('is not checked without a context (a form checking as the user types)', () => {
    expect(check(computeDraft(testDraft()))).toEqual([])
  })
})
