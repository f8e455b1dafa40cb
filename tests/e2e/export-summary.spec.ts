// 发票汇总 and 导出 in the real renderer against web mode, with invoices issued through the real
// platform sandbox: the summary's figures by 票种 and 税率 (免税 apart), its .xlsx and 打印; the
// query screen's 导出 of every matching invoice, read back from the downloaded file.
import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import type { Page } from '@playwright/test'
import { fillLedger } from '../../bench/ledger1m'
import { openLedgerConnection } from '../../src/main/core/ledger/open'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { toShanghaiIso } from '../../src/shared/domain/time'
import { readXlsx } from '../support/sheets'
import { expect, SELLER, test, type AppUnderTest } from './fixtures'

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

test.describe('with the platform sandbox', () => {
  test.use({ platform: true })

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
})

/** 60 销项 of this month in the ledger, written as the app keeps them (the query spec's generator) */
async function seed(app: AppUnderTest): Promise<void> {
  await app.createCompany()
  const today = toShanghaiIso(new Date()).slice(0, 10)
  const ledger = openLedgerConnection(path.join(app.dataDir, 'companies', SELLER.taxId, 'ledger.db'))
  fillLedger(ledger.db, { count: 60, purchases: 5, days: Number(today.slice(8, 10)), end: new Date(`${today}T00:00:00Z`) })
  ledger.close()
}

async function download(page: Page, app: AppUnderTest, format: 'xlsx' | 'csv', name: string): Promise<string> {
  const saved = page.waitForEvent('download')
  await page.getByTestId('invoice-export-button').click()
  await page.getByTestId(`invoice-export-${format}`).click()
  const file = path.join(app.dataDir, name)
  await (await saved).saveAs(file)
  return file
}

test('发票查询 › 导出: 所有页全选 to .xlsx (both sheets, 合计 = the totals of the query), two ticked rows to GBK .csv', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await seed(app)
  await app.open(page, '/invoice/list')
  const shown = await app.core.call('invoices.query', {})
  await expect(page.getByTestId('query-total')).toHaveText(shown.total.toLocaleString('en'))
  expect(shown.total).toBeGreaterThan(20)

  // 所有页全选: every invoice that matches, more than the page shows
  await page.getByTestId('query-select-all').click()
  await expect(page.getByTestId('invoice-export-button')).toHaveText(`导出（${shown.total.toLocaleString()}）`)
  const xlsx = await download(page, app, 'xlsx', 'all.xlsx')
  const list = await readXlsx(xlsx, '发票列表')
  expect(list.slice(1, -1)).toHaveLength(shown.total)
  const total = list.at(-1)!
  expect(total.slice(0, 2)).toEqual(['合计', `${shown.total} 张`])
  expect(Number(total[11]).toFixed(2)).toBe(shown.totals.total)
  const lines = await readXlsx(xlsx, '发票明细')
  expect(lines.at(-1)![0]).toBe('合计')
  expect(Number(lines.at(-1)![7]).toFixed(2)).toBe(shown.totals.amount)

  // two rows ticked: those two, in the GBK .csv
  await page.getByTestId('query-select-clear').click()
  const rows = page.getByTestId('invoices-table').locator('.el-table__body tr')
  await rows.nth(0).getByTestId('query-tick').click()
  await rows.nth(1).getByTestId('query-tick').click()
  await expect(page.getByTestId('invoice-export-button')).toHaveText('导出（2）')
  const csv = iconv
    .decode(fs.readFileSync(await download(page, app, 'csv', 'two.csv')), 'gbk')
    .trimEnd()
    .split('\r\n')
  expect(csv).toHaveLength(4)
  expect(csv[0]!.startsWith('发票方向,发票号码,开票日期')).toBe(true)
  expect(
    csv
      .slice(1, 3)
      .map((l) => l.split(',')[1])
      .sort(),
  ).toEqual(
    shown.rows
      .slice(0, 2)
      .map((r) => r.number ?? '')
      .sort(),
  )
  await expect(page.getByTestId('invoice-export-dialog')).toBeHidden()
})
