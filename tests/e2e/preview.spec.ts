// 预览 and 打印 (issue 11): from 发票查询's row, the invoice drawn as SVG with the shared layout —
// its number, parties, 价税合计 and the platform's QR (decoded by jsQR from a screenshot of the
// dialog, not by our encoder) — and 打印 handing one PDF of it to a frame in the page. A queued
// invoice previews as a provisional copy without number or QR. Screenshot: docs/screenshots/preview-1366.png.
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { expect, test } from './fixtures'

test.use({ platform: true, viewport: { width: 1366, height: 900 } })

const HUAWEI = { name: '华为技术有限公司', taxId: '914403001922038216' }

test('预览 draws an issued invoice with its number and QR, 打印 hands its PDF to the page; a queued one is provisional', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const d = testDraft()
  const draft = {
    ...d,
    buyer: { ...d.buyer, ...HUAWEI },
    lines: [testLine({ spec: 'V2.0' }), testLine({ name: '台式计算机', taxCode: '1090509010000000000', unit: '台', quantity: '2', unitPrice: '4999', taxRate: '0.13' })],
    remark: '合同 HT-2026-001',
  }
  const { id } = await app.core.call('invoices.saveDraft', { draft })
  await app.core.call('invoices.issue', { id })
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const issued = await app.core.call('invoices.get', { id })
  expect(issued.number).toMatch(/^\d{20}$/)
  // offline from here: the second invoice stays 待开具, and 预览 draws from the ledger alone
  await app.sandbox!.stop()
  const longLines = Array.from({ length: 50 }, (_, i) => testLine({ name: `技术服务第${i + 1}项`, unitPrice: `${100 + i}` }))
  const queued = await app.core.call('invoices.saveDraft', {
    draft: { ...draft, buyer: { ...draft.buyer, name: '北京示例科技有限公司', taxId: '91110105MA01ABCD26' }, lines: longLines },
  })
  await app.core.call('invoices.issue', { id: queued.id })

  await app.open(page, '/invoice/list')
  const row = page.getByTestId('invoices-table').locator('.el-table__body tr', { has: page.getByTestId(`invoice-row-${id}`) })
  await row.getByTestId('invoice-preview-paper').click()
  const dialog = page.getByTestId('paper-preview')
  const sheet = dialog.getByTestId('invoice-paper-page')
  await expect(sheet).toHaveCount(1)
  await expect(sheet.locator('[data-field="number"]')).toHaveText(issued.number!)
  await expect(sheet.locator('[data-field="title"]')).toHaveText('电子发票（增值税专用发票）')
  await expect(sheet.locator('[data-field="buyerName"]')).toHaveText(HUAWEI.name)
  await expect(sheet.locator('[data-field="sellerName"]')).toHaveText('深圳市测试科技有限公司')
  await expect(sheet.locator('[data-field="itemName"]').first()).toHaveText('*信息技术服务*软件开发服务')
  await expect(sheet.locator('[data-field="total"]')).toHaveText(`¥${issued.totals.total}`)
  await expect(sheet.locator('[data-field="totalInWords"]')).toContainText(issued.totals.totalInWords)
  await expect(sheet.locator('[data-field="remark"]').first()).toHaveText('合同 HT-2026-001')
  await expect(dialog.getByTestId('invoice-paper-qr')).toHaveAttribute('data-qr', issued.qr!)
  await expect(dialog.getByTestId('paper-provisional')).toHaveCount(0)

  // the QR as drawn on screen, read back by an independent decoder
  const shot = PNG.sync.read(await sheet.screenshot())
  expect(jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data).toBe(issued.qr)
  await page.screenshot({ path: 'docs/screenshots/preview-1366.png' })

  // 打印: one PDF of this invoice in a frame of the page, whose print() is called once it has loaded.
  // Headless Chromium has no print dialog (print() there crashes the page): the frame's window is
  // stood in for, and records the call.
  await page.evaluate(() => {
    const own = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      get(this: HTMLIFrameElement) {
        if (this.dataset.testid !== 'print-frame') return own.get!.call(this)
        return { focus: () => undefined, print: () => (this.dataset.printed = 'yes') }
      },
    })
  })
  await dialog.getByTestId('paper-print').click()
  const frame = page.locator('iframe[data-testid="print-frame"]')
  await expect(frame).toHaveAttribute('src', /^blob:/)
  await expect(frame).toHaveAttribute('data-pages', '1')
  // the core's PDF of it (its content is read back in tests/integration/pdf-paper.test.ts), framed with no CSP refusal
  await expect(frame).toHaveAttribute('data-name', `${issued.number}.pdf`)
  expect(Number(await frame.getAttribute('data-bytes'))).toBeGreaterThan(10_000)
  await expect(frame).toHaveAttribute('data-printed', 'yes')

  await dialog.getByTestId('paper-close').click()
  await expect(dialog).toBeHidden()

  // a queued invoice: no number, no QR, marked
  const queuedRow = page.getByTestId('invoices-table').locator('.el-table__body tr', { has: page.getByTestId(`invoice-row-${queued.id}`) })
  await queuedRow.getByTestId('invoice-preview-paper').click()
  await expect(dialog.getByTestId('paper-provisional')).toBeVisible()
  await expect(dialog.locator('[data-field="provisional"]')).toHaveText('未上传平台 非正式发票')
  await expect(dialog.locator('[data-field="number"]')).toHaveCount(0)
  await expect(dialog.getByTestId('invoice-paper-qr')).toHaveCount(0)
  await expect(dialog.locator('[data-field="buyerName"]')).toHaveText('北京示例科技有限公司')
  // 50 lines run over more pages than are shown at once: one page at a time, with a pager
  await expect(dialog.getByTestId('invoice-paper-pager')).toBeVisible()
  await expect(dialog.getByTestId('invoice-paper-page')).toHaveCount(1)
  const pageNo = dialog.locator('[data-field="pageNo"]')
  await expect(pageNo).toHaveText(/^共\d+页 第1页$/)
  await dialog.getByTestId('invoice-paper-pager').locator('.el-pager li', { hasText: /^2$/ }).click()
  await expect(pageNo).toHaveText(/^共\d+页 第2页$/)
  await expect(dialog.locator('[data-field="itemName"]').first()).not.toHaveText('技术服务第1项')
})

test("预览 of a 进项 invoice: the buyer sees the seller's invoice drawn from the platform's document", async ({ app, page, consoleErrors }) => {
  void consoleErrors
  const BEIJING = { name: '北京示例科技有限公司', taxId: '91110105MA01ABCD26' }
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull() // registers the company and the demo counterparties
  const d = testDraft()
  const { id } = await app.core.call('invoices.saveDraft', { draft: { ...d, buyer: { ...d.buyer, ...BEIJING } } })
  await app.core.call('invoices.issue', { id })
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const issued = await app.core.call('invoices.get', { id })

  await app.open(page, '/invoice/received')
  await page.getByTestId('company-current').click()
  await page.getByTestId(`company-option-${BEIJING.taxId}`).click()
  await expect(page.getByTestId('company-current')).toContainText(BEIJING.name)
  await page.getByTestId('menu-received').click()
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const row = page.getByTestId('received-table').locator('.el-table__body tr', { has: page.getByTestId(`received-row-${issued.number}`) })
  await row.getByTestId('received-preview-paper').click()
  const dialog = page.getByTestId('paper-preview')
  await expect(dialog.locator('[data-field="number"]')).toHaveText(issued.number!)
  await expect(dialog.locator('[data-field="sellerName"]')).toHaveText('深圳市测试科技有限公司')
  await expect(dialog.locator('[data-field="buyerName"]')).toHaveText(BEIJING.name)
  await expect(dialog.getByTestId('invoice-paper-qr')).toHaveAttribute('data-qr', issued.qr!)
  await expect(dialog).toContainText('进项发票按平台交付的数据绘制')
})
