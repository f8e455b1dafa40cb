// 客户信息维护 (manual §1.1.2) through the screen, checked against the ledger.
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test, type AppUnderTest } from './fixtures'
import { chooseFile, download, readSheet, row, uscc, writeSheet } from './helpers'

const HUAWEI = { name: '华为科技有限公司', taxId: uscc('91440300MA5GHWKJ1') }
const TENCENT = { name: '腾讯云计算（北京）有限责任公司', taxId: uscc('91110108MA01TXYJ2') }
const PERSON_ID = '11010519491231002X'

async function customers(app: AppUnderTest) {
  return (await app.core.call('customers.list', { page: 1, size: 100 })).rows
}

async function seed(app: AppUnderTest) {
  await app.core.call('customers.create', { ...HUAWEI, address: '深圳市龙岗区坂田', email: 'fapiao@huawei.example.com' })
  await app.core.call('customers.create', { ...TENCENT, phone: '010-62671188' })
  await app.core.call('customers.create', { name: '张三', type: '自然人', idNumber: PERSON_ID, mobile: '13800138000' })
}

const rowsOf = (page: Page) => page.getByTestId('customers-table').locator('.el-table__body tr')

test('add a company customer (errors shown inline first), then edit it', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.core.call('customers.create', TENCENT)
  await app.open(page, '/basic/customers')
  await expect(row(page, 'customers-table', TENCENT.name)).toBeVisible()

  await page.getByTestId('customers-add').click()
  const dialog = page.getByTestId('customer-dialog')
  await page.getByTestId('customer-form-save').click()
  await expect(dialog.getByText('请填写名称')).toBeVisible()
  await expect(dialog.getByText('企业客户须填写统一社会信用代码/纳税人识别号')).toBeVisible()

  await page.getByTestId('customer-form-name').fill(HUAWEI.name)
  // a wrong check digit and a broken e-mail address are refused before anything is sent
  await page.getByTestId('customer-form-taxid').fill(HUAWEI.taxId.slice(0, 17) + (HUAWEI.taxId.endsWith('A') ? 'B' : 'A'))
  await page.getByTestId('customer-form-email').fill('fapiao@huawei')
  await page.getByTestId('customer-form-save').click()
  await expect(dialog.getByText(`校验位不正确（按前 17 位计算，第 18 位校验码应为 ${HUAWEI.taxId[17]}）`)).toBeVisible()
  await expect(dialog.getByText('邮箱格式不正确')).toBeVisible()

  // the core refuses a second customer with a 纳税人识别号 already in the books
  await page.getByTestId('customer-form-taxid').fill(TENCENT.taxId)
  await page.getByTestId('customer-form-email').fill('fapiao@huawei.example.com')
  await page.getByTestId('customer-form-save').click()
  await expect(dialog.getByText('该纳税人识别号的客户已存在')).toBeVisible()

  // lower case and spaces are normalised; the mobile loses its +86
  await page.getByTestId('customer-form-taxid').fill(` ${HUAWEI.taxId.toLowerCase()} `)
  await page.getByTestId('customer-form-address').fill('深圳市龙岗区坂田华为基地')
  await page.getByTestId('customer-form-bank').fill('招商银行深圳分行')
  await page.getByTestId('customer-form-account').fill('755912345610001')
  await page.getByTestId('customer-form-mobile').fill('+86 138-0013-8000')
  await page.getByTestId('customer-form-save').click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'customers-table', HUAWEI.name)).toContainText(HUAWEI.taxId)

  let saved = (await customers(app)).find((c) => c.name === HUAWEI.name)
  expect(saved).toMatchObject({
    type: '企业',
    taxId: HUAWEI.taxId,
    address: '深圳市龙岗区坂田华为基地',
    bank: '招商银行深圳分行',
    account: '755912345610001',
    email: 'fapiao@huawei.example.com',
    mobile: '13800138000',
    idType: null,
  })

  await row(page, 'customers-table', HUAWEI.name).getByTestId('customer-edit').click()
  await expect(page.getByTestId('customer-form-taxid')).toHaveValue(HUAWEI.taxId)
  await page.getByTestId('customer-form-phone').fill('0755-28780808')
  await page.getByTestId('customer-form-mobile').fill('1380013800')
  await page.getByTestId('customer-form-save').click()
  await expect(dialog.getByText('手机号应为 11 位大陆手机号码')).toBeVisible()
  await page.getByTestId('customer-form-mobile').fill('13900139000')
  await page.getByTestId('customer-form-save').click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'customers-table', HUAWEI.name)).toContainText('0755-28780808')
  saved = (await customers(app)).find((c) => c.name === HUAWEI.name)
  expect(saved).toMatchObject({ phone: '0755-28780808', mobile: '13900139000' })
})

test('a natural person: 证件 fields, kept while switching type', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/customers')
  await page.getByTestId('customers-add').click()
  const dialog = page.getByTestId('customer-dialog')
  await page.getByTestId('customer-form-name').fill('张三')
  await expect(page.getByTestId('customer-form-idnumber')).toHaveCount(0)

  await page.getByTestId('customer-form-type-person').click()
  await page.getByTestId('customer-form-idnumber').fill('110105194912310021')
  await page.getByTestId('customer-form-save').click()
  await expect(dialog.getByText('居民身份证号码校验位不正确（第 18 位应为 X）')).toBeVisible()
  await page.getByTestId('customer-form-idnumber').fill(PERSON_ID)

  // switching to 企业 hides the 证件 fields without losing them
  await page.getByTestId('customer-form-type-company').click()
  await expect(page.getByTestId('customer-form-idnumber')).toHaveCount(0)
  await page.getByTestId('customer-form-type-person').click()
  await expect(page.getByTestId('customer-form-idnumber')).toHaveValue(PERSON_ID)

  await page.getByTestId('customer-form-save').click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'customers-table', '张三')).toContainText('居民身份证')
  expect(await customers(app)).toEqual([expect.objectContaining({ name: '张三', type: '自然人', taxId: '', idType: '201', idNumber: PERSON_ID })])
})

test('query by 拼音首字母, by ID prefix, by type; reset', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await seed(app)
  await app.open(page, '/basic/customers')
  await expect(page.getByTestId('customers-query')).toHaveAttribute('placeholder', '名称 / 拼音首字母 / 纳税人识别号')
  await expect(rowsOf(page)).toHaveCount(3)

  await page.getByTestId('customers-query').fill('hwkj')
  await page.getByTestId('customers-search').click()
  await expect(rowsOf(page)).toHaveCount(1)
  await expect(rowsOf(page)).toContainText(HUAWEI.name)

  await page.getByTestId('customers-query').fill(TENCENT.taxId.slice(0, 8))
  await page.keyboard.press('Enter')
  await expect(rowsOf(page)).toHaveCount(1)
  await expect(rowsOf(page)).toContainText(TENCENT.name)

  await page.getByTestId('customers-query').fill('科技')
  await page.getByTestId('customers-search').click()
  await expect(rowsOf(page)).toHaveCount(1)

  await page.getByTestId('customers-query').fill('')
  await page.getByTestId('customers-type').click()
  await page.getByRole('option', { name: '自然人' }).click()
  await page.getByTestId('customers-search').click()
  await expect(rowsOf(page)).toHaveCount(1)
  await expect(rowsOf(page)).toContainText('张三')

  await page.getByTestId('customers-reset').click()
  await expect(rowsOf(page)).toHaveCount(3)
  await expect(page.getByTestId('customers-query')).toHaveValue('')
})

test('delete one and batch-delete, each asked first', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await seed(app)
  await app.open(page, '/basic/customers')
  const confirm = page.getByRole('dialog', { name: '确认删除' })

  await row(page, 'customers-table', '张三').getByTestId('customer-delete').click()
  await expect(confirm).toContainText('确定删除客户“张三”吗？')
  await confirm.getByRole('button', { name: '删除' }).click()
  await expect(rowsOf(page)).toHaveCount(2)
  expect((await customers(app)).map((c) => c.name).sort()).toEqual([HUAWEI.name, TENCENT.name].sort())

  // selecting all and then cancelling changes nothing
  await page.getByTestId('customers-table').locator('.el-table__header .el-checkbox').click()
  await page.getByTestId('customers-batch-delete').click()
  await expect(confirm).toContainText('确定删除选中的 2 个客户吗？')
  await confirm.getByRole('button', { name: '取消' }).click()
  expect(await customers(app)).toHaveLength(2)

  await page.getByTestId('customers-batch-delete').click()
  await confirm.getByRole('button', { name: '删除' }).click()
  await expect(page.getByTestId('customers-table')).toContainText('还没有客户')
  expect(await customers(app)).toHaveLength(0)
})

test('下载导入模板 gives the template with its headers', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/customers')
  const file = await download(page, page.getByTestId('customers-template'))
  expect(file.name).toBe('客户信息导入模板.xlsx')
  const [header] = await readSheet(file.path)
  expect(header).toEqual(['*名称', '客户类型', '统一社会信用代码/纳税人识别号', '证件类型', '证件号码', '地址', '电话', '开户银行', '银行账号', '邮箱', '手机号'])
})

test('import good and bad rows: result, failures, error report', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.core.call('customers.create', { ...HUAWEI, address: '旧地址' })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'customers-import-'))
  const file = path.join(dir, '客户.xlsx')
  const badCheck = TENCENT.taxId.slice(0, 17) + (TENCENT.taxId.endsWith('1') ? '2' : '1')
  await writeSheet(
    file,
    ['客户名称', '客户类型', '纳税人识别号', '证件类型', '证件号码', '地址', '电话', '开户行', '账号', '邮箱', '手机号'],
    [
      [HUAWEI.name, '企业', HUAWEI.taxId, '', '', '深圳市龙岗区坂田', '', '', '', '', ''], // updates
      [TENCENT.name, '', TENCENT.taxId, '', '', '', '010-62671188', '', '', '', ''],
      ['李四', '自然人', '', '居民身份证', PERSON_ID, '', '', '', '', '', '13800138000'],
      ['错号公司', '企业', badCheck, '', '', '', '', '', '', '', ''],
      ['坏邮箱公司', '企业', uscc('91310000MA1FL1234'), '', '', '', '', '', '', 'bad@mail', ''],
    ],
  )

  await app.open(page, '/basic/customers')
  await page.getByTestId('customers-import').click()
  await chooseFile(page, page.getByTestId('import-choose'), file)
  await page.getByTestId('import-upload').click()
  await expect(page.getByTestId('import-result')).toHaveText('共 5 行，新增 2，更新 1，失败 2')
  await expect(row(page, 'import-failures', badCheck)).toContainText('校验位不正确')
  await expect(row(page, 'import-failures', badCheck)).toContainText('5')
  await expect(row(page, 'import-failures', 'bad@mail')).toContainText('邮箱')

  const report = await download(page, page.getByTestId('import-error-report'))
  const [header, ...bad] = await readSheet(report.path)
  const reason = header!.indexOf('错误原因')
  expect(reason).toBeGreaterThan(-1)
  expect(bad.map((r) => r[0])).toEqual(['错号公司', '坏邮箱公司'])
  expect(bad[0]![reason]).toContain('校验位不正确')
  expect(bad[1]![reason]).toContain('邮箱格式不正确')

  await page.getByTestId('import-close').click()
  await expect(rowsOf(page)).toHaveCount(3)
  const all = await customers(app)
  expect(all.find((c) => c.name === HUAWEI.name)?.address).toBe('深圳市龙岗区坂田')
  expect(all.find((c) => c.name === '李四')).toMatchObject({ type: '自然人', idType: '201', idNumber: PERSON_ID })
  expect(all.find((c) => c.name === TENCENT.name)).toMatchObject({ type: '企业', taxId: TENCENT.taxId })
})

test('导出 writes every row of the current query', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await seed(app)
  await app.open(page, '/basic/customers')
  await page.getByTestId('customers-type').click()
  await page.getByRole('option', { name: '企业' }).click()
  await page.getByTestId('customers-search').click()
  await expect(rowsOf(page)).toHaveCount(2)

  const file = await download(page, page.getByTestId('customers-export'))
  expect(file.name).toBe('客户信息.xlsx')
  const [header, ...rows] = await readSheet(file.path)
  expect(header![0]).toBe('*名称')
  const byName = new Map(rows.map((r) => [r[0], r]))
  expect([...byName.keys()].sort()).toEqual([HUAWEI.name, TENCENT.name].sort())
  expect(byName.get(HUAWEI.name)![2]).toBe(HUAWEI.taxId)
  expect(byName.get(HUAWEI.name)![9]).toBe('fapiao@huawei.example.com')
  expect(byName.get(TENCENT.name)![6]).toBe('010-62671188')
})
