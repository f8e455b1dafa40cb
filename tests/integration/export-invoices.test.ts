// 发票查询 › 导出 with real ledgers and real files: invoices issued through the real sandbox over HTTP,
// the .xlsx read back (发票列表 and 发票明细, 合计 = the sum of the rows), the .csv decoded as GBK
// (a character GBK has no form of becomes '?', and is counted), the ticked rows against all that
// match, 进项 from the feed, and a cancelled export that leaves no file.
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { DEMO_COUNTERPARTIES } from '../../src/main/core/sync/connection'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { rejection, SELLER, tempDir, testCore } from '../support/core'
import { startTestSandbox } from '../support/sandbox'
import { readXlsx } from '../support/sheets'

const BUYER = DEMO_COUNTERPARTIES[0]
const RARE = '𠮷' // U+20BB7: no form in GBK
// prettier-ignore
const LIST_HEADER = ['发票方向', '发票号码', '开票日期', '票种', '蓝字/红字', '购买方名称', '购买方纳税人识别号', '销售方名称', '销售方纳税人识别号', '金额', '税额', '价税合计', '状态', '红冲状态', '开票人', '蓝字发票号码']
const LINE_HEADER = ['发票号码', '序号', '项目名称', '规格型号', '单位', '数量', '单价', '金额', '税率/征收率', '税额']

async function issue(core: Core, draft = testDraft()): Promise<number> {
  const { id } = await core.call('invoices.saveDraft', { draft })
  await core.call('invoices.issue', { id })
  return id
}

/** three issued invoices: a plain one, one to the demo buyer with a discounted line, one to a buyer named with 𠮷 and 镕 */
async function seller(): Promise<{ core: Core; dataDir: string; ids: number[] }> {
  const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
  onTestFinished(() => sandbox.stop())
  const dataDir = tempDir()
  const core = await testCore({ dataDir, embeddedPlatform: sandbox.embedded })
  const ids = [
    await issue(core),
    await issue(
      core,
      testDraft({
        kind: '82',
        buyer: { ...testDraft().buyer, name: BUYER.name, taxId: BUYER.taxId },
        lines: [
          testLine({ name: '木材', taxCode: '1010202020000000000', spec: 'A-1', unit: '立方米', quantity: '2.5', unitPrice: '400', taxRate: '0.13', discount: '100' }),
          testLine({ name: '信息系统运维', taxCode: '3040203000000000000', unit: '月', quantity: '3', unitPrice: '500' }),
        ],
      }),
    ),
    await issue(core, testDraft({ buyer: { ...testDraft().buyer, name: `${RARE}镕科技有限公司` } })),
  ]
  expect(await core.call('sync.now', {})).toMatchObject({ pushed: 3, error: null })
  return { core, dataDir, ids }
}

const pathOf = (core: Core, token: string) => core.files.resolve(token).path
const sum = (rows: string[][], col: number) => Math.round(rows.reduce((s, r) => s + Number(r[col]), 0) * 100) / 100

/** every file under the core's temporary folder (produced files live there until released) */
function producedFiles(dataDir: string): string[] {
  const tmp = path.join(dataDir, 'tmp')
  return fs.existsSync(tmp) ? (fs.readdirSync(tmp, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).map((d) => d.name) : []
}

describe('导出 发票', () => {
  it('.xlsx: 发票列表 and 发票明细 with *简称*名称, money as numbers, 合计 rows that are the sums; ticked rows only when keys are given', { timeout: 60_000 }, async () => {
    const { core, ids } = await seller()
    const r = await core.call('invoices.export', { selection: { filter: { side: '销项' } }, format: 'xlsx' })
    expect(r).toMatchObject({ count: 3, replaced: 0, file: { name: expect.stringMatching(/^销项发票_\d{8}\.xlsx$/) } })
    const file = pathOf(core, r.file.token)

    const list = await readXlsx(file, '发票列表')
    expect(list[0]).toEqual(LIST_HEADER)
    const rows = list.slice(1, -1)
    expect(rows).toHaveLength(3)
    const numbers = await Promise.all(ids.map(async (id) => (await core.call('invoices.get', { id })).number!))
    expect(rows.map((x) => x[1]).sort()).toEqual([...numbers].sort())
    // (readXlsx leaves out empty trailing cells: 蓝字发票号码 of a blue invoice)
    const plain = rows.find((x) => x[1] === numbers[0])!
    expect(plain).toEqual([
      '销项',
      numbers[0],
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      '电子发票（增值税专用发票）',
      '蓝字',
      '华为技术有限公司',
      '914403001922038216',
      SELLER.name,
      SELLER.taxId,
      '10000',
      '600',
      '10600',
      '已开具',
      '正常',
      SELLER.operator,
    ])
    expect(rows.find((x) => x[1] === numbers[2])![5]).toBe(`${RARE}镕科技有限公司`)
    const total = list.at(-1)!
    expect(total.slice(0, 2)).toEqual(['合计', '3 张'])
    for (const col of [9, 10, 11]) expect(Number(total[col])).toBe(sum(rows, col))
    // money shows two decimals; the 合计 row is bold, the rows are not
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(file)
    const sheet = wb.getWorksheet('发票列表')!
    expect(sheet.getRow(2).getCell(10).numFmt).toBe('#,##0.00')
    expect(sheet.getRow(2).getCell(10).font?.bold).toBeFalsy()
    expect(sheet.getRow(list.length).getCell(10)).toMatchObject({ numFmt: '#,##0.00', font: { bold: true } })

    const lines = await readXlsx(file, '发票明细')
    expect(lines[0]).toEqual(LINE_HEADER)
    const body = lines.slice(1, -1)
    // the discounted line prints as 被折扣行 + 折扣行
    expect(body.filter((l) => l[0] === numbers[1])).toEqual([
      [numbers[1], '1', '*林业产品*木材', 'A-1', '立方米', '2.5', '400', '1000', '13%', '130'],
      [numbers[1], '2', '*林业产品*木材', '', '', '', '', '-100', '13%', '-13'],
      [numbers[1], '3', '*信息技术服务*信息系统运维', '', '月', '3', '500', '1500', '6%', '90'],
    ])
    expect(body).toHaveLength(5)
    const lineTotal = lines.at(-1)!
    expect(lineTotal.slice(0, 2)).toEqual(['合计', '5 行'])
    expect(Number(lineTotal[7])).toBe(sum(body, 7))
    expect(Number(lineTotal[9])).toBe(sum(body, 9))
    // the lines add up to the invoices
    expect(Number(lineTotal[7])).toBe(Number(total[9]))

    // the ticked rows: only those
    const ticked = await core.call('invoices.export', { selection: { filter: { side: '销项' }, keys: [`S:${ids[0]}`, `S:${ids[2]}`] }, format: 'xlsx' })
    expect(ticked.count).toBe(2)
    const tickedList = await readXlsx(pathOf(core, ticked.file.token), '发票列表')
    expect(
      tickedList
        .slice(1, -1)
        .map((x) => x[1])
        .sort(),
    ).toEqual([numbers[0], numbers[2]].sort())
    expect((await readXlsx(pathOf(core, ticked.file.token), '发票明细')).slice(1, -1)).toHaveLength(2)

    // 进项: the demo buyer's ledger receives the second invoice through the feed
    await core.call('companies.switch', { taxId: BUYER.taxId })
    expect((await core.call('sync.now', {})).error).toBeNull()
    const received = await core.call('invoices.export', { selection: { filter: { side: '进项' } }, format: 'xlsx' })
    const rList = await readXlsx(pathOf(core, received.file.token), '发票列表')
    expect(rList.slice(1, -1)).toEqual([
      [
        '进项',
        numbers[1],
        expect.any(String),
        '电子发票（普通发票）',
        '蓝字',
        BUYER.name,
        BUYER.taxId,
        SELLER.name,
        SELLER.taxId,
        '2400',
        '207',
        '2607',
        '已开具',
        '正常',
        SELLER.operator,
      ],
    ])
    expect((await readXlsx(pathOf(core, received.file.token), '发票明细')).slice(1, -1).map((l) => l[2])).toEqual([
      '*林业产品*木材',
      '*林业产品*木材',
      '*信息技术服务*信息系统运维',
    ])
  })

  it('.csv in GBK: the invoice list and its 合计; 镕 kept, 𠮷 written as "?" and counted', { timeout: 60_000 }, async () => {
    const { core } = await seller()
    const r = await core.call('invoices.export', { selection: { filter: { side: '销项' } }, format: 'csv' })
    expect(r).toMatchObject({ count: 3, replaced: 1, file: { name: expect.stringMatching(/\.csv$/) } })
    const bytes = fs.readFileSync(pathOf(core, r.file.token))
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xb7, 0xa2])) // 发 in GBK (UTF-8 would be E5 8F 91)
    const text = iconv.decode(bytes, 'gbk')
    const rows = text
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','))
    expect(rows[0]).toEqual(LIST_HEADER)
    expect(rows).toHaveLength(5)
    expect(rows.find((x) => x[5] === '?镕科技有限公司')).toBeDefined()
    expect(rows.find((x) => x[5] === '华为技术有限公司')!.slice(9, 12)).toEqual(['10000.00', '600.00', '10600.00'])
    expect(rows[4]!.slice(0, 2)).toEqual(['合计', '3 张'])
    expect(rows[4]!.slice(9, 12)).toEqual(['22400.00', '1407.00', '23807.00'])
  })

  it('取消 mid-way: CANCELLED, and no file is left behind', { timeout: 120_000 }, async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    // 600 queued invoices: more than one slice of 500
    for (let i = 0; i < 600; i++) await issue(core)
    const jobId = 'export-cancel'
    const phases: string[] = []
    core.events.on((e) => {
      if (e.type !== 'progress' || e.jobId !== jobId) return
      phases.push(`${e.phase} ${e.done}`)
      if (e.done > 0) void core.call('jobs.cancel', { jobId })
    })
    const refused = await rejection(core.call('invoices.export', { selection: { filter: { side: '销项' } }, format: 'xlsx', jobId }))
    expect(refused.code).toBe('CANCELLED')
    expect(phases[0]).toBe('发票列表 0')
    expect(producedFiles(dataDir)).toEqual([])

    // and the same export, not cancelled, writes all 600 queued invoices
    const done = await core.call('invoices.export', { selection: { filter: { side: '销项' } }, format: 'csv' })
    expect(done.count).toBe(600)
    expect(producedFiles(dataDir)).toHaveLength(1)
  })

  it('refuses a wrong format or a selection of the other side in Chinese, and writes nothing', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    const format = await rejection(core.call('invoices.export', { selection: { filter: { side: '销项' } }, format: 'pdf' as 'csv' }))
    expect(format).toMatchObject({ code: 'VALIDATION' })
    expect(JSON.stringify(format)).toContain('导出格式应为 xlsx 或 csv')
    const side = await rejection(core.call('invoices.export', { selection: { filter: { side: '进项' }, keys: ['S:1'] }, format: 'xlsx' }))
    expect(JSON.stringify(side)).toContain('所选发票与当前方向（进项）不符')
    expect(producedFiles(dataDir)).toEqual([])
  })
})
