// 系统设置 › 平台连接 (issue #4 §2 Settings) against the real platform sandbox: 测试连接 logs in with
// the values as typed and changes nothing; 保存 is refused field by field when the external platform
// has no password, and a refused save leaves the working connection as it was.
import type { Page } from '@playwright/test'
import { expect, SELLER, test } from './fixtures'

test.use({ platform: true })

/** nothing listens on the discard port: a connection there is refused at once */
const DEAD_URL = 'http://127.0.0.1:9'

/** the radio's native input, which says whether that choice is checked */
const modeInput = (page: Page, mode: 'embedded' | 'remote') => page.getByTestId(`platform-mode-${mode}`).locator('input')

test('内置沙箱 connects as the company; an external platform that cannot be reached fails clearly and saves nothing without its password', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/items')
  // 平台连接 is the first tab of 设置
  await page.getByTestId('menu-settings').click()

  // the default: the sandbox on this computer, explained, with the company's own ID as the login
  await expect(modeInput(page, 'embedded')).toBeChecked()
  await expect(page.getByTestId('platform-help')).toContainText('北京示例科技有限公司')
  await expect(page.getByTestId('platform-help')).toContainText('授信额度')
  await expect(page.getByTestId('platform-taxid')).toHaveValue(SELLER.taxId)
  await expect(page.getByTestId('platform-taxid')).toBeDisabled()
  await expect(page.getByTestId('platform-url')).toHaveCount(0)

  // 测试连接 in sandbox mode logs in as the company
  await page.getByTestId('platform-test').click()
  const result = page.getByTestId('platform-test-result')
  await expect(result).toHaveAttribute('data-ok', 'true')
  await expect(result).toContainText('连接成功')
  await expect(result).toContainText(SELLER.name)

  // 外部平台 at an address where nothing answers: a clear failure, and nothing saved by testing
  await page.getByTestId('platform-mode-remote').click()
  await expect(result).toHaveCount(0)
  await page.getByTestId('platform-url').fill(DEAD_URL)
  await page.getByTestId('platform-password').fill('some-password')
  await page.getByTestId('platform-test').click()
  await expect(result).toHaveAttribute('data-ok', 'false')
  await expect(result).toContainText('连接失败')
  await expect(result).toContainText('无法连接到税务平台')
  expect(await app.core.call('settings.platform.get', {})).toMatchObject({ mode: 'embedded' })

  // an address that is not http(s): refused beside the field
  await page.getByTestId('platform-url').fill('ftp://127.0.0.1:9')
  await page.getByTestId('platform-save').click()
  await expect(page.locator('.el-form-item', { has: page.getByTestId('platform-url') }).locator('.el-form-item__error')).toHaveText('平台地址应以 http:// 或 https:// 开头')

  // 保存 without the password: refused beside the password field
  await page.getByTestId('platform-url').fill(DEAD_URL)
  await page.getByTestId('platform-password').fill('')
  await page.getByTestId('platform-save').click()
  const passwordItem = page.locator('.el-form-item', { has: page.getByTestId('platform-password') })
  await expect(passwordItem.locator('.el-form-item__error')).toHaveText('请填写平台登录密码')

  // nothing was saved: the core and a reloaded screen still say 内置沙箱
  expect(await app.core.call('settings.platform.get', {})).toMatchObject({ mode: 'embedded' })
  await page.reload()
  await expect(modeInput(page, 'embedded')).toBeChecked()
  await expect(page.getByTestId('platform-url')).toHaveCount(0)
})

test('an external platform with its password is saved, shows the password as saved, and switching back to 内置沙箱 still connects', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  // the sandbox in use first, as on any first run: the company is registered there
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  await app.open(page, '/system/platform')

  await page.getByTestId('platform-mode-remote').click()
  await page.getByTestId('platform-url').fill(DEAD_URL)
  await page.getByTestId('platform-password').fill('remote-password')
  await page.getByTestId('platform-save').click()
  await expect(page.locator('.el-message', { hasText: '平台连接已保存' })).toBeVisible()
  expect(await app.core.call('settings.platform.get', {})).toMatchObject({ mode: 'remote', url: DEAD_URL, hasPassword: true })

  // reloaded: 外部平台 with its address; the password is not shown, only said to be saved
  await page.reload()
  await expect(modeInput(page, 'remote')).toBeChecked()
  await expect(page.getByTestId('platform-url')).toHaveValue(DEAD_URL)
  await expect(page.getByTestId('platform-password')).toHaveValue('')
  await expect(page.getByTestId('platform-password')).toHaveAttribute('placeholder', /已保存密码/)

  // back to the sandbox: saved, and the company still logs in there
  await page.getByTestId('platform-mode-embedded').click()
  await page.getByTestId('platform-save').click()
  await expect(page.locator('.el-message', { hasText: '已改用内置沙箱' })).toBeVisible()
  expect(await app.core.call('settings.platform.get', {})).toMatchObject({ mode: 'embedded' })
  await page.getByTestId('platform-test').click()
  await expect(page.getByTestId('platform-test-result')).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('platform-test-result')).toContainText(SELLER.name)
})
