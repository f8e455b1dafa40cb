// 同步状态 says what is true in the browser: a red invoice the platform issued itself (01, the buyer
// had not booked the blue one) reads 平台开具 in 发票查询 and its detail, a 红字确认单 the seller
// entered reads 对方录入 on the buyer's red-letter screens — never 未上传, which only a document
// made here and not yet sent is (tests/integration/origin.test.ts). One web instance plays both
// parties, against the real sandbox.
import type { Locator, Page } from '@playwright/test'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { expect, test, type AppUnderTest } from './fixtures'

test.use({ platform: true })

// a counterparty the embedded sandbox registers as a company of the app (src/main/core/sync/connection.ts)
const BEIJING = { name: '北京示例科技有限公司', taxId: '91110105MA01ABCD26' }

/** the current company issues a blue invoice to BEIJING through the core; its id and number */
async function issueBlue(app: AppUnderTest): Promise<{ id: number; number: string }> {
  const d = testDraft()
  const { id } = await app.core.call('invoices.saveDraft', { draft: { ...d, buyer: { ...d.buyer, ...BEIJING }, lines: [testLine({ quantity: '2', unitPrice: '500' })] } })
  await app.core.call('invoices.issue', { id })
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  return { id, number: (await app.core.call('invoices.get', { id })).number! }
}

function rowWith(page: Page, table: string, mark: Locator): Locator {
  return page.getByTestId(table).locator('.el-table__body tr', { has: mark })
}

test('平台开具 for the platform’s red invoice in 发票查询 and its detail, 对方录入 for the counterparty’s forms on the red-letter screens', async ({
  app,
  page,
  consoleErrors,
}) => {
  void consoleErrors
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull() // registers the company and the demo counterparties
  const direct = await issueBlue(app)
  const booked = await issueBlue(app)
  app.sandbox!.platform.markBooked(booked.number) // the buyer booked it: its form waits for the buyer
  const form01 = await app.core.call('red.create', { blueNumber: direct.number, reason: '01', as: 'seller' })
  await app.core.call('red.create', { blueNumber: booked.number, reason: '01', as: 'seller' })
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const redNumber = (await app.core.call('red.get', { id: form01.id })).redInvoiceNumber!
  const red = (await app.core.call('invoices.list', { query: redNumber, page: 1, size: 1 })).rows[0]!

  // ── 发票查询: each row as it truly stands ──
  await app.open(page, '/invoice/list')
  const redRow = rowWith(page, 'invoices-table', page.getByTestId(`invoice-row-${red.id}`))
  await expect(redRow.getByTestId('invoice-sync')).toHaveText('平台开具')
  await expect(redRow.getByTestId('invoice-sync')).toHaveAttribute('data-sync', 'platform')
  await redRow.getByTestId('invoice-sync').hover()
  await expect(page.locator('.el-popper', { hasText: '由税务平台开具，已同步到本机，无需上传' })).toBeVisible()
  await expect(rowWith(page, 'invoices-table', page.getByTestId(`invoice-row-${direct.id}`)).getByTestId('invoice-sync')).toHaveText('已同步')
  await expect(page.getByTestId('invoices-table').getByTestId('invoice-sync').filter({ hasText: '未上传' })).toHaveCount(0)

  // …and in its detail
  await redRow.getByTestId('invoice-view').click()
  const detail = page.getByTestId('invoice-detail')
  await expect(detail.getByTestId('detail-number')).toHaveText(redNumber)
  await expect(detail.getByTestId('invoice-sync')).toHaveText('平台开具')

  // ── the buyer: both forms came from the seller ──
  await page.keyboard.press('Escape')
  await page.getByTestId('company-current').click()
  await page.getByTestId(`company-option-${BEIJING.taxId}`).click()
  await expect(page.getByTestId('company-current')).toContainText(BEIJING.name)
  const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/call/sync.now')), page.getByTestId('sync-now').click()])
  expect(((await res.json()) as { value?: { error: string | null } }).value?.error).toBeNull()

  // 红字申请确认 › 待确认: the booked invoice's form waits for this company's answer
  await app.open(page, '/red/confirm')
  const todo = rowWith(page, 'red-confirm-table', page.locator(`[data-blue="${booked.number}"]`))
  await expect(todo.getByTestId('red-status')).toHaveText('销方录入待购方确认')
  await expect(todo.getByTestId('invoice-sync')).toHaveText('对方录入')
  await expect(todo.getByTestId('invoice-sync')).toHaveAttribute('data-sync', 'counterparty')

  // 红字确认信息录入和处理: the 01 form too, and its 查看
  await app.open(page, '/red/forms')
  const done = rowWith(page, 'red-table', page.locator(`[data-blue="${direct.number}"]`))
  await expect(done.getByTestId('red-status')).toHaveText('无需确认')
  await expect(done.getByTestId('invoice-sync')).toHaveText('对方录入')
  await expect(page.getByTestId('red-table').getByTestId('invoice-sync').filter({ hasText: '未上传' })).toHaveCount(0)
  await done.getByTestId('red-view').click()
  await expect(page.getByTestId('red-form-detail').getByTestId('invoice-sync')).toHaveText('对方录入')
})
