// 蓝字发票开具 (manual §1.1.4) through the screen: an invoice typed from the keyboard alone and
// queued (待开具), a draft that survives a reload, errors beside the cells they concern, and a
// 2,000-line invoice that stays responsive. Checked against the ledger.
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Page } from '@playwright/test'
import { computeDraft, sampleDraft } from '../../src/shared/domain/invoice'
import { expect, SELLER, test, type AppUnderTest } from './fixtures'
import { matchCode, uscc } from './helpers'

const SOFTWARE = '3040201010000000000' // 软件开发服务, *信息技术服务*, 6%
const IT_SYSTEMS = '3040203000000000000' // 信息系统服务, 6%
const CONSULTING = '3040603000000000000' // 咨询服务, *鉴证咨询服务*, 6%
const HUAWEI = { name: '华为技术有限公司', taxId: '914403001922038216', address: '深圳市龙岗区坂田华为基地', phone: '0755-28780808' }
const ID_CARD = '11010519491231002X'

async function seed(app: AppUnderTest) {
  await app.createCompany()
  await app.core.call('customers.create', HUAWEI)
  await app.core.call('items.create', { name: '信息系统运维', taxCode: IT_SYSTEMS, rate: '6%', unit: '次', unitPrice: '500' })
  // what the company coded before comes first in 智能匹配, marked 历史使用
  await app.core.call('items.create', { name: '技术咨询', taxCode: CONSULTING, rate: '6%', unit: '次' })
  const ids = []
  for (const [name, dataType] of [
    ['项目编号', '文本'],
    ['合同金额', '数值'],
    ['服务日期', '日期'],
  ] as const)
    ids.push((await app.core.call('extras.create', { name, dataType })).id)
  await app.core.call('scenes.create', { name: '软件项目', extraIds: ids })
}

/** presses Enter `times` times (moving through the cells) */
async function enter(page: Page, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press('Enter')
}

function draftId(page: Page): number {
  const id = /[?&]id=(\d+)/.exec(new URL(page.url()).hash)?.[1]
  if (!id) throw new Error(`no draft id in ${page.url()}`)
  return Number(id)
}

test('issue an invoice from the keyboard alone: 待开具, queued in the outbox', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await seed(app)
  await app.open(page, '/invoice/issue')
  await expect(page.getByTestId('quota-unsynced')).toHaveText('未同步')

  // 购买方: a maintained customer found by its 拼音首字母
  await page.getByTestId('buyer-name').focus()
  await page.keyboard.type('hwjs')
  await expect(page.getByTestId('buyer-suggestion').first()).toContainText(HUAWEI.name)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('buyer-taxid')).toHaveValue(HUAWEI.taxId)
  await expect(page.getByTestId('buyer-address')).toHaveValue(HUAWEI.address)

  // line 1 by 智能匹配; Enter walks 规格型号, 单位, 数量, 单价
  await page.getByTestId('line-1-name').focus()
  await matchCode(page, '软件开发', SOFTWARE, /名称匹配|关键字/)
  await expect(page.getByTestId('line-1-code')).toHaveText('*信息技术服务*')
  await expect(page.getByTestId('line-1-taxRate')).toHaveValue('6%')
  await enter(page)
  await page.keyboard.type('V1.0')
  await enter(page)
  await page.keyboard.type('项')
  await enter(page)
  await page.keyboard.type('2')
  await enter(page)
  await page.keyboard.type('5000')
  await expect(page.getByTestId('line-1-amount')).toHaveAttribute('placeholder', '10000.00')
  await expect(page.getByTestId('line-1-tax')).toHaveText('600.00')

  // line 2 from 常用开票项: Ctrl+Enter adds the line, Alt+I opens the items, Enter takes one
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('line-2-name')).toBeFocused()
  await page.keyboard.press('Alt+KeyI')
  await expect(page.getByTestId('item-picker-search')).toBeFocused()
  await page.keyboard.type('运维')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('item-picker-dialog')).toBeHidden()
  await expect(page.getByTestId('line-2-name')).toHaveValue('信息系统运维')
  await expect(page.getByTestId('line-2-unitPrice')).toHaveValue('500')
  await expect(page.getByTestId('line-2-quantity')).toBeFocused()
  await page.keyboard.type('3')
  await expect(page.getByTestId('line-2-amount')).toHaveAttribute('placeholder', '1500.00')

  // line 3 with a discount: Enter past the last cell of the last line adds a line
  await enter(page, 5)
  await expect(page.getByTestId('line-3-name')).toBeFocused()
  await matchCode(page, '技术咨询', CONSULTING, '历史使用')
  await enter(page, 3)
  await page.keyboard.type('1')
  await enter(page)
  await page.keyboard.type('10000')
  await enter(page, 3)
  await expect(page.getByTestId('line-3-discount')).toBeFocused()
  await page.keyboard.type('500')
  const discountRow = page.getByTestId('line-3-discount-row')
  await expect(discountRow).toContainText('技术咨询')
  await expect(page.getByTestId('line-3-discount-amount')).toHaveText('-500.00')
  await expect(page.getByTestId('line-3-discount-tax')).toHaveText('-30.00')

  await expect(page.getByTestId('totals-amount')).toHaveText('¥21,000.00')
  await expect(page.getByTestId('totals-tax')).toHaveText('¥1,260.00')
  await expect(page.getByTestId('totals-total')).toHaveText('¥22,260.00')
  await expect(page.getByTestId('totals-words')).toHaveText('贰万贰仟贰佰陆拾圆整')

  // 附加要素 from a scene template, each checked against its type
  await page.getByTestId('scene-select').locator('input').focus()
  await page.keyboard.type('软件项目')
  await page.keyboard.press('Enter')
  await page.getByTestId('extra-value-项目编号').focus()
  await page.keyboard.type('P-2024-001')
  await page.getByTestId('extra-value-合同金额').focus()
  await page.keyboard.type('两万')
  await expect(page.getByTestId('extras-section')).toContainText('应为数字')
  await page.keyboard.press('Control+A')
  await page.keyboard.type('21000')
  await page.getByTestId('extra-value-服务日期').focus()
  await page.keyboard.type('2024-05-14')
  await expect(page.getByTestId('extras-section')).not.toContainText('应为')

  // 经办人; 开票人 is the company's operator
  await page.getByTestId('agent-name').focus()
  await page.keyboard.type('张三')
  await page.getByTestId('agent-idtype').locator('input').focus()
  await page.keyboard.type('居民')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('agent-idtype')).toContainText('居民身份证')
  await page.getByTestId('agent-idnumber').focus()
  await page.keyboard.type(ID_CARD)
  await page.getByTestId('agent-nationality').focus()
  await page.keyboard.type('中国')
  await expect(page.getByTestId('invoice-drawer')).toHaveValue(SELLER.operator)

  // 开票 (F9), confirmed with Enter
  await page.keyboard.press('F9')
  const confirm = page.locator('.el-message-box').filter({ hasText: '确认开票' })
  await expect(confirm).toContainText('¥22,260.00')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('invoice-state-queued')).toContainText('已排队，等待上传至平台')
  await expect(page.getByTestId('line-1-name')).toBeDisabled()
  await expect(page.getByTestId('buyer-name')).toBeDisabled()
  await expect(page.getByTestId('invoice-issue')).toHaveCount(0)
  // no number, QR or file before the platform issues it
  await expect(page.getByTestId('issue-view')).not.toContainText(/\d{20}/)
  await expect(page.locator('img, canvas')).toHaveCount(0)
  await expect(page.getByTestId('quota-queued')).toContainText('本地待开具 1 张，金额 ¥21,000.00')

  const id = draftId(page)
  const queued = (await app.core.call('invoices.list', { state: 'queued' })).rows
  expect(queued.map((r) => r.id)).toEqual([id])
  expect(queued[0]).toMatchObject({
    buyerName: HUAWEI.name,
    buyerTaxId: HUAWEI.taxId,
    lineCount: 3,
    number: null,
    totals: { amount: '21000.00', tax: '1260.00', total: '22260.00' },
  })
  const invoice = await app.core.call('invoices.get', { id })
  expect(invoice.drawer).toBe(SELLER.operator)
  expect(invoice.draft.extras).toEqual([
    { name: '项目编号', value: 'P-2024-001' },
    { name: '合同金额', value: '21000' },
    { name: '服务日期', value: '2024-05-14' },
  ])
  expect(invoice.draft.agent).toEqual({ name: '张三', idType: '201', idNumber: ID_CARD, nationality: '中国', taxId: '' })

  // the outbox holds the command for the platform, written with the invoice
  const db = new Database(path.join(app.dataDir, 'companies', SELLER.taxId, 'ledger.db'), { readonly: true })
  try {
    const out = db.prepare('SELECT command, document_id AS doc, state, payload FROM outbox').all() as { payload: string }[]
    expect(out).toEqual([{ command: 'issue-invoice', doc: id, state: 'pending', payload: expect.any(String) }])
    // …with the content computed as the platform will check it (the invoice itself keeps what was typed)
    const sent = JSON.parse(out[0]!.payload) as { draft: { lines: { name: string; taxCode: string; quantity: string; amount: string; discount: string | null }[] }; drawer: string }
    expect(sent.drawer).toBe(SELLER.operator)
    expect(sent.draft.lines.map((l) => [l.name, l.taxCode, l.quantity, l.amount, l.discount])).toEqual([
      ['软件开发', SOFTWARE, '2', '10000.00', null],
      ['信息系统运维', IT_SYSTEMS, '3', '1500.00', null],
      ['技术咨询', CONSULTING, '1', '10000.00', '500.00'],
    ])
  } finally {
    db.close()
  }
})

test('a draft survives a reload', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/invoice/issue')
  await page.getByTestId('buyer-name').fill('深圳市前海示例商贸有限公司')
  await page.getByTestId('line-1-name').fill('咨询费')
  await page.getByTestId('line-1-amount').fill('888.80')
  await page.getByTestId('line-1-taxRate').fill('6')
  await page.getByTestId('line-1-taxRate').press('Enter')
  await expect(page.getByTestId('autosave-status')).toContainText('已自动保存')
  const id = draftId(page)
  expect((await app.core.call('invoices.list', { state: 'draft' })).rows.map((r) => r.id)).toEqual([id])

  await page.reload()
  await expect(page.getByTestId('buyer-name')).toHaveValue('深圳市前海示例商贸有限公司')
  await expect(page.getByTestId('line-1-name')).toHaveValue('咨询费')
  await expect(page.getByTestId('line-1-amount')).toHaveValue('888.80')
  await expect(page.getByTestId('line-1-taxRate')).toHaveValue('6%')
  await expect(page.getByTestId('line-1-tax')).toHaveText('53.33')
  await expect(page.getByTestId('autosave-status')).toContainText(`草稿编号 ${id}`)
  // opening a draft saves nothing new
  expect((await app.core.call('invoices.list', {})).total).toBe(1)
})

test('含税 entry splits off the tax; a typed buyer can be kept as a customer', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/invoice/issue')
  const buyer = { name: '深圳市前海示例商贸有限公司', taxId: uscc('91440300708461136') }
  await page.getByTestId('buyer-name').fill(buyer.name)
  await page.getByTestId('buyer-taxid').fill(buyer.taxId)
  await page.getByTestId('buyer-save-customer').click()
  await expect(page.getByTestId('buyer-save-customer')).toHaveCount(0)
  expect((await app.core.call('customers.list', { query: buyer.taxId })).rows).toMatchObject([buyer])

  await page.getByTestId('lines-includes-tax').click()
  await page.getByTestId('line-1-name').fill('餐饮服务')
  await page.getByTestId('line-1-quantity').fill('2')
  await page.getByTestId('line-1-amount').fill('226')
  await page.getByTestId('line-1-taxRate').fill('13')
  await page.getByTestId('line-1-taxRate').press('Enter')
  await expect(page.getByTestId('line-1-unitPrice')).toHaveAttribute('placeholder', '113')
  await expect(page.getByTestId('line-1-tax')).toHaveText('26.00')
  await expect(page.getByTestId('totals-amount')).toHaveText('¥200.00')
  await expect(page.getByTestId('totals-total')).toHaveText('¥226.00')
  await expect(page.getByTestId('autosave-status')).toContainText('已自动保存')
  const saved = await app.core.call('invoices.get', { id: draftId(page) })
  // the draft keeps what was typed; the core stores the split when it is issued
  expect(saved.draft).toMatchObject({ priceIncludesTax: true, lines: [{ quantity: '2', amount: '226', taxRate: '0.13' }] })
})

test('errors appear beside the cells and fields they concern', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/invoice/issue')
  await page.getByTestId('line-1-name').fill('软件开发')
  await page.getByTestId('line-1-quantity').fill('1')
  await page.getByTestId('line-1-unitPrice').fill('100')
  await page.getByTestId('line-1-taxRate').fill('6%')
  await page.getByTestId('line-1-taxRate').press('Enter')
  await page.keyboard.press('Alt+KeyN')
  // line 2: 数量 without 单价
  await page.getByTestId('line-2-name').fill('技术服务')
  await page.getByTestId('line-2-quantity').fill('3')
  await page.keyboard.press('F9')

  const price = page.getByTestId('line-2-unitPrice')
  await expect(price).toHaveAttribute('aria-invalid', 'true')
  await expect(price).toHaveAttribute('title', '第 2 行：数量和单价须同时填写或同时不填')
  await expect(page.getByTestId('line-2-errors')).toContainText('数量和单价须同时填写或同时不填')
  await expect(page.getByTestId('line-2-amount')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('line-2-code')).toHaveAttribute('title', '第 2 行：请选择商品和服务税收分类编码')
  // line 1's cells are fine
  await expect(page.getByTestId('line-1-quantity')).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('line-1-errors')).toContainText('请选择商品和服务税收分类编码')
  // the buyer's fields, and the summary
  await expect(page.getByTestId('buyer-section')).toContainText('请填写购买方名称')
  await expect(page.getByTestId('buyer-section')).toContainText('购买方为企业时须填写纳税人识别号')
  await expect(page.getByTestId('issue-summary')).toContainText('发票还有')
  // the cursor goes to the first problem
  await expect(page.getByTestId('buyer-name')).toBeFocused()

  // the marks follow the fixes (checked again on each autosave)
  await price.fill('50')
  await expect(price).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('line-2-errors')).not.toContainText('数量和单价')
  expect((await app.core.call('invoices.list', { state: 'queued' })).total).toBe(0)
})

test('the table from the keyboard: lines added, walked, and removed only after asking', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/invoice/issue')
  await expect(page.getByTestId('shortcut-hints')).toContainText('Ctrl+Delete')
  await page.getByTestId('line-1-name').focus()
  await page.keyboard.type('第一行')
  await page.keyboard.press('Alt+KeyN')
  await page.keyboard.type('第二行')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('line-3-name')).toBeFocused()

  // ↑ / ↓ keep the column; Shift+Enter goes back a cell
  await page.keyboard.press('ArrowUp')
  await expect(page.getByTestId('line-2-name')).toBeFocused()
  await page.keyboard.press('Shift+Enter')
  await expect(page.getByTestId('line-1-discount')).toBeFocused()

  // a blank line goes at once; a typed one asks first
  await page.getByTestId('line-3-name').focus()
  await page.keyboard.press('Control+Delete')
  await expect(page.getByTestId('line-3-name')).toHaveCount(0)
  await expect(page.getByTestId('line-2-name')).toBeFocused()
  await page.keyboard.press('Control+Delete')
  const ask = page.locator('.el-message-box').filter({ hasText: '删除开票项' })
  await expect(ask).toContainText('确定删除第 2 行“第二行”吗？')
  await page.keyboard.press('Escape')
  await expect(ask).toHaveCount(0)
  await expect(page.getByTestId('line-2-name')).toHaveValue('第二行')
  await page.getByTestId('line-2-name').focus()
  await page.keyboard.press('Control+Delete')
  await expect(ask).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('line-2-name')).toHaveCount(0)
  await expect(page.getByTestId('line-1-name')).toHaveValue('第一行')
  await expect(page.getByTestId('autosave-status')).toContainText('已自动保存')
  const [draft] = (await app.core.call('invoices.list', { state: 'draft' })).rows
  expect(draft?.lineCount).toBe(1)
})

test('2,000 lines: only the rows in view are drawn, and typing stays quick', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const draft = sampleDraft(2000)
  const { id } = await app.core.call('invoices.saveDraft', { draft })
  await app.open(page, `/invoice/issue?id=${id}`)
  const expected = computeDraft(draft).totals.total.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  await expect(page.getByTestId('totals-total')).toHaveText(`¥${expected}`)
  expect(await page.locator('[data-testid="lines-grid"] [data-field="name"]').count()).toBeLessThan(60)

  // a keystroke in line 1 re-totals 2,000 lines without a visible pause
  const quantity = page.getByTestId('line-1-quantity')
  await quantity.focus()
  const before = await page.getByTestId('totals-total').textContent()
  const started = Date.now()
  await page.keyboard.press('End')
  await page.keyboard.type('0')
  await expect(page.getByTestId('totals-total')).not.toHaveText(before ?? '')
  expect(Date.now() - started).toBeLessThan(1000)

  // the last line is reached by scrolling the table
  await page.getByTestId('lines-grid').evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(page.getByTestId('line-2000-name')).toBeVisible()
  await expect(page.getByTestId('line-1-name')).toHaveCount(0)
})
