// 复制 on a red invoice (issue 10 §5): the button says it copies the blue invoice, and the new draft
// is that blue invoice's content — positive, never a blue draft of negative lines.
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { expect, test } from './fixtures'

test.use({ platform: true })

const SHANGHAI = { name: '上海示例贸易有限公司', taxId: '91310115MA1H7Q3PX4' }

test('复制 on a red invoice copies its blue invoice, and says so', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const d = testDraft()
  const { id } = await app.core.call('invoices.saveDraft', { draft: { ...d, buyer: { ...d.buyer, ...SHANGHAI }, lines: [testLine({ quantity: '2', unitPrice: '5000' })] } })
  await app.core.call('invoices.issue', { id })
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const blue = (await app.core.call('invoices.get', { id })).number!
  const form = await app.core.call('red.create', { blueNumber: blue, reason: '01', as: 'seller' })
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const red = (await app.core.call('red.get', { id: form.id })).redInvoiceNumber!

  await app.open(page, '/invoice/list')
  const row = page.getByTestId('invoices-table').locator('.el-table__body tr', { hasText: red })
  await expect(row).toContainText('-10,600.00')
  const copy = row.getByTestId('invoice-copy')
  await expect(copy).toHaveText('复制蓝字')
  await expect(copy).toHaveAttribute('title', `以被红冲的蓝字发票 ${blue} 的内容新建草稿`)
  await copy.click()
  await expect(page).toHaveURL(/#\/invoice\/issue\?id=\d+$/)
  await expect(page.getByTestId('buyer-name')).toHaveValue(SHANGHAI.name)
  await expect(page.getByTestId('line-1-quantity')).toHaveValue('2')
  await expect(page.getByTestId('totals-total')).toHaveText('¥10,600.00')
  const copied = await app.core.call('invoices.get', { id: Number(/id=(\d+)/.exec(page.url())![1]) })
  expect(copied).toMatchObject({ state: 'draft', colour: 'blue', totals: { total: '10600.00' } })
})
