// 批量开具 end to end (issue 13) on a real ledger and the real platform sandbox over HTTP: the
// official template filled through ExcelJS is imported (with the issuing screen's context), reviewed
// (counts, totals, the cached 可用额度, repeats), issued in one 批量开具 and synced — each invoice gets
// its 发票号码, the one over the 授信额度 shows the platform's refusal — and the results exported.
// A bad file imports nothing and its 错误报告 names sheet / row / column.
import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { fillOfficial, haveOfficialTemplate, SKIP_REASON } from '../../src/main/core/features/batch/testSupport'
import { Dec } from '../../src/shared/domain/invoice'
import { REDUCED_REASONS } from '../../src/shared/domain/rateRules'
import type { TaxpayerType } from '../../src/shared/domain/taxpayerType'
import { GOOD_SHEETS, GOOD_TOTALS, HUGE, manySheets, PLATFORM_QUOTA, S1, S2, SH, writeGoodBatch } from '../support/batchFiles'
import { fileToken, rejection, SELLER, tempDir, testCore } from '../support/core'
import { startTestSandbox, type TestSandbox } from '../support/sandbox'

const PASSWORD = 'batch-password'

async function setUp(taxpayerType: TaxpayerType = '一般纳税人'): Promise<{ core: Core; sandbox: TestSandbox; dir: string }> {
  const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
  onTestFinished(() => sandbox.stop())
  sandbox.platform.addTaxpayer({ taxId: SELLER.taxId, name: SELLER.name, region: SELLER.region, password: PASSWORD, quota: PLATFORM_QUOTA, taxpayerType })
  const core = await testCore({ company: false })
  await core.call('companies.create', { ...SELLER, taxpayerType })
  await core.call('settings.platform.set', { url: sandbox.url, password: PASSWORD })
  return { core, sandbox, dir: tempDir() }
}

async function importFile(core: Core, file: string) {
  return core.call('batch.import', { file: fileToken(core, file) })
}

async function syncUntilDone(core: Core): Promise<void> {
  for (let run = 0; run < 50; run++) {
    const r = await core.call('sync.now', {})
    if (r.pending === 0 && r.error === null) return
  }
  throw new Error('still pending after 50 runs')
}

/** the workbook's first sheet as rows of cell texts */
async function sheetRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const rows: string[][] = []
  // Array.from: ExcelJS leaves an empty cell a hole in row.values
  wb.worksheets[0]!.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))))
  return rows
}

const counts = async (core: Core) => {
  const ledger = await core.call('invoices.list', { size: 500 })
  return ledger.total
}

describe.skipIf(!haveOfficialTemplate)(haveOfficialTemplate ? '批量开具' : `批量开具 — ${SKIP_REASON}`, () => {
  it('imports good and tricky invoices of every kind, reviews, issues them in one 批量开具 and exports the results', async () => {
    const { core, sandbox, dir } = await setUp()
    await core.call('sync.now', {}) // reads the 可用额度
    const file = path.join(dir, '三月批量开票.xlsx')
    await writeGoodBatch(file)

    const imported = await importFile(core, file)
    expect(imported.errors).toEqual([])
    expect(imported).toMatchObject({ invoices: 8, lines: 9, totals: GOOD_TOTALS, errorCount: 0 })
    const batch = imported.batch!
    expect(batch).toMatchObject({
      fileName: '三月批量开票.xlsx',
      state: 'review',
      stateLabel: '待开具',
      invoices: 8,
      lines: 9,
      totals: GOOD_TOTALS,
      repeats: [],
      counts: { draft: 8, queued: 0, issued: 0, failed: 0 },
      quota: { reading: { total: PLATFORM_QUOTA }, enough: false },
    })

    const page = await core.call('batch.invoices', { id: batch.id, size: 100 })
    expect(page.total).toBe(8)
    expect(page.rows.map((r) => [r.serial, r.sheetRow, r.kind, r.buyerName, r.lines, r.totals.total, r.state])).toEqual([
      ['INV-001', 4, '81', '华为技术有限公司', 2, '10557.00', 'draft'],
      ['INV-002', 5, '82', '张先生', 1, '106.00', 'draft'],
      ['BUILD-1', 6, '81', '北京建工集团有限责任公司', 1, '109000.00', 'draft'],
      ['FREIGHT-1', 7, '82', '上海物流有限公司', 1, '5450.00', 'draft'],
      ['LEASE-1', 8, '82', '上海物流有限公司', 1, '21800.00', 'draft'],
      ['TRAVEL-1', 9, '82', '上海物流有限公司', 1, '1090.00', 'draft'],
      ['SALE-1', 10, '81', '北京建工集团有限责任公司', 1, '1090000.00', 'draft'],
      [HUGE, 11, '82', '上海物流有限公司', 1, '2120000.00', 'draft'],
    ])
    // each a draft the issuing screen opens as the file had it
    const inv1 = await core.call('invoices.get', { id: page.rows[0]!.invoiceId! })
    expect(inv1).toMatchObject({ state: 'draft', issues: [], draft: { remark: '合同号 HT-2026-001', extras: [{ name: '项目编号', value: 'P-001' }] } })
    expect(inv1.draft.lines.map((l) => l.discount)).toEqual(['1000', null])
    const person = await core.call('invoices.get', { id: page.rows[1]!.invoiceId! })
    expect(person.draft).toMatchObject({ priceIncludesTax: true, buyer: { type: '自然人', idNumber: '11010519491231002X' } })
    expect((await core.call('batch.list', {})).rows.map((b) => b.id)).toEqual([batch.id])
    // 特定业务 as the draft carries it (the reader puts sheet 3 on the draft), stored as 保存 stores it
    for (const r of page.rows) expect([r.serial, r.specialKind]).toEqual([r.serial, (await core.call('invoices.get', { id: r.invoiceId! })).draft.specialBusiness?.kind ?? null])
    expect(page.rows.map((r) => r.specialKind)).toEqual([null, null, '建筑服务', '货物运输服务', '不动产经营租赁服务', '旅客运输服务', '不动产销售', null])

    const queued = await core.call('batch.issue', { id: batch.id })
    expect(queued).toMatchObject({ state: 'queued', stateLabel: '已提交开具', queuedAt: expect.any(String), quota: null, counts: { draft: 0, queued: 8 } })
    expect(await rejection(core.call('batch.issue', { id: batch.id }))).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已提交开具') })
    // while the first batch waits in the queue a second one has its 金额 taken off the 可用额度, as single 开票 counts it
    const again = (await importFile(core, file)).batch!
    expect(again.quota).toMatchObject({ left: new Dec(batch.quota!.left).minus(GOOD_TOTALS.amount).toFixed(2), enough: false })
    expect(batch.quota!.left).toBe(batch.quota!.reading.remaining)
    await core.call('batch.discard', { id: again.id })

    await syncUntilDone(core)
    const done = await core.call('batch.get', { id: batch.id })
    expect(done.counts).toMatchObject({ issued: 7, failed: 1, queued: 0, issuing: 0 })
    const results = (await core.call('batch.invoices', { id: batch.id, size: 100 })).rows
    for (const r of results.filter((x) => x.serial !== HUGE)) expect([r.serial, r.state, r.number]).toEqual([r.serial, 'issued', expect.stringMatching(/^\d{20}$/)])
    const refused = results.find((r) => r.serial === HUGE)!
    expect(refused).toMatchObject({ state: 'failed', stateLabel: '开具失败', number: null, failure: expect.stringContaining('授信额度不足') })
    expect(sandbox.platform.listInvoices(SELLER.taxId, { role: 'seller' }).total).toBe(7)

    const exported = await core.call('batch.export', { id: batch.id })
    expect(exported.name).toMatch(/^批量开具结果_三月批量开票_\d{14}\.xlsx$/)
    const rows = await sheetRows(core.files.resolve(exported.token).path)
    expect(rows[0]).toEqual(['发票流水号', '购买方', '价税合计', '状态', '发票号码', '失败原因'])
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual(results.map((r) => [r.serial, String(Number(r.totals.total)), r.stateLabel, r.number ?? '']))
    expect(rows[8]![5]).toContain('授信额度不足')
  })

  it('a 小规模纳税人’s 3% 专票: refused without 放弃享受减按1%征收率原因 (the issuing screen’s rule, at its cell), imported and issued with it', async () => {
    const { core, dir } = await setUp('小规模纳税人')
    const head = (serial: string) => ({ A: serial, B: '增值税专用发票', D: '否', F: '华为技术有限公司', G: '914403001922038216' })
    const lines = ['S-1', 'S-2'].map((A) => ({ A, B: '咨询服务', C: '3040302000000000000', H: '100', I: '0.03' }))
    const without = path.join(dir, '未选原因.xlsx')
    await fillOfficial(without, { [S1]: [head('S-1'), { ...head('S-2'), AK: REDUCED_REASONS[1] }], [S2]: lines })
    const refused = await importFile(core, without)
    expect(refused.batch).toBeNull()
    expect(refused.errors).toEqual([{ sheet: S1, row: 4, column: '放弃享受减按1%征收率原因', value: '', message: expect.stringContaining('放弃享受减按1%征收率原因') }])
    expect(await counts(core)).toBe(0)

    const chosen = path.join(dir, '已选原因.xlsx')
    await fillOfficial(chosen, { [S1]: [head('S-1'), head('S-2')].map((h) => ({ ...h, AK: REDUCED_REASONS[1] })), [S2]: lines })
    const { batch } = await importFile(core, chosen)
    expect(batch).toMatchObject({ invoices: 2, totals: { amount: '200.00', tax: '6.00', total: '206.00' } })
    await core.call('batch.issue', { id: batch!.id })
    await syncUntilDone(core)
    const rows = (await core.call('batch.invoices', { id: batch!.id })).rows
    expect(rows.map((r) => [r.serial, r.state])).toEqual([
      ['S-1', 'issued'],
      ['S-2', 'issued'],
    ])
    expect((await core.call('invoices.get', { id: rows[0]!.invoiceId! })).draft.reducedReason).toBe(REDUCED_REASONS[1])
  })

  it('refuses a file with a detail row of an unknown 流水号 and 2,001 lines on one invoice: nothing in the ledger, the 错误报告 names sheet / row / column', async () => {
    const { core, dir } = await setUp()
    const file = path.join(dir, '有错.xlsx')
    const many = manySheets(1, 2001, 'LONG-')
    await fillOfficial(file, {
      [S1]: [...GOOD_SHEETS[S1]!.slice(0, 1), ...many[S1]!, { A: 'LEAF-1', B: '普通发票', D: '否', F: '上海物流有限公司', G: SH }],
      [S2]: [
        ...GOOD_SHEETS[S2]!.slice(0, 2),
        { A: 'NOPE-9', B: '服务器', C: '1090511030000000000', H: '100', I: '0.13' },
        ...many[S2]!,
        // a code of the right form the company's table does not have: only the ledger knows (开票 says the same)
        { A: 'LEAF-1', B: '软件服务', C: '3040201019900000000', H: '100', I: '0.06' },
      ],
    })
    const refused = await importFile(core, file)
    expect(refused).toMatchObject({ batch: null, errorCount: refused.errors.length, errorReport: { name: '有错-错误报告.xlsx' } })
    expect(refused.errors).toContainEqual({
      sheet: S2,
      row: 6,
      column: '发票流水号',
      value: 'NOPE-9',
      message: expect.stringContaining('发票流水号「NOPE-9」在「1-发票基本信息」中没有对应的发票'),
    })
    expect(refused.errors.some((e) => e.message.includes('LONG-00001') && e.message.includes('2001'))).toBe(true)
    expect(refused.errors).toContainEqual({
      sheet: S2,
      row: 2008,
      column: '商品和服务税收编码',
      value: '3040201019900000000',
      message: expect.stringContaining('不在本企业的税收分类编码表中'),
    })
    expect(await counts(core)).toBe(0)
    expect((await core.call('batch.list', {})).total).toBe(0)

    const report = await sheetRows(core.files.resolve(refused.errorReport!.token).path)
    expect(report[0]).toEqual(['工作表', '行', '列', '值', '错误原因'])
    expect(report).toContainEqual([S2, '6', '发票流水号', 'NOPE-9', expect.stringContaining('没有对应的发票')])
    expect(report.length - 1).toBe(refused.errorCount)
  })

  it('a cancelled import (its jobId) writes nothing', async () => {
    const { core, dir } = await setUp()
    const file = path.join(dir, '取消.xlsx')
    await fillOfficial(file, manySheets(300, 1, 'K-'))
    const jobId = 'batch-import-cancel'
    core.events.on((e) => {
      if (e.type === 'progress' && e.jobId === jobId) void core.call('jobs.cancel', { jobId })
    })
    const e = await rejection(core.call('batch.import', { file: fileToken(core, file), jobId }))
    expect(e).toMatchObject({ code: 'CANCELLED', message: '已取消，数据未作任何修改' })
    expect(await counts(core)).toBe(0)
    expect((await core.call('batch.list', {})).total).toBe(0)
  })

  it('refuses a file of another excelVersion, naming the version read', async () => {
    const { core, dir } = await setUp()
    const file = path.join(dir, '旧版.xlsx')
    await fillOfficial(file, GOOD_SHEETS, (wb) => {
      const ws = wb.getWorksheet('excelVersion')!
      ws.eachRow((row) => row.eachCell((cell) => (cell.value === 'pt:20260401' ? (cell.value = 'pt:20230101') : undefined)))
    })
    const e = await rejection(importFile(core, file))
    expect(e.message).toContain('pt:20230101')
    expect(await counts(core)).toBe(0)
  })

  it('a 发票流水号 already issued by an earlier batch: 批量开具 is CONFLICT until each repeat is confirmed, then queues', async () => {
    const { core, dir } = await setUp()
    const file = path.join(dir, '两次.xlsx')
    await fillOfficial(file, manySheets(12, 1, 'R-'))
    const first = (await importFile(core, file)).batch!
    const second = (await importFile(core, file)).batch!
    expect(second.repeats).toEqual([]) // the first is only under review
    await core.call('batch.issue', { id: first.id })
    await syncUntilDone(core)

    const review = await core.call('batch.get', { id: second.id })
    expect(review.repeats).toHaveLength(12)
    expect(review.repeats[0]).toEqual({ serial: 'R-00001', number: expect.stringMatching(/^\d{20}$/), batchId: first.id })
    const rows = (await core.call('batch.invoices', { id: second.id, size: 20 })).rows
    expect(rows[0]!.repeatOf).toEqual(review.repeats[0])

    const e = await rejection(core.call('batch.issue', { id: second.id }))
    expect(e).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('R-00001、R-00002') })
    expect(e.message).toContain('等 12 个')
    const partly = await rejection(core.call('batch.issue', { id: second.id, confirmRepeats: review.repeats.slice(0, 11).map((r) => r.serial) }))
    expect(partly.message).toContain('R-00012（共 1 个）')
    expect((await core.call('batch.get', { id: second.id })).counts).toMatchObject({ draft: 12, queued: 0 })

    const queued = await core.call('batch.issue', { id: second.id, confirmRepeats: review.repeats.map((r) => r.serial) })
    expect(queued.counts).toMatchObject({ queued: 12 })
  })

  it('a draft that fails the rules now refuses the whole 批量开具 naming its 流水号; 放弃 deletes the drafts', async () => {
    const { core, dir } = await setUp()
    const file = path.join(dir, '改过.xlsx')
    await fillOfficial(file, manySheets(3, 1, 'V-'))
    const batch = (await importFile(core, file)).batch!
    const [, second] = (await core.call('batch.invoices', { id: batch.id })).rows
    const current = await core.call('invoices.get', { id: second!.invoiceId! })
    await core.call('invoices.saveDraft', { id: second!.invoiceId!, draft: { ...current.draft, lines: [{ ...current.draft.lines[0]!, taxRate: '0.06' }] } })

    const e = await rejection(core.call('batch.issue', { id: batch.id }))
    expect(e).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('发票流水号 V-00002') })
    expect((await core.call('batch.get', { id: batch.id })).counts).toMatchObject({ draft: 3, queued: 0 })
    expect((await core.call('sync.status', {})).pending).toBe(0)

    const discarded = await core.call('batch.discard', { id: batch.id })
    expect(discarded).toMatchObject({ state: 'discarded', stateLabel: '已放弃', counts: { draft: 0 } })
    expect(await counts(core)).toBe(0)
    const rows = (await core.call('batch.invoices', { id: batch.id })).rows
    expect(rows.map((r) => [r.serial, r.invoiceId, r.stateLabel])).toEqual([
      ['V-00001', null, '已放弃'],
      ['V-00002', null, '已放弃'],
      ['V-00003', null, '已放弃'],
    ])
    expect(await rejection(core.call('batch.issue', { id: batch.id }))).toMatchObject({ code: 'CONFLICT' })
    expect(fs.existsSync(file)).toBe(true)
  })
})
