// templateSpec.ts is the official template V260401 written as code: every column's place, header
// (row 3), length and 必填 (row 2) and dropdown (the data validation of row 4, inline or from a hidden
// sheet) is held here to what the platform's own file says.
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { SPECIAL_KINDS } from '../../../../shared/domain/specialBusiness'
import { COUNTRY_NAMES, ID_TYPE_NAMES, VEHICLE_TYPES } from './codeLists'
import { haveOfficialTemplate, OFFICIAL_TEMPLATE, SKIP_REASON } from './testSupport'
import { DATA_SHEETS, groupColumns, specialColumnOf, specialGroupOf, SPECIAL_GROUPS, SPECIAL_SHEET, TEMPLATE_VERSION, VERSION_SHEET } from './templateSpec'

/** row 2 says 必填 but row 1 makes it conditional: 等级 only for 火车、飞机、船舶 (sheet 3 note 5) */
const CONDITIONAL_BY_ROW_1 = new Set(['3-特定业务信息!AS'])

const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v))

describe.skipIf(!haveOfficialTemplate)(haveOfficialTemplate ? 'templateSpec against the official template V260401' : `templateSpec — ${SKIP_REASON}`, () => {
  let wb: ExcelJS.Workbook
  beforeAll(async () => {
    wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(OFFICIAL_TEMPLATE)
  })

  const hiddenList = (name: string) => {
    const out: string[] = []
    wb.getWorksheet(name)!.eachRow((r) => out.push(text(r.getCell(1).value)))
    return out
  }

  it('names its version in the hidden sheet excelVersion', () => {
    const ws = wb.getWorksheet(VERSION_SHEET)!
    expect(ws.state).toBe('hidden')
    expect(text(ws.getCell('A4').value)).toBe(TEMPLATE_VERSION)
  })

  it('has the hidden code lists the spec carries: 证件类型 44, 国家/地区 245, 交通工具类型 8', () => {
    expect(hiddenList('sfzjlx')).toEqual([...ID_TYPE_NAMES])
    expect(hiddenList('gjhdq')).toEqual([...COUNTRY_NAMES])
    expect(hiddenList('jtgjlx')).toEqual([...VEHICLE_TYPES])
    expect([ID_TYPE_NAMES.length, COUNTRY_NAMES.length, VEHICLE_TYPES.length]).toEqual([44, 245, 8])
  })

  for (const spec of DATA_SHEETS) {
    it(`${spec.name}: every column where the spec puts it — header, length, 必填, dropdown`, () => {
      const ws = wb.getWorksheet(spec.name)!
      expect(ws.columnCount).toBe(spec.columns.length)
      for (const [i, c] of spec.columns.entries()) {
        const at = `${spec.name}!${c.letter}`
        expect(ws.getColumn(i + 1).letter, at).toBe(c.letter)
        // a merged header (sheet 1 L3:O3) reads as its master's text in every cell it covers
        const header = text(ws.getCell(`${c.letter}3`).value)
        expect(header, at).toBe(c.header === '' ? text(ws.getCell(`${spec.columns[i - 1]!.letter}3`).value) : c.header)
        const hint = text(ws.getCell(`${c.letter}2`).value)
        expect(Number(/限(\d+)字符/.exec(hint)?.[1]), at).toBe(c.max)
        expect(/^\s*必填/.test(hint) && !CONDITIONAL_BY_ROW_1.has(at), at).toBe(c.required === true)
        if (/合计/.test(hint)) expect(c.sharedMax?.total, at).toBe(c.max)
        expect(c.required === true && c.when !== undefined, `${at} is either required or conditional`).toBe(false)

        const formula = ws.getCell(`${c.letter}4`).dataValidation?.formulae?.[0] as string | undefined
        const inline = formula?.startsWith('"') ? formula.slice(1, -1).split(',') : null
        const ref = formula && !inline ? formula : null
        if (inline) expect(c.options, at).toEqual(inline)
        else if (ref?.startsWith('sfzjlx!')) expect(c.options, at).toBe(ID_TYPE_NAMES)
        else if (ref?.startsWith('gjhdq!')) expect(c.options, at).toBe(COUNTRY_NAMES)
        else if (ref?.startsWith('jtgjlx!')) expect(c.options, at).toBe(VEHICLE_TYPES)
        else if (ref?.startsWith('xzqhdmJzfw!')) expect(c.regions?.list, at).toBe('行政区划（建筑服务）')
        else if (ref?.startsWith('xzqhdm!')) expect(c.regions?.list, at).toBe('行政区划')
        else if (ref) expect(c.key, `${at}: the 省/市/区县/街道 cascade (xzqhjdxz, INDIRECT)`).toMatch(/^buyer(Province|City|County|Street)$/)
        else expect(c.options ?? c.regions, at).toBeUndefined()
      }
    })
  }

  it('3-特定业务信息: each 特定业务 group spans the columns of its merged title in row 1', () => {
    const ws = wb.getWorksheet(SPECIAL_SHEET.name)!
    for (const g of SPECIAL_GROUPS) {
      const title = text(ws.getCell(`${g.from}1`).value)
      expect(
        title
          .replace('保险机构', '')
          .replace('不动产租赁', '不动产经营租赁服务')
          .replace(/[:：\n].*$/s, ''),
        g.kind,
      ).toBe(g.kind)
      const cols = groupColumns(g)
      expect([cols[0]!.letter, cols.at(-1)!.letter]).toEqual([g.from, g.to])
      // the merge ends at the group's last column: the next column starts another title
      expect(text(ws.getCell(`${g.to}1`).value)).toBe(title)
    }
  })
})

describe('3-特定业务信息 ↔ the domain’s 特定业务 fields', () => {
  it.each(SPECIAL_KINDS.map((k) => [k.kind, k] as const))('%s: every field has exactly one column of its group, and every column of the group one field', (kind, spec) => {
    const columns = groupColumns(specialGroupOf(kind)!)
    for (const f of spec.fields) {
      const matching = columns.filter((c) => c.field === f.key)
      expect(
        matching.map((c) => c.header),
        `${kind}.${f.key}`,
      ).toEqual([f.label])
      expect(specialColumnOf(kind, f.key), `${kind}.${f.key}`).toBe(matching[0])
      // the column declares what the domain judges: the same length, and a dropdown only where the domain has a list
      expect([f.key, matching[0]!.max, matching[0]!.options]).toEqual([f.key, f.max, f.list])
    }
    expect(columns.map((c) => c.field)).toEqual(spec.fields.map((f) => f.key))
  })

  it('the groups the app does not issue (代收车船税, 拖拉机和联合收割机) fill no domain field', () => {
    const issued = new Set<string>(SPECIAL_KINDS.map((k) => k.kind))
    const others = SPECIAL_GROUPS.filter((g) => !issued.has(g.kind))
    expect(others.map((g) => g.kind)).toEqual(['代收车船税', '拖拉机和联合收割机'])
    expect(others.flatMap(groupColumns).filter((c) => c.field !== undefined)).toEqual([])
    expect(SPECIAL_SHEET.columns[0]!.field).toBeUndefined()
  })
})
