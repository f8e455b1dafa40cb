// The desktop shell's habits, as far as web mode has them: a spreadsheet dropped on the window
// opens the matching import with the file already chosen (in the browser it is uploaded; in
// Electron the preload hands its path to the host), a file that is none of the imports is refused
// saying what was expected, and the app-wide keys the native menu shows (新建发票, 设置) work.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { row, uscc, writeSheet } from './helpers'

const HUAWEI = { name: '华为科技有限公司', taxId: uscc('91440300MA5GHWKJ1') }
const TENCENT = { name: '腾讯云计算（北京）有限责任公司', taxId: uscc('91110108MA01TXYJ2') }

/** drops the file on the window as the system would: a drag carrying one file, let go over the page */
async function dropFile(page: Page, file: string): Promise<void> {
  const bytes = fs.readFileSync(file).toString('base64')
  const transfer = await page.evaluateHandle(
    ([b64, name]) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const dt = new DataTransfer()
      dt.items.add(new File([data], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
      return dt
    },
    [bytes, path.basename(file)] as const,
  )
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
}

function tempFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-drop-'))
  return path.join(dir, name)
}

test('a customers file dropped on the window opens 客户导入 with it chosen, and the import works', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const file = tempFile('新客户.xlsx')
  await writeSheet(
    file,
    ['客户名称', '纳税人识别号', '电话'],
    [
      [HUAWEI.name, HUAWEI.taxId, '0755-28780808'],
      [TENCENT.name, TENCENT.taxId, ''],
    ],
  )
  // dropped anywhere: here on 销项发票, far from the customers screen
  await app.open(page, '/invoice/list')
  await dropFile(page, file)

  await expect(page).toHaveURL(/\/basic\/customers$/)
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('import-file-name')).toHaveText('新客户.xlsx')
  await dialog.getByTestId('import-upload').click()
  await expect(page.getByTestId('import-result')).toHaveText('共 2 行，新增 2，更新 0，失败 0')
  const stored = (await app.core.call('customers.list', { page: 1, size: 10 })).rows.map((c) => [c.name, c.taxId])
  expect(stored.sort()).toEqual(
    [
      [HUAWEI.name, HUAWEI.taxId],
      [TENCENT.name, TENCENT.taxId],
    ].sort(),
  )
  await page.getByTestId('import-close').click()
  await expect(row(page, 'customers-table', HUAWEI.name)).toBeVisible()
})

test('a 发票入账 file opens 发票入账 with its upload dialog; a workbook that is no import is refused, naming what was expected', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/items')

  const wages = tempFile('工资表.xlsx')
  await writeSheet(wages, ['姓名', '部门', '应发工资'], [['张三', '财务部', '8000']])
  await dropFile(page, wages)
  const refusal = page.locator('.el-message--error')
  await expect(refusal).toContainText('无法识别「工资表.xlsx」是哪种导入文件')
  await expect(refusal).toContainText('发票入账模板（表头含「发票号码」「开票日期」「是否入账」「入账所属期」）')
  // nothing opened, nothing changed
  await expect(page).toHaveURL(/\/basic\/items$/)
  await expect(page.getByTestId('import-dialog')).toBeHidden()

  const booking = tempFile('入账.xlsx')
  await writeSheet(booking, ['发票号码', '开票日期', '是否入账', '入账所属期'], [['26442000000000000001', '2026-11-03', '是', '202611']])
  await dropFile(page, booking)
  await expect(page).toHaveURL(/\/invoice\/booking$/)
  await expect(page.getByTestId('booking-upload-file')).toHaveText('入账.xlsx')
})

test('the official batch template dropped on the window opens 批量开具 with it chosen; a second drop while the dialog is open replaces the file', async ({
  app,
  page,
  consoleErrors,
}) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/invoice/drafts')
  const official = path.resolve('../shared/data/(V260401版)批量开票-导入开票模板.xlsx')
  await dropFile(page, official)
  await expect(page).toHaveURL(/\/invoice\/batch$/)
  await expect(page.getByTestId('batch-import-file')).toHaveText(path.basename(official))

  const copy = tempFile('十二月批量开票.xlsx')
  fs.copyFileSync(official, copy)
  await dropFile(page, copy)
  await expect(page.getByTestId('batch-import-file')).toHaveText('十二月批量开票.xlsx')
})

test('Ctrl+N opens 电子发票开具 and Ctrl+, the settings — the keys the native menu shows', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/customers')
  await page.keyboard.press('Control+Comma')
  await expect(page).toHaveURL(/\/system\/settings$/)
  await page.keyboard.press('Control+KeyN')
  await expect(page).toHaveURL(/\/invoice\/issue$/)
})
