// The 税收分类编码 table in a company's ledger: the full table shipped with the app from the first
// day (版本, 来源, 条数), searched, browsed and matched; replaced by the public table imported in its
// two formats (read from ../shared/data — these tests are about reading those formats), never by
// a broken file; and replaced by a newer table from the platform, which the sandbox serves.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { TAXCODES_VERSION_HEADER } from '../../src/shared/platform/wire'
import { fileToken, rejection, SELLER, tempDir, testCore } from '../support/core'
import { bearer, login, PASSWORD } from '../support/platformHttp'
import { startTestSandbox } from '../support/sandbox'

const PUBLIC_CSV = path.resolve('../shared/data/tax_classification_codes_2018.csv')
const PUBLIC_XML = path.resolve('../shared/data/tax_classification_codes_2018.xml')
const havePublic = fs.existsSync(PUBLIC_CSV) && fs.existsSync(PUBLIC_XML)
const SHIPPED = path.resolve('resources/taxcodes/taxcodes.csv')

/** the shipped table with one code the 2018 edition lacks: what a later edition from the platform looks like */
const NEW_CODE = '1090509030000000000'
function newerTable(): Buffer {
  const added = `${NEW_CODE},1090509000000000000,人工智能服务器,电子计算机,Y,13%,,AI服务器、智算服务器,用于人工智能训练和推理的服务器\n`
  return Buffer.concat([fs.readFileSync(SHIPPED), Buffer.from(added)])
}

describe('税收分类编码', () => {
  it('starts every new company with the full table shipped with the app, and says which it is', async () => {
    const core = await testCore()
    const info = await core.call('taxcodes.info', {})
    expect(info).toMatchObject({ total: 4204, leaves: 3534, source: 'builtin', sourceLabel: '内置编码表', version: '2018-01' })
    expect(info.origin).toContain('sasakuma/tax_code2gooderp_code')
    expect(info.loadedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    // 2018's 11% is 9% today, 17% is 13%
    expect(await core.call('taxcodes.get', { code: '1010101010000000000' })).toMatchObject({
      name: '稻谷',
      shortName: '谷物',
      isLeaf: true,
      rates: ['9%'],
      specialManagement: '免税',
    })
    expect((await core.call('taxcodes.get', { code: '1070101030000000000' })).rates).toEqual(['13%'])
    // a code the old 109-code starter table lacked can go on an item at once
    expect(await core.call('items.create', { name: '鲜切玫瑰', taxCode: '1010113020000000000', rate: '9%' })).toMatchObject({ taxCode: '1010113020000000000' })
  })

  it.skipIf(!havePublic)('imports the public CSV and XML tables alike, with today’s rates, and says so', async () => {
    const core = await testCore()
    const fromCsv = await core.call('taxcodes.import', { file: fileToken(core, PUBLIC_CSV) })
    expect(fromCsv).toMatchObject({ total: 4204, leaves: 3534, source: 'csv', sourceLabel: '导入 CSV', version: '', origin: 'tax_classification_codes_2018.csv' })
    const rice = await core.call('taxcodes.get', { code: '1010101010000000000' })
    const csvRows = await core.call('taxcodes.children', { parent: '1010101000000000000' })
    const fromXml = await core.call('taxcodes.import', { file: fileToken(core, PUBLIC_XML) })
    expect(fromXml).toMatchObject({ total: 4204, leaves: 3534, source: 'xml', sourceLabel: '导入 XML', origin: 'tax_classification_codes_2018.xml' })
    expect(await core.call('taxcodes.get', { code: '1010101010000000000' })).toEqual(rice)
    expect(await core.call('taxcodes.children', { parent: '1010101000000000000' })).toEqual(csvRows)
    expect((await core.call('taxcodes.get', { code: '1070101030000000000' })).rates).toEqual(['13%'])
  })

  it('searches leaves: code prefix, exact name first, 简称, keywords, description', async () => {
    const core = await testCore()
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

describe('税收分类编码 from the platform', { timeout: 120_000 }, () => {
  it('the sandbox serves the shipped table from its first start, and keeps a table imported since', async () => {
    const dir = path.join(tempDir(), 'platform')
    const sandbox = await startTestSandbox(dir)
    onTestFinished(() => sandbox.stop())
    sandbox.platform.addTaxpayer({ ...SELLER, password: PASSWORD })
    const served = await fetch(`${sandbox.url}/api/v1/taxcodes`, { headers: bearer(await login(sandbox.url, SELLER.taxId)) })
    expect(served.status).toBe(200)
    expect(served.headers.get(TAXCODES_VERSION_HEADER)).toBe('2018-01')
    expect(Buffer.from(await served.arrayBuffer()).equals(fs.readFileSync(SHIPPED))).toBe(true)

    const imported = sandbox.platform.importTaxcodes('taxcodes-newer.csv', newerTable())
    expect(imported).toMatchObject({ leaves: 3535 })
    await sandbox.stop()
    await sandbox.start()
    expect(sandbox.platform.taxcodes()?.version).toBe(imported.version)
  })

  it('a client on the sandbox downloads nothing for the table it has; a newer one replaces its table', async () => {
    const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
    onTestFinished(() => sandbox.stop())
    const core = await testCore({ embeddedPlatform: sandbox.embedded })
    const shipped = await core.call('taxcodes.info', {})
    expect((await core.call('sync.now', {})).error).toBeNull()
    // the same version on both sides: the ledger's table was not touched
    expect(await core.call('taxcodes.info', {})).toEqual(shipped)

    // the platform puts a later edition in force: its version is newer than the shipped 2018-01
    const { version } = sandbox.platform.importTaxcodes('taxcodes-newer.csv', newerTable())
    expect(version > '2018-01' && version !== shipped.version).toBe(true)
    expect((await core.call('sync.now', {})).error).toBeNull()
    const info = await core.call('taxcodes.info', {})
    expect(info).toMatchObject({ total: 4205, leaves: 3535, source: 'platform', sourceLabel: '税务平台下发', version, origin: '税务平台下发的 taxcodes-newer.csv' })
    expect(await core.call('taxcodes.get', { code: NEW_CODE })).toMatchObject({ name: '人工智能服务器', isLeaf: true, rates: ['13%'] })
    expect(await core.call('items.create', { name: 'GPU服务器', taxCode: NEW_CODE, rate: '13%' })).toMatchObject({ taxCode: NEW_CODE })
    const audit = await core.call('audit.list', { entity: 'taxcodes', page: 1, size: 10 })
    expect(audit.rows.map((r) => r.summary)).toContain(`从税务平台更新税收分类编码表（版本 ${version}）`)

    // the next run finds the same version: nothing is downloaded again
    expect((await core.call('sync.now', {})).error).toBeNull()
    expect(await core.call('taxcodes.info', {})).toEqual(info)
  })
})
