// 特定业务 on screen (issue 13): an issued 货物运输服务 invoice of two trips, from 发票查询's row —
// 查看 shows the label beside the title and the 特定信息 table, 预览 draws them on the paper (the
// shared layout the PDF and OFD draw too).
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { GOOD } from '../../src/shared/domain/specialBusiness/testSpecial'
import { expect, test } from './fixtures'

test.use({ platform: true, viewport: { width: 1366, height: 900 } })

const SECOND = { from: '天津市滨海新区天津港', to: '北京市朝阳区', vehicleType: '公路运输', vehicleNo: '冀B67890', goods: '螺纹钢' }
const TRIPS = [GOOD.货物运输服务.row, SECOND]

test('查看 and 预览 show a 特定业务 invoice’s label and 特定信息', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const d = testDraft()
  const draft = {
    ...d,
    lines: [testLine({ name: '公路货物运输', taxCode: GOOD.货物运输服务.code, taxRate: '0.09' })],
    specialBusiness: { kind: '货物运输服务' as const, rows: TRIPS },
  }
  const { id } = await app.core.call('invoices.saveDraft', { draft })
  await app.core.call('invoices.issue', { id })
  expect((await app.core.call('sync.now', {})).error).toBeNull()

  await app.open(page, '/invoice/list')
  const row = page.getByTestId('invoices-table').locator('.el-table__body tr', { has: page.getByTestId(`invoice-row-${id}`) })
  await row.getByTestId('invoice-view').click()
  const detail = page.getByTestId('invoice-detail')
  await expect(detail.getByTestId('detail-special-kind')).toHaveText('货物运输服务')
  const table = detail.getByTestId('detail-special')
  await expect(table.locator('th')).toHaveText(['运输工具种类', '运输工具牌号', '起运地', '到达地', '运输货物名称'])
  await expect(table.locator('tbody tr')).toHaveCount(2)
  await expect(table.locator('tbody tr').nth(1).locator('td')).toHaveText([SECOND.vehicleType, SECOND.vehicleNo, SECOND.from, SECOND.to, SECOND.goods])
  await detail.getByTestId('detail-close').click()

  await row.getByTestId('invoice-preview-paper').click()
  const sheet = page.getByTestId('paper-preview').getByTestId('invoice-paper-page')
  await expect(sheet.locator('[data-field="specialKind"]')).toHaveText('货物运输服务')
  await expect(sheet.locator('[data-field="specialCaption"]').first()).toHaveText('运输工具种类')
  await expect(sheet.locator('[data-field="specialValue"]', { hasText: '冀B67890' })).toHaveCount(1)
  await expect(sheet.locator('[data-field="specialValue"]', { hasText: '螺纹钢' })).toHaveCount(1)
})
