import { describe, expect, it } from 'vitest'
import { Dec, decimalPlaces, fenOf, fenOfText, formatFitted, formatMoney, isBlank, moneyFromFen, parseDecimal, parseMoney, roundFen } from './money'

describe('parseDecimal: plain decimal text only', () => {
  it.each([
    ['12', '12'],
    [' 0.5 ', '0.5'],
    ['-3.25', '-3.25'],
    ['007.10', '7.1'],
    ['10000.00', '10000'],
  ])('%j → %s', (text, value) => {
    expect(parseDecimal(text)?.toFixed()).toBe(value)
  })

  it.each(['', '  ', null, undefined, 'abc', '1e5', '1,000', '.5', '5.', '+1', '１２', '0x10', 'NaN', 'Infinity'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNull()
  })
})

describe('parseMoney: at most 2 decimals', () => {
  it.each([
    ['100', '100'],
    ['100.5', '100.5'],
    ['-0.01', '-0.01'],
  ])('%s', (text, value) => expect(parseMoney(text)?.toFixed()).toBe(value))

  it.each(['100.001', 'x', ''])('refuses %j', (text) => expect(parseMoney(text)).toBeNull())
})

describe('blank and decimal places', () => {
  it('treats null, undefined and whitespace as blank', () => {
    expect([null, undefined, '', ' \u3000'].map(isBlank)).toEqual([true, true, true, true])
    expect(isBlank('0')).toBe(false)
  })

  it.each([
    ['1', 0],
    ['1.50', 2],
    [' 0.1234567890123 ', 13],
  ])('%j has %d decimals', (text, n) => expect(decimalPlaces(text)).toBe(n))
})

describe('四舍五入 to 分 (ROUND_HALF_UP)', () => {
  it.each([
    ['1.005', '1.01'],
    ['1.004999', '1.00'],
    ['2.675', '2.68'], // 2.675 is 2.67499… as a float: exact decimals round it up
    ['0.125', '0.13'],
    ['-0.005', '-0.01'],
    ['-1.0049', '-1.00'],
    ['-0.004', '0.00'],
    ['10000', '10000.00'],
    ['1.1', '1.10'],
  ])('%s → %s', (value, money) => {
    expect(formatMoney(new Dec(value))).toBe(money)
    expect(roundFen(new Dec(value)).abs().toFixed(2)).toBe(money.replace('-', ''))
  })

  it('uses 40 significant digits, enough for a 16-character 数量 × 16-character 单价', () => {
    expect(new Dec('9999999999999.99').times('99999999.9999999').toFixed()).toBe('999999999999998000000.000000001')
    expect(new Dec('123456789012.345').times('0.1234567890123').toFixed()).toBe('15241578753.2331135650568435')
  })
})

describe('integer 分', () => {
  it.each([
    ['10000.00', 1000000],
    ['0.01', 1],
    ['-12.3', -1230],
    ['-0.00', 0],
    ['7', 700],
    ['1.005', 101],
    ['12345678901234.5', 1234567890123450], // beyond the fast path's 13 digits: through Decimal
  ])('fenOf(%s) = %d', (text, fen) => {
    expect(fenOf(text)).toBe(fen)
  })

  it('refuses amounts beyond exact integer 分', () => {
    expect(() => fenOf('99999999999999.99')).toThrow(RangeError)
  })

  it('reads a Decimal and refuses what is not an amount', () => {
    expect(fenOf(new Dec('2.345'))).toBe(235)
    expect(() => fenOf('abc')).toThrow(RangeError)
  })

  it('fenOfText reads only plain amounts', () => {
    expect(fenOfText(' 12.5 ')).toBe(1250)
    expect(fenOfText('12.345')).toBeNull()
    expect(fenOfText('')).toBeNull()
  })

  it.each([
    [1000000, '10000.00'],
    [1, '0.01'],
    [-1230, '-12.30'],
    [0, '0.00'],
    [12345678901234567890n, '123456789012345678.90'],
  ])('moneyFromFen(%s) = %s', (fen, text) => {
    expect(moneyFromFen(fen)).toBe(text)
  })

  it('round-trips', () => {
    for (const text of ['0.00', '0.99', '-5.05', '123456789.12']) expect(moneyFromFen(fenOf(text))).toBe(text)
    expect(() => moneyFromFen(1.5)).toThrow(RangeError)
  })
})

describe('formatFitted: derived 数量/单价 within 13 decimals and 16 characters', () => {
  it.each([
    ['10', '3', '3.3333333333333'],
    ['10000', '3', '3333.33333333333'],
    ['100', '7', '14.2857142857143'],
    ['1000', '7', '142.857142857143'],
    ['1', '8', '0.125'],
    ['2', '3', '0.6666666666667'],
    ['99.9999999999999999', '1', '100'],
    ['1', '3000000000000000', '0'],
  ])('%s / %s → %s', (a, b, text) => {
    const out = formatFitted(new Dec(a).dividedBy(b))
    expect(out).toBe(text)
    expect(out.length).toBeLessThanOrEqual(16)
  })
})
