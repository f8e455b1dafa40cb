import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs'
import { AppError } from '../../errors'
import { readTable, type ReadLimits, type ReadResult } from './read'
import { readTableStream } from './readStream'
import { customersSpec as spec, withTempDir } from './testSupport'

// --- fixtures: the same table in every format ---------------------------------------------------

type Cell = string | number | Date | null

const TITLE = '客户信息表（2024 年）'
// Shuffled, with synonyms, marks, stray spaces and one column we do not know (备注).
const HEADER = ['邮箱', ' 客户名称 ', '*客户类型（必填）', '备注', '税号', '征收率', '银行账号', '建档日期']
const USCC_AS_NUMBER = 913100007109344930

/** As typed into Excel: numbers and dates are numbers and dates. */
const workbookRows: Cell[][] = [
  [TITLE],
  [],
  HEADER,
  ['a@example.com', '\u3000上海甲贸易有限公司\u3000', '企业', '老客户', '91310000MA1FL4B24G', 0.13, '6222021001000012345', new Date(Date.UTC(2024, 0, 15))],
  [],
  [null, null, null, '只有备注的行'],
  [null, '张三', '自然人', null, USCC_AS_NUMBER, 0.03, 123456789012345, null],
  ['b@example.com', '乙公司', '企业', null, '0012', 3.3000000000000003, null, null],
]

/** As saved to CSV by Excel: the USCC typed as a number became "9.13E+17". */
const textRows: string[][] = [
  [TITLE],
  [],
  HEADER,
  ['a@example.com', '\u3000上海甲贸易有限公司\u3000', '企业', '老客户', '91310000MA1FL4B24G', '0.13', '6222021001000012345', '2024-01-15'],
  [],
  ['', '', '', '只有备注的行'],
  ['', '张三', '自然人', '', '9.13E+17', '0.03', '123456789012345', ''],
  ['b@example.com', '乙公司', '企业', '', '0012', '3.3', '', ''],
]

function expectCustomers(result: ReadResult, mangledId: string): void {
  expect(result.headerRow).toBe(3)
  expect(result.mapped).toEqual({
    email: '邮箱',
    name: '客户名称',
    kind: '*客户类型（必填）',
    taxId: '税号',
    rate: '征收率',
    account: '银行账号',
    since: '建档日期',
  })
  expect(result.ignoredHeaders).toEqual(['备注'])
  expect(result.rows.map((r) => r.row)).toEqual([4, 7, 8])
  expect(result.rows[0]).toEqual({
    row: 4,
    values: {
      email: 'a@example.com',
      name: '上海甲贸易有限公司',
      kind: '企业',
      taxId: '91310000MA1FL4B24G',
      rate: '0.13',
      account: '6222021001000012345',
      since: '2024-01-15',
    },
    problems: [],
  })
  expect(result.rows[1]?.values).toEqual({
    email: '',
    name: '张三',
    kind: '自然人',
    taxId: mangledId,
    rate: '0.03',
    account: '123456789012345',
    since: '',
  })
  expect(result.rows[1]?.problems).toEqual([
    {
      key: 'taxId',
      message: `单元格被 Excel 存成了数字（${mangledId}），长数字已丢失精度，无法确认原号码。请把该列设置为“文本”格式后重新填写`,
    },
  ])
  expect(result.rows[2]?.values).toMatchObject({ taxId: '0012', rate: '3.3', account: '' })
  expect(result.rows[2]?.problems).toEqual([])
}

async function excelJsBytes(rows: Cell[][], opts: { sheetName?: string; mergeTitle?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(opts.sheetName ?? 'Sheet1')
  for (const r of rows) ws.addRow(r)
  if (opts.mergeTitle) ws.mergeCells('A1:H1')
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

function sheetJsBook(sheets: Record<string, Cell[][]>, hidden: string[] = []): XLSX.WorkBook {
  const wb = XLSX.utils.book_new()
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows, { cellDates: true, UTC: true }), name)
  }
  wb.Workbook = { Sheets: Object.keys(sheets).map((name) => ({ name, Hidden: hidden.includes(name) ? 1 : 0 })) }
  return wb
}

function sheetJsBytes(wb: XLSX.WorkBook, bookType: XLSX.BookType): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer)
}

function csvText(rows: string[][], sep = ','): string {
  const quote = (s: string) => (/[",\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  return rows.map((r) => r.map(quote).join(sep)).join('\r\n') + '\r\n'
}

const gbk = (text: string): Uint8Array => (cpexcel as unknown as { utils: { encode(cp: number, s: string): Uint8Array } }).utils.encode(936, text)

/** Writes the bytes to a real file and reads them back, as the app does with a picked file. */
/**
 * readTable's answer for a file on disk — and for text and .xls files the streaming reader the
 * imports use (readStream.ts) gives the same rows, or refuses with the same code. (An .xlsx streams
 * without styles, so a date stays a number there: readStream.test.ts compares those.)
 */
async function readAsFile(bytes: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Promise<ReadResult> {
  return withTempDir(async (dir) => {
    const path = join(dir, fileName)
    writeFileSync(path, bytes)
    const data = readFileSync(path)
    const answer = <T>(f: () => T) => {
      try {
        return f()
      } catch (e) {
        return e as Error
      }
    }
    const expected = answer(() => readTable(data, fileName, spec, limits))
    if (/\.xlsx$/i.test(fileName)) {
      if (expected instanceof Error) throw expected
      return expected
    }
    const rows: ReadResult['rows'] = []
    const streamed = await readTableStream(data, fileName, spec, limits ?? {}, { pause: async () => {}, row: (r) => rows.push(r) }).then(
      (header) => ({ ...header, rows }),
      (e: Error) => e,
    )
    if (expected instanceof Error) {
      expect(streamed).toBeInstanceOf(AppError)
      expect((streamed as AppError).code).toBe((expected as AppError).code)
      throw expected
    }
    expect(streamed).toEqual(expected)
    return expected
  })
}

function appErrorOf(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => {
      throw new Error('expected an AppError')
    },
    (err: unknown) => err,
  )
  if (!(e instanceof AppError)) throw e
  return e
}

const MANGLED_NUMBER = '9.13100007109345E+17'

// --- formats ------------------------------------------------------------------------------------

describe('readTable: formats', () => {
  it('reads an .xlsx written by ExcelJS: header in row 3 under a title, shuffled columns, synonyms', async () => {
    const result = await readAsFile(await excelJsBytes(workbookRows, { sheetName: '客户', mergeTitle: true }), '客户.xlsx')
    expect(result.sheetName).toBe('客户')
    expectCustomers(result, MANGLED_NUMBER)
  })

  it('reads an .xlsx written by SheetJS', async () => {
    expectCustomers(await readAsFile(sheetJsBytes(sheetJsBook({ S: workbookRows }), 'xlsx'), 'a.xlsx'), MANGLED_NUMBER)
  })

  it('reads an .xls (BIFF8) written by SheetJS', async () => {
    expectCustomers(await readAsFile(sheetJsBytes(sheetJsBook({ S: workbookRows }), 'biff8'), 'a.xls'), MANGLED_NUMBER)
  })

  it('reads the XML-spreadsheet "xls" some systems export', async () => {
    expectCustomers(await readAsFile(sheetJsBytes(sheetJsBook({ S: workbookRows }), 'xlml'), 'a.xls'), MANGLED_NUMBER)
  })

  it('reads the HTML "xls" some systems export, in GBK', async () => {
    const cells = textRows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table>\n${cells}\n</table></body></html>`
    expectCustomers(await readAsFile(gbk(html), '导出.xls'), '9.13E+17')
  })

  it.each([
    ['UTF-8', (t: string) => new TextEncoder().encode(t)],
    ['UTF-8 with BOM', (t: string) => new TextEncoder().encode(`\ufeff${t}`)],
    ['GBK', gbk],
  ])('reads a CSV in %s, keeping 0012 and dates as typed, flagging 9.13E+17', async (_name, encode) => {
    expectCustomers(await readAsFile(encode(csvText(textRows)), '客户.csv'), '9.13E+17')
  })

  it('reads Excel "Unicode text" (UTF-16LE with BOM, tab-separated)', async () => {
    const bytes = new Uint8Array(Buffer.from(`\ufeff${csvText(textRows, '\t')}`, 'utf16le'))
    expectCustomers(await readAsFile(bytes, 'unicode.txt'), '9.13E+17')
  })

  it('tells GBK from UTF-8 by content, whatever the extension says', async () => {
    const result = await readAsFile(gbk('名称,客户类型\n上海某某有限公司,企业\n'), 'gbk.csv')
    expect(result.rows[0]?.values).toEqual({ name: '上海某某有限公司', kind: '企业' })
  })
})

// --- sheets, headers, values --------------------------------------------------------------------

describe('readTable: finding the table', () => {
  const table: Cell[][] = [
    ['名称', '客户类型'],
    ['甲', '企业'],
  ]

  it('skips hidden sheets and sheets without a header row', async () => {
    const wb = sheetJsBook(
      {
        封面: [['2024 年客户'], ['制表人：张三']],
        隐藏: [
          ['名称', '客户类型'],
          ['不该读到', '企业'],
        ],
        数据: table,
      },
      ['隐藏'],
    )
    const result = await readAsFile(sheetJsBytes(wb, 'xlsx'), 'a.xlsx')
    expect(result.sheetName).toBe('数据')
    expect(result.rows).toEqual([{ row: 2, values: { name: '甲', kind: '企业' }, problems: [] }])
  })

  it('never takes the template instructions sheet for data', async () => {
    const wb = sheetJsBook({
      客户信息: [['我删掉了表头']],
      填写说明: [
        ['列名', '是否必填'],
        ['名称', '必填'],
        ['客户类型', '必填'],
      ],
    })
    const e = await rejection(readAsFile(sheetJsBytes(wb, 'xlsx'), 'a.xlsx'))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain('未找到表头')
  })

  it('refuses a file without a header row, saying what it looked for', async () => {
    const e = await rejection(readAsFile(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv'))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toBe('未找到表头：前 10 行中没有找到「名称」等列名，请使用导入模板')
  })

  it('names every missing required column', async () => {
    const e = await rejection(readAsFile(new TextEncoder().encode('名称,税号\n甲,1\n'), 'x.csv'))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain('缺少必填列「客户类型」')
  })

  it('names both headers when two columns mean the same thing', async () => {
    const e = await rejection(readAsFile(new TextEncoder().encode('名称,客户类型,税号,纳税人识别号\n'), 'x.csv'))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain('C 列「税号」和 D 列「纳税人识别号」都对应「统一社会信用代码/纳税人识别号」')
  })

  it('removes the apostrophe our exports put before formula-like text, and nothing else', async () => {
    const csv = csvText([
      ['名称', '客户类型', '邮箱'],
      ["'=1+1", '企业', "'@sum"],
      ["'-5", '企业', "'abc"],
      ["''+86", '企业', "'"],
    ])
    const result = await readAsFile(new TextEncoder().encode(csv), 'x.csv')
    expect(result.rows.map((r) => [r.values.name, r.values.email])).toEqual([
      ['=1+1', '@sum'],
      ['-5', "'abc"],
      ["'+86", "'"],
    ])
  })

  it('reports error cells and booleans as the bookkeeper sees them', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('S')
    ws.addRow(['名称', '客户类型', '税号', '邮箱'])
    ws.addRow(['甲', '企业', { error: '#N/A' }, true])
    const result = await readAsFile(new Uint8Array(await wb.xlsx.writeBuffer()), 'a.xlsx')
    expect(result.rows[0]?.values).toMatchObject({ taxId: '#N/A', email: '是' })
    expect(result.rows[0]?.problems).toEqual([{ key: 'taxId', message: '单元格是错误值（#N/A），请改为正确内容后重新导入' }])
  })

  it('only flags long numbers in text columns', async () => {
    const wb = sheetJsBook({
      S: [
        ['名称', '客户类型', '税率', '银行账号'],
        ['甲', '企业', USCC_AS_NUMBER, 6222021001000012],
      ],
    })
    const [row] = (await readAsFile(sheetJsBytes(wb, 'xlsx'), 'a.xlsx')).rows
    expect(row?.values).toMatchObject({ rate: '913100007109345000', account: '6.22202100100001E+15' })
    expect(row?.problems.map((p) => p.key)).toEqual(['account'])
  })

  it('reports its phases', async () => {
    const phases: string[] = []
    readTable(new TextEncoder().encode('名称,客户类型\n甲,企业\n'), 'x.csv', spec, {}, (p) => phases.push(p))
    expect(phases).toEqual(['parse', 'rows'])
  })
})

// --- bad files and limits -------------------------------------------------------------------------

describe('readTable: bad files', () => {
  async function validXlsx(): Promise<Uint8Array> {
    return excelJsBytes(workbookRows)
  }

  function cfbBytes(streams: Record<string, Uint8Array>): Uint8Array {
    const cfb = XLSX.CFB.utils.cfb_new()
    for (const [name, content] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, content)
    return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer)
  }

  it.each(['x.xlsx', 'x.xls'])('says an encrypted workbook (%s) is encrypted', async (name) => {
    // What Excel writes for "用密码进行加密": an OLE container with EncryptionInfo + EncryptedPackage.
    const bytes = cfbBytes({ EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: randomBytes(4096) })
    const e = await rejection(readAsFile(bytes, name))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain('文件已加密')
  })

  it("maps SheetJS's own password error", async () => {
    const bytes = cfbBytes({ Workbook: randomBytes(512), encryption: randomBytes(64) })
    const e = await rejection(readAsFile(bytes, 'x.xls'))
    expect(e.message).toContain('文件已加密')
  })

  it('says an OLE file that is not a workbook is not a workbook', async () => {
    const e = await rejection(readAsFile(cfbBytes({ WordDocument: randomBytes(1024) }), 'x.xls'))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain('不是 Excel 工作簿')
  })

  it('refuses random bytes named .xlsx, .xls and .csv', async () => {
    const bytes = randomBytes(4096)
    bytes[0] = 0x12
    for (const name of ['x.xlsx', 'x.xls', 'x.csv']) {
      const e = await rejection(readAsFile(bytes, name))
      expect(e.code).toBe('FILE_INVALID')
      expect(e.message).toMatch(/不是有效的|不是文本格式/)
    }
  })

  it('refuses a truncated .xlsx', async () => {
    const full = await validXlsx()
    const e = await rejection(readAsFile(full.subarray(0, full.length >> 1), 'x.xlsx'))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain('文件不完整或已损坏')
  })

  it('refuses a 0-byte file', async () => {
    const e = await rejection(readAsFile(new Uint8Array(0), 'x.xlsx'))
    expect(e.code).toBe('FILE_INVALID')
    expect(e.message).toContain('文件是空的')
  })

  it('refuses content that contradicts the extension, saying how to fix it', async () => {
    const xlsx = await validXlsx()
    expect((await rejection(readAsFile(xlsx, 'x.xls'))).message).toContain('请把扩展名改为 .xlsx')
    expect((await rejection(readAsFile(xlsx, 'x.csv'))).message).toContain('不是 CSV 文本')
    const xls = sheetJsBytes(sheetJsBook({ S: workbookRows }), 'biff8')
    expect((await rejection(readAsFile(xls, 'x.xlsx'))).message).toContain('扩展名却是 .xlsx')
    expect((await rejection(readAsFile(xlsx, 'x.pdf'))).message).toContain('不支持的文件类型「.pdf」')
  })

  it('refuses a zip that is not a workbook', async () => {
    // A .docx-like zip: SheetJS's zip writer with no xl/ parts.
    const zip = XLSX.CFB.utils.cfb_new()
    XLSX.CFB.utils.cfb_add(zip, '/word/document.xml', new TextEncoder().encode('<w:document/>'))
    const bytes = new Uint8Array(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Buffer)
    expect((await rejection(readAsFile(bytes, 'x.xlsx'))).message).toContain('不是 Excel 工作簿')
  })

  it('refuses a file over maxBytes before parsing it', () => {
    const phases: string[] = []
    const e = appErrorOf(() => readTable(new Uint8Array(2048), 'x.xlsx', spec, { maxBytes: 1024 }, (p) => phases.push(p)))
    expect(e.code).toBe('LIMIT')
    expect(e.message).toContain('超过上限 1.0 KB')
    expect(phases).toEqual([])
  })

  it('refuses a zip whose contents would inflate beyond maxUncompressedBytes', async () => {
    const e = await rejection(readAsFile(await validXlsx(), 'x.xlsx', { maxUncompressedBytes: 1000 }))
    expect(e.code).toBe('LIMIT')
    expect(e.message).toContain('解压后')
  })
})

describe('readTable: row limit', () => {
  const limits = { maxRows: 5, headerSearchRows: 10 }
  const dataRow = (i: number) => [`客户${i}`, '企业']
  const csv = (rows: string[][]) => new TextEncoder().encode(csvText([['名称', '客户类型'], ...rows]))

  it('accepts exactly maxRows rows', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => dataRow(i))
    expect((await readAsFile(csv(rows), 'x.csv', limits)).rows).toHaveLength(5)
  })

  it.each([6, 40])('refuses %i rows when maxRows is 5', async (n) => {
    const rows = Array.from({ length: n }, (_, i) => dataRow(i))
    for (const [bytes, name] of [
      [csv(rows), 'x.csv'],
      [sheetJsBytes(sheetJsBook({ S: [['名称', '客户类型'], ...rows] }), 'xlsx'), 'x.xlsx'],
    ] as const) {
      const e = await rejection(readAsFile(bytes, name, limits))
      expect(e.code).toBe('LIMIT')
      expect(e.message).toBe('文件超过 5 行数据，无法一次导入：请拆分成多个文件后分批导入')
    }
  })

  it('refuses rows hidden beyond the parse cap behind blank rows', async () => {
    // cap = 10 + 5 + 1 = 16 rows: 3 rows, blanks, then data from row 16 on.
    const rows: string[][] = [...[1, 2, 3].map(dataRow), ...Array.from({ length: 11 }, () => ['', '']), ...[16, 17, 18, 19].map(dataRow)]
    for (const [bytes, name] of [
      [csv(rows), 'x.csv'],
      [await excelJsBytes([['名称', '客户类型'], ...rows]), 'x.xlsx'],
      [sheetJsBytes(sheetJsBook({ S: [['名称', '客户类型'], ...rows] }), 'xlsx'), 'y.xlsx'],
    ] as const) {
      expect((await rejection(readAsFile(bytes, name, limits))).code).toBe('LIMIT')
    }
  })

  it('accepts a sheet whose used range runs on with empty rows', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['名称', '客户类型'], ...[1, 2, 3].map(dataRow)])
    ws['!ref'] = 'A1:B500'
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, ws, 'S')
    expect((await readAsFile(sheetJsBytes(wb, 'xlsx'), 'x.xlsx', limits)).rows).toHaveLength(3)
  })
})
