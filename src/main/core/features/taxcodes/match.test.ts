// Smart matching against the table shipped with the app (resources/taxcodes, 3,534 leaves), read
// with the product's own parser: history first, exact names first, typical bookkeeping names
// found, noise cut, nothing for nothing.
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readBuiltinTable } from './builtin'
import { buildMatcher, type MatchHistoryEntry, type TaxCodeMatcher } from './match'
import { cleanName, headPart, mainAndRest } from './matchText'

let matcher: TaxCodeMatcher
let leaves: Set<string>
let leafNames: Map<string, string>
let tableChars: Set<string>
beforeAll(() => {
  const { rows } = readBuiltinTable(path.resolve('.'))
  leaves = new Set(rows.filter((r) => r.isLeaf).map((r) => r.code))
  leafNames = new Map(rows.filter((r) => r.isLeaf).map((r) => [r.code, r.name]))
  tableChars = new Set(rows.map((r) => `${r.name}${r.shortName}${r.keywords}${r.description}`).join(''))
  matcher = buildMatcher(rows)
})

/** a small seeded generator: the same "random" strings on every run */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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

  it('finds a correct code in the top five for everyday names, each code checked against the table', () => {
    // name typed → the leaves a tax specialist accepts for it, with their names in the table
    const cases: [string, Record<string, string>][] = [
      ['打印纸', { '1060103020000000000': '转印纸' }], // 静电复印纸 is a 转印纸
      ['办公用品', { '1060105020000000000': '纸制文具及用品', '1060401990000000000': '其他文具及类似用品', '1090627990000000000': '其他文化、办公用设备或器具' }],
      ['办公桌椅', { '1050201010000000000': '木质家具', '1050201040000000000': '金属家具' }],
      ['餐饮服务', { '3070401000000000000': '餐饮服务' }],
      ['住宿服务', { '3070402000000000000': '住宿服务' }],
      ['咨询服务', { '3040603000000000000': '咨询服务' }],
      ['技术服务费', { '3040102000000000000': '技术咨询服务', '3040105000000000000': '专业技术服务' }],
      ['运输费', { '3010102020100000000': '国内道路货物运输服务', '3019902000000000000': '其他货物运输服务' }],
      ['会议费', { '3040304010000000000': '会议服务' }],
      ['物业管理费', { '3040801010000000000': '物业管理服务' }],
    ]
    for (const [name, right] of cases) {
      for (const [code, leafName] of Object.entries(right)) expect(leafNames.get(code), `${code} should be the leaf ${leafName}`).toBe(leafName)
      expect(
        codes(name).some((c) => c in right),
        `${name}: top five ${codes(name)
          .map((c) => leafNames.get(c))
          .join('、')}`,
      ).toBe(true)
    }
  })

  it('gives nothing rather than a random code for what names nothing', () => {
    // characters the table never uses, strung at random (seeded: the same strings every run)
    const unused = Array.from({ length: 0x9fa5 - 0x4e00 }, (_, i) => String.fromCodePoint(0x4e00 + i)).filter((ch) => !tableChars.has(ch))
    expect(unused.length).toBeGreaterThan(10_000)
    const random = seeded(10)
    const rare = Array.from({ length: 20 }, () => Array.from({ length: 2 + Math.floor(random() * 5) }, () => unused[Math.floor(random() * unused.length)]).join(''))
    for (const typed of ['asdfgh', '！！！', '12345', '哈哈哈哈', '的的的', '的了是在', '一二三四', '好的谢谢', 'qwerty uiop', ...rare])
      expect(top(typed), `“${typed}”`).toEqual([])
    // what does name something still finds it: one character the table names things by, a keyword
    expect(codes('羊', 1)).toEqual(['1010301060000000000'])
    expect(codes('粳稻', 1)).toEqual(['1010101010000000000'])
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

  it('reads the head noun where the name ends it, not in what qualifies, packs or sells it', () => {
    expect(mainAndRest('复印纸 箱')).toEqual({ main: '复印纸', rest: '箱' })
    expect(mainAndRest('苹果macbook')).toEqual({ main: '苹果macbook', rest: '' })
    expect(headPart('陶瓷餐具套装')).toBe('陶瓷餐具')
    expect(headPart('商标转让费')).toBe('商标')
    expect(codes('得力A4复印纸70g 500张/包', 1)).toEqual([COPY_PAPER])
    expect(codes('移动白板 带支架', 1)).toEqual(['1060403030000000000'])
    expect(codes('商标转让费', 1)).toEqual(['4020000000000000000'])
    // 纸尿裤 is no pair of trousers, 草莓苗 no strawberry
    expect(codes('婴儿纸尿裤', 1)).toEqual(['1060105040000000000'])
    expect(codes('草莓苗', 1)).toEqual(['1010119990000000000'])
    // a Latin everyday word counts whole: PHC (管桩) is no part of SPHC (热轧薄板)
    expect(codes('热轧薄板SPHC 2.0mm', 1)).toEqual(['1080207080000000000'])
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
