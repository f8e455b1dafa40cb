// ExcelJS takes about 0.3 s to load: it is loaded when a workbook is first written, not when the
// core starts (the CLI listing invoices, the app's first window never need it).
import type ExcelJS from 'exceljs'

export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default
}
