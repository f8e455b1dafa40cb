// Web mode in a real browser (issue 10 §4): the token leaves the address once read and calls keep
// working after a reload; no other page can frame the app; 平台连接 warns that passwords are kept
// unencrypted (web mode has no keychain); a damaged platform.json pauses sync — said in the top bar
// and in 平台连接 with the file's place — until the settings are saved again, keeping a copy.
import fs from 'node:fs'
import path from 'node:path'
import { expect, SELLER, test } from './fixtures'

test('the token leaves the address once read; after a reload the app still calls the core', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/items')
  await expect(page.getByTestId('company-current')).toContainText(SELLER.name)
  expect(page.url()).not.toContain(app.server.token)
  expect(new URL(page.url()).search).toBe('')
  expect(await page.evaluate(() => sessionStorage.getItem('fapiao.token'))).toBe(app.server.token)

  await page.reload()
  await expect(page.getByTestId('company-current')).toContainText(SELLER.name)
  expect(page.url()).not.toContain(app.server.token)
  // the history holds no address with the token either
  await page.goBack().catch(() => undefined)
  expect(page.url()).not.toContain(app.server.token)
})

test('no other page can frame the app (frame-ancestors none, X-Frame-Options DENY)', async ({ app, page }) => {
  await app.createCompany()
  // another page (here about:blank) framing it gets nothing of the app
  await page.setContent(`<iframe id="f" src="${app.server.openUrl}" width="800" height="600"></iframe>`)
  const frame = page.frameLocator('#f')
  await expect(frame.locator('#app')).toHaveCount(0)
  const answer = await page.goto(app.server.openUrl)
  expect(answer?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(answer?.headers()['x-frame-options']).toBe('DENY')
})

test('平台连接 warns that passwords are kept unencrypted where there is no keychain (web mode)', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/system/platform')
  const warning = page.getByTestId('platform-unencrypted')
  await expect(warning).toContainText('登录密码未加密保存')
  await expect(warning).toContainText('0600')
})

test.describe('a damaged platform.json', () => {
  test.use({ platform: true })

  test('pauses sync in the top bar and 平台连接, until saved again — the damaged file kept beside', async ({ app, page, consoleErrors }) => {
    void consoleErrors
    await app.createCompany()
    const file = path.join(app.dataDir, 'platform.json')
    fs.writeFileSync(file, '{"url": "https://platform.exa')
    await app.open(page, '/basic/items')
    const online = page.getByTestId('sync-online')
    await expect(online).toHaveText('同步已暂停')

    await online.click()
    // 平台连接 is a tab of 设置: the old address redirects there
    await expect(page).toHaveURL(/#\/system\/settings\?tab=platform/)
    const alert = page.getByTestId('platform-damaged')
    await expect(alert).toContainText('平台连接设置文件已损坏')
    await expect(page.getByTestId('platform-damaged-file')).toHaveText(file)
    expect(fs.readFileSync(file, 'utf8')).toBe('{"url": "https://platform.exa')

    await page.getByTestId('platform-save').click()
    await expect(page.locator('.el-message--success')).toContainText('损坏的设置文件已另存为')
    await expect(alert).toHaveCount(0)
    const kept = fs.readdirSync(app.dataDir).filter((n) => n.startsWith('platform.json.damaged-'))
    expect(kept).toHaveLength(1)
    expect(fs.readFileSync(path.join(app.dataDir, kept[0]!), 'utf8')).toBe('{"url": "https://platform.exa')
    await page.getByTestId('sync-now').click()
    await expect(online).toHaveText('在线')
  })
})
