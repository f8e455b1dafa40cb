// Real spreadsheet files for import tests: xlsx from ExcelJS, xls from SheetJS, CSV in the
// encodings Chinese Excel and WPS produce.
import fs from 'node:fs'
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs'

export type Cell = string | number | null

/** rows as given (first rows may be titles); numbers stay numbers, like a cell typed in Excel */
export async function writeXlsx(file: string, rows: Cell[][], sheetName = 'Sheet1'): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheetName)
  for (const r of rows) ws.addRow(r)
  await wb.xlsx.writeFile(file)
  return file
}

export function writeXls(file: string, rows: Cell[][]): string {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1')
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer)
  return file
}

function csvText(rows: Cell[][]): string {
  const cell = (c: Cell) => {
    const s = c === null ? '' : String(c)
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

export function writeCsv(file: string, rows: Cell[][], encoding: 'utf8' | 'utf8-bom' | 'gbk'): string {
  const text = csvText(rows)
  const bytes =
    encoding === 'gbk'
      ? (cpexcel as unknown as { utils: { encode(cp: number, s: string): Uint8Array } }).utils.encode(936, text)
      : new TextEncoder().encode(encoding === 'utf8-bom' ? `\ufeff${text}` : text)
  fs.writeFileSync(file, bytes)
  return file
}

/** all rows of the first sheet of a workbook, as text */
export async function readXlsx(file: string, sheet?: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = sheet ? wb.getWorksheet(sheet)! : wb.worksheets[0]!
  const out: string[][] = []
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1)
    out.push(Array.from(values, (v) => (v === null || v === undefined ? '' : String(v))))
  })
  return out
}
