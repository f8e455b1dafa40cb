// 发票入账 through the UI (issue 12), one web instance playing both parties against the real platform
// sandbox: the seller issues two blue invoices to 北京示例 (and a third it reverses whole at once);
// the buyer books one from 进项发票 (the dialog) and the other by uploading a filled 数电 template
// that also holds an unknown number, a repeat of the first, the reversed one and a malformed row —
// the job goes 待处理 → 处理成功 and its result workbook counts each class. The red-letter rule follows the bookings: the booked invoice's reversal becomes
// a 确认单 waiting for the buyer (02); once the buyer undoes the other one's booking (撤销入账) the
// seller reverses it directly (01). 发票入账状态查询 filters by 入账状态 and exports.
// Screenshots at 1366 × 768 go to docs/screenshots/booking-{dialog,received,upload,query}-1366.png.
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { toShanghaiIso } from '../../src/shared/domain/time'
import { expect, SELLER, test } from './fixtures'
import { chooseFile, download, readSheet, writeSheet } from './helpers'
import { BEIJING, draftTo, issueBlue, rowOf, switchCompany, syncNow } from './parties'

test.use({ platform: true, viewport: { width: 1366, height: 768 } })

const SHOTS = path.resolve('docs/screenshots')
/** 入账所属期 the dialog offers: this month in Shanghai */
const period = () => toShanghaiIso(new Date()).slice(0, 7).replace('-', '')
const today = () => toShanghaiIso(new Date()).slice(0, 10)

/** the 进项发票 row of this 发票号码 */
const receivedRow = (page: Page, number: string) => rowOf(page, 'received-table', page.getByTestId(`received-row-${number}`))

/** the downloaded 数电 template with rows added under its header, by the header's own words */
async function fillTemplate(template: string, rows: Record<string, string>[]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(template)
  const ws = wb.worksheets[0]!
  let headerRow = 0
  ws.eachRow((r, n) => {
    if (headerRow === 0 && r.values.toString().includes('发票号码')) headerRow = n
  })
  expect(headerRow, 'the template has a header with 发票号码').toBeGreaterThan(0)
  const columns = new Map<string, number>()
  ws.getRow(headerRow).eachCell((cell, c) => columns.set(cell.text.replace(/[*\s]/g, ''), c))
  rows.forEach((values, i) => {
    const r = ws.getRow(headerRow + 1 + i)
    for (const [name, value] of Object.entries(values)) {
      const c = columns.get(name)
      expect(c, `the template has a column ${name}: ${[...columns.keys()].join('、')}`).toBeDefined()
      r.getCell(c!).value = value
    }
    r.commit()
  })
  const file = path.join(os.tmpdir(), `booking-${process.pid}-${Date.now()}.xlsx`)
  await wb.xlsx.writeFile(file)
  return file
}

/** every sheet of a workbook, its rows as text */
async function readBook(file: string): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const out = new Map<string, string[][]>()
  for (const ws of wb.worksheets) {
    const rows: string[][] = []
    ws.eachRow((row) => rows.push(Array.from({ length: ws.columnCount }, (_, c) => row.getCell(c + 1).text)))
    out.set(ws.name, rows)
  }
  return out
}

test('the buyer books from the list and by file, undoes one; the seller’s red reversal follows (02 waits for the buyer, 01 direct)', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  test.setTimeout(240_000)
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull() // registers the company and the demo counterparties
  const first = await issueBlue(app, BEIJING)
  const second = await issueBlue(app, BEIJING)
  // the third is reversed whole before the buyer ever books it (01, no confirmation): 该票异常 to book
  const reversed = await issueBlue(app, BEIJING)
  await app.core.call('red.create', { blueNumber: reversed, reason: '01', as: 'seller' })
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  expect(app.sandbox!.platform.getInvoice(SELLER.taxId, reversed).redStatus).toBe('fully-reversed')

  // ── the buyer: the feed brings both, 未入账 ──
  await app.open(page, '/invoice/received')
  await switchCompany(page, BEIJING)
  await syncNow(page)
  await expect(receivedRow(page, first).getByTestId('booking-state')).toHaveText('未入账')
  await expect(receivedRow(page, second).getByTestId('booking-state')).toHaveText('未入账')
  await expect(receivedRow(page, first).getByTestId('received-use')).toHaveText('未确认') // a 专票

  // nothing ticked: the actions wait and say why
  await expect(page.getByTestId('booking-book')).toBeDisabled()
  await expect(page.getByTestId('booking-book')).toHaveAttribute('title', '请先勾选要入账的进项发票')

  // 入账 of the first from the list: 02 and this month unless chosen
  await receivedRow(page, first).getByTestId('received-tick').click()
  await expect(page.getByTestId('received-selected')).toHaveText('已选择 1 张')
  await page.getByTestId('booking-book').click()
  const dialog = page.getByTestId('book-dialog')
  await expect(dialog.getByTestId('book-count')).toContainText('1 张')
  await expect(dialog.getByTestId('book-type-02')).toHaveClass(/is-checked/)
  await expect(dialog.getByTestId('book-type-04')).toContainText('04 个人所得税经营所得税前扣除')
  await expect(dialog.getByRole('combobox', { name: '入账所属期' })).toHaveValue(`${period().slice(0, 4)}年${period().slice(4)}月`)
  await page.screenshot({ path: path.join(SHOTS, 'booking-dialog-1366.png') })
  await dialog.getByTestId('book-submit').click()
  await expect(page.locator('.el-message', { hasText: '已提交 1 张发票，待平台处理' })).toBeVisible()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('received-selected')).toHaveCount(0)
  await syncNow(page)
  const firstRow = receivedRow(page, first)
  await expect(firstRow.getByTestId('booking-state')).toHaveText('入账')
  await expect(firstRow.getByTestId('booking-type')).toHaveText('企业所得税税前扣除')
  await expect(firstRow.getByTestId('received-period')).toHaveText(period())
  await expect(firstRow.getByTestId('booking-pending')).toHaveCount(0)
  await page.screenshot({ path: path.join(SHOTS, 'booking-received-1366.png') })

  // ── 发票管理 › 发票入账: the list's request is there, done ──
  await page.getByTestId('menu-booking').click()
  await expect(page).toHaveURL(/#\/invoice\/booking$/)
  const jobs = page.getByTestId('booking-jobs-table')
  await expect(jobs.locator('.el-table__body tr')).toHaveCount(1)
  await expect(jobs.locator('.el-table__body tr').first()).toContainText('进项发票列表')
  await expect(jobs.locator('.el-table__body tr').first()).toContainText('发票入账')
  await expect(jobs.getByTestId('booking-job-state').first()).toHaveText('处理成功')
  await expect(jobs.getByTestId('booking-job-success').first()).toHaveText('1')

  // 模板下载 (数电), filled as a bookkeeper would: the second invoice, a number no one issued, the
  // first again (重复入账), the reversed one (该票异常无法入账) and a 发票号码 of letters (其他)
  await page.getByTestId('booking-template-button').click()
  const template = await download(page, page.getByTestId('booking-template-数电'))
  expect(template.name).toMatch(/\.xlsx$/)
  const unknown = '26440000000000999999'
  const filled = await fillTemplate(template.path, [
    { 发票号码: second, 开票日期: today(), 是否入账: '是', 入账所属期: period() },
    { 发票号码: unknown, 开票日期: today(), 是否入账: '是', 入账所属期: period() },
    { 发票号码: first, 开票日期: today(), 是否入账: '是', 入账所属期: period() },
    { 发票号码: reversed, 开票日期: today(), 是否入账: '是', 入账所属期: period() },
    { 发票号码: 'ABCDEFG', 开票日期: today(), 是否入账: '是', 入账所属期: period() },
  ])

  // 上传文件: 浏览 → 上传 → 上传成功 → 确定; the job waits for the platform
  await page.getByTestId('booking-upload').click()
  const upload = page.getByTestId('booking-upload-dialog')
  await chooseFile(page, upload.getByTestId('booking-upload-browse'), filled)
  await expect(upload.getByTestId('booking-upload-file')).toHaveText(path.basename(filled))
  const [answer] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/call/booking.import')), upload.getByTestId('booking-upload-submit').click()])
  const queued = ((await answer.json()) as { value: { id: number; state: string; rows: number } }).value
  expect(queued).toMatchObject({ state: 'pending', rows: 5 })
  await expect(upload.getByTestId('booking-upload-done')).toContainText('上传成功：共 5 行')
  await upload.getByTestId('booking-upload-ok').click()
  const fileJob = rowOf(page, 'booking-jobs-table', page.getByTestId(`booking-job-${queued.id}`))
  await expect(fileJob.getByTestId(`booking-job-${queued.id}`)).toHaveText(path.basename(filled))
  await expect(fileJob).toContainText('数电模板 · 发票入账')
  await expect(fileJob.getByTestId('booking-job-rows')).toHaveText('5')

  // 立即同步: 处理成功, a count per class, and 下载 of the result workbook
  await syncNow(page)
  await expect(fileJob.getByTestId('booking-job-state')).toHaveText('处理成功')
  await expect(fileJob.getByTestId('booking-job-success')).toHaveText('1')
  await expect(fileJob.getByTestId('booking-job-not-found')).toHaveText('1')
  await expect(fileJob.getByTestId('booking-job-duplicate')).toHaveText('1')
  await expect(fileJob.getByTestId('booking-job-other')).toHaveText('1')
  await expect(fileJob.getByTestId('booking-job-abnormal')).toHaveText('1')
  await page.screenshot({ path: path.join(SHOTS, 'booking-upload-1366.png') })
  const result = await download(page, fileJob.getByTestId('booking-job-result'))
  expect(result.name).toMatch(/\.xlsx$/)
  const book = await readBook(result.path)
  const summaryName = [...book.keys()].find((n) => n.includes('汇总'))
  expect(summaryName, `a 分类汇总 sheet among ${[...book.keys()].join('、')}`).toBeDefined()
  const summary = book.get(summaryName!)!
  const countOf = (label: string) => {
    const row = summary.find((r) => r.some((c) => c.trim() === label))
    expect(row, `分类汇总 has a row for ${label}`).toBeDefined()
    return row!
      .filter((c) => /^\d+$/.test(c.trim()))
      .map(Number)
      .at(-1)
  }
  expect(countOf('成功')).toBe(1)
  expect(countOf('查无此票')).toBe(1)
  expect(countOf('重复入账')).toBe(1)
  expect(countOf('其他')).toBe(1)
  expect(countOf('该票异常无法入账')).toBe(1)
  // the detail names each invoice with its class; the repeat names the earlier period
  const detail = [...book.entries()].find(([n]) => n !== summaryName)![1]
  const line = (number: string) => detail.find((r) => r.includes(number))
  expect(line(second)).toContain('成功')
  expect(line(unknown)).toContain('查无此票')
  expect(line(first)).toContain('重复入账')
  expect(line(reversed)).toContain('该票异常无法入账')
  expect(line(first)!.join(' ')).toContain(period())

  // the second is booked now
  await page.getByTestId('menu-received').click()
  await expect(receivedRow(page, second).getByTestId('booking-state')).toHaveText('入账')
  await expect(receivedRow(page, second).getByTestId('received-period')).toHaveText(period())

  // ── the seller: a reversal of the first now needs the buyer's confirmation (02) ──
  await switchCompany(page, SELLER)
  await syncNow(page)
  await app.open(page, `/red/new?blue=${first}`)
  await expect(page.getByTestId('red-candidate-number')).toHaveText(first)
  await page.getByTestId('red-as-seller').click()
  await page.getByTestId('red-reason-01').click()
  await page.getByTestId('red-next').click()
  await page.getByTestId('red-submit').click()
  await expect(page).toHaveURL(/#\/red\/forms\/\d+$/)
  await syncNow(page)
  const detailPane = page.getByTestId('red-form-detail')
  await expect(detailPane.getByTestId('red-status')).toHaveText('销方录入待购方确认')
  await expect(detailPane.getByTestId('red-status')).toHaveAttribute('data-status', '02')
  await expect(detailPane.getByTestId('red-invoice-none')).toBeVisible()

  // ── the buyer undoes the second's booking (撤销入账 asks first) ──
  await switchCompany(page, BEIJING)
  await syncNow(page)
  await page.getByTestId('menu-received').click()
  await receivedRow(page, second).getByTestId('received-tick').click()
  await page.getByTestId('booking-unbook').click()
  const ask = page.locator('.el-message-box', { hasText: '确定撤销所选 1 张发票的入账吗' })
  await ask.getByRole('button', { name: '取消' }).click()
  await expect(ask).toBeHidden()
  await page.getByTestId('booking-unbook').click()
  await page.locator('.el-message-box').getByRole('button', { name: '撤销入账' }).click()
  await expect(page.locator('.el-message', { hasText: '已提交 1 张发票，待平台处理' })).toBeVisible()
  await syncNow(page)
  await expect(receivedRow(page, second).getByTestId('booking-state')).toHaveText('入账撤销')
  await expect(receivedRow(page, second).getByTestId('received-period')).toHaveText('')

  // ── the seller reverses the second directly: 01 无需确认, the red invoice at once ──
  await switchCompany(page, SELLER)
  await syncNow(page)
  await app.open(page, `/red/new?blue=${second}`)
  await expect(page.getByTestId('red-candidate-number')).toHaveText(second)
  await page.getByTestId('red-as-seller').click()
  await page.getByTestId('red-reason-01').click()
  await page.getByTestId('red-next').click()
  await page.getByTestId('red-submit').click()
  await expect(page).toHaveURL(/#\/red\/forms\/\d+$/)
  await syncNow(page)
  await expect(detailPane.getByTestId('red-status')).toHaveAttribute('data-status', '01')
  await expect(detailPane.getByTestId('red-invoice-number')).toHaveText(/^\d{20}$/)
  expect(app.sandbox!.platform.getInvoice(SELLER.taxId, second).redStatus).toBe('fully-reversed')
  expect(app.sandbox!.platform.getInvoice(SELLER.taxId, first).redStatus).toBe('normal')

  // ── the buyer: 发票入账状态查询 by 入账状态, and 导出 ──
  await switchCompany(page, BEIJING)
  await syncNow(page)
  await page.getByTestId('menu-booking').click()
  await page.getByTestId('booking-tab-status').click()
  const status = page.getByTestId('booking-status-table')
  await expect(rowOf(page, 'booking-status-table', page.getByTestId(`booking-status-row-${first}`))).toHaveCount(1)
  await page.getByTestId('booking-status-state').click()
  await page.getByTestId('booking-status-state-02').click()
  await page.getByTestId('booking-status-search').click()
  await expect(status.locator('.el-table__body tr')).toHaveCount(1)
  const bookedRow = rowOf(page, 'booking-status-table', page.getByTestId(`booking-status-row-${first}`))
  await expect(bookedRow.getByTestId('booking-state')).toHaveText('入账')
  await expect(bookedRow.getByTestId('booking-status-period-cell')).toHaveText(period())
  await page.screenshot({ path: path.join(SHOTS, 'booking-query-1366.png') })
  const exported = await download(page, page.getByTestId('booking-status-export'))
  expect(exported.name).toMatch(/\.xlsx$/)
  const sheet = await readSheet(exported.path)
  const numbers = sheet.flat().filter((c) => /^\d{20}$/.test(c))
  expect(numbers).toEqual([first])
  await expect(page.locator('.el-message', { hasText: '已导出 1 张发票的入账状态' })).toBeVisible()

  // 06 finds the undone one
  await page.getByTestId('booking-status-state').click()
  await page.getByTestId('booking-status-state-06').click()
  await page.getByTestId('booking-status-search').click()
  await expect(status.locator('.el-table__body tr')).toHaveCount(1)
  await expect(rowOf(page, 'booking-status-table', page.getByTestId(`booking-status-row-${second}`))).toHaveCount(1)
})

test('用途确认 says it is for 专票 only, and counts the ticked 普票', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const special = await issueBlue(app, BEIJING)
  const plain = await issueBlue(app, BEIJING, { ...draftTo(BEIJING), kind: '82' })

  await app.open(page, '/invoice/received')
  await switchCompany(page, BEIJING)
  await syncNow(page)
  await expect(receivedRow(page, plain).getByTestId('received-use')).toHaveText('—')
  // both ticked: the dialog says 普票 get no 用途确认, and how many of them are
  await receivedRow(page, special).getByTestId('received-tick').click()
  await receivedRow(page, plain).getByTestId('received-tick').click()
  await page.getByTestId('booking-use').click()
  const dialog = page.getByTestId('use-dialog')
  await expect(dialog).toContainText('用途确认只适用于增值税专用发票')
  await expect(dialog.getByTestId('use-not-special')).toContainText('所选发票中有 1 张不是专票')
  await dialog.getByTestId('use-cancel').click()
  // the 专票 alone
  await receivedRow(page, plain).getByTestId('received-tick').click()
  await page.getByTestId('booking-use').click()
  await expect(dialog.getByTestId('use-count')).toContainText('1 张')
  await expect(dialog.getByTestId('use-not-special')).toHaveCount(0)
  await dialog.getByTestId('use-deduct').click()
  await dialog.getByTestId('use-submit').click()
  await expect(page.locator('.el-message', { hasText: '已提交 1 张发票，待平台处理' })).toBeVisible()
  await syncNow(page)
  await expect(receivedRow(page, special).getByTestId('received-use')).toHaveText('抵扣')
  await expect(receivedRow(page, plain).getByTestId('received-use')).toHaveText('—')
})

test('发票查询 on the 进项 side: 所有页全选 books them all; a file that is no template is refused in the core’s words and queues nothing', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const numbers = [await issueBlue(app, BEIJING), await issueBlue(app, BEIJING)]

  await app.open(page, '/invoice/list')
  await switchCompany(page, BEIJING)
  await syncNow(page)
  await page.getByTestId('menu-invoices').click()
  // 销项: no 入账 there
  await expect(page.getByTestId('query-booking-bar')).toHaveCount(0)
  await page.getByTestId('query-sides').getByText('进项发票').click()
  await expect(page.getByTestId('query-total')).toHaveText('2')
  await expect(page.getByTestId('booking-book')).toBeDisabled()
  await page.getByTestId('query-select-all').click()
  await page.getByTestId('booking-book').click()
  const dialog = page.getByTestId('book-dialog')
  await expect(dialog.getByTestId('book-count')).toContainText('2 张')
  await dialog.getByTestId('book-type-03').click()
  await dialog.getByTestId('book-submit').click()
  await expect(page.locator('.el-message', { hasText: '已提交 2 张发票，待平台处理' })).toBeVisible()
  await expect(page.getByTestId('query-selected')).toHaveCount(0)
  await syncNow(page)
  for (const n of numbers) {
    const row = rowOf(page, 'invoices-table', page.getByTestId(`invoice-row-${n}`))
    await expect(row.getByTestId('booking-state')).toHaveText('入账')
    await expect(row.getByTestId('booking-type')).toHaveText('企业所得税不扣除')
  }

  // 上传 of a workbook without the template's columns: the core names them, no job is made
  await page.getByTestId('menu-booking').click()
  await expect(page.getByTestId('booking-jobs-table').locator('.el-table__body tr')).toHaveCount(1)
  const wrong = path.join(os.tmpdir(), `booking-wrong-${process.pid}-${Date.now()}.xlsx`)
  await writeSheet(wrong, ['名称', '金额'], [['软件许可', '100']])
  await page.getByTestId('booking-upload').click()
  const upload = page.getByTestId('booking-upload-dialog')
  await chooseFile(page, upload.getByTestId('booking-upload-browse'), wrong)
  await upload.getByTestId('booking-upload-submit').click()
  await expect(upload.getByTestId('booking-upload-error')).toContainText('文件不是发票入账模板')
  await expect(upload.getByTestId('booking-upload-error')).toContainText('发票号码')
  await expect(upload.getByTestId('booking-upload-done')).toHaveCount(0)
  await upload.getByTestId('booking-upload-close').click()
  await expect(page.getByTestId('booking-jobs-table').locator('.el-table__body tr')).toHaveCount(1)
  expect((await app.core.call('booking.jobs', {})).total).toBe(1)
})
