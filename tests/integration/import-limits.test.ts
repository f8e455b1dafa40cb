// Files built to hurt the importer — a cell at ZZZZZZ2, one 900 MB cell in a 0.9 MB .xlsx, a 900 MB
// shared string, millions of shared strings, a million rows — are refused early with a message
// that names the problem, and the process that reads them survives with its memory near its
// baseline (each bomb is imported in a process of its own, its peak RSS measured there).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileToken, rejection, tempDir, testCore } from '../support/core'
import { writeRawXlsx, xmlRow, type XmlPieces } from '../support/sheets'

const HEADER = ['名称', '客户类型', '统一社会信用代码/纳税人识别号', '证件类型', '证件号码', '地址', '电话', '开户银行', '银行账号', '邮箱', '手机号']
const MB = 1 << 20

/** a piece repeated: the bomb's bytes are produced as they are deflated */
function* repeat(piece: string | Uint8Array, times: number): Iterable<string | Uint8Array> {
  for (let i = 0; i < times; i++) yield piece
}

function* rows(count: number, row: string): Iterable<string> {
  for (let i = 0; i < count; i += 1000) yield row.repeat(Math.min(1000, count - i))
}

const sheetOf = (...pieces: XmlPieces[]): XmlPieces => [`<sheetData>${xmlRow(1, HEADER)}`, ...pieces.flatMap((p) => [...p]), '</sheetData>']

/** the import of `file` in a process of its own: its answer and its peak RSS */
function importAlone(file: string): { result?: unknown; error?: { code: string; message: string }; peakMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/support/importChild.ts', tempDir(), file], { encoding: 'utf8', timeout: 240_000 })
  return JSON.parse(out.trim().split('\n').pop()!) as never
}

/**
 * An import's ceiling, whatever the file (today's bombs took 0.9 to 2 GB): a process with a core
 * and nothing imported holds about 150 MB, these bombs leave it between 180 and 350 MB.
 */
const CEILING_MB = 500

describe('hostile spreadsheets', { timeout: 300_000 }, () => {
  it('refuses a cell at ZZZZZZ2 and the core goes on working', async () => {
    const core = await testCore()
    const file = await writeRawXlsx(path.join(tempDir(), 'zz.xlsx'), { sheetName: '客户', sheet: sheetOf(['<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>']) })
    const e = await rejection(core.call('customers.import', { file: fileToken(core, file) }))
    expect(e).toMatchObject({ code: 'FILE_INVALID', message: expect.stringContaining('工作表「客户」中的位置「ZZZZZZ2」超出了 Excel 表格的范围') })
    expect(await core.call('customers.create', { name: '华为技术有限公司', taxId: '914403001922038216' })).toMatchObject({ id: 1 })
  })

  it.each([
    [
      'inline',
      (cell: XmlPieces) => ({ sheet: sheetOf(['<row r="2"><c r="A2" t="inlineStr"><is><t>'], cell, ['</t></is></c></row>']) }),
      '工作表「Sheet1」的单元格 A2 中的文字超过 32,767 个字符',
    ],
    [
      'shared',
      (cell: XmlPieces) => ({ sheet: sheetOf(['<row r="2"><c r="A2" t="s"><v>0</v></c></row>']), sharedStrings: ['<si><t>', ...cell, '</t></si>'] }),
      '共享字符串表（sharedStrings.xml）第 1 项的文字超过 32,767 个字符',
    ],
  ])('refuses a 0.9 MB file holding one 900 MB %s string early, in little memory', async (_kind, parts, message) => {
    const file = await writeRawXlsx(path.join(tempDir(), 'cell.xlsx'), parts(repeat(Buffer.alloc(MB, 'a'), 900)))
    expect(fs.statSync(file).size).toBeLessThan(MB)
    const r = importAlone(file)
    expect(r.error).toMatchObject({ code: 'LIMIT', message: expect.stringContaining(message) })
    expect(r.peakMb).toBeLessThan(CEILING_MB)
  })

  it('refuses millions of shared strings at the table’s limit, in little memory', async () => {
    const file = await writeRawXlsx(path.join(tempDir(), 'sst.xlsx'), {
      sheet: sheetOf(['<row r="2"><c r="A2" t="s"><v>0</v></c></row>']),
      sharedStrings: repeat('<si><t>a</t></si>'.repeat(1000), 20_000),
    })
    const r = importAlone(file)
    expect(r.error).toMatchObject({ code: 'LIMIT', message: expect.stringContaining('共享字符串表超过 2,000,000 项') })
    expect(r.peakMb).toBeLessThan(CEILING_MB)
  })

  it('refuses a million rows of one long shared string by its text, naming the row', async () => {
    const file = await writeRawXlsx(path.join(tempDir(), 'rows.xlsx'), {
      sheet: sheetOf(rows(1_000_000, `<row>${'<c t="s"><v>0</v></c>'.repeat(11)}</row>`)),
      sharedStrings: ['<si><t>', 'x'.repeat(32_000), '</t></si>'],
    })
    const r = importAlone(file)
    expect(r.error).toMatchObject({ code: 'LIMIT', message: expect.stringMatching(/^文件中的文字总量超过 100,000,000 个字符（读到工作表「Sheet1」第 \d+ 行时）/) })
    expect(r.peakMb).toBeLessThan(CEILING_MB)
  })

  it('refuses a million short rows at the row limit, naming the row', async () => {
    const file = await writeRawXlsx(path.join(tempDir(), 'rows.xlsx'), {
      sheet: sheetOf(rows(1_000_000, `<row>${'<c t="s"><v>0</v></c>'.repeat(11)}</row>`)),
      sharedStrings: ['<si><t>某某</t></si>'],
    })
    const r = importAlone(file)
    expect(r.error).toEqual({ code: 'LIMIT', message: '文件超过 200,000 行数据（工作表「Sheet1」读到第 200,002 行时），无法一次导入：请拆分成多个文件后分批导入' })
    expect(r.peakMb).toBeLessThan(CEILING_MB)
  })
})
