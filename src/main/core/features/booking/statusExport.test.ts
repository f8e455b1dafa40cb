import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { BookingStatusRow } from '../../../../shared/api/booking'
import { withTempDir } from '../../files/excel/testSupport'
import { writeBookingStatus } from './statusExport'

const row = (i: number, over: Partial<BookingStatusRow> = {}): BookingStatusRow => ({
  number: `264420000000000${String(i).padStart(5, '0')}`,
  kind: '81',
  issuedAt: '2026-11-03T02:30:00.000Z',
  sellerName: '上海甲贸易有限公司',
  sellerTaxId: '91310000MA1FL4B24G',
  amount: '1000.00',
  tax: '130.00',
  total: '1130.00',
  booking: '02',
  bookingLabel: '入账（企业所得税税前扣除）',
  period: '202611',
  use: 'deduct',
  pending: false,
  ...over,
})

async function* slowly(n: number): AsyncGenerator<BookingStatusRow> {
  for (let i = 0; i < n; i++) {
    if (i % 500 === 0) await new Promise((r) => setImmediate(r))
    yield row(i)
  }
}

describe('writeBookingStatus', () => {
  it('writes the columns of 发票入账状态查询, money as numbers in #,##0.00, and counts the rows', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 's.xlsx')
      const rows = [
        row(1),
        row(2, { kind: '82', sellerName: '=cmd|x', amount: '-88.50', tax: '-11.51', total: '-100.01', booking: '01', bookingLabel: '未入账', period: null, use: 'unconfirmed' }),
        row(3, { booking: '06', bookingLabel: '入账撤销', period: null, use: 'unconfirmed' }),
      ]
      expect(await writeBookingStatus(file, rows)).toBe(3)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(file)
      const ws = wb.getWorksheet('发票入账状态')!
      const values = Array.from({ length: ws.rowCount }, (_, r) => Array.from({ length: 11 }, (_, c) => ws.getRow(r + 1).getCell(c + 1).value ?? null))
      expect(values).toEqual([
        ['发票号码', '票种', '开票日期', '销售方名称', '销售方识别号', '金额', '税额', '价税合计', '入账状态', '入账所属期', '用途确认'],
        [
          '26442000000000000001',
          '电子发票（增值税专用发票）',
          '2026-11-03 10:30:00',
          '上海甲贸易有限公司',
          '91310000MA1FL4B24G',
          1000,
          130,
          1130,
          '入账（企业所得税税前扣除）',
          '202611',
          '抵扣',
        ],
        ['26442000000000000002', '电子发票（普通发票）', '2026-11-03 10:30:00', "'=cmd|x", '91310000MA1FL4B24G', -88.5, -11.51, -100.01, '未入账', null, null],
        ['26442000000000000003', '电子发票（增值税专用发票）', '2026-11-03 10:30:00', '上海甲贸易有限公司', '91310000MA1FL4B24G', 1000, 130, 1130, '入账撤销', null, '未确认'],
      ])
      expect(ws.getRow(2).getCell(6).numFmt).toBe('#,##0.00')
      expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true })
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    })
  })

  it('takes rows as they come from an async source; an empty query is a header alone', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 's.xlsx')
      expect(await writeBookingStatus(file, slowly(1200))).toBe(1200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(file)
      const ws = wb.getWorksheet('发票入账状态')!
      expect(ws.rowCount).toBe(1201)
      expect(ws.getRow(1201).getCell(1).value).toBe('26442000000000001199')

      expect(await writeBookingStatus(file, [])).toBe(0)
      const empty = new ExcelJS.Workbook()
      await empty.xlsx.readFile(file)
      expect(empty.getWorksheet('发票入账状态')!.rowCount).toBe(1)
    })
  })

  it('leaves no file when the rows fail midway', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 's.xlsx')
      async function* broken(): AsyncGenerator<BookingStatusRow> {
        yield row(1)
        throw new Error('账套已关闭')
      }
      await expect(writeBookingStatus(file, broken())).rejects.toThrow('账套已关闭')
      expect(existsSync(file)).toBe(false)
    })
  })
})
