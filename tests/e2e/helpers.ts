// What the list-screen specs share: files in and out of the page, workbooks read back with
// ExcelJS.
import ExcelJS from 'exceljs'
import { expect, type Locator, type Page } from '@playwright/test'
import { usccCheckChar } from '../../src/shared/domain/taxpayerId'

/** clicks something that makes the page download a file; returns where Playwright saved it */
export async function download(page: Page, trigger: Locator): Promise<{ path: string; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), trigger.click()])
  const path = await dl.path()
  return { path, name: dl.suggestedFilename() }
}

/** clicks something that opens the file chooser and answers it with a file */
export async function chooseFile(page: Page, trigger: Locator, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger.click()])
  await chooser.setFiles(file)
}

/** the first sheet's rows as text, header first */
export async function readSheet(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.worksheets[0]!
  const rows: string[][] = []
  ws.eachRow((row) => {
    const cells: string[] = []
    for (let c = 1; c <= ws.columnCount; c++) cells.push(row.getCell(c).text)
    rows.push(cells)
  })
  return rows
}

/** a workbook with one sheet of text cells, as a bookkeeper would fill the template */
export async function writeSheet(file: string, header: string[], rows: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Sheet1')
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  await wb.xlsx.writeFile(file)
}

/** a valid 统一社会信用代码 from its first 17 characters */
export function uscc(body17: string): string {
  const check = usccCheckChar(body17)
  if (!check) throw new Error(`not a USCC body: ${body17}`)
  return body17 + check
}

/** the table row that contains a text */
export function row(page: Page, tableTestId: string, text: string): Locator {
  return page.getByTestId(tableTestId).locator('.el-table__body tr', { hasText: text })
}

/** types a 项目名称 and takes the suggestion with this code from the keyboard (↓ … Enter), checking why it was suggested when told */
export async function matchCode(page: Page, name: string, code: string, reason?: RegExp | string) {
  await page.keyboard.type(name)
  const options = page.getByTestId('taxcode-suggest-option')
  await expect(options.first()).toBeVisible()
  const codes = await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))
  const at = codes.indexOf(code)
  expect(at, `${code} among the suggestions for ${name}`).toBeGreaterThanOrEqual(0)
  if (reason !== undefined) await expect(options.nth(at)).toContainText(reason)
  for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown')
  await expect(options.nth(at)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('taxcode-suggest')).toHaveCount(0)
}
