import { describe, expect, it } from 'vitest'
import { computeDraft } from './compute'
import { sampleDraft } from './sample'
import { testDraft, testLine } from './testDraft'
import type { DraftLine, InvoiceDraft } from './types'

type Shown = Pick<DraftLine, 'quantity' | 'unitPrice' | 'amount' | 'tax'>
const shown = (l: DraftLine | undefined): Shown => ({ quantity: l?.quantity ?? null, unitPrice: l?.unitPrice ?? null, amount: l?.amount ?? null, tax: l?.tax ?? null })
const computeOne = (line: Partial<DraftLine>, over: Partial<InvoiceDraft> = {}) => computeDraft(testDraft({ ...over, lines: [testLine(line)] })).lines[0]

describe('computeDraft: tax-exclusive entry', () => {
  it.each<[string, Partial<DraftLine>, Shown]>([
    ['金额 from 数量 × 单价', { quantity: '1', unitPrice: '10000' }, { quantity: '1', unitPrice: '10000', amount: '10000.00', tax: '600.00' }],
    ['金额 rounded half up at .005', { quantity: '3', unitPrice: '0.335' }, { quantity: '3', unitPrice: '0.335', amount: '1.01', tax: '0.06' }],
    ['单价 from 金额 / 数量, 13 decimals', { quantity: '3', unitPrice: null, amount: '10' }, { quantity: '3', unitPrice: '3.3333333333333', amount: '10.00', tax: '0.60' }],
    ['单价 within 16 characters', { quantity: '3', unitPrice: null, amount: '10000' }, { quantity: '3', unitPrice: '3333.33333333333', amount: '10000.00', tax: '600.00' }],
    ['数量 from 金额 / 单价', { quantity: null, unitPrice: '3', amount: '100' }, { quantity: '33.3333333333333', unitPrice: '3', amount: '100.00', tax: '6.00' }],
    ['金额 alone', { quantity: null, unitPrice: null, amount: '88' }, { quantity: null, unitPrice: null, amount: '88.00', tax: '5.28' }],
    ['a given 金额 is kept beside 数量 × 单价', { quantity: '3', unitPrice: '0.3333', amount: '1' }, { quantity: '3', unitPrice: '0.3333', amount: '1.00', tax: '0.06' }],
    ['a given 税额 is kept', { amount: '10000', tax: '600.04' }, { quantity: '1', unitPrice: '10000', amount: '10000.00', tax: '600.04' }],
    ['税额 half up', { quantity: null, unitPrice: null, amount: '0.50', taxRate: '0.01' }, { quantity: null, unitPrice: null, amount: '0.50', tax: '0.01' }],
    ['免税 carries 0.00', { taxRate: '0', policy: '03' }, { quantity: '1', unitPrice: '10000', amount: '10000.00', tax: '0.00' }],
    ['blank text is null', { quantity: ' ', unitPrice: '', amount: '5' }, { quantity: null, unitPrice: null, amount: '5.00', tax: '0.30' }],
    ['a zero 数量 derives no 单价', { quantity: '0', unitPrice: null, amount: '5' }, { quantity: '0', unitPrice: null, amount: '5.00', tax: '0.30' }],
  ])('%s', (_, line, expected) => {
    expect(shown(computeOne(line))).toEqual(expected)
  })
})

describe('computeDraft: 含税 entry stores tax-exclusive values', () => {
  it.each<[string, Partial<DraftLine>, Shown]>([
    ['13%', { quantity: null, unitPrice: null, amount: '113', taxRate: '0.13' }, { quantity: null, unitPrice: null, amount: '100.00', tax: '13.00' }],
    ['13%, uneven', { quantity: null, unitPrice: null, amount: '100', taxRate: '0.13' }, { quantity: null, unitPrice: null, amount: '88.50', tax: '11.50' }],
    ['9%', { quantity: null, unitPrice: null, amount: '100', taxRate: '0.09' }, { quantity: null, unitPrice: null, amount: '91.74', tax: '8.26' }],
    ['6%', { quantity: null, unitPrice: null, amount: '100', taxRate: '0.06' }, { quantity: null, unitPrice: null, amount: '94.34', tax: '5.66' }],
    ['3%', { quantity: null, unitPrice: null, amount: '100', taxRate: '0.03' }, { quantity: null, unitPrice: null, amount: '97.09', tax: '2.91' }],
    ['1.5%', { quantity: null, unitPrice: null, amount: '100', taxRate: '0.015' }, { quantity: null, unitPrice: null, amount: '98.52', tax: '1.48' }],
    [
      '含税单价 × 数量, then the exclusive 单价 from the line',
      { quantity: '3', unitPrice: '33.90', taxRate: '0.13' },
      { quantity: '3', unitPrice: '30', amount: '90.00', tax: '11.70' },
    ],
    [
      'exclusive 单价 with 13 decimals',
      { quantity: '7', unitPrice: null, amount: '100', taxRate: '0.06' },
      { quantity: '7', unitPrice: '13.4771428571429', amount: '94.34', tax: '5.66' },
    ],
    ['数量 from 含税金额 / 含税单价', { quantity: null, unitPrice: '11.3', amount: '113', taxRate: '0.13' }, { quantity: '10', unitPrice: '10', amount: '100.00', tax: '13.00' }],
    [
      'a typed 税额 is ignored: the split decides it',
      { quantity: null, unitPrice: null, amount: '113', taxRate: '0.13', tax: '99' },
      { quantity: null, unitPrice: null, amount: '100.00', tax: '13.00' },
    ],
  ])('%s', (_, line, expected) => {
    const computed = computeDraft(testDraft({ priceIncludesTax: true, lines: [testLine(line)] }))
    expect(computed.priceIncludesTax).toBe(false)
    expect(shown(computed.lines[0])).toEqual(expected)
  })
})

describe('computeDraft: discounts', () => {
  it('fills the discount and its tax, and totals the 折扣行 in', () => {
    const computed = computeDraft(testDraft({ lines: [testLine({ quantity: '2', unitPrice: '500', taxRate: '0.13', discount: '100' })] }))
    expect(computed.lines[0]).toMatchObject({ amount: '1000.00', tax: '130.00', discount: '100.00', discountTax: '13.00' })
    expect(computed.totals).toEqual({ amount: '900.00', tax: '117.00', total: '1017.00', totalInWords: '壹仟零壹拾柒圆整' })
  })

  it('rounds the discount tax half up', () => {
    expect(computeOne({ taxRate: '0.13', discount: '0.5' })).toMatchObject({ discount: '0.50', discountTax: '0.07' })
  })

  it("takes a 含税 line's discount as 含税 too: 113.00 less 11.30 at 13% is 90.00 + 11.70 = 101.70", () => {
    const computed = computeDraft(testDraft({ priceIncludesTax: true, lines: [testLine({ quantity: null, unitPrice: null, amount: '113', taxRate: '0.13', discount: '11.30' })] }))
    expect(computed.lines[0]).toMatchObject({ amount: '100.00', tax: '13.00', discount: '10.00', discountTax: '1.30' })
    expect(computed.totals).toMatchObject({ amount: '90.00', tax: '11.70', total: '101.70' })
  })

  // 折扣 × 含税/不含税 × every rate: the discount is on the basis its line was typed in, so an
  // exclusive line loses exactly the discount from 金额 and an inclusive one from 价税合计
  const RATES: [string, string, '03' | null][] = [
    ['13%', '0.13', null],
    ['9%', '0.09', null],
    ['6%', '0.06', null],
    ['5%', '0.05', null],
    ['3%', '0.03', null],
    ['1.5%', '0.015', null],
    ['1%', '0.01', null],
    ['0%', '0', null],
    ['免税', '0', '03'],
  ]
  const fen = (text: string | null | undefined) => Math.round(Number(text) * 100)
  describe.each(RATES)('at %s', (_, taxRate, policy) => {
    it.each([
      ['1234.56', '234.56'],
      ['99.99', '0.01'],
      ['100', '100'],
      ['7', '3.33'],
    ])('不含税 %s less %s', (amount, discount) => {
      const c = computeDraft(testDraft({ lines: [testLine({ quantity: null, unitPrice: null, amount, taxRate, policy, discount })] }))
      const line = c.lines[0]!
      expect(line.discount).toBe(Number(discount).toFixed(2))
      expect(fen(line.discountTax)).toBe(Math.round(fen(discount) * Number(taxRate)))
      expect(fen(c.totals.amount)).toBe(fen(amount) - fen(discount))
      expect(fen(c.totals.total)).toBe(fen(c.totals.amount) + fen(c.totals.tax))
    })
    it.each([
      ['1234.56', '234.56'],
      ['99.99', '0.01'],
      ['100', '100'],
      ['7', '3.33'],
    ])('含税 %s less %s', (amount, discount) => {
      const c = computeDraft(testDraft({ priceIncludesTax: true, lines: [testLine({ quantity: null, unitPrice: null, amount, taxRate, policy, discount })] }))
      const line = c.lines[0]!
      expect(fen(line.discount) + fen(line.discountTax)).toBe(fen(discount))
      expect(fen(line.discount)).toBe(Math.round(fen(discount) / (1 + Number(taxRate))))
      expect(fen(c.totals.total)).toBe(fen(amount) - fen(discount))
      expect(fen(c.totals.total)).toBe(fen(c.totals.amount) + fen(c.totals.tax))
    })
  })

  it('leaves an unreadable discount as typed', () => {
    expect(computeOne({ discount: '-x' })).toMatchObject({ discount: '-x', discountTax: null })
  })
})

describe('computeDraft: 差额征税', () => {
  const difference = (mode: '01' | '02', line: Partial<DraftLine>, includesTax = true) =>
    computeOne({ quantity: null, unitPrice: null, ...line }, { taxMode: '差额征税', differenceMode: mode, priceIncludesTax: includesTax })

  it('差额开票: 税额 on 含税销售额 − 扣除额', () => {
    expect(difference('02', { amount: '10600', deduction: '5000' })).toMatchObject({ amount: '10283.02', tax: '316.98', deduction: '5000.00' })
    expect(difference('02', { amount: '105000', deduction: '84000', taxRate: '0.05' })).toMatchObject({ amount: '104000.00', tax: '1000.00' })
  })

  it('差额开票 typed tax-exclusive gives the same 税额', () => {
    expect(difference('02', { amount: '10283.02', deduction: '5000' }, false)).toMatchObject({ amount: '10283.02', tax: '316.98' })
  })

  it('全额开票: 税额 on the whole 含税销售额, the 扣除额 only recorded', () => {
    expect(difference('01', { amount: '10600', deduction: '5000' })).toMatchObject({ amount: '10000.00', tax: '600.00', deduction: '5000.00' })
  })

  it('差额开票 without a 扣除额 stays as typed and untaxed', () => {
    expect(difference('02', { amount: '10600' })).toMatchObject({ amount: '10600.00', tax: null })
    expect(difference('02', { amount: '10600' }, false)).toMatchObject({ amount: '10600.00', tax: null })
  })
})

describe('computeDraft: what cannot be computed is left for validation', () => {
  it('returns a line with an unreadable 数量, 单价 or 金额 as typed', () => {
    for (const bad of [{ quantity: 'abc' }, { unitPrice: '1,000' }, { amount: '10.001' }]) {
      const line = testLine(bad)
      expect(computeDraft(testDraft({ lines: [line] })).lines[0]).toBe(line)
    }
  })

  it('derives 金额 but no 税额 when the 税率 is unreadable', () => {
    expect(shown(computeOne({ taxRate: '6%' }))).toEqual({ quantity: '1', unitPrice: '10000', amount: '10000.00', tax: null })
  })

  it('computes nothing from 数量 alone', () => {
    expect(shown(computeOne({ unitPrice: null }))).toEqual({ quantity: '1', unitPrice: null, amount: null, tax: null })
  })

  it('keeps an unreadable typed 税额 as typed', () => {
    expect(computeOne({ tax: '6OO' })?.tax).toBe('6OO')
  })
})

describe('computeDraft: a computed draft computes to itself', () => {
  it.each<[string, InvoiceDraft]>([
    ['exclusive sample', sampleDraft(30)],
    ['含税 sample', sampleDraft(30, { priceIncludesTax: true })],
    ['discounts', testDraft({ priceIncludesTax: true, lines: [testLine({ quantity: '7', unitPrice: null, amount: '100', discount: '3.33' })] })],
    [
      '差额开票',
      testDraft({ taxMode: '差额征税', differenceMode: '02', priceIncludesTax: true, lines: [testLine({ quantity: null, unitPrice: null, amount: '10600', deduction: '5000' })] }),
    ],
  ])('%s', (_, draft) => {
    const once = computeDraft(draft)
    expect(computeDraft(once)).toEqual(once)
  })

  it('does not change its input', () => {
    const draft = sampleDraft(5, { priceIncludesTax: true })
    const copy = structuredClone(draft)
    computeDraft(draft)
    expect(draft).toEqual(copy)
  })
})
