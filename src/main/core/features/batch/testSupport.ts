// The platform's own template, for tests only: read from ../shared/data by a path relative to the
// project root (the product never ships it), and filled through ExcelJS as a user's Excel would.
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'

export const OFFICIAL_TEMPLATE = path.resolve('../shared/data/(V260401版)批量开票-导入开票模板.xlsx')
export const haveOfficialTemplate = fs.existsSync(OFFICIAL_TEMPLATE)
export const SKIP_REASON = 'SKIPPED: ../shared/data/(V260401版)批量开票-导入开票模板.xlsx is not present'

/** cells by column letter, one record per data row from row 4 */
export type Rows = Record<string, string | number>[]

/** a copy of the official template at `file` with `rows` typed into its sheets from row 4; `edit` for anything else */
export function fillOfficial(file: string, sheets: Record<string, Rows>, edit?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  return fillTemplate(fs.readFileSync(OFFICIAL_TEMPLATE), file, sheets, edit)
}

/** the template `template` (bytes: the official file, or ours) filled as fillOfficial does, saved at `file` */
export async function fillTemplate(template: Buffer, file: string, sheets: Record<string, Rows>, edit?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(new Uint8Array(template).buffer)
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.getWorksheet(name)
    if (!ws) throw new Error(`no sheet ${name}`)
    rows.forEach((cells, i) => {
      for (const [letter, value] of Object.entries(cells)) ws.getCell(`${letter}${i + 4}`).value = value
    })
  }
  edit?.(wb)
  await wb.xlsx.writeFile(file)
}
