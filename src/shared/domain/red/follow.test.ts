import { describe, expect, it } from 'vitest'
import { checkRedLines } from './checkLines'
import { followRedLine } from './follow'
import { reversible } from './reversible'
import { testBlue } from './testBlue'

const fresh = reversible(testBlue(), [])
const [chairs, service, desks] = fresh.lines as [(typeof fresh.lines)[0], (typeof fresh.lines)[0], (typeof fresh.lines)[0]]
const figures = (l: ReturnType<typeof followRedLine>) => l && [l.quantity, l.unitPrice, l.amount, l.tax]

describe('followRedLine: the figures that follow what is typed', () => {
  it('数量 → 金额 at the unchanged 单价 → 税额; the whole remaining 数量 takes exactly what remains', () => {
    expect(figures(followRedLine('02', chairs, { quantity: '-3' }))).toEqual(['-3', '100', '-300.00', '-39.00'])
    expect(figures(followRedLine('02', desks, { quantity: '-4' }))).toEqual(['-4', '225', '-900.00', '-117.00'])
  })

  it('金额 → 税额, and 数量 except under 04; a line without 数量 stays without', () => {
    expect(figures(followRedLine('03', chairs, { amount: '-250' }))).toEqual(['-2.5', '100', '-250.00', '-32.50'])
    expect(figures(followRedLine('04', chairs, { amount: '-250' }))).toEqual([null, null, '-250.00', '-32.50'])
    expect(figures(followRedLine('03', service, { amount: '-100' }))).toEqual([null, null, '-100.00', '-6.00'])
  })

  it('nothing follows what is not a negative figure', () => {
    expect(followRedLine('02', chairs, { quantity: '3' })).toBeNull()
    expect(followRedLine('04', chairs, { amount: '-1.234' })).toBeNull()
    expect(followRedLine('02', service, { quantity: '-1' })).toBeNull()
  })

  it('what it makes, checkRedLines accepts as it stands', () => {
    const line = followRedLine('02', chairs, { quantity: '-7' })!
    const r = checkRedLines('02', fresh, [{ blueLine: 1, quantity: line.quantity, amount: line.amount, tax: line.tax }])
    expect(r.issues).toEqual([])
    expect(r.lines).toEqual([line])
  })
})
