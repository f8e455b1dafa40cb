// Smart matching against the table shipped with the app (resources/taxcodes, 3,534 leaves), read
// with the product's own parser: history first, exact names first, typical bookkeeping names
// found, noise cut, nothing for nothing.
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readBuiltinTable } from './builtin'
import { buildMatcher, type MatchHistoryEntry, type TaxCodeMatcher } from './match'
import { cleanName } from './matchText'

let matcher: TaxCodeMatcher
let leaves: Set<string>
beforeAll(() => {
  const { rows } = readBuiltinTable(path.resolve('.'))
  leaves = new Set(rows.filter((r) => r.isLeaf).map((r) => r.code))
  matcher = buildMatcher(rows)
})

const top = (name: string, n = 5, history?: MatchHistoryEntry[]) => matcher.match(name, n, history)
const codes = (name: string, n = 5) => top(name, n).map((h) => h.code)

const SOFTWARE_MAINTENANCE = '3040201030000000000'
const COMPUTER = '1090509010000000000'
const CLEANING = '3079900000000000000' // 其他生活服务: 保洁 is a 生活服务
const AUDIT = '3040602990000000000' // 其他鉴证服务: an audit is 会计鉴证
const COPY_PAPER = '1060103020000000000' // 转印纸: 静电复印纸
const EXPRESS = '3040409010000000000' // 收件服务 (收派服务)
const PHONE = '1090505010000000000'
const MILLET = '1030102010200000000'

describe('taxcodes.match', () => {
  it('indexes every leaf of the full table and nothing else', () => {
    expect(matcher.leaves).toBe(3534)
    for (const name of ['钢材', '服务', '电脑', '餐费', '其他']) for (const h of top(name, 50)) expect(leaves.has(h.code)).toBe(true)
  })

  it('puts what the company already used first, for the same and for a similar name', () => {
    // the company codes its 技术服务费 as software maintenance, which the table would not rank first
    const history: MatchHistoryEntry[] = [
      { name: '技术服务费', taxCode: SOFTWARE_MAINTENANCE, count: 12 },
      { name: '办公室保洁服务', taxCode: CLEANING },
      { name: '旧编码的项目', taxCode: '1010101000000000000' }, // not a leaf: ignored
    ]
    expect(codes('技术服务费', 1)[0]).not.toBe(SOFTWARE_MAINTENANCE)
    for (const typed of ['技术服务费', '2025年3月技术服务费', '技术服务费（第二季度）']) {
      const [first, ...rest] = top(typed, 5, history)
      expect(first).toMatchObject({ code: SOFTWARE_MAINTENANCE, matchedBy: '历史使用' })
      expect(rest.map((h) => h.code)).not.toContain(SOFTWARE_MAINTENANCE) // each code once
      expect(rest.every((h) => h.score < first!.score)).toBe(true)
    }
    expect(top('保洁费', 1, history)[0]).toMatchObject({ code: CLEANING, matchedBy: '历史使用' })
    // unrelated names, and a bare common word, are not pulled into the history
    for (const typed of ['螺纹钢HRB400E', '服务费', '稻谷']) expect(top(typed, 5, history).some((h) => h.matchedBy === '历史使用')).toBe(false)
    expect(top('旧编码的项目', 5, history).some((h) => h.code === '1010101000000000000')).toBe(false)
  })

  it('puts a name typed exactly as the table has it first, by its name or its keyword', () => {
    expect(top('软件开发服务', 1)[0]).toMatchObject({ code: '3040201010000000000', matchedBy: '名称匹配' })
    expect(top('稻谷', 1)[0]).toMatchObject({ code: '1010101010000000000', name: '稻谷', shortName: '谷物', rates: ['9%'] })
    expect(top('粳稻', 1)[0]).toMatchObject({ code: '1010101010000000000', matchedBy: '关键字' })
    expect(top('物业费', 1)[0]).toMatchObject({ code: '3040801010000000000', matchedBy: '关键字' })
  })

  it('finds the code of typical bookkeeping names in the top five, most of them first', () => {
    const cases: [string, string][] = [
      ['联想ThinkPad笔记本电脑', COMPUTER],
      ['办公室保洁费', CLEANING],
      ['2024年度审计费', AUDIT],
      ['A4复印纸', COPY_PAPER],
      ['顺丰快递费', EXPRESS],
      ['华为Mate60 Pro手机', PHONE],
      ['螺纹钢HRB400E Φ16', '1080207050000000000'],
      ['0#柴油', '1070101030000000000'],
      ['餐费', '3070401000000000000'],
      ['住宿费', '3070402000000000000'],
      ['猪配合饲料', '1030104010000000000'],
      ['劳务派遣服务费', '3040803010000000000'],
    ]
    const firsts = cases.filter(([name, code]) => {
      expect(codes(name), name).toContain(code)
      return codes(name, 1)[0] === code
    })
    expect(firsts.length).toBeGreaterThanOrEqual(cases.length - 1)
  })

  it('cuts brands, models, specs, units and periods, and weighs the head noun', () => {
    expect(cleanName('2024年1月物业管理费')).toBe('物业管理费')
    expect(cleanName('农夫山泉饮用天然水550ml*24瓶')).toBe('饮用天然水')
    expect(cleanName('螺纹钢HRB400E Φ16')).toBe('螺纹钢')
    expect(codes('2024年1月物业管理费', 1)).toEqual(codes('物业管理费', 1))
    expect(codes('物业费（2024年第一季度）', 1)).toEqual(codes('物业费', 1))
    // 小米 is a brand before 手机 and millet on its own
    expect(codes('小米14 5G智能手机', 1)).toEqual([PHONE])
    expect(codes('小米', 1)).toEqual([MILLET])
    // the head noun comes last: feed for pigs is feed, not a pig
    expect(codes('猪配合饲料', 1)).not.toEqual(['1010301010000000000'])
  })

  it('gives nothing for nothing, and keeps to the number asked', () => {
    for (const typed of ['', '   ', '！！！', '12345', '2024年3月', 'ABC-123/456', '***']) expect(top(typed)).toEqual([])
    expect(top('钢材', 0)).toEqual([])
    const hits = top('钢', 7)
    expect(hits).toHaveLength(7)
    expect(new Set(hits.map((h) => h.code)).size).toBe(7)
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a))
    for (const h of hits) expect(['名称匹配', '关键字', '说明']).toContain(h.matchedBy)
  })
})
