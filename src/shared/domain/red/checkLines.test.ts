import { describe, expect, it } from 'vitest'
import type { RedLine, RedLineInput, RedReason } from '../../platform/red'
import { checkRedLines } from './checkLines'
import { DIFFERENCE_WHOLE_ONLY, NOTHING_LEFT } from './policy'
import { reversible } from './reversible'
import { testBlue, testDifferenceBlue } from './testBlue'

const blue = testBlue()
const fresh = reversible(blue, [])
const check = (reason: RedReason, lines?: RedLineInput[]) => checkRedLines(reason, fresh, lines)
/** [blueLine, quantity, unitPrice, amount, tax] of each red line */
const figures = (lines: RedLine[]) => lines.map((l) => [l.blueLine, l.quantity, l.unitPrice, l.amount, l.tax])

describe('checkRedLines: what each reason may change', () => {
  // [reason, typed line, expected red line figures | the issue's path and message]
  const allowed: [string, RedReason, RedLineInput, (string | number | null)[]][] = [
    ['02 returns 3 of 10 chairs: 金额 = 3 × 100, 税额 derived', '02', { blueLine: 1, quantity: '-3', amount: '-300' }, [1, '-3', '100', '-300.00', '-39.00']],
    ['02 on the discounted line at its net 单价 225', '02', { blueLine: 3, quantity: '-2', amount: '-450' }, [3, '-2', '225', '-450.00', '-58.50']],
    ['02 on a line without 数量: 金额 only', '02', { blueLine: 2, amount: '-100' }, [2, null, null, '-100.00', '-6.00']],
    ['03 with 数量', '03', { blueLine: 1, quantity: '-1', amount: '-100' }, [1, '-1', '100', '-100.00', '-13.00']],
    ['03 金额 only, no 数量', '03', { blueLine: 1, amount: '-250' }, [1, null, null, '-250.00', '-32.50']],
    ['04 金额 and 税额 given', '04', { blueLine: 1, amount: '-100', tax: '-13' }, [1, null, null, '-100.00', '-13.00']],
    ['04 within the 0.06 tax tolerance', '04', { blueLine: 2, amount: '-100', tax: '-6.05' }, [2, null, null, '-100.00', '-6.05']],
    ['04 the whole discounted line: exactly what remains', '04', { blueLine: 3, amount: '-900' }, [3, null, null, '-900.00', '-117.00']],
  ]
  it.each(allowed)('%s', (_what, reason, input, expected) => {
    const r = check(reason, [input])
    expect(r.issues).toEqual([])
    expect(figures(r.lines)).toEqual([expected])
    expect(r.lines[0]!.unit).toBe(fresh.lines[input.blueLine - 1]!.unit)
  })

  const refused: [string, RedReason, RedLineInput, string, RegExp][] = [
    ['02 changes the 单价', '02', { blueLine: 1, quantity: '-3', amount: '-330' }, 'lines.0.amount', /^第 1 行（办公椅）：单价不能变更/],
    ['02 without 数量 on a goods line', '02', { blueLine: 1, amount: '-300' }, 'lines.0.quantity', /销货退回须填写红冲数量/],
    ['03 changes the 单价', '03', { blueLine: 1, quantity: '-1', amount: '-150' }, 'lines.0.amount', /单价不能变更/],
    ['04 with a 数量', '04', { blueLine: 1, quantity: '-1', amount: '-100' }, 'lines.0.quantity', /销售折让只能红冲金额和税额/],
    ['a positive amount', '04', { blueLine: 1, amount: '100' }, 'lines.0.amount', /金额应为负数/],
    ['a positive quantity', '02', { blueLine: 1, quantity: '3', amount: '-300' }, 'lines.0.quantity', /数量应为负数/],
    ['a tax off by more than 0.06', '04', { blueLine: 1, amount: '-100', tax: '-13.07' }, 'lines.0.tax', /相差超过 0\.06/],
    ['more than the line holds', '04', { blueLine: 1, amount: '-1000.01' }, 'lines.0.amount', /超过可红冲金额 1000\.00/],
    ['more 数量 than the line holds', '02', { blueLine: 1, quantity: '-11', amount: '-1100' }, 'lines.0.amount', /超过可红冲金额/],
    ['the discounted line beyond its net 金额', '03', { blueLine: 3, amount: '-900.01' }, 'lines.0.amount', /^第 3 行（办公桌）：红冲金额 900\.01 超过可红冲金额 900\.00/],
    ['a line the blue invoice does not have', '04', { blueLine: 9, amount: '-1' }, 'lines.0.blueLine', /蓝字发票没有第 9 行/],
    ['a 数量 on a line without one', '02', { blueLine: 2, quantity: '-1', amount: '-100' }, 'lines.0.quantity', /没有数量和单价/],
  ]
  it.each(refused)('refuses %s', (_what, reason, input, path, message) => {
    const r = check(reason, [input])
    expect(r.lines).toEqual([])
    expect(r.issues).toHaveLength(1)
    expect(r.issues[0]!.path).toBe(path)
    expect(r.issues[0]!.message).toMatch(message)
  })

  it('refuses the same blue line twice', () => {
    const r = check('04', [
      { blueLine: 1, amount: '-10' },
      { blueLine: 1, amount: '-10' },
    ])
    expect(r.issues).toEqual([{ path: 'lines.1.blueLine', message: '第 1 行（办公椅）：同一蓝字行只能红冲一次，请合并为一行' }])
  })
})

describe('checkRedLines: 01 开票有误 and whole reversals', () => {
  it('builds the full reversal when no lines are given: the whole invoice, discounted line merged', () => {
    const r = check('01')
    expect(r.issues).toEqual([])
    expect(figures(r.lines)).toEqual([
      [1, '-10', '100', '-1000.00', '-130.00'],
      [2, null, null, '-500.00', '-30.00'],
      [3, '-4', '225', '-900.00', '-117.00'],
    ])
  })

  it('accepts the full reversal typed line by line, refuses anything less', () => {
    const full: RedLineInput[] = [
      { blueLine: 1, quantity: '-10', amount: '-1000' },
      { blueLine: 2, amount: '-500' },
      { blueLine: 3, quantity: '-4', amount: '-900' },
    ]
    expect(check('01', full).issues).toEqual([])
    const partial = check('01', full.slice(0, 2))
    expect(partial.issues).toEqual([{ path: 'lines', message: '开票有误只能全额红冲：蓝字发票第 3 行（办公桌）须按原数量、金额、税额全部红冲' }])
  })

  it('is impossible once anything was reversed', () => {
    const after = reversible(blue, [[{ ...check('04', [{ blueLine: 2, amount: '-1' }]).lines[0]! }]])
    expect(checkRedLines('01', after, undefined).issues).toEqual([{ path: 'reason', message: '开票有误只能全额红冲；该蓝字发票已部分红冲，不能再以“开票有误”红冲' }])
  })

  it('fullOnly (the direct path under older guidance) refuses a partial reversal of any reason', () => {
    const partial = checkRedLines('04', fresh, [{ blueLine: 1, amount: '-100' }], { fullOnly: true })
    expect(partial.issues[0]).toEqual({ path: 'lines', message: '无需确认的红冲只能全额红冲：蓝字发票第 1 行（办公椅）须按原数量、金额、税额全部红冲' })
    expect(checkRedLines('02', fresh, undefined, { fullOnly: true }).issues).toEqual([])
  })

  it('for 02 without lines, reverses everything that remains', () => {
    const after = reversible(blue, [check('02', [{ blueLine: 1, quantity: '-4', amount: '-400' }]).lines])
    expect(figures(checkRedLines('02', after, undefined).lines)).toEqual([
      [1, '-6', '100', '-600.00', '-78.00'],
      [2, null, null, '-500.00', '-30.00'],
      [3, '-4', '225', '-900.00', '-117.00'],
    ])
  })
})

describe('checkRedLines: repeated partial reversals', () => {
  it('two partial reversals, then nothing left', () => {
    const first = check('02', [{ blueLine: 1, quantity: '-5', amount: '-500' }])
    const afterFirst = reversible(blue, [first.lines])
    const second = checkRedLines('04', afterFirst, [
      { blueLine: 1, amount: '-500' },
      { blueLine: 2, amount: '-500' },
      { blueLine: 3, amount: '-900' },
    ])
    expect(second.issues).toEqual([])
    // closing a line takes exactly what remains of its tax
    expect(second.lines.map((l) => l.tax)).toEqual(['-65.00', '-30.00', '-117.00'])
    const afterSecond = reversible(blue, [first.lines, second.lines])
    expect(afterSecond).toMatchObject({ amount: '0.00', tax: '0.00', total: '0.00' })
    expect(checkRedLines('04', afterSecond, [{ blueLine: 1, amount: '-1' }]).issues).toEqual([{ path: 'blueNumber', message: NOTHING_LEFT }])
    expect(checkRedLines('02', afterSecond, undefined).issues).toEqual([{ path: 'blueNumber', message: '该蓝字发票已全额红冲，没有可红冲的金额' }])
  })

  it('a line fully reversed refuses more while others remain', () => {
    const after = reversible(blue, [check('04', [{ blueLine: 2, amount: '-500' }]).lines])
    expect(checkRedLines('04', after, [{ blueLine: 2, amount: '-1' }]).issues).toEqual([
      { path: 'lines.0.blueLine', message: '第 2 行（安装服务）：该行已全部红冲，没有可红冲的金额' },
    ])
  })

  it('the 税额 limit counts what earlier reversals took', () => {
    const after = reversible(blue, [check('04', [{ blueLine: 1, amount: '-500', tax: '-65.06' }]).lines])
    expect(after.lines[0]).toMatchObject({ amount: '500.00', tax: '64.94' })
    expect(checkRedLines('04', after, [{ blueLine: 1, amount: '-500', tax: '-65.00' }]).issues[0]!.message).toMatch(/超过可红冲税额 64\.94/)
  })
})

describe('checkRedLines: a 差额开票 invoice is reversed whole', () => {
  const difference = reversible(testDifferenceBlue(), [])

  it('knows why only a whole reversal is possible', () => {
    expect(difference.wholeOnly).toBe(DIFFERENCE_WHOLE_ONLY)
    expect(fresh.wholeOnly).toBeNull()
  })

  it.each(['01', '02', '03', '04'] as const)('%s: the whole remains, with the 税额 the difference rule gave (not 金额 × 税率)', (reason) => {
    const whole = checkRedLines(reason, difference, undefined)
    expect(whole.issues).toEqual([])
    expect(figures(whole.lines)).toEqual([[1, null, null, '-10283.02', '-316.98']])
    // typed the same way, it is accepted too; 金额 × 税率 would be -616.98
    expect(checkRedLines(reason, difference, [{ blueLine: 1, amount: '-10283.02', tax: '-316.98' }]).issues).toEqual([])
  })

  it.each([
    ['a part of the sale', { blueLine: 1, amount: '-1000' }, new RegExp(`^${DIFFERENCE_WHOLE_ONLY}：蓝字发票第 1 行（旅游服务）须按原数量、金额、税额全部红冲$`)],
    ['the whole 金额 with the 税额 of 金额 × 税率', { blueLine: 1, amount: '-10283.02', tax: '-616.98' }, /税额 -616\.98 与金额 × 税率（-316\.98）相差超过 0\.06/],
  ])('refuses %s, saying why', (_what, input, message) => {
    const r = checkRedLines('04', difference, [input])
    expect(r.lines).toEqual([])
    expect(r.issues.map((i) => i.message)).toEqual([expect.stringMatching(message)])
  })
})
