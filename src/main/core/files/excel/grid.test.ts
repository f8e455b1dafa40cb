// Files no spreadsheet program writes, made by hand as real zips: addresses past XFD1048576, cells
// past 32,767 characters, shared-string tables past their limits, parts larger than they declare.
// Both readers refuse them with a message naming the sheet and the place, and grow no memory by
// what the file merely claims (the bombs themselves: tests/integration/import-limits.test.ts).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeRawXlsx, xmlRow } from '../../../../../tests/support/sheets'
import { AppError } from '../../errors'
import { columnIndex, columnLetters, MAX_CELL_CHARS, parseCellAddress } from './grid'
import { readTable, type ReadLimits, type TableRow } from './read'
import { readTableStream } from './readStream'
import { customersSpec, withTempDir } from './testSupport'
import { scanZip } from './zip'

const HEADER = xmlRow(1, ['名称', '客户类型'])

async function rawXlsx(parts: Parameters<typeof writeRawXlsx>[1]): Promise<Buffer> {
  return withTempDir(async (dir) => fs.readFileSync(await writeRawXlsx(path.join(dir, 'x.xlsx'), parts)))
}

const sheet = (...rows: string[]) => ({ sheet: [`<sheetData>${HEADER}${rows.join('')}</sheetData>`], sheetName: '客户' })

async function streamed(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Promise<TableRow[]> {
  const rows: TableRow[] = []
  await readTableStream(bytes, '客户.xlsx', customersSpec, limits, { pause: async () => {}, row: (r) => rows.push(r) })
  return rows
}

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p)
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected a refusal')
}

describe('Excel grid addresses', () => {
  it('reads and writes column letters within A…XFD only', () => {
    expect(columnIndex('A')).toBe(0)
    expect(columnIndex('XFD')).toBe(16_383)
    expect(columnIndex('XFE')).toBe(-1)
    expect(columnIndex('ZZZZZZ')).toBe(-1)
    expect(columnLetters(16_383)).toBe('XFD')
    expect(columnLetters(26)).toBe('AA')
    expect(parseCellAddress('B12')).toEqual({ col: 1, row: 12 })
    expect(parseCellAddress('XFD1048576')).toEqual({ col: 16_383, row: 1_048_576 })
    expect(parseCellAddress('A1048577')).toBeNull()
    expect(parseCellAddress('A0')).toBeNull()
    expect(parseCellAddress('1A')).toBeNull()
  })
})

describe('an .xlsx whose cells lie outside Excel’s grid', () => {
  it.each([
    ['a cell at ZZZZZZ2', '<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>', 'ZZZZZZ2'],
    ['a cell at XFE2', '<row r="2"><c r="XFE2" t="inlineStr"><is><t>x</t></is></c></row>', 'XFE2'],
    ['a row numbered 99,999,999', '<row r="99999999"><c t="inlineStr"><is><t>x</t></is></c></row>', '第 99999999 行'],
    ['an address that is none', '<row r="2"><c r="2B" t="inlineStr"><is><t>x</t></is></c></row>', '2B'],
    ['16,385 cells in a row without addresses', `<row r="2">${'<c t="inlineStr"><is><t>x</t></is></c>'.repeat(16_385)}</row>`, 'XFE2'],
  ])('is refused by the streaming reader: %s', async (_what, row, where) => {
    const e = await refusal(streamed(await rawXlsx(sheet(row))))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain(`工作表「客户」中的位置「${where}」超出了 Excel 表格的范围`)
  })

  it('is refused by SheetJS too (the tax-code table reads .xlsx with it)', async () => {
    const bytes = await rawXlsx(sheet('<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>'))
    const e = await refusal(() => readTable(bytes, '客户.xlsx', customersSpec))
    expect(e.message).toContain('工作表「客户」中的位置「ZZZZZZ2」')
  })

  it('refuses a merged range past the grid in SheetJS, and streams past it (merges allocate nothing there)', async () => {
    const bytes = await rawXlsx({
      ...sheet(xmlRow(2, ['甲', '企业'])),
      sheet: [`<sheetData>${HEADER}${xmlRow(2, ['甲', '企业'])}</sheetData><mergeCells count="1"><mergeCell ref="A3:ZZZZZZ99999999"/></mergeCells>`],
    })
    expect((await refusal(() => readTable(bytes, '客户.xlsx', customersSpec))).message).toContain('ZZZZZZ99999999')
    expect((await streamed(bytes)).map((r) => r.values.name)).toEqual(['甲'])
  })

  it('refuses a <dimension> past the grid in SheetJS, and streams past it (it allocates nothing there)', async () => {
    const bytes = await rawXlsx({ sheet: [`<dimension ref="A1:ZZZZZZ99999999"/><sheetData>${HEADER}${xmlRow(2, ['甲', '企业'])}</sheetData>`], sheetName: '客户' })
    expect((await refusal(() => readTable(bytes, '客户.xlsx', customersSpec))).message).toContain('工作表「客户」中的位置「ZZZZZZ99999999」')
    expect((await streamed(bytes)).map((r) => r.values.name)).toEqual(['甲'])
  })

  it('reads a cell at XFD1048576, the grid’s last', async () => {
    const rows = await streamed(await rawXlsx(sheet(xmlRow(2, ['甲', '企业']), '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')))
    expect(rows.map((r) => r.row)).toEqual([2])
  })
})

describe('spreadsheets SheetJS reads whole place cells where they say', () => {
  it.each([
    [
      'an XML spreadsheet with ss:Index',
      '客户.xls',
      `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="客户"><Table>
       <Row><Cell><Data ss:Type="String">名称</Data></Cell><Cell><Data ss:Type="String">客户类型</Data></Cell></Row>
       <Row><Cell ss:Index="99999999"><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet></Workbook>`,
      '工作表「客户」中的位置',
    ],
    [
      'an HTML table with a huge colspan',
      '客户.xls',
      '<html><body><table><tr><td>名称</td><td>客户类型</td></tr><tr><td colspan="9999999">x</td></tr></table></body></html>',
      '超出了 Excel 表格的范围',
    ],
  ])('refuses %s', async (_what, name, text, message) => {
    const e = await refusal(() => readTable(new TextEncoder().encode(text), name, customersSpec))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain(message)
  })

  it('refuses a CSV cell over 32,767 characters, naming it', async () => {
    const csv = new TextEncoder().encode(`名称,客户类型\n甲,企业\n${'乙'.repeat(MAX_CELL_CHARS + 1)},企业\n`)
    const e = await refusal(() => readTable(csv, '客户.csv', customersSpec))
    expect(e.code).toBe('LIMIT')
    expect(e.message).toContain('工作表「Sheet1」的单元格 A3 中的文字超过 32,767 个字符')
  })
})

describe('an .xlsx with more text than Excel holds', () => {
  it('reads a cell of exactly 32,767 characters and refuses one more, naming the cell', async () => {
    const full = 'a'.repeat(MAX_CELL_CHARS)
    expect((await streamed(await rawXlsx(sheet(xmlRow(2, [full, '企业'])))))[0]!.values.name).toHaveLength(MAX_CELL_CHARS)
    const e = await refusal(streamed(await rawXlsx(sheet(xmlRow(2, ['甲', '企业']), xmlRow(3, ['乙', `${full}b`])))))
    expect(e.code).toBe('LIMIT')
    expect(e.message).toMatch(/^工作表「客户」的单元格 B3 中的文字超过 32,767 个字符（Excel 单元格的上限）/)
  })

  it('refuses a cell written in rich-text runs that add up past the limit', async () => {
    const runs = Array.from({ length: 40 }, () => `<r><t>${'a'.repeat(1000)}</t></r>`).join('')
    const e = await refusal(streamed(await rawXlsx(sheet(`<row r="2"><c r="A2" t="inlineStr"><is>${runs}</is></c></row>`))))
    expect(e.message).toContain('单元格 A2 中的文字超过')
  })

  it('refuses a shared string over the limit, a table with too many, or too much text in all', async () => {
    const cellRow = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>'
    const sst = (...items: string[]) => items.map((t) => `<si><t>${t}</t></si>`)
    const long = await rawXlsx({ sheet: [`<sheetData>${HEADER}${cellRow}</sheetData>`], sharedStrings: sst('甲', 'a'.repeat(MAX_CELL_CHARS + 1)) })
    expect((await refusal(streamed(long))).message).toContain('共享字符串表（sharedStrings.xml）第 2 项的文字超过 32,767 个字符')

    const many = await rawXlsx({ sheet: [`<sheetData>${HEADER}${cellRow}</sheetData>`], sharedStrings: sst('甲', '企业', '丙', '丁') })
    expect(await streamed(many, { maxSharedStrings: 4 })).toHaveLength(1)
    const tooMany = await refusal(streamed(many, { maxSharedStrings: 3 }))
    expect(tooMany.code).toBe('LIMIT')
    expect(tooMany.message).toContain('共享字符串表超过 3 项')
    expect((await refusal(streamed(many, { maxSharedChars: 4 }))).message).toContain('共享字符串表文字总量超过 4 个字符')
  })

  it('refuses a run of markup too long to hold (an attribute of 2 MB)', async () => {
    const e = await refusal(streamed(await rawXlsx(sheet(`<row r="2"><c r="A2" t="inlineStr" x="${'a'.repeat(2 << 20)}"><is><t>x</t></is></c></row>`))))
    expect(e.message).toContain('工作表「客户」第 2 行附近的内容超过')
  })

  it('stops at a total of text, naming the row where it passed it', async () => {
    // 5 characters a row: the fifth data row (row 6) passes 20
    const rows = Array.from({ length: 10 }, (_, i) => xmlRow(i + 2, [`客户${i}`, '企业']))
    const e = await refusal(streamed(await rawXlsx(sheet(...rows)), { maxTextChars: 20 }))
    expect(e.code).toBe('LIMIT')
    expect(e.message).toContain('文件中的文字总量超过 20 个字符（读到工作表「客户」第 6 行时）')
  })

  it('names the sheet and row where the row limit was passed', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => xmlRow(i + 2, [`客户${i}`, '企业']))
    const e = await refusal(streamed(await rawXlsx(sheet(...rows)), { maxRows: 5 }))
    expect(e.message).toBe('文件超过 5 行数据（工作表「客户」读到第 7 行时），无法一次导入：请拆分成多个文件后分批导入')
  })

  it('refuses a part that inflates beyond the size its directory declares', async () => {
    const bytes = await rawXlsx(sheet(...Array.from({ length: 50 }, (_, i) => xmlRow(i + 2, [`客户${i}`, '企业']))))
    const entry = scanZip(bytes).entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!
    // the central directory's uncompressed size of the sheet, as a crafted file would shrink it
    const name = Buffer.from(entry.name)
    const at = bytes.lastIndexOf(name) - 46
    bytes.writeUInt32LE(100, at + 24)
    expect(scanZip(bytes).entries.find((e) => e.name === entry.name)!.uncompressedBytes).toBe(100)
    expect((await refusal(streamed(bytes))).message).toContain('文件不完整或已损坏')
  })
})
