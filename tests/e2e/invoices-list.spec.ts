// 发票查询 (manual §1.1.9, issue #4 §2) against the real platform sandbox: 销项发票 lists what left
// the 草稿箱 with its number, 状态 and 同步状态, filters by 状态 (also from ?state=failed) and keyword,
// 查看 shows the invoice with its QR, 重试 / 重新开票 / 修改 / 复制 act on it; 进项发票 shows what a
// seller issued to the company once it has synced. Checked against the ledger and the platform.
import type { Locator, Page } from '@playwright/test'
import type { InvoiceDraftInput } from '../../src/shared/api/invoices'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { expect, SELLER, test, type AppUnderTest } from './fixtures'

test.use({ platform: true })

const HUAWEI = { name: '华为技术有限公司', taxId: '914403001922038216' }
// the two counterparties the embedded sandbox registers (src/main/core/sync/connection.ts)
const BEIJING = { name: '北京示例科技有限公司', taxId: '91110105MA01ABCD26' }
const SHANGHAI = { name: '上海示例贸易有限公司', taxId: '91310115MA1H7Q3PX4' }

/** one 软件开发服务 line of 金额 10,000.00 at 6% unless told: 税额 600.00, 价税合计 10,600.00 */
function draftTo(buyer: { name: string; taxId: string }, unitPrice = '10000'): InvoiceDraftInput {
  const d = testDraft()
  return { ...d, buyer: { ...d.buyer, ...buyer }, lines: [testLine({ unitPrice, spec: 'V2.0' })], remark: '合同 HT-2025-001' }
}

/** saved and 开票: 待开具 in the outbox */
async function queue(app: AppUnderTest, draft: InvoiceDraftInput): Promise<number> {
  const { id } = await app.core.call('invoices.saveDraft', { draft })
  await app.core.call('invoices.issue', { id })
  return id
}

/** the row of 销项发票 holding this invoice (el-table rows carry no attributes: the number cell marks it) */
function invoiceRow(page: Page, id: number): Locator {
  return page.getByTestId('invoices-table').locator('.el-table__body tr', { has: page.getByTestId(`invoice-row-${id}`) })
}

function tableRows(page: Page): Locator {
  return page.getByTestId('invoices-table').locator('.el-table__body tr')
}

async function chooseState(page: Page, label: string): Promise<void> {
  await page.getByTestId('invoices-state').click()
  await page.getByRole('option', { name: label, exact: true }).click()
  await page.getByTestId('invoices-search').click()
}

/** the company registered on the sandbox and its quota read; returns the month (YYYYMM) */
async function connect(app: AppUnderTest): Promise<string> {
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  return (await app.core.call('sync.status', {})).quota!.month
}

test('销项发票: states, 状态 filter (also from the address), keyword, 查看 with the QR, 修改 / 重新开票 / 复制', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const month = await connect(app)
  const sandbox = app.sandbox!

  // one issued invoice
  const issuedId = await queue(app, draftTo(HUAWEI))
  await app.core.call('sync.now', {})
  const issued = await app.core.call('invoices.get', { id: issuedId })
  expect(issued).toMatchObject({ state: 'issued', syncState: 'done', quotaUsed: '10000.00' })
  expect(issued.number).toMatch(/^\d{20}$/)
  expect(issued.qr).toBeTruthy()

  // two the platform refuses: only 5,000.00 of the quota is left
  sandbox.platform.setQuota(SELLER.taxId, month, '15000.00')
  const refusedA = await queue(app, draftTo(SHANGHAI))
  const refusedB = await queue(app, draftTo(SHANGHAI, '20000'))
  await app.core.call('sync.now', {})
  const failures: Record<number, string> = {}
  for (const id of [refusedA, refusedB]) {
    const inv = await app.core.call('invoices.get', { id })
    expect(inv).toMatchObject({ state: 'failed', syncState: 'rejected' })
    expect(inv.failure).toMatch(/额度/)
    failures[id] = inv.failure!
  }
  const failure = failures[refusedA]!
  // and a draft, which stays in the 草稿箱
  const { id: draftId } = await app.core.call('invoices.saveDraft', { draft: draftTo({ name: '草稿买方有限公司', taxId: '' }) })

  // ?state=failed (the top bar's 开具失败 count links here) preselects 开具失败
  await app.open(page, '/invoice/list?state=failed')
  await expect(page.getByTestId('invoices-state')).toContainText('开具失败')
  await expect(tableRows(page)).toHaveCount(2)
  for (const id of [refusedA, refusedB]) {
    const row = invoiceRow(page, id)
    await expect(row.getByTestId('invoice-state')).toHaveText('开具失败')
    await expect(row.getByTestId('invoice-sync')).toHaveText('被拒绝')
    // the platform's words as text, not only in the tooltip
    await expect(row.getByTestId('invoice-reason')).toHaveText(failures[id]!)
    await expect(row.getByTestId('invoice-edit')).toBeVisible()
    await expect(row.getByTestId('invoice-reissue')).toBeVisible()
    await expect(row.getByTestId('invoice-retry')).toHaveCount(0)
  }
  await invoiceRow(page, refusedA).getByTestId('invoice-sync').hover()
  await expect(page.locator('.el-popper', { hasText: failure })).toBeVisible()

  // 全部: everything past 草稿, the draft not among them
  await chooseState(page, '全部')
  await expect(tableRows(page)).toHaveCount(3)
  await expect(page.getByTestId(`invoice-row-${draftId}`)).toHaveCount(0)
  const issuedRow = invoiceRow(page, issuedId)
  await expect(issuedRow.getByTestId(`invoice-row-${issuedId}`)).toHaveText(issued.number!)
  await expect(issuedRow).toContainText(issued.issuedAt!.slice(0, 10))
  await expect(issuedRow).toContainText('数电专票')
  await expect(issuedRow).toContainText(HUAWEI.name)
  await expect(issuedRow).toContainText('10,000.00')
  await expect(issuedRow).toContainText('600.00')
  await expect(issuedRow).toContainText('10,600.00')
  await expect(issuedRow.getByTestId('invoice-state')).toHaveText('已开具')
  await expect(issuedRow.getByTestId('invoice-sync')).toHaveText('已同步')
  await expect(issuedRow.getByTestId('invoice-reason')).toHaveCount(0)
  await expect(issuedRow.getByTestId('invoice-edit')).toHaveCount(0)

  // 正常 (issued, not reversed) only
  await chooseState(page, '正常')
  await expect(tableRows(page)).toHaveCount(1)
  await expect(invoiceRow(page, issuedId)).toBeVisible()
  // 重置: back to 全部
  await page.getByTestId('invoices-reset').click()
  await expect(page.getByTestId('invoices-state')).toContainText('全部')
  await expect(tableRows(page)).toHaveCount(3)

  // a 发票号码 prefix, then a buyer's name
  await page.getByTestId('invoices-number').fill(issued.number!.slice(0, 12))
  await page.getByTestId('invoices-number').press('Enter')
  await expect(tableRows(page)).toHaveCount(1)
  await expect(invoiceRow(page, issuedId)).toBeVisible()
  await page.getByTestId('invoices-number').fill('')
  await page.getByTestId('invoices-query').fill('上海示例')
  await page.getByTestId('invoices-query').press('Enter')
  await expect(tableRows(page)).toHaveCount(2)
  await page.getByTestId('invoices-reset').click()
  await expect(tableRows(page)).toHaveCount(3)

  // 查看: the invoice as the bookkeeper checks it
  await invoiceRow(page, issuedId).getByTestId('invoice-view').click()
  const detail = page.getByTestId('invoice-detail')
  await expect(detail.getByTestId('detail-title')).toHaveText('电子发票（增值税专用发票）')
  await expect(detail.getByTestId('detail-number')).toHaveText(issued.number!)
  await expect(detail.getByTestId('detail-issued-at')).toHaveText(issued.issuedAt!.slice(0, 10))
  await expect(detail.getByTestId('invoice-qr')).toHaveAttribute('data-qr', issued.qr!)
  await expect(detail.getByTestId('detail-buyer-name')).toHaveText(HUAWEI.name)
  await expect(detail.getByTestId('detail-buyer-taxid')).toHaveText(HUAWEI.taxId)
  await expect(detail.getByTestId('detail-seller-name')).toHaveText(SELLER.name)
  await expect(detail.getByTestId('detail-seller-taxid')).toHaveText(SELLER.taxId)
  const line = detail.getByTestId('detail-lines').locator('.el-table__body tr').first()
  await expect(line.getByTestId('detail-line-name')).toHaveText('*信息技术服务*软件开发服务')
  await expect(line).toContainText('V2.0')
  await expect(line).toContainText('项')
  await expect(line).toContainText('6%')
  await expect(detail.getByTestId('detail-amount')).toHaveText('¥10,000.00')
  await expect(detail.getByTestId('detail-tax')).toHaveText('¥600.00')
  await expect(detail.getByTestId('detail-total')).toHaveText('¥10,600.00')
  await expect(detail.getByTestId('detail-total-words')).toContainText('壹万零陆佰圆整')
  await expect(detail.getByTestId('detail-remark')).toHaveText('合同 HT-2025-001')
  await expect(detail.getByTestId('detail-drawer')).toHaveText(SELLER.operator)
  await expect(detail.getByTestId('invoice-state')).toHaveText('已开具')
  await expect(detail.getByTestId('invoice-sync')).toHaveText('已同步')
  await expect(detail.getByTestId('detail-quota-used')).toHaveText('¥10,000.00')
  await expect(detail.getByTestId('detail-retry')).toHaveCount(0)
  await detail.getByTestId('detail-close').click()
  await expect(detail).toBeHidden()

  // 查看 a refused one: the reason, 修改 and 重新开票
  await invoiceRow(page, refusedB).getByTestId('invoice-view').click()
  await expect(detail.getByTestId('detail-number')).toHaveText('（尚未开具）')
  await expect(detail.getByTestId('invoice-qr')).toHaveCount(0)
  await expect(detail.getByTestId('detail-failure')).toContainText(failures[refusedB]!)
  await expect(detail.getByTestId('detail-reissue')).toBeVisible()
  // 修改: the issuing screen with it, to fix it there
  await detail.getByTestId('detail-edit').click()
  await expect(page).toHaveURL(new RegExp(`#/invoice/issue\\?id=${refusedB}$`))
  await expect(page.getByTestId('buyer-name')).toHaveValue(SHANGHAI.name)

  // 重新开票 once the quota is raised: re-queued as it stands and issued; the list follows by itself
  sandbox.platform.setQuota(SELLER.taxId, month, '1000000.00')
  await page.getByTestId('menu-invoices').click()
  await invoiceRow(page, refusedA).getByTestId('invoice-reissue').click()
  await expect(invoiceRow(page, refusedA).getByTestId('invoice-state')).toHaveText('已开具')
  await expect(invoiceRow(page, refusedA).getByTestId('invoice-sync')).toHaveText('已同步')
  const reissued = await app.core.call('invoices.get', { id: refusedA })
  expect(reissued).toMatchObject({ state: 'issued', failure: null })
  await expect(invoiceRow(page, refusedA).getByTestId(`invoice-row-${refusedA}`)).toHaveText(reissued.number!)
  expect(sandbox.platform.listInvoices(SELLER.taxId).total).toBe(2)

  // 复制: a new draft with the issued invoice's content, opened for issuing
  await invoiceRow(page, issuedId).getByTestId('invoice-copy').click()
  await expect(page).toHaveURL(/#\/invoice\/issue\?id=\d+$/)
  const copyId = Number(/id=(\d+)/.exec(page.url())?.[1])
  expect(copyId).not.toBe(issuedId)
  await expect(page.getByTestId('buyer-name')).toHaveValue(HUAWEI.name)
  expect(await app.core.call('invoices.get', { id: copyId })).toMatchObject({ state: 'draft', buyerName: HUAWEI.name, number: null })
})

test('待开具 while the platform is down: 等待重试 with the reason; 重试 in the detail issues it and the detail follows', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await connect(app)
  const sandbox = app.sandbox!
  await sandbox.stop()
  const id = await queue(app, draftTo(HUAWEI))
  expect((await app.core.call('sync.now', {})).pending).toBe(1)
  const waiting = await app.core.call('invoices.get', { id })
  expect(waiting).toMatchObject({ state: 'queued', syncState: 'retrying' })

  await app.open(page, '/invoice/list')
  const row = invoiceRow(page, id)
  await expect(row.getByTestId('invoice-state')).toHaveText('待开具')
  await expect(row.getByTestId('invoice-sync')).toHaveText('等待重试')
  await expect(row.getByTestId('invoice-reason')).toHaveText(waiting.syncError!)
  await expect(row.getByTestId('invoice-retry')).toBeVisible()
  await expect(row.getByTestId('invoice-reissue')).toHaveCount(0)
  await chooseState(page, '待开具')
  await expect(tableRows(page)).toHaveCount(1)

  await row.getByTestId('invoice-view').click()
  const detail = page.getByTestId('invoice-detail')
  await expect(detail.getByTestId('detail-sync-error')).toContainText(waiting.syncError!)
  await expect(detail.getByTestId('invoice-qr')).toHaveCount(0)

  // the platform is back: 重试 sends it now, and the open detail shows the number and QR
  await sandbox.start()
  await detail.getByTestId('detail-retry').click()
  await expect(page.locator('.el-message', { hasText: '已重新发送至平台' })).toBeVisible()
  await expect(detail.getByTestId('detail-number')).toHaveText(/^\d{20}$/)
  const issued = await app.core.call('invoices.get', { id })
  await expect(detail.getByTestId('invoice-qr')).toHaveAttribute('data-qr', issued.qr!)
  await expect(detail.getByTestId('invoice-state')).toHaveText('已开具')
  await expect(detail.getByTestId('detail-sync-error')).toHaveCount(0)
  expect(sandbox.platform.listInvoices(SELLER.taxId).total).toBe(1)
})

test('进项发票: an invoice issued to the demo counterparty reaches it after its sync', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await connect(app) // registers the company and the two demo counterparties
  // issued before the page opens: the 开具成功 notification would sit over the company switcher
  const id = await queue(app, draftTo(BEIJING))
  await app.core.call('sync.now', {})
  const issued = await app.core.call('invoices.get', { id })
  expect(issued.state).toBe('issued')

  // the seller's own 进项 stays empty (it issued the invoice), saying where 进项 come from
  await app.open(page, '/invoice/received')
  await expect(page.getByTestId('received-empty')).toContainText('同步')
  expect((await app.core.call('received.list', {})).total).toBe(0)

  // switch to the buyer in the top bar, then its sync brings the invoice in; the open list follows
  await page.getByTestId('company-current').click()
  await page.getByTestId(`company-option-${BEIJING.taxId}`).click()
  await expect(page.getByTestId('company-current')).toContainText(BEIJING.name)
  await page.getByTestId('menu-received').click()
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const row = page.getByTestId('received-table').locator('.el-table__body tr', { has: page.getByTestId(`received-row-${issued.number}`) })
  await expect(row).toBeVisible()
  await expect(row).toContainText(issued.issuedAt!.slice(0, 10))
  await expect(row).toContainText(SELLER.name)
  await expect(row).toContainText(SELLER.taxId)
  await expect(row).toContainText('10,000.00')
  await expect(row).toContainText('600.00')
  await expect(row).toContainText('10,600.00')

  // query by the seller's name, and by something that matches nothing
  await page.getByTestId('received-query').fill('深圳市测试')
  await page.getByTestId('received-query').press('Enter')
  await expect(row).toBeVisible()
  await page.getByTestId('received-query').fill('不存在的销售方')
  await page.getByTestId('received-query').press('Enter')
  await expect(page.getByTestId('received-empty')).toBeVisible()
})
