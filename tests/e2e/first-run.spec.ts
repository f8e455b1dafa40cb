// The first day at 1366 × 768, in web mode against the real core and the embedded platform sandbox:
// a fresh data folder → the setup screen checks the 税号 as it is typed → the 新手引导 walks
// through importing customers from a real .xlsx, issuing the first invoice and seeing it in 发票查询,
// each step ticking itself; the empty lists say what to do; 设置 and 关于; and the warning when the
// data folder lies in a OneDrive folder. Screenshots go to docs/screenshots/.
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, SELLER, test } from './fixtures'
import { chooseFile, matchCode, writeSheet } from './helpers'

test.use({ platform: true, viewport: { width: 1366, height: 768 } })

const SHOT_DIR = path.resolve('docs/screenshots')
const SOFTWARE = '3040201010000000000' // 软件开发服务, *信息技术服务*, 6%
const HUAWEI = { name: '华为技术有限公司', taxId: '914403001922038216' }

/** nothing on the page needs a sideways scroll at this width */
async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }))
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client)
}

const step = (page: Page, key: string) => page.getByTestId(`guide-step-${key}`)

test('first run: setup checked as typed, then the guided path ticks as customers are imported, an invoice issued and seen', async ({ app, page, consoleErrors }) => {
  test.setTimeout(120_000)
  void consoleErrors
  await app.open(page)
  await expect(page.getByText('欢迎使用票税通')).toBeVisible()

  // ── the company form checks while typing: no 保存 pressed ──
  await page.getByTestId('company-name').fill(SELLER.name)
  const taxIdItem = page.locator('.el-form-item', { has: page.getByTestId('company-taxId') })
  // still typing: no nagging about the length
  await page.getByTestId('company-taxId').pressSequentially('91440300MA5G')
  await expect(taxIdItem.locator('.el-form-item__error')).toHaveCount(0)
  await page.getByTestId('company-taxId').pressSequentially('0X1U24')
  await expect(taxIdItem.locator('.el-form-item__error')).toContainText('第 18 位校验码应为 3')
  // the 开票员 cleared again is said at once too
  await page.getByTestId('company-operator').fill('王')
  await page.getByTestId('company-operator').fill('')
  await expect(page.locator('.el-form-item', { has: page.getByTestId('company-operator') }).locator('.el-form-item__error')).toBeVisible()
  await noSidewaysScroll(page)
  await page.screenshot({ path: path.join(SHOT_DIR, 'first-run-setup-1366.png') })

  await page.getByTestId('company-taxId').fill(SELLER.taxId)
  await expect(taxIdItem.locator('.el-form-item__error')).toHaveCount(0)
  await page.getByTestId('company-operator').fill(SELLER.operator)
  await page.getByTestId('company-region').click()
  await page.getByRole('option', { name: '广东省' }).click()
  await page.getByTestId('company-save').click()
  await expect(page.getByTestId('company-current')).toContainText(SELLER.name)

  // ── the guide: nothing done yet ──
  const guide = page.getByTestId('guide')
  await expect(guide).toBeVisible()
  for (const key of ['customers', 'issue', 'query']) await expect(step(page, key)).toHaveAttribute('data-done', 'no')
  await expect(page.getByTestId('items-empty')).toHaveAttribute('data-filtered', 'no')
  await noSidewaysScroll(page)
  await page.screenshot({ path: path.join(SHOT_DIR, 'first-run-guide-1366.png') })

  // ① 从 Excel 导入客户: the import opens at once, the template is offered, a real .xlsx goes in
  await page.getByTestId('guide-go-customers').click()
  await expect(page.getByTestId('import-dialog')).toBeVisible()
  await expect(page.getByTestId('import-dialog')).toContainText('模板')
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'first-run-')), '客户.xlsx')
  await writeSheet(file, ['名称', '客户类型', '统一社会信用代码/纳税人识别号'], [[HUAWEI.name, '企业', HUAWEI.taxId]])
  await chooseFile(page, page.getByTestId('import-choose'), file)
  await page.getByTestId('import-upload').click()
  await expect(page.getByTestId('import-result')).toContainText('新增 1')
  await page.getByTestId('import-close').click()
  await expect(step(page, 'customers')).toHaveAttribute('data-done', 'yes')
  await expect(step(page, 'issue')).toHaveAttribute('data-done', 'no')

  // ② 开具第一张发票: the imported customer, one line, the embedded sandbox issues it
  await page.getByTestId('guide-go-issue').click()
  await expect(page).toHaveURL(/#\/invoice\/issue/)
  await page.getByTestId('buyer-name').focus()
  await page.keyboard.type('华为')
  await expect(page.getByTestId('buyer-suggestion').first()).toContainText(HUAWEI.name)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('buyer-taxid')).toHaveValue(HUAWEI.taxId)
  await page.getByTestId('line-1-name').focus()
  await matchCode(page, '软件开发', SOFTWARE)
  await page.getByTestId('line-1-amount').fill('1000')
  await page.getByTestId('invoice-issue').click()
  const confirm = page.locator('.el-message-box')
  await expect(confirm).toContainText('价税合计')
  await confirm.getByRole('button', { name: '开票' }).click()
  const issued = page.getByTestId('issued-dialog')
  await expect(issued.getByTestId('issued-number')).toHaveText(/^\d{20}$/)
  const number = (await issued.getByTestId('issued-number').textContent())!
  await issued.getByTestId('issued-close').click()
  await expect(step(page, 'issue')).toHaveAttribute('data-done', 'yes')
  await expect(step(page, 'query')).toHaveAttribute('data-done', 'no')

  // ③ 在发票查询中查看: opening it ticks the last step
  await page.getByTestId('guide-go-query').click()
  await expect(page.getByTestId('invoices-table')).toContainText(number)
  await expect(page.getByTestId('guide-done')).toBeVisible()
  await noSidewaysScroll(page)
  await page.screenshot({ path: path.join(SHOT_DIR, 'first-run-done-1366.png') })

  // 不再显示 is remembered for this company; 设置 shows it again
  await page.getByTestId('guide-dismiss').click()
  await expect(guide).toHaveCount(0)
  await page.reload()
  await expect(page.getByTestId('invoices-table')).toContainText(number)
  await expect(guide).toHaveCount(0)
  await page.getByTestId('menu-settings').click()
  await page.getByTestId('settings-tab-defaults').click()
  await page.getByTestId('guide-reopen').click()
  await expect(guide).toBeVisible()
})

test("a fresh company's lists each say what to do next; a filter that matches nothing offers 清除筛选", async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const lists: [string, string, RegExp][] = [
    ['/basic/items', 'items-empty', /还没有项目/],
    ['/basic/customers', 'customers-empty', /还没有客户/],
    ['/basic/extras', 'extras-empty', /还没有附加要素/],
    ['/invoice/drafts', 'drafts-empty', /草稿箱是空的/],
    ['/invoice/list', 'invoices-empty', /还没有开具的发票/],
    ['/invoice/received', 'received-empty', /暂无进项发票/],
    ['/invoice/summary', 'summary-empty-销项', /本期没有已开具的发票/],
    ['/invoice/downloads', 'downloads-empty', /暂无下载任务/],
    ['/red/forms', 'red-empty', /还没有红字确认信息/],
    ['/invoice/booking', 'booking-jobs-empty', /还没有入账申请/],
    ['/red/confirm', 'red-confirm-empty', /没有待确认的红字申请/],
    ['/invoice/batch', 'batch-list-empty', /还没有导入批量开票文件/],
    ['/system/settings?tab=backups', 'backups-empty', /还没有备份/],
  ]
  for (const [hash, testid, text] of lists) {
    await app.open(page, hash)
    await expect(page.getByTestId(testid), hash).toContainText(text)
    await noSidewaysScroll(page)
  }
  // each says it with the button that does it
  await app.open(page, '/basic/customers')
  await page.getByTestId('customers-empty-add').click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')

  // nothing matches the filter: said so, and 清除筛选 goes back
  await app.core.call('customers.create', HUAWEI)
  await app.open(page, '/basic/customers')
  await expect(page.getByTestId('customers-table')).toContainText(HUAWEI.name)
  await page.getByTestId('customers-query').fill('不存在的客户')
  await page.getByTestId('customers-search').click()
  await expect(page.getByTestId('customers-empty')).toHaveAttribute('data-filtered', 'yes')
  await expect(page.getByTestId('customers-empty')).toContainText('没有符合查询条件的客户')
  await page.getByTestId('customers-empty').getByTestId('empty-clear-filter').click()
  await expect(page.getByTestId('customers-table')).toContainText(HUAWEI.name)
})

test('设置 gathers every setting; 开票默认值 start a new invoice; the old pages open their tab; 关于 says what runs', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/items')
  await page.getByTestId('menu-settings').click()
  await expect(page.getByTestId('settings-platform')).toBeVisible()
  await expect(page.getByTestId('platform-test')).toBeVisible()

  // 开票人与默认值: saved per company, used by a new invoice
  await page.getByTestId('settings-tab-defaults').click()
  await expect(page.getByTestId('defaults-operator')).toHaveValue(SELLER.operator)
  await page.getByTestId('defaults-kind-81').click()
  await page.getByTestId('defaults-inclusive').click()
  await page.getByTestId('defaults-operator').fill('李开票')
  await page.getByTestId('defaults-save').click()
  await expect(page.locator('.el-message', { hasText: '开票人与默认值已保存' })).toBeVisible()
  expect(await app.core.call('settings.defaults.get', {})).toEqual({ kind: '81', priceIncludesTax: true })
  expect((await app.core.call('companies.current', {}))?.operator).toBe('李开票')

  await page.getByTestId('settings-tab-mail').click()
  await expect(page.getByTestId('mail-host')).toBeVisible()
  await page.getByTestId('settings-tab-backups').click()
  await expect(page.getByTestId('backups-table')).toBeVisible()
  await page.getByTestId('settings-tab-data').click()
  await expect(page.getByTestId('data-dir')).toHaveText(app.dataDir)
  await expect(page.getByTestId('data-dir-copy')).toBeVisible()
  await expect(page.getByTestId('cloud-warning')).toHaveCount(0)
  await page.getByTestId('settings-tab-platform').click()
  await noSidewaysScroll(page)
  await page.screenshot({ path: path.join(SHOT_DIR, 'settings-1366.png') })

  // the old addresses open their tab
  for (const [hash, shown] of [
    ['/system/mail', 'settings-mail'],
    ['/system/backups', 'backups-table'],
    ['/system/platform', 'settings-platform'],
  ] as const) {
    await app.open(page, hash)
    await expect(page.getByTestId(shown)).toBeVisible()
  }

  // a new invoice starts as 数电专票, 含税
  await app.open(page, '/invoice/issue')
  await expect(page.getByTestId('invoice-kind-81')).toHaveClass(/is-active/)
  await expect(page.getByTestId('lines-includes-tax')).toHaveClass(/is-checked/)

  // 关于
  await page.getByTestId('menu-about').click()
  await expect(page.getByTestId('about-version')).toHaveText('0.1.0')
  await expect(page.getByTestId('about-runtime')).toContainText('网页模式')
  await expect(page.getByTestId('about-taxcodes')).toContainText('2018-01')
  await expect(page.getByTestId('about-taxcodes')).toContainText('4,204')
  await expect(page.getByTestId('about-data-dir')).toHaveText(app.dataDir)
  await expect(page.getByTestId('about-licences')).toContainText('SIL Open Font License 1.1')
  await noSidewaysScroll(page)
  await page.screenshot({ path: path.join(SHOT_DIR, 'about-1366.png') })
})

test.describe('a data folder inside OneDrive', () => {
  test.use({ dataDirIn: 'OneDrive - 深圳市测试科技有限公司' })

  test('设置 › 数据文件夹 and 关于 warn, saying why and what to do', async ({ app, page, consoleErrors }) => {
    void consoleErrors
    await app.createCompany()
    await app.open(page, '/system/settings?tab=data')
    const warning = page.getByTestId('cloud-warning')
    await expect(warning).toContainText('OneDrive')
    await expect(warning).toContainText('-wal')
    await expect(warning).toContainText('FAPIAO_DATA')
    await noSidewaysScroll(page)
    await page.screenshot({ path: path.join(SHOT_DIR, 'settings-cloud-warning-1366.png') })
    await page.getByTestId('menu-about').click()
    await expect(page.getByTestId('about-cloud-warning')).toContainText('OneDrive')
  })
})
