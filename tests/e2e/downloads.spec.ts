// 发票下载 in the browser: apply for a month of 销项, follow the job to 处理完成, download the zip and
// read its entries with yauzl; cancel a waiting job; the single lookup, hit and miss. A screenshot at
// 1366 × 768 goes to docs/screenshots/downloads-1366.png.
import path from 'node:path'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { readZip } from '../support/zipRead'
import { expect, test } from './fixtures'
import { download } from './helpers'

test.use({ platform: true, viewport: { width: 1366, height: 768 } })

test('apply → progress → 下载 the zip with one file per invoice and format and 汇总.xlsx; lookup', async ({ app, page }) => {
  await app.createCompany()
  for (let i = 0; i < 3; i++) {
    const { id } = await app.core.call('invoices.saveDraft', { draft: testDraft({ remark: `第 ${i + 1} 张` }) })
    await app.core.call('invoices.issue', { id })
  }
  await app.core.call('sync.now', {})
  const issued = (await app.core.call('invoices.query', { side: '销项', sort: 'number', order: 'asc' })).rows
  expect(issued).toHaveLength(3)

  await app.open(page, '/invoice/downloads')
  await expect(page.getByRole('heading', { name: '发票下载' })).toBeVisible()
  await expect(page.getByTestId('downloads-empty')).toBeVisible()

  // no format: refused beside the field, nothing applied
  await page.getByTestId('downloads-format-pdf').click()
  await page.getByTestId('downloads-apply').click()
  await expect(page.getByTestId('downloads-form')).toContainText('请至少选择一种文件格式')
  await expect(page.getByTestId('downloads-empty')).toBeVisible()

  await page.getByTestId('downloads-format-xml').click()
  await page.getByTestId('downloads-apply').click()
  const job = (await app.core.call('downloads.list', {}))[0]!
  await expect(page.getByTestId(`downloads-progress-${job.id}`)).toBeVisible()
  await expect(page.getByTestId(`downloads-state-${job.id}`)).toHaveText('处理完成')
  await expect(page.getByTestId(`downloads-count-${job.id}`)).toHaveText('3')
  await expect(page.getByTestId(`downloads-result-${job.id}`)).toContainText('保留至')

  const zip = await download(page, page.getByTestId(`downloads-download-${job.id}`))
  expect(zip.name).toBe(job.fileName ?? `发票下载_${job.id}_销项_${job.params.from.replaceAll('-', '')}-${job.params.to.replaceAll('-', '')}.zip`)
  const entries = await readZip(zip.path)
  expect([...entries.keys()].sort()).toEqual([...issued.map((r) => `${r.number}.xml`), '汇总.xlsx'].sort())

  // the single lookup: a hit, then a date it was not issued on
  await page.getByTestId('lookup-number').fill(issued[0]!.number!)
  await page.getByTestId('lookup-search').click()
  await expect(page.getByTestId('lookup-result')).toContainText(issued[0]!.number!)
  await expect(page.getByTestId('lookup-result')).toContainText('华为技术有限公司')
  await page.screenshot({ path: path.resolve('docs/screenshots/downloads-1366.png') })

  const date = page.getByTestId('lookup-form').getByRole('combobox', { name: '开票日期' })
  await date.fill('2020-01-01')
  await date.press('Enter')
  await page.getByTestId('lookup-search').click()
  await expect(page.getByTestId('lookup-message')).toContainText('未查询到该发票')
  await expect(page.getByTestId('lookup-result')).toHaveCount(0)
})

test('a waiting job is cancelled from the list', async ({ app, page }) => {
  await app.createCompany()
  await app.open(page, '/invoice/downloads')
  // the runner is kept busy by nothing: stop it so the job stays 待处理 long enough to cancel
  await app.core.downloads.stop()
  const job = await app.core.call('downloads.create', { from: '2026-11-01', to: '2026-11-30', formats: ['pdf'] })
  await page.reload()
  await expect(page.getByTestId(`downloads-state-${job.id}`)).toHaveText('待处理')
  await page.getByTestId(`downloads-cancel-${job.id}`).click()
  await expect(page.getByTestId(`downloads-state-${job.id}`)).toHaveText('已取消')
  await expect(page.getByTestId(`downloads-cancel-${job.id}`)).toHaveCount(0)
})
