import { describe, expect, it } from 'vitest'
import { totalsOf } from './totals'

describe('totals', () => {
  it('adds 金额 and 税额 over rows, discount rows included, and writes the total in words', () => {
    expect(
      totalsOf([
        { amount: '1000.00', tax: '130.00' },
        { amount: '-100.00', tax: '-13.00' },
        { amount: '0.10', tax: '0.01' },
      ]),
    ).toEqual({ amount: '900.10', tax: '117.01', total: '1017.11', totalInWords: '壹仟零壹拾柒圆壹角壹分' })
  })

  it('is exact where floats are not (0.1 + 0.2)', () => {
    expect(
      totalsOf([
        { amount: '0.1', tax: '0' },
        { amount: '0.2', tax: '0' },
      ]).amount,
    ).toBe('0.30')
  })

  it('counts blank or invalid amounts as 0 while the user types', () => {
    expect(
      totalsOf([
        { amount: '', tax: 'x' },
        { amount: '5', tax: '1.005' },
      ]),
    ).toEqual({ amount: '5.00', tax: '0.00', total: '5.00', totalInWords: '伍圆整' })
  })

  it('totals nothing as zero', () => {
    expect(totalsOf([])).toEqual({ amount: '0.00', tax: '0.00', total: '0.00', totalInWords: '零圆整' })
  })

  it('stays exact past 2^53 分', () => {
    const rows = Array.from({ length: 2000 }, () => ({ amount: '9999999999999.99', tax: '0.01' }))
    expect(totalsOf(rows)).toMatchObject({ amount: '19999999999999980.00', tax: '20.00', total: '20000000000000000.00' })
  })
})
