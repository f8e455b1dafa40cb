import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { AppError } from '../../errors'
import { writeTemplate } from '../../files/excel/write'
import { customersSpec, withTempDir } from '../../files/excel/testSupport'
import { readBookingFile, type BookingFileRow } from './readBookingFile'
import { writeBookingTemplate } from './template'

const N1 = '26442000000000000001'
const N2 = '26442000000000000002'
const N3 = '26442000000000000003'
const N4 = '26442000000000000004'

type Cell = string | number | Date | null
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

/** the 数电 template, filled in Excel's way: rows of cells under its header, then saved */
async function fillTemplate(file: string, rows: Cell[][]): Promise<void> {
  await writeBookingTemplate(file, '数电')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = wb.getWorksheet('发票入账')!
  rows.forEach((cells, i) => {
    const row = ws.getRow(i + 2)
    cells.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v
    })
    row.commit()
  })
  await wb.xlsx.writeFile(file)
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  )
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}

const good = (sheetRow: number, over: Partial<BookingFileRow>): BookingFileRow => ({
  sheetRow,
  number: N1,
  code: null,
  issueDate: '2026-11-03',
  book: true,
  period: '202611',
  type: null,
  problem: null,
  ...over,
})

describe('readBookingFile', () => {
  it('refuses the template as downloaded, empty: 没有数据 (both templates)', async () => {
    await withTempDir(async (dir) => {
      for (const format of ['数电', '税控'] as const) {
        const file = join(dir, `${format}.xlsx`)
        await writeBookingTemplate(file, format)
        const e = await refusal(readBookingFile(file))
        expect(e.code).toBe('VALIDATION')
        expect(e.message).toBe('文件中没有数据：请在表头下方每行填写一张发票后再上传')
      }
    })
  })

  it('reads a template filled through ExcelJS: every accepted form, every wrong cell named with its value', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '入账.xlsx')
      // 发票号码 | 开票日期 | 是否入账 | 入账所属期 | 入账类型
      await fillTemplate(file, [
        /* 2 */ [N1, day(2026, 11, 3), '是', '202611', '03 入账（企业所得税不扣除）'],
        /* 3 */ [N2, '2026/11/3', '否', null, null],
        /* 4 */ [N3, '20261103', '是', 202611, '4'],
        /* 5 */ [N4, day(2026, 11, 3), '是', day(2026, 12, 1), '企业所得税税前扣除'],
        /* 6 */ [26442000000000000005, '2026-11-03', '是', '2026-11', '05'],
        /* 7 */ ['1234', '2026-11-03', '是', '202611', null],
        /* 8 */ ['26442000000000000008', '2026-02-30', '是', '202611', null],
        /* 9 */ ['26442000000000000009', 'abc', '入账', '202611', null],
        /* 10 */ ['26442000000000000010', '2026-11-03', '是', null, null],
        /* 11 */ ['26442000000000000011', '2026-11-03', '是', '2026-13', '06'],
        /* 12 */ [null, null, null, null, null],
        /* 13 */ [N1, '2026-11-03', '否', null, null],
        /* 14 */ [null, '2026-11-03', '', '202611', null],
      ])
      const { source, rows } = await readBookingFile(file)
      expect(source).toBe('数电')
      expect(rows).toEqual([
        good(2, { type: '03' }),
        good(3, { number: N2, book: false, period: null }),
        good(4, { number: N3, type: '04' }),
        good(5, { number: N4, period: '202612', type: '02' }),
        good(6, {
          number: '2.6442E+19',
          type: '05',
          problem: '发票号码被 Excel 存成了数字（2.6442E+19），后几位已丢失：请把该列设为文本后重新填写',
        }),
        good(7, { number: '1234', problem: '发票号码「1234」应为 20 位数字' }),
        good(8, { number: '26442000000000000008', issueDate: null, problem: '开票日期「2026-02-30」不是有效日期：请填写如 2026-11-03 的日期' }),
        good(9, {
          number: '26442000000000000009',
          issueDate: null,
          book: null,
          problem: '开票日期「abc」不是有效日期：请填写如 2026-11-03 的日期；是否入账「入账」应为“是”或“否”',
        }),
        good(10, { number: '26442000000000000010', period: null, problem: '是否入账为“是”时必须填写入账所属期（YYYYMM，如 202611）' }),
        good(11, {
          number: '26442000000000000011',
          period: null,
          problem: '入账所属期「2026-13」应为 YYYYMM，如 202611；入账类型「06」应为 02、03、04 或 05（可从下拉列表选择）',
        }),
        good(13, { book: false, period: null, problem: '与第 2 行重复（同一张发票填了两次）' }),
        good(14, { number: '', book: null, problem: '发票号码不能为空；是否入账不能为空：请填写“是”或“否”' }),
      ])
    })
  })

  it.each([
    ['xls', 'biff8'],
    ['xlsx', 'xlsx'],
  ] as const)('reads a 税控 .%s written by SheetJS: told by its 发票代码 column, under a title row, columns reordered', async (ext, bookType) => {
    await withTempDir(async (dir) => {
      const file = join(dir, `税控入账.${ext}`)
      const sheet = XLSX.utils.aoa_to_sheet(
        [
          ['税控发票入账（2026 年 11 月）'],
          ['发票号码', '发票代码', '开票日期', '能否入账', '入账所属期', '备注'],
          ['00012345', '044001900111', day(2026, 11, 3), '是', '202611', '办公用品'],
          ['12345678', '4400193130', '2026-11-04', '否', '', ''],
          ['1234567', '44001931301', '2026-11-04', '是', '202611', ''],
          ['12345678', '', '2026-11-04', '是', '202611', ''],
          ['00012345', '044001900111', '2026-11-05', '是', '202611', ''],
        ],
        { cellDates: true },
      )
      const wb = XLSX.utils.book_new()
      XLSX.utils.book_append_sheet(wb, sheet, '入账')
      writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType }) as Buffer)
      const { source, rows } = await readBookingFile(file)
      expect(source).toBe('税控')
      expect(rows.map((r) => [r.sheetRow, r.code, r.number, r.issueDate, r.book, r.period, r.problem])).toEqual([
        [3, '044001900111', '00012345', '2026-11-03', true, '202611', null],
        [4, '4400193130', '12345678', '2026-11-04', false, null, null],
        [5, '44001931301', '1234567', '2026-11-04', true, '202611', '发票代码「44001931301」应为 10 位或 12 位数字；发票号码「1234567」应为 8 位数字'],
        [6, '', '12345678', '2026-11-04', true, '202611', '发票代码不能为空（税控发票必填）'],
        [7, '044001900111', '00012345', '2026-11-05', true, '202611', '与第 3 行重复（同一张发票填了两次）'],
      ])
    })
  })

  it('reads a .csv as Excel saves it (GBK-free UTF-8 with BOM): a 发票号码 Excel turned into 2.64E+19 is named', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '入账.csv')
      const csv = ['发票号码,开票日期,是否入账,入账所属期,入账类型', `${N1},2026/11/3,是,2026/11,2`, '2.64420E+19,2026/11/3,是,202611,', `${N2},2026-11-03,否,,`].join('\r\n')
      writeFileSync(file, `\ufeff${csv}\r\n`)
      const { source, rows } = await readBookingFile(file)
      expect(source).toBe('数电')
      expect(rows).toEqual([
        good(2, { type: '02' }),
        good(3, { number: '2.64420E+19', problem: '发票号码被 Excel 存成了数字（2.64420E+19），后几位已丢失：请把该列设为文本后重新填写' }),
        good(4, { number: N2, book: false, period: null }),
      ])
    })
  })

  it('takes the name for the format when the path has none (an uploaded file)', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'upload-1')
      writeFileSync(file, `发票号码,开票日期,是否入账,入账所属期\n${N1},2026-11-03,是,202611\n`)
      const { rows } = await readBookingFile(file, { name: '入账.csv' })
      expect(rows).toEqual([good(2, {})])
    })
  })

  it('refuses another template (customers), naming the columns it lacks', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '客户.xlsx')
      await writeTemplate(customersSpec, file)
      const e = await refusal(readBookingFile(file))
      expect(e.code).toBe('VALIDATION')
      expect(e.message).toBe('文件不是发票入账模板：前 10 行中没有表头「发票号码」「开票日期」「是否入账」「入账所属期」。请下载发票入账模板（数电或税控），按模板填写后再上传')
    })
  })

  it('refuses a header that lacks some columns, naming them', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '入账.csv')
      writeFileSync(file, `发票号码,开票日期\n${N1},2026-11-03\n`)
      const e = await refusal(readBookingFile(file))
      expect(e.code).toBe('VALIDATION')
      expect(e.message).toBe('文件的表头缺少「是否入账」「入账所属期」列：请补上这些列后再上传，或请下载发票入账模板（数电或税控），按模板填写后再上传')
    })
  })

  it('takes 2,000 rows and refuses 2,001, saying how many there are', async () => {
    await withTempDir(async (dir) => {
      const write = (file: string, n: number) => {
        const rows = Array.from({ length: n }, (_, i) => [`264420000000000${String(i).padStart(5, '0')}`, '2026-11-03', '是', '202611'])
        const wb = XLSX.utils.book_new()
        XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['发票号码', '开票日期', '是否入账', '入账所属期'], ...rows]), '发票入账')
        writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
      }
      const full = join(dir, 'full.xlsx')
      write(full, 2000)
      const read = await readBookingFile(full)
      expect(read.rows).toHaveLength(2000)
      expect(read.rows.every((r) => r.problem === null)).toBe(true)

      const over = join(dir, 'over.xlsx')
      write(over, 2001)
      const e = await refusal(readBookingFile(over))
      expect(e.code).toBe('VALIDATION')
      expect(e.message).toBe('文件有 2,001 行数据，超过每次上传的上限 2,000 行：请拆分成多个文件，每个不超过 2,000 行，分批上传')
    })
  })
})
