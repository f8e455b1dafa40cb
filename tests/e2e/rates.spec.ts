// The rate rules on the issuing screen (issue 10 §2, §3): a line offers only the rates its code and
// the seller's 纳税人类型 allow, a refused rate is explained in the line as soon as it is typed (not
// only on 开票), a 小规模纳税人's 3% 专票 asks for 放弃享受减按1%征收率原因, and a 含税 discount is
// taken as 含税.
import path from 'node:path'
import type { Page } from '@playwright/test'
import { REDUCED_REASONS } from '../../src/shared/domain/rateRules'
import { expect, SELLER, test } from './fixtures'
import { matchCode } from './helpers'

const SOFTWARE = '3040201010000000000' // 软件开发服务, 6%

const options = (page: Page, line: number) =>
  page
    .getByTestId(`line-${line}-rate-options`)
    .locator('option')
    .evaluateAll((els) => els.map((e) => e.getAttribute('value')))

test('a 小规模纳税人: only its rates, a refusal told in the line at once, and the 减按1% reason on a 3% 专票', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await page.setViewportSize({ width: 1366, height: 768 })
  await app.core.call('companies.create', { ...SELLER, taxpayerType: '小规模纳税人' })
  await app.open(page, '/invoice/issue')
  await page.getByTestId('line-1-name').focus()
  await matchCode(page, '软件开发', SOFTWARE)
  // the code's own 6% is not the seller's: it takes 1% (减按1%) and offers its 征收率
  await expect(page.getByTestId('line-1-taxRate')).toHaveValue('1%')
  await expect.poll(() => options(page, 1)).toEqual(['5%', '3%', '1%', '免税'])
  await expect(page.getByTestId('line-1-errors')).toHaveCount(0)

  // typed anyway: the line says why, before any 开票
  await page.getByTestId('line-1-taxRate').fill('6')
  await page.getByTestId('line-1-taxRate').press('Enter')
  await expect(page.getByTestId('line-1-taxRate')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('line-1-errors')).toContainText('小规模纳税人不能使用税率 6%，请选择征收率 3%（或减按 1%）或 5%')
  await expect(page.getByTestId('issue-summary')).toHaveCount(0)
  await page.getByTestId('line-1-taxRate').scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.resolve('docs/screenshots/issue-small-scale-rate-1366.png') })

  // a 专票 offers no 免税, and at 3% it asks for the reason
  await page.getByTestId('invoice-kind-81').click()
  await expect.poll(() => options(page, 1)).toEqual(['5%', '3%', '1%'])
  await page.getByTestId('line-1-taxRate').fill('3%')
  await page.getByTestId('line-1-taxRate').press('Enter')
  await expect(page.getByTestId('line-1-errors')).toHaveCount(0)
  const reason = page.getByTestId('invoice-kind-bar')
  await expect(reason).toContainText('小规模纳税人以 3% 征收率开具专票，须选择“放弃享受减按1%征收率原因”')
  await reason.scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.resolve('docs/screenshots/issue-small-scale-reason-1366.png') })
  await page.getByTestId('invoice-reduced-reason').click()
  await page.getByRole('option', { name: REDUCED_REASONS[1] }).click()
  await expect(reason).not.toContainText('须选择')
  await expect(page.getByTestId('autosave-status')).toContainText('已自动保存')
  const [draft] = (await app.core.call('invoices.list', { state: 'draft' })).rows
  expect((await app.core.call('invoices.get', { id: draft!.id })).draft).toMatchObject({
    kind: '81',
    reducedReason: REDUCED_REASONS[1],
    lines: [{ taxRate: '0.03', policy: null }],
  })
})

test('a 一般纳税人: 13% on a 6% service is explained in the line; 免税 is no option on a 专票', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/invoice/issue')
  await expect(page.getByTestId('invoice-reduced-reason')).toHaveCount(0)
  await page.getByTestId('line-1-name').focus()
  await matchCode(page, '软件开发', SOFTWARE)
  await expect(page.getByTestId('line-1-taxRate')).toHaveValue('6%')
  await expect.poll(() => options(page, 1)).toEqual(['6%', '免税'])
  await page.getByTestId('line-1-taxRate').fill('13')
  await page.getByTestId('line-1-taxRate').press('Enter')
  await expect(page.getByTestId('line-1-errors')).toContainText('税收分类编码 3040201010000000000（软件开发服务）适用税率 6%，不能使用 13%')
  await page.getByTestId('invoice-kind-81').click()
  await expect.poll(() => options(page, 1)).toEqual(['6%'])
})

test("a 含税 line's 折扣 is 含税: 113.00 less 11.30 at 13% is 90.00 + 11.70 = 101.70", async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/invoice/issue')
  await page.getByTestId('lines-includes-tax').click()
  await page.getByTestId('line-1-name').fill('办公用品')
  await page.getByTestId('line-1-amount').fill('113')
  await page.getByTestId('line-1-taxRate').fill('13%')
  await page.getByTestId('line-1-taxRate').press('Enter')
  await page.getByTestId('line-1-discount').fill('11.30')
  await expect(page.getByTestId('line-1-discount-amount')).toHaveText('-10.00')
  await expect(page.getByTestId('line-1-discount-tax')).toHaveText('-1.30')
  await expect(page.getByTestId('totals-amount')).toHaveText('¥90.00')
  await expect(page.getByTestId('totals-tax')).toHaveText('¥11.70')
  await expect(page.getByTestId('totals-total')).toHaveText('¥101.70')
})
