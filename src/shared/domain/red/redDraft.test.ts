import { describe, expect, it } from 'vitest'
import { computeDraft } from '../invoice'
import { checkRedLines } from './checkLines'
import { RED_REMARK_MAX } from './policy'
import { redInvoiceDraft, redRemark, redRemarkProblem } from './redDraft'
import { reversible } from './reversible'
import { testBlue, testDifferenceBlue } from './testBlue'

const BLUE = '26442000000000000001'
const FORM = '44030026112800000001'

describe('the red invoice draft', () => {
  it('备注 begins with the blue number and the 确认单编号 (DOMAIN.md §4)', () => {
    expect(redRemark(BLUE, FORM)).toBe(`被红冲蓝字数电发票号码：${BLUE} 红字发票信息确认单编号：${FORM}`)
    expect(redRemarkProblem(redRemark(BLUE, FORM))).toBeNull()
    expect(redRemarkProblem('备'.repeat(RED_REMARK_MAX + 1))).toBe(`红字发票备注不能超过 382 个字符（现为 383 个）`)
  })

  it('negative lines, no 折扣行, the blue buyer and kind, negative totals in words', () => {
    const blue = testBlue()
    const { lines } = checkRedLines('01', reversible(blue, []), undefined)
    const red = redInvoiceDraft(blue, lines, { blueNumber: BLUE, confirmationNumber: FORM }, '退货')
    expect(red.kind).toBe(blue.kind)
    expect(red.buyer).toEqual(blue.buyer)
    expect(red.lines.map((l) => [l.name, l.unit, l.quantity, l.unitPrice, l.amount, l.tax, l.discount])).toEqual([
      ['办公椅', '把', '-10', '100', '-1000.00', '-130.00', null],
      ['安装服务', '次', null, null, '-500.00', '-30.00', null],
      ['办公桌', '张', '-4', '225', '-900.00', '-117.00', null],
    ])
    expect(red.totals).toEqual({ amount: '-2400.00', tax: '-277.00', total: '-2677.00', totalInWords: '（负数）贰仟陆佰柒拾柒圆整' })
    expect(red.remark).toBe(`${redRemark(BLUE, FORM)} 退货`)
  })

  it('差额开票 stays 差额开票 with the 扣除额 negated: its 税额 follows 金额 − 扣除额 as the blue one did', () => {
    const blue = testDifferenceBlue()
    const { lines } = checkRedLines('01', reversible(blue, []), undefined)
    const red = redInvoiceDraft(blue, lines, { blueNumber: BLUE, confirmationNumber: FORM })
    expect(red).toMatchObject({ taxMode: '差额征税', differenceMode: '02', priceIncludesTax: false })
    expect(red.lines.map((l) => [l.amount, l.deduction, l.tax])).toEqual([['-10283.02', '-5000.00', '-316.98']])
    expect(red.totals).toMatchObject({ amount: '-10283.02', tax: '-316.98', total: '-10600.00' })
  })

  it('全额开票 is reversed as 普通征税: its 税额 was on the whole sale', () => {
    const blue = computeDraft({ ...testDifferenceBlue(), differenceMode: '01' })
    const { lines, issues } = checkRedLines('01', reversible(blue, []), undefined)
    expect(issues).toEqual([])
    const red = redInvoiceDraft(blue, lines, { blueNumber: BLUE, confirmationNumber: FORM })
    expect(red).toMatchObject({ taxMode: '普通征税', differenceMode: null })
    expect(red.lines.map((l) => [l.amount, l.deduction, l.tax])).toEqual([[`-${blue.lines[0]!.amount}`, null, `-${blue.lines[0]!.tax}`]])
  })
})
