// 模板下载: the template we write ourselves (templateWriter.ts), held to the platform's own file where
// a user would see a difference — sheets, their order and visibility, rows 1–3 cell by cell, column
// widths and text format, each column's dropdown, the hidden code lists (行政区划 may differ, its
// province row may not), excelVersion — and read back through readBatchFile once filled.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { withTempDir } from '../../files/excel/testSupport'
import { readBatchFile } from './readBatchFile'
import { DATA_SHEETS, VERSION_SHEET } from './templateSpec'
import { writeBatchTemplate } from './templateWriter'
import { fillTemplate, haveOfficialTemplate, OFFICIAL_TEMPLATE, SKIP_REASON } from './testSupport'

const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : String(v))
const REGION_SHEETS = ['xzqhdm', 'xzqhdmJzfw']

let bytes: Buffer
let ours: ExcelJS.Workbook
beforeAll(async () => {
  bytes = await writeBatchTemplate()
  ours = new ExcelJS.Workbook()
  await ours.xlsx.load(new Uint8Array(bytes).buffer)
})

/** what a defined name or a sheet range lists: the non-empty cells it covers */
function rangeValues(wb: ExcelJS.Workbook, ref: string): string[] {
  const m = /^(\w+)!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref)
  if (!m) throw new Error(`not a range: ${ref}`)
  const ws = wb.getWorksheet(m[1]!)!
  const [c1, r1] = [ws.getColumn(m[2]!).number, Number(m[3])]
  const [c2, r2] = m[4] ? [ws.getColumn(m[4]).number, Number(m[5])] : [c1, r1]
  const out: string[] = []
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(text(ws.getCell(r, c).value))
  return out.filter((v) => v !== '')
}

const named = (wb: ExcelJS.Workbook, name: string): string[] => {
  const d = wb.definedNames.model.find((n) => n.name === name)
  return d ? rangeValues(wb, d.ranges[0]!) : []
}

describe.skipIf(!haveOfficialTemplate)(haveOfficialTemplate ? 'writeBatchTemplate against the official template' : `writeBatchTemplate — ${SKIP_REASON}`, () => {
  let official: ExcelJS.Workbook
  beforeAll(async () => {
    official = new ExcelJS.Workbook()
    await official.xlsx.readFile(OFFICIAL_TEMPLATE)
  })
  const sheets = (wb: ExcelJS.Workbook) => wb.worksheets.map((ws) => [ws.name, ws.state])

  it('has the same sheets, in the same order, hidden where the platform hides them', () => {
    expect(sheets(ours)).toEqual(sheets(official))
  })

  it('names its version in excelVersion as the platform does', () => {
    const [a, b] = [ours, official].map((wb) => wb.getWorksheet(VERSION_SHEET)!)
    expect(text(a!.getCell('A4').value)).toBe('pt:20260401')
    expect(text(a!.getCell('A4').value)).toBe(text(b!.getCell('A4').value))
  })

  for (const spec of DATA_SHEETS) {
    it(`${spec.name}: rows 1–3 cell by cell, merges, widths, text format`, () => {
      const [a, b] = [ours, official].map((wb) => wb.getWorksheet(spec.name)!)
      const rows = (ws: ExcelJS.Worksheet) =>
        [1, 2, 3].map((r) => Array.from({ length: spec.columns.length }, (_, c) => `${ws.getCell(r, c + 1).address}=${text(ws.getCell(r, c + 1).value)}`))
      expect(rows(a!)).toEqual(rows(b!))
      expect([...a!.model.merges].sort()).toEqual([...b!.model.merges].sort())
      const widths = (ws: ExcelJS.Worksheet) => spec.columns.map((c) => ws.getColumn(c.letter).width)
      expect(widths(a!)).toEqual(widths(b!))
      // every data column is text (the platform's file: all but 收款人 and 复核人): Excel keeps 税收分类编码 / 纳税人识别号 whole
      const textColumns = (ws: ExcelJS.Worksheet) => spec.columns.filter((c) => ws.getColumn(c.letter).numFmt === '@').map((c) => c.letter)
      expect(textColumns(a!)).toEqual(spec.columns.map((c) => c.letter))
      expect(textColumns(b!).every((letter) => textColumns(a!).includes(letter))).toBe(true)
    })

    it(`${spec.name}: each column's dropdown, from row 4 to row 1001`, () => {
      const [a, b] = [ours, official].map((wb) => wb.getWorksheet(spec.name)!)
      for (const c of spec.columns) {
        for (const row of [4, 500, 1001]) {
          const at = `${spec.name}!${c.letter}${row}`
          const [x, y] = [a!, b!].map((ws) => ws.getCell(`${c.letter}${row}`).dataValidation)
          expect([at, x?.type, x?.showErrorMessage ?? false, x?.allowBlank]).toEqual([at, y?.type, y?.showErrorMessage ?? false, y?.allowBlank])
          const [fx, fy] = [text(x?.formulae?.[0]), text(y?.formulae?.[0])]
          const sheet = /^(\w+)!/.exec(fy)?.[1]
          if (sheet && REGION_SHEETS.includes(sheet)) expect([at, /^(\w+)!/.exec(fx)?.[1]]).toEqual([at, sheet])
          else if (sheet) expect([at, rangeValues(ours, fx)]).toEqual([at, rangeValues(official, fy)])
          else expect([at, fx]).toEqual([at, fy])
        }
      }
    })
  }

  it('holds the same code lists; 行政区划 is ours, with the same province row', () => {
    const column = (wb: ExcelJS.Workbook, name: string) => {
      const out: string[] = []
      wb.getWorksheet(name)!.eachRow((r) => out.push(text(r.getCell(1).value)))
      return out
    }
    for (const name of ['sfzjlx', 'gjhdq', 'jtgjlx']) expect([name, column(ours, name)]).toEqual([name, column(official, name)])
    const provinces = (wb: ExcelJS.Workbook) => (wb.getWorksheet('xzqhjdxz')!.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text)
    expect(provinces(ours)).toEqual(provinces(official))
    expect(column(ours, 'xzqhdm')).toContain('河北省保定市阜平县')
    expect(column(ours, 'xzqhdmJzfw')).toEqual(column(ours, 'xzqhdm'))
  })
})

describe('writeBatchTemplate', () => {
  it('cascades 省 → 市 → 区县 → 街道 through one defined name per parent, as the dropdowns’ INDIRECT joins them', () => {
    // 1-发票基本信息 L–O: M lists INDIRECT(L), N INDIRECT(L&M), O INDIRECT(M&N)
    expect(named(ours, '河北省')).toContain('保定市')
    expect(named(ours, '河北省保定市')).toContain('阜平县')
    expect(named(ours, '保定市阜平县')).toContain('龙泉关镇')
    // a 直辖市's districts sit right under it, and so do their 街道
    expect(named(ours, '北京市')).toContain('怀柔区')
    expect(named(ours, '北京市怀柔区')).toContain('泉河街道')
    expect(named(ours, '河南省')).toContain('济源市')
    expect(named(ours, '河南省济源市').length).toBeGreaterThan(0)
  })

  it('reads back through readBatchFile once filled: a good invoice of each 特定业务, no errors, the expected drafts', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, '我们的模板.xlsx')
      const head = (A: string, C: string) => ({ A, B: '普通发票', C, D: '否', F: '上海物流有限公司', G: '91310000132206289R' })
      const line = (A: string, C: string) => ({ A, B: '服务', C, H: '1000', I: '0.09' })
      await fillTemplate(bytes, file, {
        '1-发票基本信息': [head('C-1', '建筑服务'), head('G-1', '货物运输服务'), head('S-1', '不动产销售'), head('L-1', '不动产经营租赁服务'), head('P-1', '旅客运输服务')],
        '2-发票明细信息': [
          line('C-1', '3050100000000000000'),
          line('G-1', '3010102020100000000'),
          line('S-1', '5010101000000000000'),
          line('L-1', '3040502020100000000'),
          line('P-1', '3010101010100000000'),
        ],
        '3-特定业务信息': [
          { A: 'C-1', B: '河北省保定市阜平县', C: '城南路1号', D: '阜平县城改造工程', F: '否' },
          { A: 'G-1', H: '上海市浦东新区外高桥', I: '江苏省苏州市吴中区', J: '公路运输', K: '沪A12345', L: '电子元件' },
          { A: 'S-1', M: '京(2026)朝阳区不动产权第0000009号', N: '北京市朝阳区', O: '建国路9号', S: '3000000', T: '否', U: '平方米' },
          { A: 'L-1', V: '京(2026)朝阳区不动产权第0000001号', W: '北京市朝阳区', X: '建国路1号', Y: '20260101', Z: '20261231', AA: '否', AB: '平方米' },
          { A: 'P-1', AL: '张三', AM: '居民身份证', AN: '11010519491231002X', AO: '20260301', AP: '北京市朝阳区', AQ: '上海市浦东新区', AR: '火车', AS: '二等座' },
        ],
      })
      const { errors, invoices } = await readBatchFile(file)
      expect(errors).toEqual([])
      expect(invoices.map((i) => [i.serial, i.draft.specialBusiness])).toEqual([
        [
          'C-1',
          {
            kind: '建筑服务',
            rows: [{ site: '河北省保定市阜平县', siteAddress: '城南路1号', projectName: '阜平县城改造工程', landVatProjectNo: '', crossCity: '否', crossRegionNo: '' }],
          },
        ],
        ['G-1', { kind: '货物运输服务', rows: [{ from: '上海市浦东新区外高桥', to: '江苏省苏州市吴中区', vehicleType: '公路运输', vehicleNo: '沪A12345', goods: '电子元件' }] }],
        [
          'S-1',
          {
            kind: '不动产销售',
            rows: [
              {
                certificateNo: '京(2026)朝阳区不动产权第0000009号',
                address: '北京市朝阳区',
                detailAddress: '建国路9号',
                unitCode: '',
                landVatProjectNo: '',
                assessedPrice: '',
                dealAmount: '3000000',
                crossCity: '否',
                areaUnit: '平方米',
              },
            ],
          },
        ],
        [
          'L-1',
          {
            kind: '不动产经营租赁服务',
            rows: [
              {
                certificateNo: '京(2026)朝阳区不动产权第0000001号',
                address: '北京市朝阳区',
                detailAddress: '建国路1号',
                leaseStart: '20260101',
                leaseEnd: '20261231',
                crossCity: '否',
                areaUnit: '平方米',
                plateNo: '',
              },
            ],
          },
        ],
        [
          'P-1',
          {
            kind: '旅客运输服务',
            rows: [
              {
                traveller: '张三',
                idType: '居民身份证',
                idNumber: '11010519491231002X',
                date: '20260301',
                from: '北京市朝阳区',
                to: '上海市浦东新区',
                vehicle: '火车',
                class: '二等座',
              },
            ],
          },
        ],
      ])
      expect(invoices.map((i) => [i.serial, i.lineRows, i.draft.lines[0]!.taxCode])).toEqual([
        ['C-1', [4], '3050100000000000000'],
        ['G-1', [5], '3010102020100000000'],
        ['S-1', [6], '5010101000000000000'],
        ['L-1', [7], '3040502020100000000'],
        ['P-1', [8], '3010101010100000000'],
      ])
    })
  })
})
