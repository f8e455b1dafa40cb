// 模板下载: our own V260401 template, written with ExcelJS from templateSpec (columns, headers,
// dropdowns), templateLayout (the platform's 填表说明, notes, merges, sizes) and the code lists the app
// ships — never a copy of the platform's file. The same sheets in the same order and visibility,
// rows 1–3, the dropdowns on the same columns pointing at the same hidden code sheets (行政区划's
// 省 → 市 → 区县 → 街道 cascade through one defined name per parent and INDIRECT, as the platform's
// file does), every data column formatted as text so Excel keeps long codes whole, and the hidden
// excelVersion sheet that readBatchFile checks.
import type ExcelJS from 'exceljs'
import { loadExcelJS } from '../../files/excel/exceljs'
import { columnLetters } from '../../files/excel/grid'
import { isCity, type RegionCounty, type Regions } from '../../../../shared/domain/specialBusiness/regionsFile'
import { shippedRegions } from '../../codeLists/regions'
import { COUNTRY_NAMES, ID_TYPE_NAMES, VEHICLE_TYPES } from './codeLists'
import { EXTRA_LAYOUT, INVOICE_LAYOUT, LINE_LAYOUT, SPECIAL_LAYOUT, type SheetLayout } from './templateLayout'
import {
  EXTRA_SHEET,
  FIRST_DATA_ROW,
  HEADER_ROW,
  INVOICE_SHEET,
  LINE_SHEET,
  SPECIAL_SHEET,
  columnGroup,
  TEMPLATE_VERSION,
  VERSION_SHEET,
  type BatchColumn,
  type BatchSheet,
} from './templateSpec'

/** the rows the dropdowns cover, as the platform's file has them */
const LAST_DATA_ROW = 1001
/** where excelVersion names the version (the platform's file: A4) */
const VERSION_CELL = 'A4'

/** the hidden code sheets, by the names the dropdowns point at */
const CODE_SHEETS = {
  idTypes: 'sfzjlx',
  countries: 'gjhdq',
  cascade: 'xzqhjdxz',
  regions: 'xzqhdm',
  constructionRegions: 'xzqhdmJzfw',
  vehicles: 'jtgjlx',
} as const

type SheetName = string
/** every sheet in the platform's order; a string is a hidden code sheet */
const SHEET_ORDER: (BatchSheet | SheetName)[] = [
  INVOICE_SHEET,
  CODE_SHEETS.idTypes,
  VERSION_SHEET,
  CODE_SHEETS.countries,
  CODE_SHEETS.cascade,
  LINE_SHEET,
  SPECIAL_SHEET,
  CODE_SHEETS.regions,
  CODE_SHEETS.constructionRegions,
  CODE_SHEETS.vehicles,
  EXTRA_SHEET,
]

const LAYOUTS = new Map<BatchSheet, SheetLayout>([
  [INVOICE_SHEET, INVOICE_LAYOUT],
  [LINE_SHEET, LINE_LAYOUT],
  [SPECIAL_SHEET, SPECIAL_LAYOUT],
  [EXTRA_SHEET, EXTRA_LAYOUT],
])

// colours like the platform's (its file uses Excel's indexed palette): 填表说明, 必填/长度, 表头; sheet 3 by 特定业务
const TURQUOISE = 'FFCCFFFF'
const YELLOW = 'FFFFFF00'
const SILVER = 'FFC0C0C0'
const CREAM = 'FFFFFFCC'
const BLUE = 'FFDDEBF7'
const FILL = { note: TURQUOISE, hint: YELLOW, header: SILVER }
const EXTRA_FILL = { note: TURQUOISE, hint: YELLOW, header: YELLOW }
const GROUP_FILL: Record<string, string> = {
  建筑服务: CREAM,
  货物运输服务: BLUE,
  不动产销售: TURQUOISE,
  不动产经营租赁服务: BLUE,
  代收车船税: CREAM,
  旅客运输服务: SILVER,
  拖拉机和联合收割机: CREAM,
}
const RED_TEXT = 'FFFF0000'
const SERIAL_NOTE_FILL = 'FFFFFFFF'

/** exceljs has this at run time, its typings leave it out: a validation over a whole range (one sqref) */
type WithRangeValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } })
const thin: Partial<ExcelJS.Border> = { style: 'thin' }
const BORDER: Partial<ExcelJS.Borders> = { left: thin, right: thin, top: thin, bottom: thin }

/** The template as bytes (.xlsx), with the 行政区划 lists of `regions` (the shipped ones by default). */
export async function writeBatchTemplate(regions: Regions = shippedRegions()): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook()
  const cascadeEnd = columnLetters(regions.file.provinces.length - 1)
  for (const entry of SHEET_ORDER) {
    if (typeof entry !== 'string') {
      writeDataSheet(wb, entry, LAYOUTS.get(entry)!, regions.counties.length, cascadeEnd)
      continue
    }
    const ws = wb.addWorksheet(entry, { state: 'hidden' })
    if (entry === VERSION_SHEET) ws.getCell(VERSION_CELL).value = TEMPLATE_VERSION
    else if (entry === CODE_SHEETS.cascade) writeCascade(wb, ws, regions)
    else writeList(ws, listOf(entry, regions))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function listOf(sheet: SheetName, regions: Regions): readonly string[] {
  if (sheet === CODE_SHEETS.idTypes) return ID_TYPE_NAMES
  if (sheet === CODE_SHEETS.countries) return COUNTRY_NAMES
  if (sheet === CODE_SHEETS.vehicles) return VEHICLE_TYPES
  return regions.counties
}

function writeList(ws: ExcelJS.Worksheet, names: readonly string[]): void {
  names.forEach((name, i) => (ws.getCell(i + 1, 1).value = name))
}

// ---- the visible sheets ----

function writeDataSheet(wb: ExcelJS.Workbook, spec: BatchSheet, layout: SheetLayout, regionCount: number, cascadeEnd: string): void {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW, topLeftCell: `B${FIRST_DATA_ROW}` }] })
  // every data cell is text (填表说明 6: 所有内容输入均为文本格式输入): Excel then keeps 19-digit codes whole
  ws.columns = layout.widths.map((width, i) => (i < spec.columns.length ? { width, style: { numFmt: '@' } } : { width }))
  const fills = spec === EXTRA_SHEET ? EXTRA_FILL : FILL
  const style = (cell: ExcelJS.Cell, fill: string, opts: { bold?: boolean; red?: boolean; left?: boolean } = {}) => {
    cell.font = { name: '宋体', size: 11, bold: opts.bold, color: opts.red ? { argb: RED_TEXT } : undefined }
    cell.fill = solid(fill)
    cell.border = BORDER
    cell.alignment = { horizontal: opts.left ? 'left' : 'center', vertical: 'middle', wrapText: true }
  }
  const groupFill = (letter: string) => {
    const column = spec.columns.find((c) => c.letter === letter)
    const group = column && columnGroup(column)
    return group ? GROUP_FILL[group.kind] : undefined
  }
  const fillOf = (row: 1 | 2 | 3, letter: string): string => {
    const base = row === 1 ? fills.note : row === 2 ? fills.hint : fills.header
    if (spec !== SPECIAL_SHEET) return base
    return groupFill(letter) ?? (row === 1 ? SERIAL_NOTE_FILL : base)
  }
  const put = (address: string, text: string) => {
    const cell = ws.getCell(address)
    if (text !== '') cell.value = text
    return cell
  }
  for (const [letter, text] of Object.entries(layout.notes)) style(put(`${letter}1`, text), fillOf(1, letter), { left: true, red: spec !== SPECIAL_SHEET })
  for (const [letter, text] of Object.entries(layout.hints)) style(put(`${letter}2`, text), fillOf(2, letter), { bold: /^\s*(有条件)?必填/.test(text) })
  for (const c of spec.columns) style(put(`${c.letter}${HEADER_ROW}`, c.header), fillOf(3, c.letter))
  for (const range of layout.merges) ws.mergeCells(range)
  layout.heights.forEach((height, i) => {
    if (height !== null) ws.getRow(i + 1).height = height
  })
  for (const c of spec.columns) {
    const dv = validationOf(c, regionCount, cascadeEnd)
    if (dv) (ws as WithRangeValidations).dataValidations.add(`${c.letter}${FIRST_DATA_ROW}:${c.letter}${LAST_DATA_ROW}`, dv)
  }
}

/** a column's dropdown as the platform's file has it: inline, a hidden code sheet, or the 行政区划 cascade */
function validationOf(c: BatchColumn, regionCount: number, cascadeEnd: string): ExcelJS.DataValidation | null {
  const list = (formula: string, showErrorMessage = true): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    showErrorMessage,
    errorStyle: 'stop',
    formulae: [formula],
  })
  const sheetList = (sheet: SheetName, count: number) => list(`${sheet}!$A$1:$A$${count}`)
  // 省 → 市 → 区县 → 街道: each level names the row of its parent (the name a 市 row carries is 省&市)
  const cascade: Record<string, string> = {
    buyerProvince: `${CODE_SHEETS.cascade}!$A$1:$${cascadeEnd}$1`,
    buyerCity: indirect('$L4'),
    buyerCounty: indirect('$L4&$M4'),
    buyerStreet: indirect('$M4&$N4'),
  }
  if (cascade[c.key]) return list(cascade[c.key]!)
  if (c.regions) {
    const sheet = c.regions.list === '行政区划（建筑服务）' ? CODE_SHEETS.constructionRegions : CODE_SHEETS.regions
    // 'prefix': a name of the list, then an address typed after it, so Excel must not refuse what is typed
    return list(`${sheet}!$A$1:$A$${regionCount}`, c.regions.match === 'exact')
  }
  if (c.options === ID_TYPE_NAMES) return sheetList(CODE_SHEETS.idTypes, ID_TYPE_NAMES.length)
  if (c.options === COUNTRY_NAMES) return sheetList(CODE_SHEETS.countries, COUNTRY_NAMES.length)
  if (c.options === VEHICLE_TYPES) return sheetList(CODE_SHEETS.vehicles, VEHICLE_TYPES.length)
  if (c.options) return list(`"${c.options.join(',')}"`)
  return null
}

/** a defined name from cells the user chose; full-width brackets are not allowed in a name */
const indirect = (cells: string) => `INDIRECT(SUBSTITUTE(SUBSTITUTE(TRIM(${cells}),"（","_"),"）","_"))`
const definedName = (text: string) => text.replace(/[（）]/g, '_')

// ---- 行政区划's cascade (hidden sheet xzqhjdxz) ----

/**
 * Row 1: the provinces. Then, for each parent, a row with its own name in A and its children from B,
 * named by the text the dropdowns join: a province (北京市); a city under its province (河北省石家庄市);
 * a county under its city (石家庄市桥西区), or under its province when it sits right under it
 * (北京市怀柔区, 河南省济源市). A name met twice keeps its first row.
 */
function writeCascade(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, regions: Regions): void {
  const { provinces } = regions.file
  ws.addRow(provinces.map(([name]) => name))
  const names: { name: string; ranges: string[] }[] = []
  const taken = new Set<string>()
  const addRow = (own: string, children: string[], name: string) => {
    const row = ws.addRow([own, ...children])
    const key = definedName(name)
    if (children.length === 0 || taken.has(key)) return
    taken.add(key)
    const end = children.length === 1 ? '' : `:$${columnLetters(children.length)}$${row.number}`
    names.push({ name: key, ranges: [`${ws.name}!$B$${row.number}${end}`] })
  }
  const addCounty = ([county, streets]: RegionCounty, parent: string) => addRow(county, streets === '' ? [] : streets.split(' '), parent + county)
  for (const [province, areas] of provinces) {
    if (areas.length === 0) continue
    addRow(
      province,
      areas.map(([name]) => name),
      province,
    )
    for (const area of areas) {
      if (!isCity(area)) {
        addCounty(area, province)
        continue
      }
      const [city, counties] = area
      addRow(
        city,
        counties.map(([name]) => name),
        province + city,
      )
      for (const county of counties) addCounty(county, city)
    }
  }
  wb.definedNames.model = names
}
