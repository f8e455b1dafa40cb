// 税收分类编码: the table's facts, its search and tree, and replacing it by an import.
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import { expect, test } from './fixtures'
import { chooseFile, row } from './helpers'

const PROPERTY = '3040801010000000000' // 物业管理服务, *企业管理服务*

function csvFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taxcodes-'))
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

test('the table: which one (版本, 来源, 条数), search with match reasons, tree', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/system/taxcodes')
  // a new company holds the whole table shipped with the app
  await expect(page.getByTestId('taxcodes-version')).toHaveText('2018-01')
  await expect(page.getByTestId('taxcodes-source')).toHaveText('内置编码表')
  await expect(page.getByTestId('taxcodes-total')).toHaveText('4204')
  await expect(page.getByTestId('taxcodes-leaves')).toHaveText('3534')
  await expect(page.getByTestId('taxcodes-origin')).toContainText('sasakuma/tax_code2gooderp_code')
  await expect(page.getByTestId('taxcodes-loaded-at')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)

  // 物业费 is a keyword of 物业管理服务 in the public table
  await page.getByTestId('taxcode-search').fill('物业费')
  const hit = row(page, 'taxcode-hits', PROPERTY)
  await expect(hit).toContainText('物业管理服务')
  await expect(hit).toContainText('关键字')
  await hit.click()
  await expect(page.getByTestId('taxcode-detail')).toContainText('企业管理服务')

  // from the hit to its place in the tree
  await page.getByTestId('taxcode-locate').click()
  await expect(page.getByTestId(`taxcode-node-${PROPERTY}`)).toBeVisible()
  await expect(page.locator('.el-tree-node.is-current > .el-tree-node__content')).toContainText('物业管理服务')
  await expect(page.getByTestId('taxcode-node-3040801000000000000')).toBeVisible()
})

test('导入编码表 replaces the table after asking; a broken file changes nothing', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const before = await app.core.call('taxcodes.info', {})
  await app.open(page, '/system/taxcodes')
  await expect(page.getByTestId('taxcodes-source')).toHaveText('内置编码表')

  const broken = csvFile('坏编码表.csv', 'code,parent_code,name,short_name,is_leaf,tax_rates\n12345,,货物,货物,N,\n')
  await chooseFile(page, page.getByTestId('taxcodes-import'), broken)
  await page.getByRole('dialog', { name: '导入编码表' }).getByRole('button', { name: '导入' }).click()
  await expect(page.getByTestId('taxcodes-import-error')).toContainText('编码应为 19 位数字')
  expect(await app.core.call('taxcodes.info', {})).toEqual(before)

  const table = csvFile(
    '编码表2026.csv',
    [
      'code,parent_code,name,short_name,is_leaf,tax_rates,vat_special_mgmt,keywords,description',
      '3000000000000000000,,销售服务,销售服务,N,,,,',
      '3040000000000000000,3000000000000000000,现代服务,现代服务,N,,,,',
      '3040201010000000000,3040000000000000000,软件开发服务,信息技术服务,Y,6%,,软件开发,',
    ].join('\n'),
  )
  // asked first: cancelling keeps the table
  await chooseFile(page, page.getByTestId('taxcodes-import'), table)
  const ask = page.getByRole('dialog', { name: '导入编码表' })
  await expect(ask).toContainText(`共 ${before.total} 条`)
  await ask.getByRole('button', { name: '取消' }).click()
  expect((await app.core.call('taxcodes.info', {})).total).toBe(before.total)

  await chooseFile(page, page.getByTestId('taxcodes-import'), table)
  await ask.getByRole('button', { name: '导入' }).click()
  await expect(page.getByTestId('taxcodes-import-result')).toContainText('共 3 条编码，其中末级 1 条')
  await expect(page.getByTestId('taxcodes-source')).toHaveText('导入 CSV')
  await expect(page.getByTestId('taxcodes-version')).toHaveText('—')
  await expect(page.getByTestId('taxcodes-origin')).toHaveText('编码表2026.csv')
  await expect(page.getByTestId('taxcodes-total')).toHaveText('3')
  expect(await app.core.call('taxcodes.info', {})).toMatchObject({ total: 3, leaves: 1, source: 'csv' })

  // the tree is read again from the new table
  await expect(page.getByTestId('taxcode-node-3000000000000000000')).toBeVisible()
  await expect(page.getByTestId('taxcode-node-1000000000000000000')).toHaveCount(0)
})
