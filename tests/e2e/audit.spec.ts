// 操作日志 as a bookkeeper reads it: Chinese action and record names, times on the books' clock
// (Asia/Shanghai, also when the browser is elsewhere) as 2026-12-03 15:04:05, and the buyer's
// name — never the 拼音首字母 typed to find the customer while the draft was first autosaved.
import { expect, SELLER, test } from './fixtures'

test.use({ platform: true, timezoneId: 'America/New_York' })

const HUAWEI = { name: '华为技术有限公司', taxId: '914403001922038216' }
const IT_SYSTEMS = '3040203000000000000' // 信息系统服务, 6%

test('an invoice issued from the screen reads in 操作日志 in Chinese, on Shanghai time, with its buyer', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.core.call('customers.create', HUAWEI)
  await app.core.call('items.create', { name: '信息系统运维', taxCode: IT_SYSTEMS, rate: '6%', unit: '次', unitPrice: '500' })

  await app.open(page, '/invoice/issue')
  // the buyer found by its 拼音首字母 — slowly: the draft is autosaved while 名称 still holds `hwjs`
  await page.getByTestId('buyer-name').focus()
  await page.keyboard.type('hwjs')
  await expect(page.getByTestId('buyer-suggestion').first()).toContainText(HUAWEI.name)
  await expect(page.getByTestId('autosave-status')).toContainText(/已自动保存 \d\d:\d\d:\d\d/)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('buyer-taxid')).toHaveValue(HUAWEI.taxId)

  await page.getByTestId('line-1-name').focus()
  await page.keyboard.press('Alt+KeyI')
  await expect(page.getByTestId('item-picker-search')).toBeFocused()
  await page.keyboard.type('运维')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('line-1-quantity')).toBeFocused()
  await page.keyboard.type('2')
  await expect(page.getByTestId('totals-total')).toHaveText('¥1,060.00')

  await page.getByTestId('invoice-issue').click()
  const confirm = page.locator('.el-message-box')
  await expect(confirm).toContainText('价税合计')
  await confirm.getByRole('button', { name: '开票' }).click()
  const dialog = page.getByTestId('issued-dialog')
  await expect(dialog.getByTestId('issued-number')).toHaveText(/^\d{20}$/)
  const number = (await dialog.getByTestId('issued-number').textContent())!
  await dialog.getByTestId('issued-close').click()

  await app.open(page, '/system/audit')
  const table = page.getByTestId('audit-table')
  const rows = table.locator('.el-table__body tr')
  await expect(rows.filter({ hasText: `平台已开具发票 ${number}` })).toHaveCount(1)
  // no code, no pinyin key, no ISO time anywhere
  await expect(table).not.toContainText('hwjs')
  await expect(table).not.toContainText(/\b(issue|create|update|invoice|customer)\b/)
  await expect(table).not.toContainText(/\d{4}-\d\d-\d\dT/)

  const queued = rows.filter({ hasText: '开票：发票已排队' })
  await expect(queued.getByTestId('audit-action')).toHaveText('开票')
  await expect(queued).toContainText(`购买方 ${HUAWEI.name}，价税合计 1060.00`)
  await expect(queued).toContainText('发票')
  await expect(queued).toContainText(SELLER.operator)
  await expect(rows.filter({ hasText: '新建发票草稿' }).getByTestId('audit-action')).toHaveText('新增')
  await expect(rows.filter({ hasText: `新增客户 ${HUAWEI.name}` })).toContainText('客户')

  // each time is the ledger's instant on the Shanghai wall clock, though the browser is in New York
  const entries = (await app.core.call('audit.list', { page: 1, size: 20 })).rows
  const shown = await table.getByTestId('audit-at').allTextContents()
  expect(shown).toHaveLength(entries.length)
  for (const [i, at] of shown.entries()) {
    expect(at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    expect(at).toBe(entries[i]!.at.slice(0, 19).replace('T', ' '))
  }
  expect(entries[0]!.at).toMatch(/\+08:00$/)
})
