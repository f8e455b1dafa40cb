// The kinds' fields against the official batch template's sheet 3-特定业务信息 (rows 2–3 and its
// dropdowns), read from ../shared/data as users get it: the declarations are the template's, not ours.
import ExcelJS from 'exceljs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { SPECIAL_KINDS, type SpecialKind } from './kinds'

const TEMPLATE = path.resolve('../shared/data/(V260401版)批量开票-导入开票模板.xlsx')

/** The column where each kind's block starts on sheet 3 (row 1 merges B1:G1, H1:L1, M1:U1, V1:AC1, AL1:AS1). */
const FIRST_COLUMN: Record<SpecialKind, string> = { 建筑服务: 'B', 货物运输服务: 'H', 不动产销售: 'M', 不动产经营租赁服务: 'V', 旅客运输服务: 'AL' }

/** Row 2 says 必填 where row 1 makes it a required-if (a rule of the kind): 等级, 实际成交含税金额. */
const REQUIRED_IF: Record<string, string[]> = { 不动产销售: ['dealAmount'], 旅客运输服务: ['class'] }

let sheet: ExcelJS.Worksheet
let book: ExcelJS.Workbook
const text = (v: ExcelJS.CellValue): string => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : String(v ?? ''))
const listSheet = (name: string): string[] => {
  const values: string[] = []
  book.getWorksheet(name)!.eachRow((r) => values.push(text(r.getCell(1).value)))
  return values
}

beforeAll(async () => {
  book = new ExcelJS.Workbook()
  await book.xlsx.readFile(TEMPLATE)
  sheet = book.getWorksheet('3-特定业务信息')!
})

describe.each(SPECIAL_KINDS.map((k) => [k.kind, k] as const))('%s matches the template', (kind, spec) => {
  const first = () => sheet.getColumn(FIRST_COLUMN[kind]).number

  it('headers (row 3), lengths and 必填 (row 2), in column order', () => {
    const declared = spec.fields.map((f) => [f.label, f.max, f.required || (REQUIRED_IF[kind] ?? []).includes(f.key)])
    const template = spec.fields.map((_, i) => {
      const row2 = text(sheet.getCell(2, first() + i).value)
      return [text(sheet.getCell(3, first() + i).value).trim(), Number(/限(\d+)字符/.exec(row2)?.[1]), row2.trim().startsWith('必填')]
    })
    expect(declared).toEqual(template)
  })

  it('dropdowns: the same lists, and 行政区划 where the template offers its list', () => {
    spec.fields.forEach((f, i) => {
      const dv = sheet.getCell(4, first() + i).dataValidation
      const formula = dv?.type === 'list' ? String(dv.formulae?.[0] ?? '') : ''
      const region = /^xzqhdm/.test(formula)
      expect([f.label, Boolean(f.region)]).toEqual([f.label, region])
      if (region || formula === '') {
        expect([f.label, f.list]).toEqual([f.label, undefined])
        return
      }
      const sheetList = /^(\w+)!/.exec(formula)?.[1]
      const values = sheetList ? listSheet(sheetList) : formula.replace(/^"|"$/g, '').split(',')
      expect([f.label, [...(f.list ?? [])]]).toEqual([f.label, values])
    })
  })
})
