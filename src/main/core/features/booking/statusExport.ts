// 导出 of 发票入账状态查询 (manual §2.6.2 3.(3)): every row the filter matched, as the screen shows
// them, streamed (files/excel/streamedWorkbook.ts) so 100,000 received invoices never sit in memory.
// Money is a number in #,##0.00 so Excel can sum it; a 发票号码 or 识别号 stays text.
import fs from 'node:fs'
import type { BookingStatusRow } from '../../../../shared/api/booking'
import { INVOICE_KINDS, SPECIAL_INVOICE } from '../../../../shared/domain/invoice'
import { USE_STATUSES } from '../../../../shared/platform/booking'
import { formatTime } from '../../../../shared/timeText'
import { openStreamedWorkbook, type CellStyle, type CellValue } from '../../files/excel/streamedWorkbook'
import { safeCellText } from '../../files/excel/write'

interface StatusColumn {
  header: string
  width: number
  money?: boolean
  value(r: BookingStatusRow): CellValue
}

const COLUMNS: StatusColumn[] = [
  { header: '发票号码', width: 24, value: (r) => r.number },
  { header: '票种', width: 28, value: (r) => INVOICE_KINDS.find((k) => k.code === r.kind)?.name ?? r.kind },
  { header: '开票日期', width: 20, value: (r) => formatTime(r.issuedAt) },
  { header: '销售方名称', width: 32, value: (r) => safeCellText(r.sellerName) },
  { header: '销售方识别号', width: 22, value: (r) => r.sellerTaxId },
  { header: '金额', width: 14, money: true, value: (r) => Number(r.amount) },
  { header: '税额', width: 14, money: true, value: (r) => Number(r.tax) },
  { header: '价税合计', width: 14, money: true, value: (r) => Number(r.total) },
  { header: '入账状态', width: 34, value: (r) => r.bookingLabel },
  { header: '入账所属期', width: 12, value: (r) => r.period },
  // 用途确认 is for 专票 only: a 普票 has none to show
  { header: '用途确认', width: 10, value: (r) => (r.kind === SPECIAL_INVOICE ? (USE_STATUSES.find((u) => u.code === r.use)?.label ?? null) : null) },
]
const STYLES: CellStyle[] = COLUMNS.map((c) => (c.money ? 'money' : 'plain'))

/** rows between two waits for the zip to catch up */
const SLICE = 1000

/** writes the rows to `path` as they come; the number of rows. A failed export leaves no file. */
export async function writeBookingStatus(path: string, rows: Iterable<BookingStatusRow> | AsyncIterable<BookingStatusRow>): Promise<number> {
  try {
    const wb = openStreamedWorkbook(path, new Date())
    const ws = wb.sheet(
      '发票入账状态',
      COLUMNS.map((c) => c.width),
    )
    ws.row(
      COLUMNS.map((c) => c.header),
      COLUMNS.map(() => 'header'),
    )
    let count = 0
    for await (const r of rows) {
      ws.row(
        COLUMNS.map((c) => c.value(r)),
        STYLES,
      )
      if (++count % SLICE === 0) await ws.drain()
    }
    await wb.close()
    return count
  } catch (e) {
    fs.rmSync(path, { force: true })
    throw e
  }
}
