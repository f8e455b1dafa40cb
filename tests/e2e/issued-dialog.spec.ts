/// <reference lib="dom" />
// The 开具成功 dialog is the news of an issued invoice (issue 10 §5): the toast 开票 left behind
// (已排队，等待上传至平台) must not lie over it when the platform answers while it still shows.
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { expect, test } from './fixtures'

test.use({ platform: true, viewport: { width: 1366, height: 768 } })

test('no toast over the 开具成功 dialog', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const { id } = await app.core.call('invoices.saveDraft', { draft: testDraft({ extras: [], lines: [testLine()] }) })
  await app.open(page, `/invoice/issue?id=${id}`)
  await expect(page.getByTestId('line-1-name')).toHaveValue('软件开发服务')

  // the platform is away when 开票 is confirmed: the invoice waits, and a toast says so
  await app.sandbox!.stop()
  await page.getByTestId('invoice-issue').click()
  await page.locator('.el-message-box').getByRole('button', { name: '开票' }).click()
  const queued = page.locator('.el-message', { hasText: '已排队，等待上传至平台' })
  await expect(queued).toBeVisible()

  // back while the toast still shows: the dialog opens, and the toast is gone from over it
  await app.sandbox!.start()
  await app.core.call('sync.now', {})
  const dialog = page.getByTestId('issued-dialog')
  await expect(dialog.getByTestId('issued-number')).toHaveText(/^\d{20}$/)
  const toasts = await page.evaluate(() => [...document.querySelectorAll('.el-message')].filter((t) => !t.className.includes('leave')).map((t) => t.textContent))
  expect(toasts, 'toasts still showing with the dialog open').toEqual([])
})
