// 批量开具 through the UI (issue 13) against the real core and the platform sandbox: the OFFICIAL
// V260401 template filled through ExcelJS with three invoices — a 专票 with a 折扣, a 建筑服务 and a
// 普票 — is imported, reviewed (张数, 明细行数, 价税合计, 可用额度, 预览), issued in one go, and each 流水号
// comes back with its 20-digit 发票号码; 导出结果 is read back. The same file again is marked as
// repeats, which 批量开具 makes the bookkeeper confirm one by one; with one of its drafts spoilt the
// core refuses it whole and the screen says why; it is then 放弃. A file whose
// detail names a 流水号 missing from sheet 1 shows the error table and imports nothing. 取消 while a
// large file is read imports nothing; 1,000 invoices are reviewed a page at a time, and a 可用额度 cut
// below their 合计金额 is said in red with the shortfall. A batch settling is one summary notification. Every screen
// fits 1366 × 768 and 1920 × 1080 without a sideways scroll; screenshots of the list, the errors,
// the review and the results go to docs/screenshots/batch-*.png.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { fillOfficial, haveOfficialTemplate, SKIP_REASON } from '../../src/main/core/features/batch/testSupport'
import { toShanghaiIso } from '../../src/shared/domain/time'
import { expect, SELLER, test } from './fixtures'
import { chooseFile, download } from './helpers'
import { BEIJING, rowOf, SHANGHAI } from './parties'

test.use({ platform: true, viewport: { width: 1366, height: 768 } })
test.skip(!haveOfficialTemplate, SKIP_REASON)

const SHOTS = path.resolve('docs/screenshots')
const S1 = '1-发票基本信息'
const S2 = '2-发票明细信息'
const S3 = '3-特定业务信息'

/** 9,540.00 (10,000 less a 1,000 折扣, at 6%) + 109,000.00 (建筑服务 at 9%) + 5,300.00 (at 6%) */
const TOTAL = '¥123,840.00'
const SERIALS = ['INV-001', 'BUILD-1', 'INV-003']

/** the three invoices, as a bookkeeper fills the official template */
async function goodFile(): Promise<string> {
  const file = path.join(os.tmpdir(), `批量开票-${process.pid}-${Date.now()}.xlsx`)
  await fillOfficial(file, {
    [S1]: [
      { A: 'INV-001', B: '增值税专用发票', D: '否', F: BEIJING.name, G: BEIJING.taxId, W: '合同号 HT-2026-001' },
      { A: 'BUILD-1', B: '增值税专用发票', C: '建筑服务', D: '否', F: BEIJING.name, G: BEIJING.taxId },
      { A: 'INV-003', B: '普通发票', D: '否', F: SHANGHAI.name, G: SHANGHAI.taxId },
    ],
    [S2]: [
      { A: 'INV-001', B: '软件开发服务', C: '3040201010000000000', E: '项', F: '2', H: '10000', I: '0.06', J: '1000' },
      { A: 'BUILD-1', B: '工程施工', C: '3050100000000000000', H: '100000', I: '0.09' },
      { A: 'INV-003', B: '咨询服务', C: '3040302000000000000', E: '次', F: '1', H: '5000', I: '0.06' },
    ],
    [S3]: [{ A: 'BUILD-1', B: '北京市朝阳区', C: '望京街道阜通东大街 6 号', D: '望京 SOHO 幕墙改造', F: '否' }],
  })
  return file
}

/** the first sheet of a workbook, its rows as text */
async function readFirstSheet(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.worksheets[0]!
  const rows: string[][] = []
  ws.eachRow((r) => rows.push(Array.from({ length: ws.columnCount }, (_, c) => r.getCell(c + 1).text)))
  return rows
}

/** no sideways scroll of the page, and every table's columns fit its width */
async function fits(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = []
    const doc = document.scrollingElement!
    if (doc.scrollWidth > doc.clientWidth) out.push(`the page scrolls sideways by ${doc.scrollWidth - doc.clientWidth} px`)
    const main = document.querySelector<HTMLElement>('.main')!
    if (main.scrollWidth > main.clientWidth) out.push(`the main area scrolls sideways by ${main.scrollWidth - main.clientWidth} px`)
    for (const t of document.querySelectorAll<HTMLElement>('.el-table')) {
      if (t.offsetParent === null) continue
      const wrap = t.querySelector<HTMLElement>('.el-table__body-wrapper .el-scrollbar__wrap')
      if (wrap && wrap.scrollWidth > wrap.clientWidth + 1) out.push(`table ${t.dataset.testid ?? ''} scrolls sideways by ${wrap.scrollWidth - wrap.clientWidth} px`)
    }
    return out
  })
  expect(problems).toEqual([])
}

/** at 1366 × 768 (the test's size) and at 1920 × 1080 */
async function fitsBothSizes(page: Page): Promise<void> {
  await fits(page)
  await page.setViewportSize({ width: 1920, height: 1080 })
  await fits(page)
  await page.setViewportSize({ width: 1366, height: 768 })
}

/** a screenshot once the toasts of the last action have gone */
async function shot(page: Page, name: string): Promise<void> {
  // closed one at a time, again while any is left: one may close by itself while we reach for its
  // button, and the pointer resting on the next (moved up into its place) holds its timer
  await expect(async () => {
    const close = page.locator('.el-notification__closeBtn')
    if ((await close.count()) > 0) await close.first().click({ timeout: 1000 })
    await expect(page.locator('.el-notification')).toHaveCount(0, { timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await page.mouse.move(1, 1)
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 10_000 })
  await page.screenshot({ path: path.join(SHOTS, `batch-${name}-1366.png`) })
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('batch-import').click()
  const dialog = page.getByTestId('batch-import-dialog')
  await chooseFile(page, dialog.getByTestId('batch-import-browse'), file)
  await expect(dialog.getByTestId('batch-import-file')).toHaveText(path.basename(file))
  await dialog.getByTestId('batch-import-submit').click()
}

test('a filled official template is imported, reviewed, issued in one go and exported; the same file again needs each repeat confirmed', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(240_000)
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull() // registers the company, reads the 授信额度

  await app.open(page, '/invoice/batch')
  await expect(page.getByTestId('menu-batch')).toHaveClass(/is-active/)
  await expect(page.getByTestId('batch-list-empty')).toBeVisible()

  // 导入文件 → the review of the new batch
  const file = await goodFile()
  await importFile(page, file)
  await expect(page).toHaveURL(/#\/invoice\/batch\/\d+$/)
  await expect(page.getByTestId('batch-import-dialog')).toBeHidden()
  await expect(page.getByTestId('batch-file-name')).toHaveText(path.basename(file))
  await expect(page.getByTestId('batch-state')).toHaveText('待开具')
  await expect(page.getByTestId('batch-invoices')).toHaveText('3')
  await expect(page.getByTestId('batch-lines')).toHaveText('3')
  await expect(page.getByTestId('batch-total')).toHaveText(TOTAL)
  await expect(page.getByTestId('batch-amount')).toHaveText('¥114,000.00')
  await expect(page.getByTestId('batch-quota')).toContainText('可用额度')
  const table = page.getByTestId('batch-invoices-table')
  await expect(table.locator('.el-table__body tr')).toHaveCount(3)
  for (const s of SERIALS) await expect(table.getByTestId(`batch-invoice-${s}`)).toBeVisible()
  const build = rowOf(page, 'batch-invoices-table', page.getByTestId('batch-invoice-BUILD-1'))
  await expect(build.getByTestId('batch-invoice-special')).toHaveText('建筑服务')
  await expect(build.getByTestId('batch-invoice-total')).toHaveText('¥109,000.00')
  await expect(rowOf(page, 'batch-invoices-table', page.getByTestId('batch-invoice-INV-001')).getByTestId('batch-invoice-total')).toHaveText('¥9,540.00')
  await expect(build.getByTestId('invoice-state')).toHaveText('草稿')
  await fitsBothSizes(page)
  await shot(page, 'review')

  // 预览 of the 建筑服务 invoice: the printed face, not yet issued
  await build.getByTestId('batch-invoice-preview').click()
  const preview = page.getByTestId('paper-preview')
  await expect(preview.getByTestId('paper-provisional')).toBeVisible()
  await preview.getByTestId('paper-close').click()
  await expect(preview).toBeHidden()

  // 批量开具: all queued at once; the background sync brings each answer
  await page.getByTestId('batch-issue').click()
  await expect(page.getByTestId('batch-state')).toHaveText('已提交开具')
  await expect(page.getByTestId('batch-progress')).toBeVisible()
  await expect(page.getByTestId('batch-count')).toHaveText('3')
  // no 立即同步: the background sync sends them as soon as they are queued (and the notifications of
  // their answers would cover the button)
  await expect(page.getByTestId('batch-issued')).toHaveText('3', { timeout: 30_000 })
  await expect(page.getByTestId('batch-failed')).toHaveText('0')
  await expect(page.getByTestId('batch-progress')).toHaveAttribute('data-done', 'true')
  const numbers = new Map<string, string>()
  for (const s of SERIALS) {
    const r = rowOf(page, 'batch-invoices-table', page.getByTestId(`batch-invoice-${s}`))
    await expect(r.getByTestId('invoice-state')).toHaveText('已开具')
    await expect(r.getByTestId('batch-invoice-number')).toHaveText(/^\d{20}$/)
    numbers.set(s, (await r.getByTestId('batch-invoice-number').textContent())!)
  }
  expect(new Set(numbers.values()).size).toBe(3)
  await fitsBothSizes(page)
  await shot(page, 'results')

  // 导出结果: each 流水号 with its 发票号码
  const exported = await download(page, page.getByTestId('batch-export'))
  expect(exported.name).toMatch(/\.xlsx$/)
  const sheet = (await readFirstSheet(exported.path)).map((r) => r.join(' '))
  for (const [serial, number] of numbers)
    expect(
      sheet.find((line) => line.includes(serial)),
      `the export has ${serial}`,
    ).toContain(number)

  // the list: the batch with its figures, all issued
  await page.getByTestId('batch-back').click()
  await expect(page).toHaveURL(/#\/invoice\/batch$/)
  const listed = page.getByTestId('batch-list').locator('.el-table__body tr')
  await expect(listed).toHaveCount(1)
  await expect(listed.getByTestId('batch-row-invoices')).toHaveText('3')
  await expect(listed.getByTestId('batch-row-total')).toHaveText(TOTAL)
  await expect(listed.getByTestId('batch-row-issued')).toHaveText('3')
  await expect(listed.getByTestId('batch-row-failed')).toHaveText('0')
  await expect(listed.getByTestId('batch-row-waiting')).toHaveText('0')
  await expect(listed.getByTestId('batch-state')).toHaveText('已提交开具')

  // the same file again: every 流水号 repeats the first batch's; 批量开具 asks for each
  await importFile(page, file)
  await expect(page).toHaveURL(/#\/invoice\/batch\/\d+$/)
  await expect(page.getByTestId('batch-repeats-warning')).toContainText('3 个发票流水号')
  await expect(table.getByTestId('batch-invoice-repeat')).toHaveCount(3)
  await expect(rowOf(page, 'batch-invoices-table', page.getByTestId('batch-invoice-BUILD-1')).getByTestId('batch-invoice-repeat')).toContainText(numbers.get('BUILD-1')!)
  await page.getByTestId('batch-issue').click()
  const repeats = page.getByTestId('batch-repeats-dialog')
  await expect(repeats.getByTestId('batch-repeat-number')).toHaveText([...numbers.values()])
  const confirm = repeats.getByTestId('batch-repeats-confirm')
  await expect(confirm).toBeDisabled()
  await repeats.getByTestId('batch-repeat-INV-001').click()
  await repeats.getByTestId('batch-repeat-BUILD-1').click()
  await expect(confirm).toBeDisabled() // two of three
  await repeats.getByTestId('batch-repeat-INV-003').click()
  await expect(confirm).toBeEnabled()
  await repeats.getByTestId('batch-repeats-cancel').click()
  await expect(repeats).toBeHidden()

  // a draft of the batch spoilt meanwhile (another window, the CLI): 批量开具 is refused whole, in
  // the core's words, and nothing is queued
  const again = Number(/\/invoice\/batch\/(\d+)$/.exec(page.url())![1])
  const inv1 = (await app.core.call('batch.invoices', { id: again })).rows.find((r) => r.serial === 'INV-001')!
  const spoilt = await app.core.call('invoices.get', { id: inv1.invoiceId! })
  await app.core.call('invoices.saveDraft', { id: spoilt.id, draft: { ...spoilt.draft, buyer: { ...spoilt.draft.buyer, taxId: '' } }, check: false })
  await page.getByTestId('batch-issue').click()
  for (const s of SERIALS) await repeats.getByTestId(`batch-repeat-${s}`).click()
  await repeats.getByTestId('batch-repeats-confirm').click()
  await expect(repeats).toBeHidden()
  await expect(page.getByTestId('batch-issue-error')).toContainText('未能批量开具：批次中有 1 张发票未通过校验，整批均未提交：发票流水号 INV-001')
  await expect(page.getByTestId('batch-state')).toHaveText('待开具')
  await expect(table.getByTestId('invoice-state')).toHaveText(['草稿', '草稿', '草稿'])

  // …and 放弃 instead: confirmed, the drafts go, nothing was issued
  await page.getByTestId('batch-discard').click()
  await page.locator('.el-message-box').getByRole('button', { name: '放弃' }).click()
  await expect(page.getByTestId('batch-state')).toHaveText('已放弃')
  await expect(page.getByTestId('batch-discarded')).toBeVisible()
  await expect(page.getByTestId('batch-issue')).toHaveCount(0)
  await page.getByTestId('batch-back').click()
  await expect(listed).toHaveCount(2) // newest first
  await fitsBothSizes(page)
  await shot(page, 'list')
  await expect(listed.first().getByTestId('batch-state')).toHaveText('已放弃')
})

test('模板下载 gives the V260401 workbook with the official sheets', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/invoice/batch')
  const template = await download(page, page.getByTestId('batch-template'))
  expect(template.name).toMatch(/\.xlsx$/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(template.path)
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([S1, S2, S3]))
})

test('a file whose detail names a 流水号 missing from sheet 1 shows the error table and imports nothing', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const file = path.join(os.tmpdir(), `批量开票-错误-${process.pid}-${Date.now()}.xlsx`)
  await fillOfficial(file, {
    [S1]: [{ A: 'INV-001', B: '普通发票', D: '否', F: SHANGHAI.name, G: SHANGHAI.taxId }],
    [S2]: [
      { A: 'INV-001', B: '咨询服务', C: '3040302000000000000', H: '5000', I: '0.06' },
      { A: 'NOPE', B: '咨询服务', C: '3040302000000000000', H: '100', I: '0.06' },
    ],
  })

  await app.open(page, '/invoice/batch')
  await importFile(page, file)
  const dialog = page.getByTestId('batch-import-dialog')
  await expect(dialog.getByTestId('batch-errors-summary')).toContainText('本次没有导入任何发票')
  await expect(dialog.getByTestId('batch-error-count')).toHaveText('1')
  const errors = dialog.getByTestId('batch-errors').locator('.el-table__body tr')
  await expect(errors).toHaveCount(1)
  await expect(errors.first()).toContainText(S2)
  await expect(errors.first()).toContainText('5')
  await expect(errors.first()).toContainText('发票流水号')
  await expect(errors.first()).toContainText('NOPE')
  await expect(errors.first().getByTestId('batch-error-message')).toContainText('在「1-发票基本信息」中没有对应的发票')
  await fitsBothSizes(page)
  await shot(page, 'errors')

  // 下载错误报告: the same problem, at its sheet, row and column
  const report = await download(page, dialog.getByTestId('batch-error-report'))
  expect(report.name).toMatch(/\.xlsx$/)
  const lines = (await readFirstSheet(report.path)).map((r) => r.join(' '))
  expect(lines.some((l) => l.includes('NOPE') && l.includes(S2))).toBe(true)

  // nothing was imported: the list is still empty, in the screen and in the core
  await dialog.getByTestId('batch-import-close').click()
  await expect(page.getByTestId('batch-list-empty')).toBeVisible()
  expect((await app.core.call('batch.list', {})).total).toBe(0)
  fs.rmSync(file, { force: true })
})

test('a batch of 1,000 invoices is reviewed a page at a time, the pager through the core', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(180_000)
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull() // registers the company with the platform
  const N = 1000
  const serial = (i: number) => `B${String(i).padStart(5, '0')}`
  const file = path.join(os.tmpdir(), `批量开票-千张-${process.pid}-${Date.now()}.xlsx`)
  await fillOfficial(file, {
    [S1]: Array.from({ length: N }, (_, i) => ({ A: serial(i + 1), B: '普通发票', D: '否', F: SHANGHAI.name, G: SHANGHAI.taxId })),
    [S2]: Array.from({ length: N }, (_, i) => ({ A: serial(i + 1), B: '咨询服务', C: '3040302000000000000', H: '100', I: '0.06' })),
  })

  await app.open(page, '/invoice/batch')
  const started = Date.now()
  await importFile(page, file)
  await expect(page.getByTestId('batch-invoices')).toHaveText('1,000', { timeout: 120_000 })
  const imported = Date.now() - started
  await expect(page.getByTestId('batch-total')).toHaveText('¥106,000.00')
  await expect(page.getByTestId('batch-quota')).toHaveAttribute('data-warn', 'false')

  // the 授信额度 cut below the batch's 合计金额 (100,000.00): once read, the review says by how much, in red
  app.sandbox!.platform.setQuota(SELLER.taxId, toShanghaiIso(new Date()).slice(0, 7).replace('-', ''), '99000.00')
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  await page.reload()
  const quota = page.getByTestId('batch-quota')
  await expect(quota).toHaveAttribute('data-warn', 'true')
  await expect(quota).toContainText('可用额度 ¥99,000.00')
  await expect(quota).toContainText('不足以开具本批合计金额 ¥100,000.00，还差 ¥1,000.00')
  await expect(quota).toHaveCSS('color', 'rgb(245, 108, 108)')
  const table = page.getByTestId('batch-invoices-table')
  await expect(table.locator('.el-table__body tr')).toHaveCount(20)
  await expect(page.getByTestId('batch-invoices-pager')).toContainText('共 1000 条')

  // the last page comes from the core, not from a thousand rows held in the browser
  const turned = Date.now()
  await page.getByTestId('batch-invoices-pager').locator('.el-pager li').last().click()
  await expect(table.getByTestId(`batch-invoice-${serial(N)}`)).toBeVisible()
  const turn = Date.now() - turned
  await expect(table.locator('.el-table__body tr')).toHaveCount(20)
  await fits(page)
  test.info().annotations.push({ type: 'figures', description: `导入 1,000 张 ${imported} ms; 翻到末页 ${turn} ms` })
  fs.rmSync(file, { force: true })
})

test('a batch settling shows three notifications and one summary of the rest, not one per invoice', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(120_000)
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const N = 8
  const file = path.join(os.tmpdir(), `批量开票-八张-${process.pid}-${Date.now()}.xlsx`)
  await fillOfficial(file, {
    [S1]: Array.from({ length: N }, (_, i) => ({ A: `S-${i + 1}`, B: '普通发票', D: '否', F: SHANGHAI.name, G: SHANGHAI.taxId })),
    [S2]: Array.from({ length: N }, (_, i) => ({ A: `S-${i + 1}`, B: '咨询服务', C: '3040302000000000000', H: '100', I: '0.06' })),
  })
  await app.open(page, '/invoice/batch')
  await importFile(page, file)
  await expect(page.getByTestId('batch-invoices')).toHaveText('8')
  await page.getByTestId('batch-issue').click()
  await expect(page.getByTestId('batch-issued')).toHaveText('8', { timeout: 30_000 })
  // the first three have their own (which close by themselves after 8 s), the rest one summary
  await expect(page.getByTestId('settled-summary')).toHaveText('另有 5 张发票已开具。在发票查询中查看（点击打开）')
  expect(await page.locator('.el-notification').count()).toBeLessThanOrEqual(4)
  fs.rmSync(file, { force: true })
})
