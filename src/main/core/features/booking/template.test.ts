import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { withTempDir } from '../../files/excel/testSupport'
import { bookingTemplateName, writeBookingTemplate } from './template'

const TYPES = '"02 入账（企业所得税税前扣除）,03 入账（企业所得税不扣除）,04 入账（个人所得税经营所得税前扣除）,05 入账（个人所得税经营所得不扣除）"'

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb
}

describe('writeBookingTemplate', () => {
  it('names the file by its template', () => {
    expect(bookingTemplateName('数电')).toBe('发票入账模板（数电）.xlsx')
    expect(bookingTemplateName('税控')).toBe('发票入账模板（税控）.xlsx')
  })

  it('数电: the header frozen, 发票号码 and 入账所属期 as text, 开票日期 a date, dropdowns for 是否入账 and 入账类型, a 填写说明 sheet', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 't.xlsx')
      await writeBookingTemplate(file, '数电')
      const wb = await open(file)
      expect(wb.worksheets.map((w) => w.name)).toEqual(['发票入账', '填写说明'])
      const ws = wb.getWorksheet('发票入账')!
      expect(ws.getRow(1).values).toEqual([undefined, '发票号码', '开票日期', '是否入账', '入账所属期', '入账类型'])
      expect(ws.getRow(1).getCell(1).font).toMatchObject({ bold: true })
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect([1, 2, 3, 4, 5].map((c) => ws.getColumn(c).numFmt)).toEqual(['@', 'yyyy-mm-dd', undefined, '@', undefined])
      // 20 digits fit without ####, the long type words too
      expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(24)
      expect(ws.getColumn(5).width).toBeGreaterThanOrEqual(34)
      const validations = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model
      // ExcelJS reads the one range back cell by cell: rows 2 to 5001 of each dropdown column
      for (const cell of ['C2', 'C5001']) expect(validations[cell]).toMatchObject({ type: 'list', formulae: ['"是,否"'] })
      for (const cell of ['E2', 'E5001']) expect(validations[cell]).toMatchObject({ type: 'list', formulae: [TYPES] })
      expect(Object.keys(validations)).toHaveLength(2 * 5000)
      const help = wb.getWorksheet('填写说明')!
      const texts = help.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.filter((v) => typeof v === 'string') : []))
      expect(texts).toContain('发票入账模板（数电）')
      expect(texts).toContain('数电发票：发票号码为 20 位数字。')
      expect(texts).toContain('YYYYMM，如 202611；是否入账为“是”时必填')
    })
  })

  it('税控: 发票代码 first, text like 发票号码; the dropdowns move with the columns', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 't.xlsx')
      await writeBookingTemplate(file, '税控')
      const ws = (await open(file)).getWorksheet('发票入账')!
      expect(ws.getRow(1).values).toEqual([undefined, '发票代码', '发票号码', '开票日期', '是否入账', '入账所属期', '入账类型'])
      expect([1, 2, 3, 5].map((c) => ws.getColumn(c).numFmt)).toEqual(['@', '@', 'yyyy-mm-dd', '@'])
      const validations = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model
      expect(new Set(Object.keys(validations).map((cell) => cell[0]))).toEqual(new Set(['D', 'F']))
      expect(validations['D2']!.formulae).toEqual(['"是,否"'])
      expect(validations['F5001']!.formulae).toEqual([TYPES])
    })
  })
})
