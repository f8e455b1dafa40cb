// The streaming .xlsx reader reads exactly what readTable reads, with the same errors.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../errors'
import { readTable, type TableRow } from './read'
import { readTableStream } from './readStream'
import { customersSpec } from './testSupport'

/** the streamed rows collected, in readTable's shape */
async function streamed(bytes: Uint8Array, fileName: string, limits = {}, pause = async () => {}) {
  const rows: TableRow[] = []
  const header = await readTableStream(bytes, fileName, customersSpec, limits, { pause, row: (r) => rows.push(r) })
  return { ...header, rows }
}

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function both(bytes: Buffer, limits = {}) {
  const stream = await streamed(bytes, '客户.xlsx', limits)
  expect(stream).toEqual(readTable(bytes, '客户.xlsx', customersSpec, limits))
  return stream
}

describe('readTableStream', () => {
  it('reads titles, a header in row 3, blank rows, numbers, long IDs, rich text, formulas and links like readTable', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('客户')
      ws.addRow(['客户清单'])
      ws.addRow([])
      ws.addRow(['*名称', '客户类型', '税号', '税率', '邮箱', '银行账号', '其他'])
      ws.addRow(['华为技术有限公司', '企业', '914403001922038216', 0.13, 'a@b.cn', 6222000011112222, '忽略'])
      ws.addRow([])
      ws.addRow(['数字税号', '企业', 913100001322008210, 13, { text: 'mail@x.cn', hyperlink: 'mailto:mail@x.cn' }, '', ''])
      ws.addRow([{ richText: [{ text: '富' }, { text: '文本' }] }, '自然人', '', { formula: '6/100', result: 0.06 }, '', "'-5", ''])
      ws.addRow(['  全角空格　', '企业', '91330100716105852F', '', '', '', ''])
    })
    const r = await both(bytes)
    expect(r.headerRow).toBe(3)
    expect(r.rows.map((x) => x.row)).toEqual([4, 6, 7, 8])
    expect(r.rows[1]!.problems.map((p) => p.key)).toEqual(['taxId'])
    expect(r.rows[2]!.values).toMatchObject({ name: '富文本', rate: '0.06', account: '-5' })
  })

  it('skips the instructions sheet and hidden sheets', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('填写说明').addRow(['名称', '客户类型'])
      const hidden = wb.addWorksheet('隐藏', { state: 'hidden' })
      hidden.addRow(['名称', '客户类型'])
      hidden.addRow(['隐藏的行', '企业'])
      const ws = wb.addWorksheet('数据')
      ws.addRow(['名称', '客户类型'])
      ws.addRow(['可见的行', '企业'])
    })
    const r = await both(bytes)
    expect(r.sheetName).toBe('数据')
    expect(r.rows.map((x) => x.values.name)).toEqual(['可见的行'])
  })

  it('refuses what readTable refuses', async () => {
    const noHeader = await workbook((wb) => wb.addWorksheet('x').addRow(['a', 'b']))
    await expect(streamed(noHeader, 'x.xlsx')).rejects.toMatchObject({ code: 'FILE_INVALID', message: expect.stringContaining('未找到表头') })
    const many = await workbook((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(['名称', '客户类型'])
      for (let i = 0; i < 6; i++) ws.addRow([`客户${i}`, '企业'])
    })
    await expect(streamed(many, 'x.xlsx', { maxRows: 5 })).rejects.toMatchObject({ code: 'LIMIT' })
    expect(() => readTable(many, 'x.xlsx', customersSpec, { maxRows: 5 })).toThrow(AppError)
    await expect(streamed(many.subarray(0, many.length / 2), 'x.xlsx')).rejects.toMatchObject({ code: 'FILE_INVALID' })
    await expect(streamed(many, 'x.xls')).rejects.toMatchObject({ code: 'FILE_INVALID', message: expect.stringContaining('扩展名') })
  })

  it('keeps every character whole across chunk boundaries, in shared and inline strings', async () => {
    const names = Array.from({ length: 5_000 }, (_, i) => `${'深圳市某某科技'.repeat(3)}有限公司${i}`)
    for (const useSharedStrings of [true, false]) {
      const file = path.join(os.tmpdir(), `fapiao-stream-${process.pid}-${useSharedStrings}.xlsx`)
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings })
      const ws = wb.addWorksheet('客户')
      ws.addRow(['名称', '客户类型']).commit()
      for (const n of names) ws.addRow([n, '企业']).commit()
      await wb.commit()
      const bytes = fs.readFileSync(file)
      fs.rmSync(file)
      const r = await both(bytes)
      expect(r.rows.map((x) => x.values.name)).toEqual(names)
    }
  })

  it('hands the event loop back while reading, and stops when the pause throws', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('x')
      ws.addRow(['名称', '客户类型'])
      for (let i = 0; i < 10_000; i++) ws.addRow([`客户${i}`, '企业'])
    })
    let pauses = 0
    const r = await streamed(bytes, 'x.xlsx', {}, async () => void pauses++)
    expect(r.rows).toHaveLength(10_000)
    expect(pauses).toBeGreaterThan(1)
    const stop = new AppError('CANCELLED', '已取消')
    await expect(streamed(bytes, 'x.xlsx', {}, () => Promise.reject(stop))).rejects.toBe(stop)
  })
})
