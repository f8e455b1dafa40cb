import { describe, expect, it } from 'vitest'
import type { RedCandidate } from '../../../../shared/api/red'
import type { RedReason } from '../../../../shared/platform/red'
import { DIFFERENCE_WHOLE_ONLY } from '../../../../shared/domain/red'
import { anyProblem, draftLines, draftProblems, editsOf, linesInput, redTotals, setAmount, setQuantity, type RedDraftLine } from './redDraft'

/** 10 台 at 333.33 (金额 3,333.30, 13%), and a service line without 数量 */
function candidate(): RedCandidate {
  return {
    blueNumber: '25440000000000000001',
    kind: '82',
    issuedAt: '2025-03-01T10:00:00+08:00',
    role: 'seller',
    counterparty: { taxId: '91110105MA01ABCD26', name: '北京示例科技有限公司' },
    total: '4366.65',
    redStatus: 'normal',
    lines: [
      {
        blueLine: 1,
        name: '服务器',
        taxCode: '1090511030000000000',
        spec: 'X1',
        unit: '台',
        taxRate: '0.13',
        unitPrice: '333.33',
        quantity: '10',
        amount: '3333.30',
        tax: '433.33',
      },
      { blueLine: 2, name: '安装服务', taxCode: '3040201010000000000', spec: '', unit: '', taxRate: '0.06', unitPrice: null, quantity: null, amount: '500.00', tax: '30.00' },
      { blueLine: 3, name: '已冲完', taxCode: '3040201010000000000', spec: '', unit: '项', taxRate: '0.06', unitPrice: '1', quantity: '0', amount: '0.00', tax: '0.00' },
    ],
    remaining: { amount: '3833.30', tax: '463.33', total: '4296.63' },
    wholeOnly: null,
    openFormId: null,
    blueRefusal: null,
    reasonRefusals: { '01': null, '02': null, '03': null, '04': null },
    starterRefusals: { seller: null, buyer: '您是该发票的销售方，录入方身份应选择销售方' },
    sellerNeedsConfirmation: false,
  }
}

/** the shared rules' word on one line's cells */
const problemsOf = (line: RedDraftLine, reason: RedReason) => draftProblems(candidate(), [line], reason).cells[0]!

describe('新增红字确认信息 step ②', () => {
  it('starts from everything that remains, spent lines left out; totals negative with 大写', () => {
    const lines = draftLines(candidate(), '02')
    expect(lines.map((l) => l.blueLine)).toEqual([1, 2])
    expect(redTotals(lines)).toEqual({ amount: '-3833.30', tax: '-463.33', total: '-4296.63', words: '（负数）肆仟贰佰玖拾陆圆陆角叁分' })
  })

  it('01 sends no lines: the core reverses all that remains', () => {
    expect(linesInput(draftLines(candidate(), '01'), '01')).toBeUndefined()
  })

  it('02: 金额 = 数量 × 原单价, 税额 follows; the whole remainder gives back the blue figures exactly', () => {
    const [line] = draftLines(candidate(), '02')
    setQuantity(line!, '3')
    expect([line!.amount, line!.tax]).toEqual(['999.99', '130.00'])
    setQuantity(line!, '10')
    // 10 × 333.33 = 3333.30 and 13% of it 433.33: the blue line's own figures, not recomputed ones
    expect([line!.amount, line!.tax]).toEqual(['3333.30', '433.33'])
    expect(linesInput([line!], '02')).toEqual([{ blueLine: 1, quantity: '-10', amount: '-3333.30', tax: '-433.33' }])
  })

  it('03: 金额 typed, 数量 follows at the unchanged 单价', () => {
    const [line] = draftLines(candidate(), '03')
    setAmount(line!, '666.66', '03')
    expect([line!.quantity, line!.tax]).toEqual(['2', '86.67'])
  })

  it('03: 数量 may be left blank (an amount without a quantity); it is then sent as none', () => {
    const [line] = draftLines(candidate(), '03')
    setQuantity(line!, '')
    setAmount(line!, '100', '03')
    line!.quantity = ''
    expect(problemsOf(line!, '03').quantity).toBe('')
    expect(linesInput([line!], '03')![0]!.quantity).toBeNull()
  })

  it('税额 follows 金额 but never exceeds what remains of it', () => {
    const c = candidate()
    c.lines[0] = { ...c.lines[0]!, tax: '10.00' }
    const [line] = draftLines(c, '04')
    setAmount(line!, '1000', '04')
    expect(line!.tax).toBe('10.00')
  })

  it('04: money only — no 数量 on the red line', () => {
    const lines = draftLines(candidate(), '04')
    expect(lines[0]!.quantity).toBe('')
    setAmount(lines[0]!, '100', '04')
    expect(lines[0]!.tax).toBe('13.00')
    expect(linesInput(lines, '04')![0]).toEqual({ blueLine: 1, quantity: null, amount: '-100.00', tax: '-13.00' })
    expect(anyProblem(draftProblems(candidate(), lines, '04'))).toBe(false)
  })

  it('says what is wrong: beyond what remains, zero, not a number', () => {
    const [line] = draftLines(candidate(), '02')
    setQuantity(line!, '11')
    // 金额 follows 数量 under 02: the shared rule's 金额 limit, said on the 数量
    expect(problemsOf(line!, '02').quantity).toBe('红冲金额 3666.63 超过可红冲金额 3333.30')
    setQuantity(line!, '0')
    expect(problemsOf(line!, '02').quantity).toBe('数量应大于 0')
    setQuantity(line!, '1')
    setAmount(line!, '12.345', '03')
    expect(problemsOf(line!, '03').amount).toMatch(/2 位小数/)
  })

  it('what no cell can show comes back whole: 01 on an invoice already partly reversed', () => {
    const c = { ...candidate(), redStatus: 'partly-reversed' as const }
    const p = draftProblems(c, draftLines(c, '01'), '01')
    expect(p.general).toEqual(['开票有误只能全额红冲；该蓝字发票已部分红冲，不能再以“开票有误”红冲'])
    expect(anyProblem(draftProblems(c, draftLines(c, '01'), '01'))).toBe(true)
  })

  it('a 差额开票 invoice: nothing to edit whatever the reason, and a part of it is refused saying why', () => {
    const c: RedCandidate = {
      ...candidate(),
      lines: [
        { blueLine: 1, name: '旅游服务', taxCode: '3070401000000000000', spec: '', unit: '', taxRate: '0.06', unitPrice: null, quantity: null, amount: '10283.02', tax: '316.98' },
      ],
      remaining: { amount: '10283.02', tax: '316.98', total: '10600.00' },
      wholeOnly: DIFFERENCE_WHOLE_ONLY,
    }
    expect(editsOf('04', true)).toEqual({ quantity: false, amount: false, removable: false, hasQuantity: false })
    expect(editsOf('03', true)).toMatchObject({ quantity: false, amount: false, removable: false, hasQuantity: true })
    const lines = draftLines(c, '04')
    expect(anyProblem(draftProblems(c, lines, '04'))).toBe(false)
    expect(linesInput(lines, '04')).toEqual([{ blueLine: 1, quantity: null, amount: '-10283.02', tax: '-316.98' }])
    setAmount(lines[0]!, '1000', '04')
    expect(draftProblems(c, lines, '04').general).toEqual([`${DIFFERENCE_WHOLE_ONLY}：蓝字发票第 1 行（旅游服务）须按原数量、金额、税额全部红冲`])
  })
})
