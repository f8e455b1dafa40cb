// 导出结果 of a batch: each invoice's 发票流水号, 购买方, 价税合计, state, 发票号码 or the platform's
// refusal, in sheet order — a page of rows at a time through the export's own sheet writer
// (features/export/xlsxWriter.ts: header, money as numbers in #,##0.00 so Excel can sum it, text
// guarded against formulas; a 发票号码 stays text).
import fs from 'node:fs'
import type { BatchInvoiceRow } from '../../../../shared/api/batch'
import { fenOfText } from '../../../../shared/domain/invoice'
import { formatTime } from '../../../../shared/timeText'
import type { Ledger } from '../../ledger/open'
import type { Column } from '../export/columns'
import { openWorkbook } from '../export/xlsxWriter'
import { batchInvoiceRows, batchRepeats, batchRow } from './summary'

const RESULT_COLUMNS: Column<BatchInvoiceRow>[] = [
  { header: '发票流水号', width: 22, kind: 'text', value: (r) => r.serial },
  { header: '购买方', width: 36, kind: 'text', value: (r) => r.buyerName },
  // a discarded batch's row has lost its draft: no amount to show
  { header: '价税合计', width: 14, kind: 'money', value: (r) => (r.invoiceId === null ? null : fenOfText(r.totals.total)) },
  { header: '状态', width: 10, kind: 'text', value: (r) => r.stateLabel },
  { header: '发票号码', width: 24, kind: 'text', value: (r) => r.number },
  { header: '失败原因', width: 60, kind: 'text', value: (r) => r.failure },
]
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
    const wb = openWorkbook(path, new Date())
    const sheet = wb.sheet('批量开具结果', RESULT_COLUMNS)
    for (let offset = 0; offset < b.invoiceCount; offset += SLICE) {
      for (const r of batchInvoiceRows(ledger, id, offset, SLICE, repeats)) sheet.add(r)
      await sheet.drain()
    }
    await sheet.commit()
    await wb.close()
  } catch (e) {
    fs.rmSync(path, { force: true })
    throw e
  }
}
