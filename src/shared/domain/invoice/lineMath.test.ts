import { describe, expect, it } from 'vitest'
import { deriveFactor, differenceSplit, differenceTaxOfExclusive, discountTaxOf, lineAmount, splitInclusive, taxOf } from './lineMath'
import { Dec } from './money'

const d = (s: string) => new Dec(s)
const money = (x: Dec) => x.toFixed(2)

describe('金额 = round(数量 × 单价, 2)', () => {
  it.each([
    ['1', '10000', '10000.00'],
    ['3', '0.335', '1.01'], // 1.005: half up
    ['1.5', '0.33', '0.50'], // 0.495
    ['3', '0.3333333333333', '1.00'],
    ['0.001', '4.99', '0.00'],
    ['7', '14.2857142857143', '100.00'],
  ])('%s × %s = %s', (q, p, amount) => {
    expect(money(lineAmount(d(q), d(p)))).toBe(amount)
  })
})

describe('the third of 数量/单价/金额', () => {
  it.each([
    ['10', '3', '3.3333333333333'],
    ['10000', '3', '3333.33333333333'],
    ['100', '8', '12.5'],
    ['100', '0.3', '333.333333333333'],
    ['0.01', '3', '0.0033333333333'],
  ])('%s / %s = %s', (amount, other, third) => {
    expect(deriveFactor(d(amount), d(other))).toBe(third)
  })

  it('cannot divide by a zero 数量 or 单价', () => {
    expect(deriveFactor(d('10'), d('0'))).toBeNull()
  })
})

describe('税额 = round(金额 × 税率, 2)', () => {
  it.each([
    ['10000', '0.06', '600.00'],
    ['100.05', '0.13', '13.01'], // 13.0065
    ['0.50', '0.01', '0.01'], // 0.005: half up
    ['0.49', '0.01', '0.00'],
    ['123.45', '0.015', '1.85'], // 1.85175
    ['100', '0', '0.00'],
  ])('%s × %s = %s', (amount, rate, tax) => {
    expect(money(taxOf(d(amount), d(rate)))).toBe(tax)
  })
})

describe('含税 entry: 金额 = round(含税金额 / (1 + 税率), 2), 税额 = 含税金额 − 金额', () => {
  it.each([
    ['113', '0.13', '100.00', '13.00'],
    ['100', '0.13', '88.50', '11.50'],
    ['109', '0.09', '100.00', '9.00'],
    ['100', '0.09', '91.74', '8.26'],
    ['106', '0.06', '100.00', '6.00'],
    ['100', '0.06', '94.34', '5.66'],
    ['103', '0.03', '100.00', '3.00'],
    ['100', '0.03', '97.09', '2.91'],
    ['101.50', '0.015', '100.00', '1.50'],
    ['100', '0.015', '98.52', '1.48'],
    ['0.01', '0.13', '0.01', '0.00'],
    ['100', '0', '100.00', '0.00'],
  ])('%s at %s → %s + %s', (inclusive, rate, amount, tax) => {
    const split = splitInclusive(d(inclusive), d(rate))
    expect([money(split.amount), money(split.tax)]).toEqual([amount, tax])
    expect(split.amount.plus(split.tax).eq(inclusive)).toBe(true)
  })
})

describe('折扣行 税额', () => {
  it.each([
    ['100', '0.13', '13.00'],
    ['0.50', '0.13', '0.07'], // 0.065
    ['33.33', '0.06', '2.00'],
  ])('%s at %s → %s (the row shows it negated)', (discount, rate, tax) => {
    expect(money(discountTaxOf(d(discount), d(rate)))).toBe(tax)
  })
})

describe('差额征税 · 差额开票 (assumed rule)', () => {
  it.each([
    // 含税销售额, 扣除额, 税率 → 金额, 税额
    ['10600', '5000', '0.06', '10283.02', '316.98'],
    ['105000', '84000', '0.05', '104000.00', '1000.00'], // 劳务派遣 5%
    ['10600', '0', '0.06', '10000.00', '600.00'], // nothing deducted: plain 含税 entry
    ['1000', '999.99', '0.03', '1000.00', '0.00'],
  ])('%s − %s at %s → %s + %s', (sales, deduction, rate, amount, tax) => {
    const split = differenceSplit(d(sales), d(deduction), d(rate))
    expect([money(split.amount), money(split.tax)]).toEqual([amount, tax])
    expect(split.amount.plus(split.tax).eq(sales)).toBe(true)
  })

  it('keeps the exact tax for tolerance checks', () => {
    expect(differenceSplit(d('10600'), d('5000'), d('0.06')).exact.toFixed(6)).toBe('316.981132')
  })

  it('gives the same 税额 from the tax-exclusive side', () => {
    expect(money(differenceTaxOfExclusive(d('10283.02'), d('5000'), d('0.06')))).toBe('316.98')
    expect(money(differenceTaxOfExclusive(d('104000'), d('84000'), d('0.05')))).toBe('1000.00')
  })
})
