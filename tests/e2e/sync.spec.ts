// 开票 through the real platform sandbox over HTTP (web mode, background sync on): the success
// dialog as the manual shows it (发票号码, 开具金额, 本次使用授信额度, QR), an invoice queued while
// the platform is down and issued once it is back, a refusal (授信额度不足) fixed and issued, and
// the news told elsewhere in the app as a notification. Checked against the sandbox's own books.
import type { Page } from '@playwright/test'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { expect, SELLER, test, type AppUnderTest } from './fixtures'

test.use({ platform: true })

/** a 数电专票 of one 6% line, 金额 10,000.00 (价税合计 10,600.00) unless told otherwise, saved as a draft */
async function draft(app: AppUnderTest, unitPrice = '10000'): Promise<number> {
  const { id } = await app.core.call('invoices.saveDraft', { draft: testDraft({ extras: [], lines: [testLine({ unitPrice })] }) })
  return id
}

/** 开票 and its confirmation (titled 确认开票, or 授信额度可能不足 when the client already knows) */
async function issue(page: Page): Promise<void> {
  await page.getByTestId('invoice-issue').click()
  const confirm = page.locator('.el-message-box')
  await expect(confirm).toContainText('价税合计')
  await confirm.getByRole('button', { name: '开票' }).click()
}

/** the sandbox's own list of this seller's invoices */
function platformNumbers(app: AppUnderTest): string[] {
  return app.sandbox!.platform.listInvoices(SELLER.taxId).rows.map((r) => r.number)
}

test('draft → 开票 → 开具成功: number, amount, quota used and QR, as the manual shows it', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const id = await draft(app)
  await app.open(page, `/invoice/issue?id=${id}`)
  await expect(page.getByTestId('sync-pending')).toHaveText('待上传 0')

  await issue(page)
  const dialog = page.getByTestId('issued-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('issued-number')).toHaveText(/^\d{20}$/)
  const number = (await dialog.getByTestId('issued-number').textContent())!
  expect(number.slice(2, 4), '广东 issues under its own bureau code').toBe('44')
  await expect(dialog.getByTestId('issued-total')).toHaveText('10,600.00')
  await expect(dialog.getByTestId('issued-quota')).toHaveText('10,000.00')
  // the QR carries the platform's payload: this number and this 价税合计
  const qr = dialog.getByTestId('invoice-qr')
  await expect(qr).toHaveAttribute('src', /^data:image\/png;base64,/)
  expect((await qr.getAttribute('data-qr'))!.split(',').slice(3, 5)).toEqual([number, '10600.00'])
  // exactly this invoice on the platform
  expect(platformNumbers(app)).toEqual([number])

  // the top bar: nothing waits, online, the quota used
  await expect(page.getByTestId('sync-pending')).toHaveText('待上传 0')
  await expect(page.getByTestId('sync-online')).toHaveText('在线')
  await expect(page.getByTestId('sync-last')).toHaveText(/^上次同步 \d\d:\d\d$/)
  await expect(page.getByTestId('topbar-quota-available')).toHaveText('¥990,000.00')

  // closed, the screen shows the invoice as 已开具 with its number and QR; so does opening it later
  await dialog.getByTestId('issued-close').click()
  await expect(dialog).toBeHidden()
  const banner = page.getByTestId('invoice-state-issued')
  await expect(banner.getByTestId('invoice-number')).toHaveText(number)
  await expect(banner.getByTestId('invoice-qr')).toBeVisible()
  await expect(page.getByTestId('line-1-name')).toBeDisabled()
  await page.reload()
  await expect(page.getByTestId('invoice-state-issued').getByTestId('invoice-number')).toHaveText(number)
  await expect(page.getByTestId('invoice-state-issued').getByTestId('invoice-qr')).toHaveAttribute('data-qr', new RegExp(`,${number},`))
  await expect(page.getByTestId('issued-dialog')).toBeHidden()
  await expect(page.getByTestId('quota-available')).toHaveText('¥990,000.00')

  const stored = await app.core.call('invoices.get', { id })
  expect(stored).toMatchObject({ state: 'issued', number, quotaUsed: '10000.00', syncState: 'done' })
})

test('platform down: the invoice waits (离线, 待上传 1); back up, 立即同步 issues it once', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.core.call('sync.now', {}) // registered on the platform, online
  const id = await draft(app, '2000')
  await app.open(page, `/invoice/issue?id=${id}`)
  await expect(page.getByTestId('sync-online')).toHaveText('在线')

  await app.sandbox!.stop()
  await issue(page)
  await expect(page.getByTestId('sync-online')).toHaveText('离线')
  await expect(page.getByTestId('sync-pending')).toHaveText('待上传 1')
  const waiting = page.getByTestId('invoice-state-retrying')
  await expect(waiting).toContainText('待开具：离线，等待重试')
  await expect(waiting.getByTestId('invoice-sync-error')).toContainText('无法连接到税务平台')
  await expect(page.getByTestId('line-1-name')).toBeDisabled()
  await expect(page.getByTestId('issued-dialog')).toBeHidden()
  // the tooltip says where the platform is and why it failed
  await page.getByTestId('sync-online').hover()
  const tip = page.locator('.el-popper').filter({ hasText: '税务平台：内置沙箱' })
  await expect(tip).toContainText(app.sandbox!.url)
  await expect(tip).toContainText('无法连接到税务平台')
  expect(await app.core.call('invoices.get', { id })).toMatchObject({ state: 'queued', number: null })

  await app.sandbox!.start()
  await page.getByTestId('sync-now').click()
  const dialog = page.getByTestId('issued-dialog')
  await expect(dialog.getByTestId('issued-number')).toHaveText(/^\d{20}$/)
  await expect(dialog.getByTestId('issued-total')).toHaveText('2,120.00')
  await expect(dialog.getByTestId('issued-quota')).toHaveText('2,000.00')
  await expect(page.locator('.el-message').filter({ hasText: '同步完成' })).toBeVisible()
  await expect(page.getByTestId('sync-online')).toHaveText('在线')
  await expect(page.getByTestId('sync-pending')).toHaveText('待上传 0')
  const number = (await dialog.getByTestId('issued-number').textContent())!
  expect(platformNumbers(app)).toEqual([number])

  // 继续开票: a new empty draft
  await dialog.getByTestId('issued-continue').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('buyer-name')).toHaveValue('')
  await expect(page.getByTestId('buyer-name')).toBeEnabled()
  await expect(page.getByTestId('autosave-status')).toHaveText('填写后自动保存为草稿')
  expect(new URL(page.url()).hash).not.toContain('id=')
})

test('refused for 授信额度: the reason shows, the invoice is fixed and issued', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.core.call('sync.now', {}) // registers the company on the sandbox
  const month = (await app.core.call('sync.status', {})).quota!.month
  app.sandbox!.platform.setQuota(SELLER.taxId, month, '5000.00')
  const id = await draft(app) // 金额 10,000.00 > 5,000.00

  await app.open(page, `/invoice/issue?id=${id}`)
  await issue(page)
  const failure = page.getByTestId('invoice-failure')
  await expect(failure).toContainText('授信额度不足')
  await expect(failure).toContainText('10000.00')
  await expect(failure).toContainText('5000.00')
  await expect(page.getByTestId('issued-dialog')).toBeHidden()
  await expect(page.getByTestId('sync-failed')).toHaveText('开具失败 1')
  await expect(page.getByTestId('sync-failed')).toHaveAttribute('href', /#\/invoice\/list\?state=failed$/)
  await expect(page.getByTestId('sync-pending')).toHaveText('待上传 0')
  expect(platformNumbers(app)).toEqual([])

  // editable again: 单价 and 金额 down to what the quota allows (the queued content kept its 金额)
  const price = page.getByTestId('line-1-unitPrice')
  await expect(price).toBeEnabled()
  await price.fill('4000')
  await page.getByTestId('line-1-amount').fill('4000')
  await expect(page.getByTestId('totals-total')).toHaveText('¥4,240.00')
  await expect(page.getByTestId('autosave-status')).toContainText('已自动保存')
  await expect(page.getByTestId('invoice-state-failed')).toHaveCount(0)

  await issue(page)
  const dialog = page.getByTestId('issued-dialog')
  await expect(dialog.getByTestId('issued-number')).toHaveText(/^\d{20}$/)
  await expect(dialog.getByTestId('issued-total')).toHaveText('4,240.00')
  await expect(dialog.getByTestId('issued-quota')).toHaveText('4,000.00')
  await expect(page.getByTestId('sync-failed')).toHaveCount(0)
  await expect(page.getByTestId('topbar-quota-available')).toHaveText('¥1,000.00')
  const number = (await dialog.getByTestId('issued-number').textContent())!
  expect(platformNumbers(app)).toEqual([number])
  expect(await app.core.call('invoices.get', { id })).toMatchObject({ state: 'issued', number, failure: null })
})

test('issued while another screen is open: a notification with the number, which opens the invoice', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/items')
  await expect(page.getByTestId('sync-pending')).toHaveText('待上传 0')
  const id = await draft(app, '300')
  await app.core.call('invoices.issue', { id })

  const note = page.locator('.el-notification').filter({ hasText: '发票已开具' })
  await expect(note).toContainText(/发票号码 \d{20}，开具金额 ¥318\.00/)
  const [number] = platformNumbers(app)
  expect(number).toMatch(/^\d{20}$/)
  await expect(note).toContainText(number!)
  await expect(page.getByTestId('issued-dialog')).toHaveCount(0)

  await note.click()
  await expect(page.getByTestId('invoice-state-issued').getByTestId('invoice-number')).toHaveText(number!)
})
