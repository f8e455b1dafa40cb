// 账簿备份 in web mode: 手动备份, reasons in Chinese, and a restore that first shows the current
// ledger's counts against the backup's; 软件更新's settings below, saying updates come with the
// desktop app (no updater in a browser).
import { expect, test } from './fixtures'

test('手动备份, then a restore shows what it will replace before replacing it', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.core.call('customers.create', { name: '重庆银行股份有限公司', taxId: '91500000202869177Y' })
  await app.open(page, '/system/backups')

  await page.getByTestId('backup-create').click()
  const table = page.getByTestId('backups-table')
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await expect(table.locator('tbody tr').first()).toContainText('手动')

  // the books change after the backup
  await app.core.call('customers.create', { name: 'ABC 咨询', taxId: '91310000132200821H' })
  await app.core.call('items.create', { name: '学费', taxCode: '3070201010000000000', rate: '免税' })

  await table.getByTestId('backup-restore').first().click()
  const dialog = page.getByTestId('backup-compare')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('compare-customers')).toHaveText(/客户\s*2\s*1/)
  await expect(dialog.getByTestId('compare-items')).toHaveText(/项目\s*1\s*0/)
  // 取消 changes nothing
  await dialog.getByTestId('backup-compare-cancel').click()
  await expect(dialog).toBeHidden()
  expect((await app.core.call('customers.list', {})).total).toBe(2)

  await table.getByTestId('backup-restore').first().click()
  await expect(dialog.getByTestId('compare-customers')).toHaveText(/客户\s*2\s*1/)
  await dialog.getByTestId('backup-compare-confirm').click()
  await expect(dialog).toBeHidden()
  expect((await app.core.call('customers.list', {})).rows.map((r) => r.name)).toEqual(['重庆银行股份有限公司'])
  // the ledger as it was is kept: 恢复前
  await expect(table.locator('tbody tr')).toHaveCount(2)
  await expect(table).toContainText('恢复前')
})

test('软件更新 settings in a browser: saved and validated, no 检查更新 here', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/system/settings?tab=updates')
  const box = page.getByTestId('update-settings')
  await expect(box.getByTestId('update-web-note')).toContainText('软件更新随桌面版提供')
  await expect(box.getByTestId('update-check')).toBeDisabled()

  await box.getByTestId('update-feed').fill('ftp://updates.example.cn/')
  await box.getByTestId('update-save').click()
  await expect(box.locator('.el-form-item', { has: page.getByTestId('update-feed') }).locator('.el-form-item__error')).toContainText('更新地址应为 http:// 或 https:// 开头的网址')
  expect((await app.core.call('updates.get', {})).feedUrl).toBeNull()

  await box.getByTestId('update-feed').fill('https://updates.example.cn/fapiao/')
  await box.getByTestId('update-channel-beta').click()
  await box.getByTestId('update-save').click()
  await expect(page.locator('.el-message--success')).toContainText('已保存')
  expect(await app.core.call('updates.get', {})).toMatchObject({ feedUrl: 'https://updates.example.cn/fapiao/', channel: 'beta', autoCheck: true })
})
