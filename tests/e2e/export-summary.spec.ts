// 发票汇总 and 导出 in the real renderer against web mode, with invoices issued through the real
// platform sandbox: the summary's figures by 票种 and 税率 (免税 apart), its .xlsx and 打印; the
// query screen's 导出 of every matching invoice, read back from the downloaded file.
import path from 'node:path'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { readXlsx } from '../support/sheets'
import { expect, test, type AppUnderTest } from './fixtures'

test.use({ platform: true })

/** a 专票 of 10,000 at 6%, and a 普票 of 1,000 at 13% plus 2,000 免税; both issued */
async function issued(app: AppUnderTest): Promise<void> {
  await app.createCompany()
  const drafts = [
    testDraft(),
    testDraft({
      kind: '82',
      lines: [
        testLine({ name: '木材', taxCode: '1010202020000000000', unit: '立方米', quantity: '2', unitPrice: '500', taxRate: '0.13' }),
        testLine({ name: '学历教育', taxCode: '3070201010000000000', quantity: '1', unitPrice: '2000', taxRate: '0', policy: '03' }),
      ],
    }),
  ]
  for (const draft of drafts) {
    const { id } = await app.core.call('invoices.saveDraft', { draft })
    await app.core.call('invoices.issue', { id })
  }
  await expect.poll(async () => (await app.core.call('sync.now', {})).pending).toBe(0)
}

test('发票汇总: figures by 票种 and 税率 (免税 apart), 导出 .xlsx, 打印; screenshot at 1366', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await issued(app)
  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open(page, '/invoice/summary')

  const sales = page.getByTestId('summary-销项')
  await expect(sales).toBeVisible()
  const special = sales.getByTestId('summary-row-数电专票')
  await expect(special.getByTestId('cell-blue-count')).toHaveText('1')
  await expect(special.getByTestId('cell-blue-total')).toHaveText('10,600.00')
  const total = sales.getByTestId('summary-row-合计')
  await expect(total.getByTestId('cell-net-amount')).toHaveText('13,000.00')
  await expect(total.getByTestId('cell-net-tax')).toHaveText('730.00')
  await expect(sales.getByTestId('summary-row-免税').getByTestId('cell-net-amount')).toHaveText('2,000.00')
  await expect(sales.getByTestId('summary-row-13%').getByTestId('cell-net-tax')).toHaveText('130.00')
  // nothing received: the 进项 part is there, with zeros
  await expect(page.getByTestId('summary-进项').getByTestId('summary-row-合计').getByTestId('cell-net-count')).toHaveText('0')
  await page.screenshot({ path: path.resolve('docs/screenshots/summary-1366.png') })

  // only 销项
  await page.getByTestId('summary-side').getByText('销项').click()
  await page.getByTestId('summary-query').click()
  await expect(page.getByTestId('summary-进项')).toHaveCount(0)

  // 导出: the same figures in the downloaded workbook
  const download = page.waitForEvent('download')
  await page.getByTestId('summary-export').click()
  const file = path.join(app.dataDir, 'summary.xlsx')
  await (await download).saveAs(file)
  const rows = await readXlsx(file, '发票汇总')
  expect(rows.find((r) => r[0] === '数电专票')!.slice(1, 5)).toEqual(['1', '10000', '600', '10600'])

  // 打印 opens the system's print dialog for this page
  await page.evaluate(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => void (window as unknown as { printed: number }).printed++
  })
  await page.getByTestId('summary-print').click()
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
  // the print stylesheet leaves the menu and the buttons off the paper
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('menu')).toBeHidden()
  await expect(page.getByTestId('summary-query')).toBeHidden()
  await expect(page.getByTestId('summary-销项')).toBeVisible()
})
