import { describe, expect, it } from 'vitest'
import { idCardProblem, isValidIdCard, isValidUscc, taxIdProblem, usccCheckChar } from './taxpayerId'

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // real codes of well-known companies, as printed on their licences
  it.each([
    ['914403001922038216', '华为技术有限公司'],
    ['9144030071526726XG', '深圳市腾讯计算机系统有限公司'],
    ['91330100716105852F', '阿里巴巴（中国）有限公司'],
    ['91310000132200821H', '上海汽车集团股份有限公司'],
    ['91110108551385082Q', '小米科技有限责任公司'],
  ])('accepts %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(true)
    expect(taxIdProblem(code)).toBeNull()
  })

  it.each([
    ['914403001922038217', '校验位不正确'],
    ['9144030071526726XH', '校验位不正确'],
    ['91440300192203821I', '不能包含字母'],
    ['9144030019220382', '长度应为'],
    ['9144030019220382160', '长度应为'],
    ['91440300-922038216', '只能包含数字和大写字母'],
    ['', '不能为空'],
  ])('refuses %s with a reason', (code, reason) => {
    expect(isValidUscc(code)).toBe(false)
    expect(taxIdProblem(code)).toContain(reason)
  })

  it('names the expected check character', () => {
    expect(usccCheckChar('91440300192203821')).toBe('6')
    expect(taxIdProblem('914403001922038210')).toContain('第 18 位校验码应为 6')
  })

  it('accepts legacy 15, 17 and 20 character IDs without a checksum, unless told not to', () => {
    for (const id of ['440301192203821', '44030119220382100', '44030119220382100000']) {
      expect(taxIdProblem(id)).toBeNull()
      expect(taxIdProblem(id, { allowLegacy: false })).toContain('18 位')
    }
  })
})

describe('居民身份证号码 (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '440524188001010014'])('accepts %s', (id) => {
    expect(isValidIdCard(id)).toBe(true)
    expect(idCardProblem(id)).toBeNull()
  })

  it.each([
    ['110105194912310021', '校验位不正确'],
    ['110105194913310027', '出生日期'],
    ['11010519491231002', '18 位'],
    ['11010519491231002x', '18 位'],
  ])('refuses %s', (id, reason) => {
    expect(isValidIdCard(id)).toBe(false)
    expect(idCardProblem(id)).toContain(reason)
  })
})
