import { describe, expect, it } from 'vitest'
import { bureauOfRegion, formatInvoiceNumber, isWellFormedInvoiceNumber, parseInvoiceNumber } from './invoiceNumber'

describe('发票号码', () => {
  it('is YY + bureau + channel + 15-digit sequence', () => {
    const n = formatInvoiceNumber({ year: 2026, bureau: '44', channel: '2', sequence: 1 })
    expect(n).toBe('26442000000000000001')
    expect(isWellFormedInvoiceNumber(n)).toBe(true)
    expect(parseInvoiceNumber(n)).toEqual({ year: 2026, bureau: '44', channel: '2', sequence: 1 })
  })

  it('round-trips the largest sequence and a real-looking number', () => {
    const big = formatInvoiceNumber({ year: 2031, bureau: '11', channel: '2', sequence: 999_999_999_999_999 })
    expect(big).toBe('31112999999999999999')
    expect(parseInvoiceNumber(big)?.sequence).toBe(999_999_999_999_999)
    expect(parseInvoiceNumber('24312000000136634917')).toEqual({ year: 2024, bureau: '31', channel: '2', sequence: 136634917 })
  })

  it('refuses what is not 20 digits or out of range', () => {
    for (const s of ['', '2644200000000000001', '264420000000000000011', '2644200000000000000A', ' 26442000000000000001']) expect(isWellFormedInvoiceNumber(s)).toBe(false)
    expect(parseInvoiceNumber('abc')).toBeNull()
    expect(() => formatInvoiceNumber({ year: 2026, bureau: '4', channel: '2', sequence: 1 })).toThrow(RangeError)
    expect(() => formatInvoiceNumber({ year: 2026, bureau: '44', channel: '2', sequence: 0 })).toThrow(RangeError)
    expect(() => formatInvoiceNumber({ year: 2026, bureau: '44', channel: '2', sequence: 10 ** 15 })).toThrow(RangeError)
  })

  it('takes the bureau from the region; 计划单列市 use their province (assumed)', () => {
    expect(bureauOfRegion('44')).toBe('44')
    expect(bureauOfRegion('4403')).toBe('44')
    expect(bureauOfRegion('3302')).toBe('33')
    expect(bureauOfRegion('11')).toBe('11')
    expect(() => bureauOfRegion('99')).toThrow(RangeError)
  })
})
