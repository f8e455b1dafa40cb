// 发票查询 in the browser over a generated ledger: the default 本月 query, a filter, paging in the
// core, a selection that survives paging (本页全选, then 所有页全选 "已选择全部 N 张"), the 进项 tab,
// and every count shown equal to the core's. Screenshot at 1366 × 768 to docs/screenshots/.
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { InvoiceFilterInput } from '../../src/shared/api/invoiceQuery'
import { openLedgerConnection } from '../../src/main/core/ledger/open'
import { toShanghaiIso } from '../../src/shared/domain/time'
import { fillLedger } from '../../bench/ledger1m'
import { expect, SELLER, test, type AppUnderTest } from './fixtures'

/** 130 销项 and 30 进项 in this month (Asia/Shanghai), the ledger written as the app keeps it */
async function seed(app: AppUnderTest): Promise<{ from: string; to: string }> {
  await app.createCompany()
  const today = toShanghaiIso(new Date()).slice(0, 10)
  const ledger = openLedgerConnection(path.join(app.dataDir, 'companies', SELLER.taxId, 'ledger.db'))
  fillLedger(ledger.db, { count: 130, purchases: 30, days: Number(today.slice(8, 10)), end: new Date(`${today}T00:00:00Z`) })
  ledger.close()
  return { from: `${today.slice(0, 8)}01`, to: today }
}

/** as the screen groups money: 12321106.63 → 12,321,106.63 */
const grouped = (amount: string) => amount.replace(/\B(?=(\d{3})+(?!\d)\.)/g, ',')
const rows = (page: Page) => page.getByTestId('invoices-table').locator('.el-table__body tr')
const totalShown = async (page: Page) => Number((await page.getByTestId('query-total').innerText()).replace(/,/g, ''))

async function coreTotal(app: AppUnderTest, filter: InvoiceFilterInput): Promise<{ total: number; sum: string }> {
  const r = await app.core.call('invoices.query', filter)
  return { total: r.total, sum: r.totals.total }
}

test('发票查询: 本月 by default, filter, page, select across pages and all pages, 进项', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  const month = await seed(app)
  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open(page, '/invoice/list')

  // the default query is 本月, its count and totals the core's
  const all = await coreTotal(app, month)
  expect(all.total).toBeGreaterThan(100)
  await expect(page.getByTestId('query-total')).toHaveText(all.total.toLocaleString('en'))
  await expect(page.getByTestId('query-sum')).toHaveText(grouped(all.sum))
  await expect(rows(page)).toHaveCount(20)
  await page.screenshot({ path: path.resolve('docs/screenshots/query-1366.png') })

  // 票种 82 only
  await page.getByTestId('query-kind').click()
  await page.getByRole('option', { name: '数电普票', exact: true }).click()
  await page.getByTestId('invoices-search').click()
  const ordinary = await coreTotal(app, { ...month, kind: '82' })
  await expect(page.getByTestId('query-total')).toHaveText(ordinary.total.toLocaleString('en'))
  expect(ordinary.total).toBeLessThan(all.total)
  expect(ordinary.total).toBeGreaterThan(40)

  // tick two rows of page 1, then on page 2 the whole page: the ticks of page 1 are still there
  await rows(page).nth(0).getByTestId('query-tick').click()
  await rows(page).nth(1).getByTestId('query-tick').click()
  await expect(page.getByTestId('query-selected')).toHaveText('已选择 2 张')
  const firstRow = () => rows(page).first().locator('[data-testid^="invoice-row-"]')
  const firstPage = (await firstRow().getAttribute('data-testid'))!
  await page.getByTestId('invoices-pager').locator('.btn-next').click()
  await expect(firstRow()).not.toHaveAttribute('data-testid', firstPage)
  await page.getByTestId('query-select-page').click()
  await expect(page.getByTestId('query-selected')).toHaveText('已选择 22 张')
  await page.getByTestId('invoices-pager').locator('.btn-prev').click()
  await expect(firstRow()).toHaveAttribute('data-testid', firstPage)
  await expect(rows(page).nth(0).getByTestId('query-tick')).toHaveClass(/is-checked/)
  await expect(rows(page).nth(2).getByTestId('query-tick')).not.toHaveClass(/is-checked/)

  // 所有页全选: all that match, as many as the core counts
  await page.getByTestId('query-select-all').click()
  await expect(page.getByTestId('query-selected')).toHaveText(`已选择全部 ${ordinary.total.toLocaleString('en')} 张`)
  await page.getByTestId('invoices-pager').locator('.btn-next').click()
  await expect(rows(page).nth(5).getByTestId('query-tick')).toHaveClass(/is-checked/)

  // sorted by 价税合计 in the core (a header click: smallest first)
  await page.getByTestId('invoices-table').getByText('价税合计', { exact: true }).click()
  const ascending = (await app.core.call('invoices.query', { ...month, kind: '82', sort: 'total', order: 'asc', size: 1 })).rows[0]!
  await expect(rows(page).first()).toContainText(ascending.number ?? '（尚未开具）')

  // 进项: its own list, counted by the core; the selection of 销项 is gone
  await page.getByTestId('query-sides').getByText('进项发票').click()
  const received = await coreTotal(app, { side: '进项', ...month })
  expect(received.total).toBeGreaterThan(0)
  await expect(page.getByTestId('query-total')).toHaveText(received.total.toLocaleString('en'))
  await expect(page.getByTestId('query-selected')).toHaveCount(0)
  await expect(page.getByTestId('invoices-table')).toContainText('销售方')
})

test('发票查询: a bad amount range is refused in Chinese and the list stays as it was', async ({ app, page }) => {
  const month = await seed(app)
  await app.open(page, '/invoice/list')
  const before = await coreTotal(app, month)
  await expect(page.getByTestId('query-total')).toHaveText(before.total.toLocaleString('en'))
  await page.getByTestId('query-min').fill('500')
  await page.getByTestId('query-max').fill('100')
  await page.getByTestId('invoices-search').click()
  await expect(page.locator('.el-message--error')).toContainText('价税合计上限 100 小于下限 500')
  expect(await totalShown(page)).toBe(before.total)
})
