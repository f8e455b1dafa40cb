import { describe, expect, it } from 'vitest'
import { headerNames, headerScore, normalizeHeader } from './header'
import { customersSpec as spec } from './testSupport'

describe('normalizeHeader', () => {
  it.each([
    ['*名称', '名称'],
    ['名称*', '名称'],
    ['＊名称（必填）', '名称'],
    [' 名称(必填) ', '名称'],
    ['*名称\n（必填）', '名称'],
    ['\u3000名\u00a0称\u3000', '名称'],
    ['E-Mail', 'e-mail'],
    ['必填', '必填'],
  ])('%j → %j', (raw, normalised) => {
    expect(normalizeHeader(raw)).toBe(normalised)
  })
})

describe('headerScore', () => {
  const names = headerNames(spec)

  it('counts the cells naming a column', () => {
    expect(headerScore(['名称', '税号', '备注', 'e-mail'], names, spec)).toBe(3)
  })

  it('does not take a row without any required column for a header', () => {
    expect(headerScore(['税号', '邮箱', '税率'], names, spec)).toBe(0)
  })
})
