import { describe, expect, it } from 'vitest'
import type { RedLine } from '../../platform/red'
import type { RedStatus } from '../../platform/wire'
import { nothingLeft, reversible } from './reversible'
import { redStatusAfter } from './redStatus'
import { testBlue } from './testBlue'

const red = (blueLine: number, amount: string, tax: string, quantity: string | null = null): RedLine => ({
  blueLine,
  name: '',
  taxCode: '',
  spec: '',
  unit: '',
  quantity,
  unitPrice: null,
  amount,
  taxRate: '0.13',
  tax,
})

describe('reversible', () => {
  it('is the whole blue invoice before any reversal, a discounted line merged with its 折扣行', () => {
    const r = reversible(testBlue(), [])
    expect(r.lines.map((l) => [l.blueLine, l.name, l.unit, l.quantity, l.unitPrice, l.amount, l.tax, l.taxRate])).toEqual([
      [1, '办公椅', '把', '10', '100', '1000.00', '130.00', '0.13'],
      [2, '安装服务', '次', null, null, '500.00', '30.00', '0.06'],
      [3, '办公桌', '张', '4', '225', '900.00', '117.00', '0.13'],
    ])
    expect(r).toMatchObject({ amount: '2400.00', tax: '277.00', total: '2677.00', reversedAny: false })
    expect(r.lines[0]!.taxCode).toBe('1060512990000000000')
  })

  it('subtracts every earlier red invoice per line and in total', () => {
    const r = reversible(testBlue(), [[red(1, '-300.00', '-39.00', '-3')], [red(1, '-100.00', '-13.00', '-1'), red(3, '-450.00', '-58.50')]])
    expect(r.lines.map((l) => [l.quantity, l.amount, l.tax])).toEqual([
      ['6', '600.00', '78.00'],
      [null, '500.00', '30.00'],
      ['4', '450.00', '58.50'],
    ])
    expect(r).toMatchObject({ amount: '1550.00', tax: '166.50', total: '1716.50', reversedAny: true })
    expect(nothingLeft(r)).toBe(false)
  })

  const cases: [string, RedLine[][], RedStatus][] = [
    ['nothing reversed', [], 'normal'],
    ['part of one line', [[red(2, '-100.00', '-6.00')]], 'partly-reversed'],
    ['everything, in two red invoices', [[red(1, '-1000.00', '-130.00', '-10'), red(2, '-500.00', '-30.00')], [red(3, '-900.00', '-117.00', '-4')]], 'fully-reversed'],
  ]
  it.each(cases)('red status: %s → %s', (_what, reds, status) => {
    expect(redStatusAfter(testBlue(), reds)).toBe(status)
  })
})
