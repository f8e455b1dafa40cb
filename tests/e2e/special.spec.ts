// 特定业务 on the issuing screen (issue 13) through the real core and the embedded platform sandbox:
// a 建筑服务 invoice refused at the field the rule names (跨地市标志 是 without 跨区域涉税事项报验管理编号),
// fixed and issued, then found in 发票查询 by its 特定业务; a 货物运输服务 draft of two rows that survives
// a reload and a copy, with a line whose code the kind does not allow told at that line.
// Screenshots at 1366 × 768: docs/screenshots/special-{construction,freight,filter}-1366.png.
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { InvoiceDraftInput } from '../../src/shared/api/invoices'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { expect, test, type AppUnderTest } from './fixtures'

const SHOTS = path.resolve('docs/screenshots')
const VIEW = { width: 1366, height: 768 }
const CONSTRUCTION_CODE = '3050100000000000000' // 工程服务, 9%
const SOFTWARE_CODE = '3040201010000000000' // 软件开发服务: no 特定业务 allows it

async function saveDraft(app: AppUnderTest, draft: InvoiceDraftInput): Promise<number> {
  return (await app.core.call('invoices.saveDraft', { draft })).id
}

/** chooses an option of an el-select by its visible name */
async function choose(page: Page, select: Locator, name: string): Promise<void> {
  await select.click()
  await page.getByRole('option', { name, exact: true }).click()
}

/** the message shown under the form field holding this input */
function fieldError(page: Page, testid: string): Locator {
  return page.locator('.el-form-item', { has: page.getByTestId(testid) }).locator('.el-form-item__error')
}

function draftId(page: Page): number {
  const id = /[?&]id=(\d+)/.exec(new URL(page.url()).hash)?.[1]
  if (!id) throw new Error(`no draft id in ${page.url()}`)
  return Number(id)
}

/** the 特定业务 card of the issuing screen, its header included */
const specialCard = (page: Page) => page.locator('.el-card', { has: page.getByTestId('special-section') })

/** the main area does not scroll sideways: the block fits the screen */
async function noSidewaysScroll(page: Page): Promise<void> {
  const main = page.locator('.el-main')
  const [scroll, client] = await main.evaluate((el) => [el.scrollWidth, el.clientWidth])
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client + 1)
}

test.describe('with the platform', () => {
  test.use({ platform: true })

  test('建筑服务: refused at 跨区域涉税事项报验管理编号, fixed, issued, found by 特定业务 in 发票查询', async ({ app, page, consoleErrors }) => {
    void consoleErrors
    await page.setViewportSize(VIEW)
    await app.createCompany()
    expect((await app.core.call('sync.now', {})).error).toBeNull()
    const id = await saveDraft(app, testDraft({ extras: [], lines: [testLine({ name: '幕墙工程', taxCode: CONSTRUCTION_CODE, taxRate: '0.09', unit: '项' })] }))
    await app.open(page, `/invoice/issue?id=${id}`)

    await choose(page, page.getByTestId('special-kind'), '建筑服务')
    await expect(page.getByTestId('special-codes')).toContainText('建筑服务（305…）')
    await page.getByTestId('special-site').fill('北京市朝阳区')
    await page.getByTestId('special-siteAddress').fill('望京街道阜通东大街 6 号')
    await page.getByTestId('special-projectName').fill('望京 SOHO 幕墙改造')
    await choose(page, page.getByTestId('special-crossCity'), '是')

    // 开票: refused before any confirmation, the cursor and the message at the field the rule names
    await page.getByTestId('invoice-issue').click()
    const message = '建筑服务：跨地市标志为“是”时，请填写跨区域涉税事项报验管理编号'
    await expect(fieldError(page, 'special-crossRegionNo')).toHaveText(message)
    await expect(page.getByTestId('special-crossRegionNo')).toBeFocused()
    await expect(page.getByTestId('issue-summary')).toContainText(message)
    await expect(page.locator('.el-message-box')).toHaveCount(0)
    await specialCard(page).screenshot({ path: path.join(SHOTS, 'special-construction-1366.png') })
    await noSidewaysScroll(page)

    await page.getByTestId('special-crossRegionNo').fill('11010526000123')
    await page.getByTestId('invoice-issue').click()
    const confirm = page.locator('.el-message-box')
    await expect(confirm).toContainText('价税合计')
    await confirm.getByRole('button', { name: '开票' }).click()
    const dialog = page.getByTestId('issued-dialog')
    await expect(dialog.getByTestId('issued-number')).toHaveText(/^\d{20}$/)
    const number = (await dialog.getByTestId('issued-number').textContent())!
    await dialog.getByTestId('issued-close').click()

    // the platform issued it with its 特定业务; the issued invoice shows the block, read-only
    const stored = await app.core.call('invoices.get', { id })
    expect(stored).toMatchObject({ state: 'issued', number })
    expect(stored.draft.specialBusiness).toEqual({
      kind: '建筑服务',
      rows: [
        { site: '北京市朝阳区', siteAddress: '望京街道阜通东大街 6 号', projectName: '望京 SOHO 幕墙改造', landVatProjectNo: '', crossCity: '是', crossRegionNo: '11010526000123' },
      ],
    })
    await expect(page.getByTestId('special-projectName')).toBeDisabled()
    await expect(page.getByTestId('special-crossRegionNo')).toHaveValue('11010526000123')

    // 发票查询 by 特定业务
    await app.open(page, '/invoice/list')
    const table = page.getByTestId('invoices-table')
    const ours = table.locator('.el-table__body tr', { has: page.getByTestId(`invoice-row-${id}`) })
    await choose(page, page.getByTestId('query-special-kind'), '建筑服务')
    await page.getByTestId('invoices-search').click()
    await expect(ours).toBeVisible()
    await page.mouse.move(0, 0)
    // 进项 has the same filter
    await page.getByRole('tab', { name: '进项发票' }).click()
    await expect(page.getByTestId('query-special-kind')).toBeVisible()
    await page.getByRole('tab', { name: '销项发票' }).click()
    await choose(page, page.getByTestId('query-special-kind'), '建筑服务')
    await page.getByTestId('invoices-search').click()
    await expect(ours).toBeVisible()

    // what only the core's filter and its special_kind column can do (h-score's part of issue 13)
    const coreFilters = (await app.core.call('invoices.query', { side: '销项', specialKind: '货物运输服务' })).total === 0
    if (!coreFilters) {
      await page.screenshot({ path: path.join(SHOTS, 'special-filter-1366.png') })
      test.info().annotations.push({ type: 'pending', description: 'the core does not filter by specialKind yet: the tag and 货物运输服务 not checked' })
      return
    }
    await expect(ours.getByTestId('invoice-special-kind')).toHaveText('建筑服务')
    await page.screenshot({ path: path.join(SHOTS, 'special-filter-1366.png') })
    await choose(page, page.getByTestId('query-special-kind'), '货物运输服务')
    await page.getByTestId('invoices-search').click()
    await expect(page.getByTestId('query-total')).toHaveText('0')
    await expect(ours).toHaveCount(0)
  })
})

test('货物运输服务: two rows survive a reload and a copy; a line whose code the kind refuses is told at the line', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await page.setViewportSize(VIEW)
  await app.createCompany()
  const id = await saveDraft(app, testDraft({ extras: [], lines: [testLine({ taxCode: SOFTWARE_CODE })] }))
  await app.open(page, `/invoice/issue?id=${id}`)
  await expect(page.getByTestId('line-1-errors')).toHaveCount(0)

  await choose(page, page.getByTestId('special-kind'), '货物运输服务')
  await expect(page.getByTestId('line-1-errors')).toContainText(`货物运输服务发票的商品和服务税收分类编码应属于 陆路货物运输服务（3010102…）`)
  await expect(page.getByTestId('special-row-1')).toBeVisible()
  await expect(page.getByTestId('special-row-2')).toHaveCount(0)

  const rows = [
    { from: '河北省石家庄市长安区', to: '天津市滨海新区天津港', vehicleType: '公路运输', vehicleNo: '冀A12345', goods: '钢材' },
    { from: '天津市滨海新区', to: '上海市浦东新区洋山港', vehicleType: '水路运输', vehicleNo: '津海 0101', goods: '集装箱' },
  ]
  for (const [i, row] of rows.entries()) {
    if (i > 0) await page.getByTestId('special-row-add').click()
    const no = i + 1
    await page.getByTestId(`special-${no}-from`).fill(row.from)
    await page.getByTestId(`special-${no}-to`).fill(row.to)
    await choose(page, page.getByTestId(`special-${no}-vehicleType`), row.vehicleType)
    // the second row's 牌号 is left for 开票 to ask for
    if (i === 0) await page.getByTestId(`special-${no}-vehicleNo`).fill(row.vehicleNo)
    await page.getByTestId(`special-${no}-goods`).fill(row.goods)
  }

  // 开票: each problem at its own cell, the row named
  await page.getByTestId('invoice-issue').click()
  await expect(fieldError(page, 'special-2-vehicleNo')).toHaveText('货物运输服务第 2 行：请填写运输工具牌号')
  await expect(page.getByTestId('special-2-vehicleNo')).toBeFocused()
  await expect(fieldError(page, 'special-1-vehicleNo')).toHaveCount(0)
  await expect(page.getByTestId('issue-summary')).toContainText('第 1 行：货物运输服务发票的商品和服务税收分类编码')
  await page.getByTestId('special-2-vehicleNo').fill(rows[1]!.vehicleNo)
  await expect(fieldError(page, 'special-2-vehicleNo')).toHaveCount(0)
  await expect(page.getByTestId('autosave-status')).toContainText('已自动保存')
  await expect.poll(async () => (await app.core.call('invoices.get', { id })).draft.specialBusiness).toEqual({ kind: '货物运输服务', rows })

  // the table scrolls inside its box; the page does not
  await specialCard(page).screenshot({ path: path.join(SHOTS, 'special-freight-1366.png') })
  await noSidewaysScroll(page)

  // nothing lost on reload
  await page.reload()
  await expect(page.getByTestId('special-row-2')).toBeVisible()
  for (const [i, row] of rows.entries()) {
    await expect(page.getByTestId(`special-${i + 1}-from`)).toHaveValue(row.from)
    await expect(page.getByTestId(`special-${i + 1}-vehicleType`)).toContainText(row.vehicleType)
    await expect(page.getByTestId(`special-${i + 1}-goods`)).toHaveValue(row.goods)
  }

  // another kind would drop the rows: it asks, and 保留原信息 keeps them
  await choose(page, page.getByTestId('special-kind'), '建筑服务')
  const ask = page.locator('.el-message-box')
  await expect(ask).toContainText('已填写的货物运输服务信息将被清空')
  await ask.getByRole('button', { name: '保留原信息' }).click()
  await expect(page.getByTestId('special-row-2')).toBeVisible()
  await expect(page.getByTestId('special-kind')).toContainText('货物运输服务')

  // 复制为新草稿 keeps them
  await page.getByTestId('invoice-copy').click()
  await expect.poll(() => draftId(page)).not.toBe(id)
  const copy = draftId(page)
  expect((await app.core.call('invoices.get', { id: copy })).draft.specialBusiness).toEqual({ kind: '货物运输服务', rows })
  await expect(page.getByTestId('special-2-to')).toHaveValue(rows[1]!.to)

  // 删除 a typed row asks too; then 无 asks and clears the block
  await page.getByTestId('special-row-2-remove').click()
  await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
  await expect(page.getByTestId('special-row-2')).toHaveCount(0)
  await choose(page, page.getByTestId('special-kind'), '无')
  await page.locator('.el-message-box').getByRole('button', { name: '更换' }).click()
  await expect(page.getByTestId('special-rows')).toHaveCount(0)
  await expect(page.getByTestId('line-1-errors')).toHaveCount(0)
  await expect.poll(async () => (await app.core.call('invoices.get', { id: copy })).draft.specialBusiness ?? null).toBeNull()

  // 旅客运输's eight columns scroll inside their box at 1366 px, never the page
  await choose(page, page.getByTestId('special-kind'), '旅客运输服务')
  await expect(page.locator('.el-message-box')).toHaveCount(0)
  const scroller = page.getByTestId('special-rows').locator('.scroller')
  const [scroll, client] = await scroller.evaluate((el) => [el.scrollWidth, el.clientWidth])
  expect(scroll).toBeGreaterThan(client)
  await noSidewaysScroll(page)
})

test('a long 运输 list: 20 rows a page; 开票 turns to the page of the row a message names', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const row = { from: '河北省石家庄市长安区', to: '天津市滨海新区天津港', vehicleType: '公路运输', vehicleNo: '冀A12345', goods: '钢材' }
  const rows = Array.from({ length: 45 }, (_, i) => (i === 42 ? { ...row, goods: '' } : row))
  const line = testLine({ name: '道路货物运输', taxCode: '3010102020100000000', taxRate: '0.09' })
  const id = await saveDraft(app, testDraft({ extras: [], lines: [line], specialBusiness: { kind: '货物运输服务', rows } }))
  await app.open(page, `/invoice/issue?id=${id}`)

  await expect(page.getByTestId('special-row-1')).toBeVisible()
  await expect(page.getByTestId('special-row-20')).toBeVisible()
  await expect(page.getByTestId('special-row-21')).toHaveCount(0)
  await expect(page.getByTestId('special-rows-pager')).toContainText('共 45 条')

  await page.getByTestId('invoice-issue').click()
  await expect(page.getByTestId('special-43-goods')).toBeFocused()
  await expect(fieldError(page, 'special-43-goods')).toHaveText('货物运输服务第 43 行：请填写运输货物名称')
  await expect(page.getByTestId('special-row-41')).toBeVisible()
  await expect(page.getByTestId('special-row-1')).toHaveCount(0)

  // on another page, the pager's line says where the problem is
  await page.getByTestId('special-rows-pager').getByText('1', { exact: true }).click()
  await expect(page.getByTestId('special-row-1')).toBeVisible()
  await expect(page.getByTestId('special-rows-elsewhere')).toHaveText('其他页还有问题：第 43 行')

  // 添加行 goes to the last page, the cursor in the new row
  await page.getByTestId('special-row-add').click()
  await expect(page.getByTestId('special-46-from')).toBeFocused()
  await expect(page.getByTestId('special-rows-pager')).toContainText('共 46 条')
})
