import { describe, expect, it } from 'vitest'
import { parsePolicy, parseRate, rateLabelOf, ratePolicyProblem, rateOf } from './rates'

describe('parseRate: rates as people write them', () => {
  it.each([
    ['13%', '13%'],
    ['0.13', '13%'],
    ['13', '13%'],
    [' 13 % ', '13%'],
    ['13％', '13%'],
    ['9%', '9%'],
    ['0.09', '9%'],
    ['6', '6%'],
    ['0.06', '6%'],
    ['5%', '5%'],
    ['3', '3%'],
    ['0.03', '3%'],
    ['1', '1%'],
    ['0.01', '1%'],
    ['1.5%', '1.5%'],
    ['1.5', '1.5%'],
    ['0.015', '1.5%'],
    ['0', '0%'],
    ['0%', '0%'],
    ['零税率', '0%'],
    ['免税', '免税'],
    ['不征税', '不征税'],
  ])('%s → %s', (text, label) => {
    expect(parseRate(text)).toBe(label)
  })

  it.each(['17%', '0.17', '11', '7%', '13.5', 'abc', '', '-13%'])('refuses %s', (text) => {
    expect(parseRate(text)).toBeNull()
  })
})

describe('rates and 优惠政策', () => {
  it('stores 免税 and 不征税 as rate 0 with their flag, and reads them back', () => {
    expect(rateOf('免税')).toBe('0')
    expect(rateLabelOf('0', '03')).toBe('免税')
    expect(rateLabelOf('0', '04')).toBe('不征税')
    expect(rateLabelOf('0', null)).toBe('0%')
    expect(rateLabelOf('0.015', null)).toBe('1.5%')
    expect(rateLabelOf('0.13', '01')).toBe('13%')
  })

  it('refuses a 免税 flag on a taxed rate and a wrong flag on 免税', () => {
    expect(ratePolicyProblem('13%', '03')).toContain('税率应选择“免税”')
    expect(ratePolicyProblem('免税', '04')).toContain('优惠政策类型应为“免税”')
    expect(ratePolicyProblem('免税', null)).toBeNull()
    expect(ratePolicyProblem('3%', '01')).toBeNull()
  })

  it('reads policies by code or label', () => {
    expect(parsePolicy('03')).toBe('03')
    expect(parsePolicy('3')).toBe('03')
    expect(parsePolicy('即征即退50%')).toBe('12')
    expect(parsePolicy('')).toBeNull()
    expect(parsePolicy('随便')).toBeNull()
  })
})
