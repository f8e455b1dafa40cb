import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { openStreamedWorkbook, xmlText } from './streamedWorkbook'
import { withTempDir } from './testSupport'
import { openXlsxStream } from './xlsxStream'
import { scanZip } from './zip'

const TRICKY = ['A&B <公司> "引号"', ' 前后空格 ', '换行\r\n第二行', '控制\u0001字符', '𠮷野家', '=SUM(A1)']

async function sample(file: string): Promise<void> {
  const wb = openStreamedWorkbook(file, new Date(2026, 11, 3, 15, 4, 6))
  const list = wb.sheet('发票列表', [20, 12])
  list.row(['名称', '金额'], ['header', 'header'])
  TRICKY.forEach((t, i) => list.row([t, i + 0.5], ['plain', 'money']))
  list.row(['', null], ['plain', 'money'])
  list.row(['合计', 18], ['bold', 'boldMoney'])
  await list.drain()
  await list.end()
  const lines = wb.sheet('发票明细', [10])
  for (let i = 0; i < 5000; i++) lines.row([`第${i}行`, i], [])
  await wb.close()
}

describe('openStreamedWorkbook', () => {
  it('writes a zip whose every entry passes its CRC (unzip -t, an independent reader)', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'x.xlsx')
      await sample(file)
      const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' })
      expect(out).toContain('No errors detected')
      expect(out).toContain('xl/worksheets/sheet2.xml')
    })
  })

  it('reads back in ExcelJS and SheetJS: values, XML-special and control characters, styles, frozen header', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'x.xlsx')
      await sample(file)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(file)
      expect(wb.worksheets.map((w) => w.name)).toEqual(['发票列表', '发票明细'])
      const list = wb.getWorksheet('发票列表')!
      // control characters are dropped (XML 1.0 cannot carry them); CR survives as &#13;
      const expected = TRICKY.map((t) => t.replace('\u0001', ''))
      expect(expected.map((_, i) => list.getRow(i + 2).getCell(1).value)).toEqual(expected)
      expect(list.getRow(2).getCell(2)).toMatchObject({ value: 0.5, numFmt: '#,##0.00' })
      expect(list.getRow(1).getCell(1)).toMatchObject({ font: { bold: true }, fill: { fgColor: { argb: 'FFDDEBF7' } } })
      const total = list.getRow(TRICKY.length + 3)
      expect(total.getCell(1)).toMatchObject({ value: '合计', font: { bold: true } })
      expect(total.getCell(2)).toMatchObject({ value: 18, numFmt: '#,##0.00', font: { bold: true } })
      // the empty text and the null wrote no cell
      expect(list.getRow(TRICKY.length + 2).cellCount).toBe(0)
      expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(list.getColumn(1).width).toBe(20)

      const sheet = XLSX.read(readFileSync(file)).Sheets['发票明细']!
      expect(XLSX.utils.sheet_to_json(sheet, { header: 1 })).toHaveLength(5000)
      expect(sheet['A5000']).toMatchObject({ v: '第4999行' })
      expect(sheet['B5000']).toMatchObject({ v: 4999 })
    })
  })

  it('is read row by row by the app’s own streaming reader, as an export re-imports', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'x.xlsx')
      await sample(file)
      const bytes = readFileSync(file)
      const pause = async () => {}
      const sheets = await openXlsxStream(bytes, scanZip(bytes), { maxSharedStrings: 10, maxSharedChars: 100 }, pause)
      expect(sheets.map((s) => s.name)).toEqual(['发票列表', '发票明细'])
      const rows: unknown[][] = []
      await sheets[0]!.rows(pause, (_, cells) => rows.push(cells.map((c) => c?.v)) > 0)
      expect(rows[1]).toEqual([TRICKY[0], 0.5])
      let lines = 0
      await sheets[1]!.rows(pause, () => ++lines > 0)
      expect(lines).toBe(5000)
    })
  })

  it('a file it cannot write fails at close with the system’s error, and does not hang', async () => {
    const wb = openStreamedWorkbook(join('/nonexistent-dir-for-test', 'x.xlsx'), new Date())
    const sheet = wb.sheet('发票列表', [10])
    for (let i = 0; i < 20_000; i++) sheet.row([`行${i}`, i], [])
    await expect(sheet.drain().then(() => wb.close())).rejects.toThrow(/ENOENT/)
  })

  it('escapes markup and drops what XML 1.0 forbids', () => {
    expect(xmlText('a&b<c>"d"\r')).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#13;')
    expect(xmlText('x\u0000\u0008\u000b\u001fy\uffff')).toBe('xy')
    expect(xmlText('纯文本 plain')).toBe('纯文本 plain')
  })
})
