import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { withTempDir } from '../../files/excel/testSupport'
import type { bookingJobRows } from '../../ledger/schema'
import { bookingResultName, writeBookingResult, type BookingResultJob } from './resultWorkbook'

type JobRow = typeof bookingJobRows.$inferSelect

const job: BookingResultJob = {
  source: '数电',
  kind: 'booking',
  fileName: '十一月进项.xlsx',
  createdAt: '2026-12-03T07:04:05.000Z',
  finishedAt: '2026-12-03T07:05:00.000Z',
}

const row = (position: number, over: Partial<JobRow>): JobRow => ({
  jobId: 1,
  position,
  sheetRow: position + 2,
  number: `2644200000000000000${position}`,
  code: null,
  issueDate: '2026-11-03',
  book: true,
  period: '202611',
  type: '02',
  use: null,
  result: 'success',
  message: '',
  earlierPeriod: null,
  ...over,
})

// in the job's order, given shuffled: the detail follows `position`
const rows: JobRow[] = [
  row(3, { result: 'duplicate', message: '重复入账', earlierPeriod: '202610' }),
  row(0, { type: '03' }),
  row(1, { result: 'not-found', message: '查无此票：请核对发票号码和开票日期' }),
  row(2, { book: false, period: null, type: null }),
  row(4, { number: '=HYPERLINK("x")', issueDate: null, result: 'other', message: '发票号码「=HYPERLINK("x")」应为 20 位数字' }),
]

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb
}

/** every row of the sheet, `width` cells each, an empty cell as null */
const values = (ws: ExcelJS.Worksheet, width = ws.columnCount) =>
  Array.from({ length: ws.rowCount }, (_, r) => Array.from({ length: width }, (_, c) => ws.getRow(r + 1).getCell(c + 1).value ?? null))

describe('writeBookingResult', () => {
  it('names the file by what, which file and when (Shanghai time)', () => {
    expect(bookingResultName(job)).toBe('发票入账结果_十一月进项_20261203150500.xlsx')
    expect(bookingResultName({ ...job, kind: 'use', source: 'list', fileName: null })).toBe('用途确认结果_进项列表_20261203150500.xlsx')
  })

  it('分类汇总 counts every class in the platform order (0 too) and 合计; 明细 lists the rows by position with the earlier period of 重复入账', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'r.xlsx')
      await writeBookingResult(file, job, rows)
      const wb = await open(file)
      expect(wb.worksheets.map((w) => w.name)).toEqual(['分类汇总', '明细'])
      const summary = wb.getWorksheet('分类汇总')!
      expect(values(summary).slice(0, 7)).toEqual([
        ['结果', '张数'],
        ['成功', 2],
        ['查无此票', 1],
        ['该票异常无法入账', 0],
        ['重复入账', 1],
        ['其他', 1],
        ['合计', 5],
      ])
      expect(summary.getRow(7).getCell(1).font).toMatchObject({ bold: true })
      expect(values(summary).slice(7)).toEqual([
        [null, null],
        ['上传文件', '十一月进项.xlsx'],
        ['类型', '发票入账（数电模板）'],
        ['提交时间', '2026-12-03 15:04:05'],
        ['处理完成时间', '2026-12-03 15:05:00'],
      ])

      const detail = wb.getWorksheet('明细')!
      expect(detail.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(values(detail)).toEqual([
        ['序号', '行号', '发票号码', '开票日期', '是否入账', '入账所属期', '入账类型', '处理结果', '说明'],
        [1, 2, '26442000000000000000', '2026-11-03', '是', '202611', '03 入账（企业所得税不扣除）', '成功', null],
        [2, 3, '26442000000000000001', '2026-11-03', '是', '202611', '02 入账（企业所得税税前扣除）', '查无此票', '查无此票：请核对发票号码和开票日期'],
        [3, 4, '26442000000000000002', '2026-11-03', '否', null, null, '成功', null],
        [4, 5, '26442000000000000003', '2026-11-03', '是', '202611', '02 入账（企业所得税税前扣除）', '重复入账', '重复入账；该发票已在所属期 202610 入账'],
        // what was typed comes back as text, never as a formula
        [5, 6, `'=HYPERLINK("x")`, null, '是', '202611', '02 入账（企业所得税税前扣除）', '其他', '发票号码「=HYPERLINK("x")」应为 20 位数字'],
      ])
    })
  })

  it('税控 adds 发票代码; a job from the list has no 行号; an unanswered row reads 待处理 and is counted apart', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'r.xlsx')
      await writeBookingResult(file, { ...job, source: '税控' }, [row(0, { code: '044001900111', number: '00012345' })])
      expect(values((await open(file)).getWorksheet('明细')!)[0]).toEqual([
        '序号',
        '行号',
        '发票代码',
        '发票号码',
        '开票日期',
        '是否入账',
        '入账所属期',
        '入账类型',
        '处理结果',
        '说明',
      ])

      await writeBookingResult(file, { ...job, source: 'list', fileName: null }, [row(0, { sheetRow: null }), row(1, { sheetRow: null, result: null, message: null })])
      const wb = await open(file)
      expect(values(wb.getWorksheet('分类汇总')!).slice(1, 8)).toEqual([
        ['成功', 1],
        ['查无此票', 0],
        ['该票异常无法入账', 0],
        ['重复入账', 0],
        ['其他', 0],
        ['待处理', 1],
        ['合计', 2],
      ])
      expect(values(wb.getWorksheet('明细')!)).toEqual([
        ['序号', '发票号码', '开票日期', '是否入账', '入账所属期', '入账类型', '处理结果', '说明'],
        [1, '26442000000000000000', '2026-11-03', '是', '202611', '02 入账（企业所得税税前扣除）', '成功', null],
        [2, '26442000000000000001', '2026-11-03', '是', '202611', '02 入账（企业所得税税前扣除）', '待处理', null],
      ])
    })
  })

  it('用途确认: the detail shows the use chosen instead of the booking columns', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'r.xlsx')
      const use = { ...job, kind: 'use' as const, source: 'list' as const, fileName: null }
      await writeBookingResult(file, use, [
        row(0, { sheetRow: null, book: null, period: null, type: null, issueDate: null, use: 'deduct' }),
        row(1, { sheetRow: null, book: null, period: null, type: null, issueDate: null, use: 'no-deduct', result: 'abnormal', message: '不是专票' }),
      ])
      expect(values((await open(file)).getWorksheet('明细')!)).toEqual([
        ['序号', '发票号码', '用途确认', '处理结果', '说明'],
        [1, '26442000000000000000', '抵扣', '成功', null],
        [2, '26442000000000000001', '不抵扣', '该票异常无法入账', '不是专票'],
      ])
    })
  })
})
