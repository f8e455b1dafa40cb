// 错误报告 of a refused batch file: every problem where the bookkeeper fixes it — 工作表 / 行 / 列 /
// 值 / 错误原因 — through the export's own sheet writer (features/export/xlsxWriter.ts, streamed), so
// a file of ten thousand mistakes never sits in memory as cells. A value stays text (a 19-digit code
// is not rounded).
import fs from 'node:fs'
import type { BatchFileError } from '../../../../shared/api/batch'
import type { Column } from '../export/columns'
import { openWorkbook } from '../export/xlsxWriter'

const COLUMNS: Column<BatchFileError>[] = [
  { header: '工作表', width: 18, kind: 'text', value: (e) => e.sheet || '（整个文件）' },
  { header: '行', width: 8, kind: 'count', value: (e) => e.row || null },
  { header: '列', width: 24, kind: 'text', value: (e) => e.column },
  { header: '值', width: 30, kind: 'text', value: (e) => e.value },
  { header: '错误原因', width: 80, kind: 'text', value: (e) => e.message },
]
/** rows between two waits for the zip to catch up */
const SLICE = 1000

/** `<文件名>-错误报告.xlsx` */
export function errorReportName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '')}-错误报告.xlsx`
}

export async function writeBatchErrorReport(path: string, errors: readonly BatchFileError[]): Promise<void> {
  try {
    const wb = openWorkbook(path, new Date())
    const sheet = wb.sheet('错误报告', COLUMNS)
    let n = 0
    for (const e of errors) {
      sheet.add(e)
      if (++n % SLICE === 0) await sheet.drain()
    }
    await sheet.commit()
    await wb.close()
  } catch (e) {
    fs.rmSync(path, { force: true })
    throw e
  }
}
