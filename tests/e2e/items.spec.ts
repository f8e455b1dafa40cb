// 项目信息维护 (manual §1.1.1) through the screen, checked against the ledger.
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import { expect, test, type AppUnderTest } from './fixtures'
import { chooseFile, download, readSheet, row, writeSheet } from './helpers'

const SOFTWARE = '3040201010000000000' // 软件开发服务, 6%
const CONSULTING = '3040603000000000000' // 咨询服务, 6%
const DIESEL = '1070101030000000000' // 柴油, 13%
const MODERN_SERVICES = '3040000000000000000' // 现代服务: not a leaf

async function items(app: AppUnderTest) {
  return (await app.core.call('items.list', { page: 1, size: 100 })).rows
}

async function seed(app: AppUnderTest) {
  await app.core.call('items.create', { name: '技术咨询', taxCode: CONSULTING, rate: '6%', category: '服务' })
  await app.core.call('items.create', { name: '管理咨询', taxCode: CONSULTING, rate: '6%', unit: '次', category: '服务' })
  await app.core.call('items.create', { name: '0号柴油', taxCode: DIESEL, rate: '13%', unit: '升', unitPrice: '7.85', priceIncludesTax: true, category: '油品' })
}

test('add an item (errors shown inline first), then edit it', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.core.call('items.create', { name: '技术咨询', taxCode: CONSULTING, rate: '6%' })
  await app.open(page, '/basic/items')
  await expect(row(page, 'items-table', '技术咨询')).toBeVisible()

  await page.getByTestId('items-add').click()
  const dialog = page.getByTestId('item-dialog')
  await page.getByTestId('item-form-save').click()
  await expect(dialog.getByText('请填写项目名称')).toBeVisible()
  await expect(dialog.getByText('请选择商品和服务税收分类编码')).toBeVisible()

  // the picker searches by name and says why each code matched; choosing fills the rate
  await page.getByTestId('taxcode-picker-open').click()
  await page.getByTestId('taxcode-search').fill('软件开发')
  const hit = row(page, 'taxcode-hits', SOFTWARE)
  await expect(hit).toContainText('软件开发服务')
  await expect(hit).toContainText('信息技术服务')
  await expect(hit).toContainText('名称')
  await hit.click()
  await page.getByTestId('taxcode-choose').click()
  await expect(page.getByTestId('taxcode-picker-input')).toHaveValue(new RegExp(`^${SOFTWARE}.*软件开发服务`))
  await expect(page.getByTestId('item-form-rate')).toContainText('6%')

  // the core refuses a second 技术咨询 with the same 规格型号, next to the name
  await page.getByTestId('item-form-name').fill('技术咨询')
  await page.getByTestId('item-form-save').click()
  await expect(dialog.getByText('已存在相同项目名称和规格型号的项目')).toBeVisible()

  await page.getByTestId('item-form-name').fill('软件定制开发')
  await page.getByTestId('item-form-spec').fill('V2.0')
  await page.getByTestId('item-form-unit').fill('套')
  await page.getByTestId('item-form-price').fill('abc')
  await page.getByTestId('item-form-save').click()
  await expect(dialog.getByText('单价应为不小于 0 的数字')).toBeVisible()
  await page.getByTestId('item-form-price').fill('20000')
  await page.getByTestId('item-form-category').fill('软件')
  await page.getByTestId('item-form-save').click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'items-table', '软件定制开发')).toContainText('*信息技术服务*')

  let saved = (await items(app)).find((i) => i.name === '软件定制开发')
  expect(saved).toMatchObject({ taxCode: SOFTWARE, spec: 'V2.0', unit: '套', unitPrice: '20000', priceIncludesTax: false, rate: '6%', category: '软件' })

  // 修改: the form opens with the item, the picker at its code
  await row(page, 'items-table', '软件定制开发').getByTestId('item-edit').click()
  await expect(page.getByTestId('item-form-name')).toHaveValue('软件定制开发')
  await expect(page.getByTestId('taxcode-picker-input')).toHaveValue(new RegExp(SOFTWARE))
  await page.getByTestId('item-form-price').fill('18800.50')
  await page.getByTestId('item-form-includes-tax-yes').click()
  await page.getByTestId('item-form-rate').click()
  await page.getByRole('option', { name: '免税' }).click()
  await page.getByTestId('item-form-policy').click()
  await page.getByRole('option', { name: '即征即退50%' }).click()
  await page.getByTestId('item-form-save').click()
  // 免税 carries its own policy flag: another one is refused before sending
  await expect(dialog.getByText('税率为“免税”时，优惠政策类型应为“免税”或不填')).toBeVisible()
  await page.getByTestId('item-form-policy').click()
  await page.getByRole('option', { name: '免税', exact: true }).click()
  await page.getByTestId('item-form-save').click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'items-table', '软件定制开发')).toContainText('18800.5')

  saved = (await items(app)).find((i) => i.name === '软件定制开发')
  expect(saved).toMatchObject({ unitPrice: '18800.5', priceIncludesTax: true, rate: '免税', taxRate: '0', policy: '03' })
})

test('a changed form is not discarded without asking', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/items')
  await page.getByTestId('items-add').click()
  await page.getByTestId('item-form-name').fill('差旅服务')
  await page.getByTestId('item-form-cancel').click()
  const box = page.getByRole('dialog', { name: '放弃未保存的内容' })
  await box.getByRole('button', { name: '继续填写' }).click()
  // the first box fades out before Escape asks again: otherwise two boxes stand for a moment
  await expect(box).toHaveCount(0)
  await expect(page.getByTestId('item-form-name')).toHaveValue('差旅服务')

  await page.keyboard.press('Escape')
  await box.getByRole('button', { name: '放弃' }).click()
  await expect(page.getByTestId('item-dialog')).toBeHidden()

  // an untouched form closes at once
  await page.getByTestId('items-add').click()
  await expect(page.getByTestId('item-form-name')).toHaveValue('')
  await page.getByTestId('item-form-cancel').click()
  await expect(page.getByTestId('item-dialog')).toBeHidden()
})

test('the picker opens the tree and only a leaf can be chosen', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.core.call('items.create', { name: '技术咨询', taxCode: CONSULTING, rate: '6%' })
  await app.open(page, '/basic/items')

  // editing: the tree opens at the item's code
  await row(page, 'items-table', '技术咨询').getByTestId('item-edit').click()
  await page.getByTestId('taxcode-picker-open').click()
  const current = page.getByTestId(`taxcode-node-${CONSULTING}`)
  await expect(current).toBeVisible()
  await expect(page.locator('.el-tree-node.is-current')).toContainText('咨询服务')

  // clicking a non-leaf opens it, but it cannot be chosen
  await page.getByTestId('taxcode-node-3040200000000000000').click()
  await expect(page.getByTestId('taxcode-detail')).toContainText('非末级')
  await expect(page.getByTestId('taxcode-choose')).toBeDisabled()

  // browse down to 软件开发服务 and double-click it
  await page.getByTestId('taxcode-node-3040201000000000000').click()
  await page.getByTestId(`taxcode-node-${SOFTWARE}`).dblclick()
  await expect(page.getByTestId('taxcode-dialog')).toBeHidden()
  await expect(page.getByTestId('taxcode-picker-input')).toHaveValue(new RegExp(SOFTWARE))
  await page.getByTestId('item-form-save').click()
  await expect(page.getByTestId('item-dialog')).toBeHidden()
  expect((await items(app))[0]).toMatchObject({ name: '技术咨询', taxCode: SOFTWARE })
})

test('query by name, code and category; reset', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await seed(app)
  await app.open(page, '/basic/items')
  const table = page.getByTestId('items-table')
  await expect(table.locator('.el-table__body tr')).toHaveCount(3)

  await page.getByTestId('items-query').fill('咨询')
  await page.getByTestId('items-search').click()
  await expect(table.locator('.el-table__body tr')).toHaveCount(2)
  await expect(table).not.toContainText('0号柴油')

  // a code prefix finds the items under it
  await page.getByTestId('items-query').fill('10701')
  await page.keyboard.press('Enter')
  await expect(table.locator('.el-table__body tr')).toHaveCount(1)
  await expect(table).toContainText('0号柴油')

  await page.getByTestId('items-query').fill('')
  await page.getByTestId('items-category').click()
  await page.getByRole('option', { name: '服务' }).click()
  await page.getByTestId('items-search').click()
  await expect(table.locator('.el-table__body tr')).toHaveCount(2)

  await page.getByTestId('items-reset').click()
  await expect(table.locator('.el-table__body tr')).toHaveCount(3)
  await expect(page.getByTestId('items-pager')).toContainText('共 3 条')
})

test('delete one and batch-delete, each asked first', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await seed(app)
  await app.open(page, '/basic/items')

  await row(page, 'items-table', '0号柴油').getByTestId('item-delete').click()
  const confirm = page.getByRole('dialog', { name: '确认删除' })
  await expect(confirm).toContainText('确定删除项目“0号柴油”吗？')
  await confirm.getByRole('button', { name: '取消' }).click()
  expect(await items(app)).toHaveLength(3)

  await row(page, 'items-table', '0号柴油').getByTestId('item-delete').click()
  await confirm.getByRole('button', { name: '删除' }).click()
  await expect(row(page, 'items-table', '0号柴油')).toHaveCount(0)
  expect((await items(app)).map((i) => i.name).sort()).toEqual(['技术咨询', '管理咨询'].sort())

  await expect(page.getByTestId('items-batch-delete')).toBeDisabled()
  await row(page, 'items-table', '技术咨询').locator('.el-checkbox').click()
  await row(page, 'items-table', '管理咨询').locator('.el-checkbox').click()
  await page.getByTestId('items-batch-delete').click()
  await expect(confirm).toContainText('确定删除选中的 2 个项目吗？')
  await confirm.getByRole('button', { name: '删除' }).click()
  await expect(page.getByTestId('items-table')).toContainText('还没有项目')
  expect(await items(app)).toHaveLength(0)
})

test('下载导入模板 gives the template with its headers', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/items')
  const file = await download(page, page.getByTestId('items-template'))
  expect(file.name).toBe('项目信息导入模板.xlsx')
  const [header] = await readSheet(file.path)
  expect(header).toEqual(['*项目名称', '*商品和服务税收分类编码', '规格型号', '单位', '单价', '含税标志', '税率/征收率', '优惠政策类型', '项目分类'])
})

test('import good and bad rows: result, failures, error report', async ({ app, page, consoleErrors }) => {
  await app.createCompany()
  await app.core.call('items.create', { name: '技术咨询', taxCode: CONSULTING, rate: '6%', unitPrice: '100' })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'items-import-'))
  const file = path.join(dir, '项目.xlsx')
  await writeSheet(
    file,
    ['项目名称', '商品和服务税收分类编码', '规格型号', '单位', '单价', '含税标志', '税率/征收率', '优惠政策类型', '项目分类'],
    [
      ['软件开发', SOFTWARE, '', '次', '5000', '否', '6%', '', '软件'],
      ['技术咨询', CONSULTING, '', '小时', '300', '是', '6%', '', '服务'], // updates the one in the books
      ['现代服务费', MODERN_SERVICES, '', '', '', '', '6%', '', ''], // not a leaf
      ['柴油', DIESEL, '', '升', '7.5', '否', '12%', '', ''], // no such rate
      ['92号汽油', '1070101010200000000', '', '升', '7.9', '否', '13%', '', '油品'],
    ],
  )

  await app.open(page, '/basic/items')
  await page.getByTestId('items-import').click()
  const dialog = page.getByTestId('import-dialog')
  await expect(page.getByTestId('import-upload')).toBeDisabled()
  await chooseFile(page, page.getByTestId('import-choose'), file)
  await expect(page.getByTestId('import-file-name')).toHaveText('项目.xlsx')
  await page.getByTestId('import-upload').click()

  await expect(page.getByTestId('import-result')).toHaveText('共 5 行，新增 2，更新 1，失败 2')
  const failures = page.getByTestId('import-failures')
  await expect(row(page, 'import-failures', '不是末级编码')).toContainText('4')
  await expect(row(page, 'import-failures', '不是末级编码')).toContainText('商品和服务税收分类编码')
  await expect(row(page, 'import-failures', '12%')).toContainText('税率/征收率')
  await expect(failures.locator('.el-table__body tr')).toHaveCount(2)

  const report = await download(page, page.getByTestId('import-error-report'))
  const sheet = await readSheet(report.path)
  const header = sheet[0]!
  const reason = header.indexOf('错误原因')
  expect(reason).toBeGreaterThan(-1)
  expect(sheet.slice(1).map((r) => r[0])).toEqual(['现代服务费', '柴油'])
  expect(sheet[1]![reason]).toContain('不是末级编码')
  expect(sheet[2]![reason]).toContain('税率/征收率')

  await page.getByTestId('import-close').click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'items-table', '92号汽油')).toBeVisible()
  const all = await items(app)
  expect(all.map((i) => i.name).sort()).toEqual(['92号汽油', '技术咨询', '软件开发'].sort())
  expect(all.find((i) => i.name === '技术咨询')).toMatchObject({ unit: '小时', unitPrice: '300', priceIncludesTax: true, category: '服务' })
  void consoleErrors
})

test('a long import shows its progress and can be cancelled, also by closing the dialog', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'items-import-'))
  const file = path.join(dir, '大量项目.csv')
  const lines = ['项目名称,商品和服务税收分类编码,税率/征收率']
  for (let i = 0; i < 30_000; i++) lines.push(`项目${i},${SOFTWARE},6%`)
  fs.writeFileSync(file, lines.join('\n'))

  await app.open(page, '/basic/items')
  await page.getByTestId('items-import').click()
  await chooseFile(page, page.getByTestId('import-choose'), file)
  await page.getByTestId('import-upload').click()
  await expect(page.getByTestId('job-progress')).toBeVisible()
  await page.getByTestId('job-cancel').click()
  await expect(page.getByText('已取消导入，数据未作任何修改')).toBeVisible()
  await expect(page.getByTestId('import-upload')).toBeEnabled()

  // closing the dialog while it runs asks, then cancels
  await page.getByTestId('import-upload').click()
  await expect(page.getByTestId('job-phase')).toHaveText('读取并校验')
  await page.keyboard.press('Escape')
  await page.getByRole('dialog', { name: '取消导入' }).getByRole('button', { name: '取消导入' }).click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  expect(await items(app)).toHaveLength(0)
})

test('a file that is not a spreadsheet is refused clearly', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'items-import-'))
  const file = path.join(dir, '不是表格.xlsx')
  fs.writeFileSync(file, 'this is not a workbook')
  await app.open(page, '/basic/items')
  await page.getByTestId('items-import').click()
  await chooseFile(page, page.getByTestId('import-choose'), file)
  await page.getByTestId('import-upload').click()
  await expect(page.getByTestId('import-error')).toContainText('请选择 Excel（.xlsx / .xls）或 CSV 文件')
  expect(await items(app)).toHaveLength(0)
})

test('导出 writes every row of the current query', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await seed(app)
  await app.open(page, '/basic/items')

  await page.getByTestId('items-category').click()
  await page.getByRole('option', { name: '服务' }).click()
  await page.getByTestId('items-search').click()
  await expect(page.getByTestId('items-table').locator('.el-table__body tr')).toHaveCount(2)

  const file = await download(page, page.getByTestId('items-export'))
  expect(file.name).toBe('项目信息.xlsx')
  const [header, ...rows] = await readSheet(file.path)
  expect(header!.slice(0, 2)).toEqual(['*项目名称', '*商品和服务税收分类编码'])
  expect(rows.map((r) => r[0]).sort()).toEqual(['技术咨询', '管理咨询'].sort())
  expect(rows.every((r) => r[1] === CONSULTING && r[6] === '6%' && r[8] === '服务')).toBe(true)
})
