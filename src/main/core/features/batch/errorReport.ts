// 错误报告 of a refused batch file: every problem where the bookkeeper fixes it — 工作表 / 行 / 列 /
// 值 / 错误原因 — streamed like every export (files/excel/streamedWorkbook.ts), so a file of ten
// thousand mistakes never sits in memory as cells. A value stays text (a 19-digit code is not rounded).
import fs from 'node:fs'
import type { BatchFileError } from '../../../../shared/api/batch'
import { openStreamedWorkbook, type CellStyle } from '../../files/excel/streamedWorkbook'
import { safeCellText } from '../../files/excel/write'

const COLUMNS = [
  { header: '工作表', width: 18 },
  { header: '行', width: 8 },
  { header: '列', width: 24 },
  { header: '值', width: 30 },
  { header: '错误原因', width: 80 },
] as const
const PLAIN: CellStyle[] = COLUMNS.map(() => 'plain')
/** rows between two waits for the zip to catch up */
const SLICE = 1000

/** `<文件名>-错误报告.xlsx` */
export function errorReportName(fileName: string): string {
  return `${fileName.replace(/\.[^.]*$/, '')}-错误报告.xlsx`
}

export async function writeBatchErrorReport(path: string, errors: readonly BatchFileError[]): Promise<void> {
  try {
    const wb = openStreamedWorkbook(path, new Date())
    const ws = wb.sheet(
      '错误报告',
      COLUMNS.map((c) => c.width),
    )
    ws.row(
      COLUMNS.map((c) => c.header),
      COLUMNS.map(() => 'header'),
    )
    let n = 0
    for (const e of errors) {
      ws.row([e.sheet || '（整个文件）', e.row || null, e.column, safeCellText(e.value), safeCellText(e.message)], PLAIN)
      if (++n % SLICE === 0) await ws.drain()
    }
    await wb.close()
  } catch (e) {
    fs.rmSync(path, { force: true })
    throw e
  }
}
