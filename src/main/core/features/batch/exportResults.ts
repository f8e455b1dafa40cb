// 导出结果 of a batch: each invoice's 发票流水号, 购买方, 价税合计, state, 发票号码 or the platform's
// refusal, in sheet order — streamed (files/excel/streamedWorkbook.ts) a page of rows at a time.
// Money is a number in #,##0.00 so Excel can sum it; a 发票号码 stays text.
import fs from 'node:fs'
import type { BatchInvoiceRow } from '../../../../shared/api/batch'
import { formatTime } from '../../../../shared/timeText'
import { openStreamedWorkbook, type CellStyle, type CellValue } from '../../files/excel/streamedWorkbook'
import { safeCellText } from '../../files/excel/write'
import type { Ledger } from '../../ledger/open'
import { batchInvoiceRows, batchRepeats, batchRow } from './summary'

interface ResultColumn {
  header: string
  width: number
  money?: boolean
  value(r: BatchInvoiceRow): CellValue
}

export const RESULT_COLUMNS: ResultColumn[] = [
  { header: '发票流水号', width: 22, value: (r) => safeCellText(r.serial) },
  { header: '购买方', width: 36, value: (r) => safeCellText(r.buyerName) },
  { header: '价税合计', width: 14, money: true, value: (r) => (r.invoiceId === null ? null : Number(r.totals.total)) },
  { header: '状态', width: 10, value: (r) => r.stateLabel },
  { header: '发票号码', width: 24, value: (r) => r.number },
  { header: '失败原因', width: 60, value: (r) => (r.failure ? safeCellText(r.failure) : null) },
]
const STYLES: CellStyle[] = RESULT_COLUMNS.map((c) => (c.money ? 'money' : 'plain'))
/** rows read and written between two waits for the zip */
const SLICE = 1000

/** 批量开具结果_<文件名>_<导入时间>.xlsx */
export function resultFileName(fileName: string, createdAt: string): string {
  return `批量开具结果_${fileName.replace(/\.[^.]*$/, '')}_${formatTime(createdAt).replace(/\D/g, '')}.xlsx`
}

export async function writeBatchResults(ledger: Ledger, id: number, path: string): Promise<void> {
  const b = batchRow(ledger, id)
  const repeats = new Map(batchRepeats(ledger, id).map((r) => [r.serial, r]))
  try {
    const wb = openStreamedWorkbook(path, new Date())
    const ws = wb.sheet(
      '批量开具结果',
      RESULT_COLUMNS.map((c) => c.width),
    )
    ws.row(
      RESULT_COLUMNS.map((c) => c.header),
      RESULT_COLUMNS.map(() => 'header'),
    )
    for (let offset = 0; offset < b.invoiceCount; offset += SLICE) {
      for (const r of batchInvoiceRows(ledger, id, offset, SLICE, repeats))
        ws.row(
          RESULT_COLUMNS.map((c) => c.value(r)),
          STYLES,
        )
      await ws.drain()
    }
    await wb.close()
  } catch (e) {
    fs.rmSync(path, { force: true })
    throw e
  }
}
