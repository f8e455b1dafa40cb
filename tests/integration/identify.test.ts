// 拖入文件: a spreadsheet dropped on the window is told apart by its content — the templates the app
// hands out, the official batch template, a bookkeeper's own file with its own headings — and
// anything else is refused, saying which files the imports expect.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { IMPORT_SCREENS, IMPORT_KINDS } from '../../src/shared/api/files'
import { isMenuGroup, MENU_TREE, type MenuNode } from '../../src/shared/menuTree'
import { OFFICIAL_TEMPLATE } from '../../src/main/core/features/batch/testSupport'
import { fileToken, rejection, tempDir, testCore } from '../support/core'
import { writeCsv, writeXls, writeXlsx } from '../support/sheets'
import { writeGoodBatch } from '../support/batchFiles'

describe('files.identify', () => {
  it('knows each template the app hands out, and the official batch template', async () => {
    const core = await testCore()
    const made = async (name: 'customers.template' | 'items.template' | 'batch.template') => (await core.call(name, {})).token
    expect(await core.call('files.identify', { file: await made('customers.template') })).toEqual({ kind: 'customers' })
    expect(await core.call('files.identify', { file: await made('items.template') })).toEqual({ kind: 'items' })
    expect(await core.call('files.identify', { file: await made('batch.template') })).toEqual({ kind: 'batch' })
    for (const format of ['数电', '税控'] as const) {
      const t = await core.call('booking.template', { format })
      expect(await core.call('files.identify', { file: t.token }), format).toEqual({ kind: 'booking' })
    }
    expect(await core.call('files.identify', { file: fileToken(core, OFFICIAL_TEMPLATE) })).toEqual({ kind: 'batch' })
  })

  it('knows filled files: a batch ready to import, customers and items under headings of their own, in xlsx, xls and csv', async () => {
    const core = await testCore()
    const dir = tempDir()
    const batch = path.join(dir, '十一月开票.xlsx')
    await writeGoodBatch(batch)
    expect(await core.call('files.identify', { file: fileToken(core, batch) })).toEqual({ kind: 'batch' })

    // a title above the table, the customers' usual names for the columns
    const customers = await writeXlsx(path.join(dir, 'a.xlsx'), [
      ['2026 年客户名单'],
      ['客户名称', '税号', '开户行', '账号'],
      ['广州珠江物流有限公司', '91440101MA5CJJWL1X', '工行', '123'],
    ])
    expect(await core.call('files.identify', { file: fileToken(core, customers) })).toEqual({ kind: 'customers' })
    const items = writeXls(path.join(dir, 'b.xls'), [
      ['商品名称', '税收分类编码', '规格型号', '单价'],
      ['技术服务费', '3040201990000000000', '', '100'],
    ])
    expect(await core.call('files.identify', { file: fileToken(core, items) })).toEqual({ kind: 'items' })
    const booking = writeCsv(
      path.join(dir, 'c.csv'),
      [
        ['发票号码', '开票日期', '是否入账', '入账所属期'],
        ['26442000000000000001', '2026-11-03', '是', '202611'],
      ],
      'gbk',
    )
    expect(await core.call('files.identify', { file: fileToken(core, booking) })).toEqual({ kind: 'booking' })
  })

  it('refuses a workbook that is none of the imports, naming what each expects, and a file that is no spreadsheet', async () => {
    const core = await testCore()
    const dir = tempDir()
    const random = await writeXlsx(path.join(dir, '工资表.xlsx'), [
      ['姓名', '部门', '应发工资'],
      ['张三', '财务部', '8000'],
    ])
    const e = await rejection(core.call('files.identify', { file: fileToken(core, random) }))
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toContain('无法识别「工资表.xlsx」是哪种导入文件')
    for (const expected of [
      '客户信息导入模板（表头含「名称」）',
      '项目信息导入模板（表头含「项目名称」「商品和服务税收分类编码」）',
      'V260401',
      '发票入账模板（表头含「发票号码」「开票日期」「是否入账」「入账所属期」）',
    ])
      expect(e.message).toContain(expected)

    const pdf = path.join(dir, '发票.pdf')
    fs.writeFileSync(pdf, '%PDF-1.7')
    const notSheet = await rejection(core.call('files.identify', { file: fileToken(core, pdf) }))
    expect(notSheet).toMatchObject({ code: 'FILE_INVALID', message: '不支持的文件类型「.pdf」：请导入 .xlsx、.xls 或 .csv 文件' })

    const broken = path.join(dir, '损坏.xlsx')
    fs.writeFileSync(broken, 'PK\u0003\u0004 not really a zip')
    expect((await rejection(core.call('files.identify', { file: fileToken(core, broken) }))).code).toBe('FILE_INVALID')
  })

  it('each import opens on a page of the menu tree', () => {
    const paths = (nodes: MenuNode[]): string[] => nodes.flatMap((n) => (isMenuGroup(n) ? paths(n.children) : [n.path]))
    for (const kind of IMPORT_KINDS) expect(paths(MENU_TREE)).toContain(IMPORT_SCREENS[kind].path)
  })
})
