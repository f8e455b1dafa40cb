// The full public table (../shared/data, 4,204 codes) in both its formats.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileToken, rejection, tempDir, testCore } from '../support/core'

const CSV = path.resolve('../shared/data/tax_classification_codes_2018.csv')
const XML = path.resolve('../shared/data/tax_classification_codes_2018.xml')

describe('税收分类编码', () => {
  it('imports the full CSV and XML tables alike, with today’s rates', async () => {
    const core = await testCore()
    const fromCsv = await core.call('taxcodes.import', { file: fileToken(core, CSV) })
    expect(fromCsv).toMatchObject({ total: 4204, leaves: 3534, source: 'csv' })
    const rice = await core.call('taxcodes.get', { code: '1010101010000000000' })
    expect(rice).toMatchObject({ name: '稻谷', shortName: '谷物', isLeaf: true, rates: ['9%'], specialManagement: '免税' })

    const csvRows = await core.call('taxcodes.children', { parent: '1010101000000000000' })
    const fromXml = await core.call('taxcodes.import', { file: fileToken(core, XML) })
    expect(fromXml).toMatchObject({ total: 4204, leaves: 3534, source: 'xml' })
    expect(await core.call('taxcodes.get', { code: '1010101010000000000' })).toEqual(rice)
    expect(await core.call('taxcodes.children', { parent: '1010101000000000000' })).toEqual(csvRows)
    // 2018's 17% is 13% today
    expect((await core.call('taxcodes.get', { code: '1070101030000000000' })).rates).toEqual(['13%'])
  })

  it('searches leaves: code prefix, exact name first, 简称, keywords, description', async () => {
    const core = await testCore()
    await core.call('taxcodes.import', { file: fileToken(core, CSV) })
    const top = async (text: string, n = 5) => (await core.call('taxcodes.search', { text, top: n })).map((h) => `${h.code} ${h.name} ${h.matchedBy}`)
    expect((await top('软件开发服务', 1))[0]).toBe('3040201010000000000 软件开发服务 名称')
    expect((await top('30402010'))[0]).toMatch(/^304020101\d+ .* 编码$/)
    const rice = await core.call('taxcodes.search', { text: '粳稻', top: 3 })
    expect(rice[0]).toMatchObject({ code: '1010101010000000000', matchedBy: '关键字' })
    const hits = await core.call('taxcodes.search', { text: '餐饮', top: 50 })
    expect(hits.every((h) => h.isLeaf)).toBe(true)
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a))
    expect(await core.call('taxcodes.search', { text: '', top: 5 })).toEqual([])
  })

  it('draws the tree lazily and finds the path to a code', async () => {
    const core = await testCore()
    const tops = await core.call('taxcodes.children', { parent: null })
    expect(tops.map((t) => t.name)).toEqual(['货物', '劳务', '销售服务', '无形资产', '不动产', '未发生销售行为的不征税项目'])
    expect(tops.every((t) => t.hasChildren)).toBe(true)
    const path_ = await core.call('taxcodes.path', { code: '3040201010000000000' })
    expect(path_.map((p) => p.code)).toEqual(['3000000000000000000', '3040000000000000000', '3040200000000000000', '3040201000000000000', '3040201010000000000'])
    expect((await rejection(core.call('taxcodes.get', { code: '9999999999999999999' }))).code).toBe('NOT_FOUND')
  })

  it('refuses a broken table file and keeps the current table', async () => {
    const core = await testCore()
    const before = await core.call('taxcodes.info', {})
    const dir = tempDir()
    const bad = path.join(dir, 'bad.csv')
    fs.writeFileSync(bad, 'code,name,is_leaf\n123,短编码,Y\n')
    expect((await rejection(core.call('taxcodes.import', { file: fileToken(core, bad) }))).message).toContain('19 位数字')
    const dup = path.join(dir, 'dup.csv')
    fs.writeFileSync(dup, 'code,name,is_leaf\n1010101010000000000,稻谷,Y\n1010101010000000000,稻谷,Y\n')
    expect((await rejection(core.call('taxcodes.import', { file: fileToken(core, dup) }))).message).toContain('编码重复')
    const xml = path.join(dir, 'bad.xml')
    fs.writeFileSync(xml, '<openerp><data></data></openerp>')
    expect((await rejection(core.call('taxcodes.import', { file: fileToken(core, xml) }))).code).toBe('FILE_INVALID')
    expect(await core.call('taxcodes.info', {})).toEqual(before)
  })

  it('matches item names: the company’s own history first, then the table', async () => {
    const core = await testCore()
    await core.call('taxcodes.import', { file: fileToken(core, CSV) })
    const before = await core.call('taxcodes.match', { name: '联想ThinkPad笔记本电脑', top: 5 })
    expect(before.length).toBeGreaterThan(0)
    expect(before.every((h) => h.matchedBy !== '历史使用')).toBe(true)

    // the company invoices its laptops under a code of its own choosing: that comes first now
    await core.call('items.create', { name: 'ThinkPad笔记本电脑', taxCode: before[0]!.code === '1090511030000000000' ? '1090511020000000000' : '1090511030000000000', rate: '13%' })
    const after = await core.call('taxcodes.match', { name: '联想ThinkPad笔记本电脑', top: 5 })
    expect(after[0]).toMatchObject({ matchedBy: '历史使用' })
    expect(await core.call('taxcodes.match', { name: '', top: 5 })).toEqual([])
  })
})
