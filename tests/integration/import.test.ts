// Importing customers and items from real files, the way bookkeepers make them.
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { fileToken, rejection, tempDir, testCore } from '../support/core'
import { readXlsx, writeCsv, writeXls, writeXlsx, type Cell } from '../support/sheets'

const HEADER = ['名称', '客户类型', '统一社会信用代码/纳税人识别号', '证件类型', '证件号码', '地址', '电话', '开户银行', '银行账号', '邮箱', '手机号']

const GOOD: Cell[][] = [
  ['华为技术有限公司', '企业', '914403001922038216', '', '', '深圳市龙岗区', '0755-28780808', '招商银行深圳分行', '755912345610001', 'ap@huawei.example', '13800138000'],
  ['张先生', '自然人', '', '居民身份证', '11010519491231002X', '', '', '', '', '', ''],
  ['阿里巴巴（中国）有限公司', '', '91330100716105852F', '', '', '杭州市余杭区', '', '', '', '', ''],
]

describe('customers.import', () => {
  it.each([
    ['xlsx', (f: string, rows: Cell[][]) => writeXlsx(f, rows)],
    ['xls', (f: string, rows: Cell[][]) => Promise.resolve(writeXls(f, rows))],
    ['csv', (f: string, rows: Cell[][]) => Promise.resolve(writeCsv(f, rows, 'utf8'))],
    ['csv', (f: string, rows: Cell[][]) => Promise.resolve(writeCsv(f, rows, 'utf8-bom'))],
    ['csv', (f: string, rows: Cell[][]) => Promise.resolve(writeCsv(f, rows, 'gbk'))],
  ])('reads %s files', async (ext, write) => {
    const core = await testCore()
    const file = await write(path.join(tempDir(), `客户.${ext}`), [HEADER, ...GOOD])
    const r = await core.call('customers.import', { file: fileToken(core, file) })
    expect(r).toEqual({ total: 3, created: 3, updated: 0, failed: [] })
    const list = await core.call('customers.list', {})
    expect(list.rows.map((c) => c.name).sort()).toEqual(['华为技术有限公司', '张先生', '阿里巴巴（中国）有限公司'].sort())
    expect(list.rows.find((c) => c.name === '张先生')).toMatchObject({ type: '自然人', idType: '201', idNumber: '11010519491231002X' })
    expect(list.rows.find((c) => c.name.startsWith('阿里'))?.type).toBe('企业')
  })

  it('finds the header in row 3, maps shuffled columns and synonyms, skips blank rows, ignores unknown columns', async () => {
    const core = await testCore()
    const file = await writeXlsx(path.join(tempDir(), 'c.xlsx'), [
      ['客户清单（2026 年 11 月）'],
      [],
      ['备注说明', '购买方纳税人识别号', '客户名称', '开户行', '电子邮箱'],
      ['老客户', '914403001922038216', '　华为技术有限公司 ', '招商银行', 'ap@huawei.example'],
      [null, null, null, null, null],
      ['', '91330100716105852F', '阿里巴巴（中国）有限公司', '', ''],
    ])
    const r = await core.call('customers.import', { file: fileToken(core, file) })
    expect(r).toEqual({ total: 2, created: 2, updated: 0, failed: [] })
    const huawei = (await core.call('customers.list', { query: 'hwjs' })).rows[0]
    expect(huawei).toMatchObject({ name: '华为技术有限公司', bank: '招商银行', email: 'ap@huawei.example' })
  })

  it('reports bad rows with the spreadsheet row, never half-applies them, and writes an error report', async () => {
    const core = await testCore()
    const dir = tempDir()
    const file = await writeXlsx(path.join(dir, 'c.xlsx'), [
      HEADER,
      GOOD[0]!,
      ['坏代码公司', '企业', '914403001922038217', '', '', '', '', '', '', '', ''],
      ['', '企业', '91330100716105852F', '', '', '', '', '', '', '', ''],
      // Excel turned a typed ID into a number: 9.13100001322008E+17
      ['数字税号公司', '企业', 913100001322008210, '', '', '', '', '', '', 'bad-email', ''],
      ['华为重复', '企业', '914403001922038216', '', '', '', '', '', '', '', ''],
      GOOD[1]!,
    ])
    const r = await core.call('customers.import', { file: fileToken(core, file) })
    expect(r.total).toBe(6)
    expect(r.created).toBe(2)
    expect(r.updated).toBe(0)
    expect(r.failed).toEqual([
      { row: 3, column: '统一社会信用代码/纳税人识别号', value: '914403001922038217', message: expect.stringContaining('校验位不正确') },
      { row: 4, column: '名称', value: '', message: '请填写名称' },
      { row: 5, column: '统一社会信用代码/纳税人识别号', value: expect.stringMatching(/E\+17/), message: expect.stringContaining('设置为“文本”格式') },
      { row: 5, column: '邮箱', value: 'bad-email', message: expect.stringContaining('邮箱格式不正确') },
      { row: 6, column: '名称', value: '华为重复', message: '与第 2 行重复（同一客户在文件中出现了两次）' },
    ])
    expect((await core.call('customers.list', {})).total).toBe(2)

    const report = core.files.resolve(r.errorReport!.token).path
    const rows = await readXlsx(report)
    expect(rows[0]).toEqual(['*名称', ...HEADER.slice(1), '错误原因', '原行号'])
    expect(rows.slice(1).map((x) => [x[0], x[HEADER.length + 1]])).toEqual([
      ['坏代码公司', '3'],
      ['', '4'],
      ['数字税号公司', '5'],
      ['华为重复', '6'],
    ])
    expect(rows[3]![HEADER.length]).toContain('【邮箱】')

    // fixed and uploaded again, the report imports cleanly (its extra columns are ignored)
    const fixed = rows.slice(1).map((x) => x.slice(0, HEADER.length))
    fixed[0]![2] = '91310000132200821H'
    fixed[1]![0] = '阿里巴巴（中国）有限公司'
    fixed[2]![2] = '91110108551385082Q'
    fixed[2]![9] = ''
    fixed.pop()
    const again = await writeXlsx(path.join(dir, 'fixed.xlsx'), [rows[0]!, ...fixed])
    expect(await core.call('customers.import', { file: fileToken(core, again) })).toEqual({ total: 3, created: 3, updated: 0, failed: [] })
  })

  it('lists the first 1,000 rejected rows in the answer, counts them all, and reports them all', async () => {
    const core = await testCore()
    const rows: Cell[][] = [HEADER, GOOD[0]!]
    for (let i = 0; i < 1500; i++) rows.push([`坏代码公司${i}`, '企业', '914403001922038217', '', '', '', '', '', '', '', ''])
    const file = writeCsv(path.join(tempDir(), 'c.csv'), rows, 'utf8')
    const r = await core.call('customers.import', { file: fileToken(core, file) })
    expect(r).toMatchObject({ total: 1501, created: 1, updated: 0, failedRows: 1500 })
    expect(r.failed).toHaveLength(1000)
    expect(r.failed.at(-1)).toMatchObject({ row: 1002, value: '914403001922038217' })
    const report = await readXlsx(core.files.resolve(r.errorReport!.token).path)
    expect(report).toHaveLength(1501)
    expect(report.at(-1)![HEADER.length + 1]).toBe('1502')
  })

  it('updates existing customers by identity', async () => {
    const core = await testCore()
    await core.call('customers.create', { name: '华为', taxId: '914403001922038216' })
    const file = await writeXlsx(path.join(tempDir(), 'c.xlsx'), [HEADER, GOOD[0]!])
    expect(await core.call('customers.import', { file: fileToken(core, file) })).toMatchObject({ created: 0, updated: 1 })
    expect((await core.call('customers.list', {})).rows[0]).toMatchObject({ name: '华为技术有限公司', mobile: '13800138000' })
  })

  it.each([
    ['not a spreadsheet', 'x.xlsx', Buffer.from('this is not a zip file at all'), 'FILE_INVALID'],
    ['empty', 'x.csv', Buffer.alloc(0), 'FILE_INVALID'],
    ['no header', 'x.csv', Buffer.from('a,b,c\n1,2,3\n'), 'FILE_INVALID'],
  ])('refuses a bad file (%s) and changes nothing', async (_what, name, bytes, code) => {
    const core = await testCore()
    await core.call('customers.create', { name: '华为', taxId: '914403001922038216' })
    const file = path.join(tempDir(), name)
    fs.writeFileSync(file, bytes)
    const e = await rejection(core.call('customers.import', { file: fileToken(core, file) }))
    expect(e.code).toBe(code)
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/)
    expect((await core.call('customers.list', {})).total).toBe(1)
  })

  it('refuses a truncated workbook', async () => {
    const core = await testCore()
    const dir = tempDir()
    const whole = await writeXlsx(path.join(dir, 'whole.xlsx'), [HEADER, ...GOOD])
    const cut = path.join(dir, 'cut.xlsx')
    const bytes = fs.readFileSync(whole)
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect((await rejection(core.call('customers.import', { file: fileToken(core, cut) }))).code).toBe('FILE_INVALID')
    expect((await core.call('customers.list', {})).total).toBe(0)
  })

  it('can be cancelled, leaving nothing imported', async () => {
    const core = await testCore()
    const rows: Cell[][] = [HEADER]
    for (let i = 0; i < 20000; i++) rows.push([`客户${i}`, '自然人', '', '', '', '', '', '', '', '', ''])
    const file = writeCsv(path.join(tempDir(), 'big.csv'), rows, 'utf8')
    const jobId = 'cancel-me'
    const phases: string[] = []
    core.events.on((e) => {
      if (e.type === 'progress' && e.jobId === jobId) {
        phases.push(e.phase)
        if (e.phase === '读取并校验') void core.call('jobs.cancel', { jobId })
      }
    })
    const e = await rejection(core.call('customers.import', { file: fileToken(core, file), jobId }))
    expect(e.code).toBe('CANCELLED')
    expect(phases[0]).toBe('读取并校验')
    expect((await core.call('customers.list', {})).total).toBe(0)
  })
})

describe('items.import / export', () => {
  // templates and exports mark the required columns with *; the importer reads both forms
  const REQUIRED_MARKED = ['*项目名称', '*商品和服务税收分类编码', '规格型号', '单位', '单价', '含税标志', '税率/征收率', '优惠政策类型', '项目分类']

  it('accepts rates written 13%, 0.13, 13 or as a number, and checks codes against the table', async () => {
    const core = await testCore()
    const file = await writeXlsx(path.join(tempDir(), 'items.xlsx'), [
      ['货物或应税劳务、服务名称', '税收编码', '规格', '计量单位', '单价', '是否含税', '税率'],
      ['软件开发', '3040201010000000000', 'V1', '项', 1000, '是', '6%'],
      ['信息系统运维', '3040203000000000000', '', '月', '500.5', '否', 0.06],
      ['餐费', '3070401000000000000', '', '次', '', '', '6'],
      ['柴油', '1070101030000000000', '0#', '吨', '7000', '', '0.13'],
      ['学费', '3070201010000000000', '', '', '', '', '免税'],
      ['父级编码', '3040201000000000000', '', '', '', '', '6%'],
      ['错误税率', '3040201010000000000', '', '', '', '', '17%'],
      ['坏含税', '3040201010000000000', '', '', '', '也许', '6%'],
    ])
    const r = await core.call('items.import', { file: fileToken(core, file) })
    expect(r.created).toBe(5)
    expect(r.failed.map((f) => [f.row, f.column])).toEqual([
      [7, '商品和服务税收分类编码'],
      [8, '税率/征收率'],
      [9, '含税标志'],
    ])
    const items = (await core.call('items.list', { size: 50 })).rows
    expect(items.find((i) => i.name === '软件开发')).toMatchObject({ priceIncludesTax: true, rate: '6%', unitPrice: '1000', spec: 'V1' })
    expect(items.find((i) => i.name === '柴油')?.rate).toBe('13%')
    expect(items.find((i) => i.name === '学费')).toMatchObject({ rate: '免税', policy: '03' })
  })

  it('exports every page in the template columns, and the export re-imports unchanged', async () => {
    const core = await testCore()
    for (let i = 1; i <= 45; i++)
      await core.call('items.create', { name: `=服务${i}`, taxCode: '3040201010000000000', spec: `-${i}`, unitPrice: `${i}.5`, rate: '6%', category: '@分类' })
    await core.call('items.create', { name: '学费', taxCode: '3070201010000000000', rate: '免税' })
    const before = (await core.call('items.list', { size: 100 })).rows

    const out = await core.call('items.export', { query: '' })
    expect(out.count).toBe(46)
    const file = core.files.resolve(out.file.token).path
    const rows = await readXlsx(file)
    expect(rows[0]).toEqual(REQUIRED_MARKED)
    expect(rows).toHaveLength(47)

    const copy = path.join(tempDir(), 'export.xlsx')
    fs.copyFileSync(file, copy)
    const r = await core.call('items.import', { file: fileToken(core, copy) })
    expect(r).toEqual({ total: 46, created: 0, updated: 46, failed: [] })
    const after = (await core.call('items.list', { size: 100 })).rows
    const strip = (xs: typeof before) => xs.map(({ updatedAt: _u, ...rest }) => rest).sort((a, b) => a.id - b.id)
    expect(strip(after)).toEqual(strip(before))
  })

  it('exports only the query’s rows', async () => {
    const core = await testCore()
    await core.call('customers.create', { name: '华为技术有限公司', taxId: '914403001922038216' })
    await core.call('customers.create', { name: '阿里巴巴（中国）有限公司', taxId: '91330100716105852F' })
    const out = await core.call('customers.export', { query: 'hwjs' })
    expect(out.count).toBe(1)
    const rows = await readXlsx(core.files.resolve(out.file.token).path)
    expect(rows.map((r) => r[0])).toEqual(['*名称', '华为技术有限公司'])
    expect(rows[1]![2]).toBe('914403001922038216')
  })

  it('writes a template with the columns, dropdowns and an instructions sheet', async () => {
    const core = await testCore()
    const ref = await core.call('items.template', {})
    expect(ref.name).toBe('项目信息导入模板.xlsx')
    const file = core.files.resolve(ref.token).path
    const rows = await readXlsx(file)
    expect(rows[0]).toEqual(REQUIRED_MARKED)
    const instructions = await readXlsx(file, '填写说明')
    expect(instructions.flat().join('')).toContain('税率/征收率')
    // a filled template imports
    const filled = path.join(tempDir(), 'filled.xlsx')
    await writeXlsx(filled, [rows[0]!, ['咨询费', '3040603000000000000', '', '次', '', '否', '6%', '', '']])
    expect(await core.call('items.import', { file: fileToken(core, filled) })).toMatchObject({ created: 1, failed: [] })
  })
})

describe('large imports', () => {
  it('imports a large .xlsx in the worker', async () => {
    const core = await testCore()
    const dir = tempDir()
    const file = path.join(dir, 'big.xlsx')
    // random letters and digits barely compress: a 4 MB+ workbook from 40,000 rows
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
    const ws = wb.addWorksheet('客户')
    ws.addRow(HEADER).commit()
    const noise = () => Array.from({ length: 12 }, () => Math.random().toString(36).slice(2, 10)).join('')
    for (let i = 0; i < 40_000; i++) ws.addRow([`华南某某贸易有限公司${i}`, '自然人', '', '', '', noise(), '', noise(), '', '', '']).commit()
    await wb.commit()
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 1024 * 1024)
    const phases: number[] = []
    core.events.on((e) => {
      if (e.type === 'progress' && e.phase === '读取并校验') phases.push(e.done)
    })
    const r = await core.call('customers.import', { file: fileToken(core, file), jobId: 'big-xlsx' })
    expect(r).toEqual({ total: 40_000, created: 40_000, updated: 0, failed: [] })
    expect(Math.max(...phases)).toBe(40_000)
    expect((await core.call('customers.list', { query: 'hnmmmyyxgs39999' })).rows.map((c) => c.name)).toEqual(['华南某某贸易有限公司39999'])
  })

  const row = (i: number): Cell[] => [`${'某某'.repeat(10)}客户${i}`, '自然人', '', '', '', `某省某市某区某路 ${i} 号`, '', '', '', '', '']

  it('imports a large CSV in the worker and the same rows as an .xlsx in place, with the same results', async () => {
    const core = await testCore()
    const dir = tempDir()
    const rows: Cell[][] = [HEADER]
    for (let i = 0; i < 12_000; i++) rows.push(row(i))
    rows.push(['坏客户', '企业', '914403001922038217', '', '', '', '', '', '', '', ''])
    rows.push(row(5))
    const csv = writeCsv(path.join(dir, 'big.csv'), rows, 'utf8')
    expect(fs.statSync(csv).size).toBeGreaterThan(512 * 1024)

    const r = await core.call('customers.import', { file: fileToken(core, csv) })
    expect(r).toMatchObject({ total: 12_002, created: 12_000, updated: 0 })
    expect(r.failed).toEqual([
      { row: 12_002, column: '统一社会信用代码/纳税人识别号', value: '914403001922038217', message: expect.stringContaining('校验位') },
      { row: 12_003, column: '名称', value: row(5)[0], message: '与第 7 行重复（同一客户在文件中出现了两次）' },
    ])
    expect((await core.call('customers.list', { query: '客户11999' })).total).toBe(1)

    // the same rows as an .xlsx update every customer: not one Chinese character garbled on the way
    const xlsx = await writeXlsx(path.join(dir, 'big.xlsx'), rows.slice(0, 12_001))
    const again = await core.call('customers.import', { file: fileToken(core, xlsx) })
    expect(again).toEqual({ total: 12_000, created: 0, updated: 12_000, failed: [] })
    const names = (await core.call('customers.export', {})).count
    expect(names).toBe(12_000)
    const page = await core.call('customers.list', { query: '客户', size: 500 })
    expect(page.rows.every((c) => /^(某某){10}客户\d+$/.test(c.name))).toBe(true)
  })

  it('can be cancelled while the worker reads, leaving nothing imported', async () => {
    const core = await testCore()
    const rows: Cell[][] = [HEADER]
    for (let i = 0; i < 60_000; i++) rows.push(row(i))
    const file = writeCsv(path.join(tempDir(), 'huge.csv'), rows, 'utf8')
    const jobId = 'cancel-worker'
    core.events.on((e) => {
      if (e.type === 'progress' && e.jobId === jobId) void core.call('jobs.cancel', { jobId })
    })
    expect((await rejection(core.call('customers.import', { file: fileToken(core, file), jobId }))).code).toBe('CANCELLED')
    expect((await core.call('customers.list', {})).total).toBe(0)
    // the stopped worker left no lock behind: the ledger takes writes at once
    await core.call('customers.create', { name: '华为技术有限公司', taxId: '914403001922038216' })
    expect((await core.call('customers.list', {})).total).toBe(1)
  })
})
