import { describe, expect, it } from 'vitest'
import { computeDraft, type DraftLine } from '../../../../shared/domain/invoice'
import { testDraft, testLine } from '../../../../shared/domain/invoice/testDraft'
import type { RateLabel } from '../../../../shared/domain/rates'
import type { TaxpayerType } from '../../../../shared/domain/taxpayerType'
import { blankLine } from './draftForm'
import { applyRate, commitRateText, forgetStoredTax } from './lineFigures'

/** a line as the ledger keeps it once queued: every figure filled, 税额 included */
function storedLine(over: Partial<DraftLine> = {}): DraftLine {
  return { ...computeDraft(testDraft({ lines: [testLine({ discount: '100' })] })).lines[0]!, ...over }
}

describe('a stored 税额 follows the figures it came from', () => {
  it('is derived again once 金额 changes (the screen has no 税额 cell to fix it by hand)', () => {
    const line = storedLine()
    expect(line).toMatchObject({ amount: '10000.00', tax: '600.00', discountTax: '6.00' })
    line.amount = '4000'
    line.unitPrice = '4000'
    forgetStoredTax(line, 'figures')
    expect(line.discountTax).toBe('6.00')
    const [again] = computeDraft(testDraft({ lines: [line] })).lines
    expect(again).toMatchObject({ amount: '4000.00', tax: '240.00', discountTax: '6.00' })
  })

  it('a new 折扣 re-derives only the 折扣税额; a new 税率 both', () => {
    const line = storedLine()
    forgetStoredTax(line, 'discount')
    expect(line).toMatchObject({ tax: '600.00', discountTax: null })
    const rated = storedLine()
    commitRateText(rated, '13%', '一般纳税人')
    expect(rated).toMatchObject({ taxRate: '0.13', tax: null, discountTax: null })
    expect(computeDraft(testDraft({ lines: [rated] })).lines[0]).toMatchObject({ tax: '1300.00', discountTax: '13.00' })
  })

  it('the same rate typed again keeps the stored figures; a typed line gains no keys', () => {
    const line = storedLine()
    commitRateText(line, '6%', '一般纳税人')
    expect(line).toMatchObject({ tax: '600.00', discountTax: '6.00' })
    const typed = testLine()
    forgetStoredTax(typed, 'figures')
    expect('tax' in typed).toBe(false)
  })
})

describe('applyRate: the 优惠政策标识 follows the rate for this seller', () => {
  const blank = (policy: DraftLine['policy'] = null): DraftLine => ({ ...blankLine(), taxRate: '0.06', policy })
  it.each<[string, RateLabel, TaxpayerType, DraftLine['policy'], DraftLine['policy']]>([
    ['免税 carries 03', '免税', '一般纳税人', null, '03'],
    ["a 一般纳税人's 3% is 简易征收", '3%', '一般纳税人', null, '01'],
    ["a 小规模纳税人's 3% has none", '3%', '小规模纳税人', null, null],
    ['1.5% carries 10', '1.5%', '小规模纳税人', null, '10'],
    ['back to 6% drops 免税', '6%', '一般纳税人', '03', null],
    ['即征即退 stays beside 13%', '13%', '一般纳税人', '12', '12'],
  ])('%s', (_, label, type, before, after) => {
    const line = blank(before)
    applyRate(line, label, type)
    expect(line.policy).toBe(after)
  })
})
