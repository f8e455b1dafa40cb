import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { readTable } from './read'
import type { SheetSpec } from './spec'
import { customersSpec as spec, withTempDir } from './testSupport'
import { openExportWriter, safeCellText, writeTemplate } from './write'

/** A part of the xlsx zip as text, to check what Excel will actually see. */
function zipPart(path: string, part: string): string {
  const zip = XLSX.CFB.read(readFileSync(path), { type: 'buffer' })
  const entry = XLSX.CFB.find(zip, part) as { content: Uint8Array } | null
  if (!entry) throw new Error(`no ${part} in ${path}`)
  return new TextDecoder().decode(entry.content)
}

async function openWithExcelJs(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  return wb
}

/** ExcelJS reads range validations back cell by cell; its typings omit the property. */
function validationAt(ws: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined {
  return (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model[address]
}

describe('writeTemplate', () => {
  it('writes the data sheet first: marked headers, frozen, text ID columns, one dropdown per range', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, '客户导入模板.xlsx')
      await writeTemplate(spec, path)
      const wb = await openWithExcelJs(path)
      expect(wb.worksheets.map((w) => w.name)).toEqual(['客户信息', '填写说明'])

      const ws = wb.getWorksheet('客户信息')!
      expect(ws.getRow(1).values).toEqual([undefined, '*名称', '*客户类型', '统一社会信用代码/纳税人识别号', '税率', '邮箱', '银行账号', '建档日期'])
      expect(ws.getCell('A1').font?.bold).toBe(true)
      expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid' })
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(ws.getColumn(1).width).toBe(30)

      // Text columns (统一社会信用代码, 银行账号) are text-formatted as whole columns, others are not.
      expect([3, 6].map((c) => ws.getColumn(c).numFmt)).toEqual(['@', '@'])
      expect(ws.getCell('C2').numFmt).toBe('@')
      expect(ws.getCell('F5001').numFmt).toBe('@')
      expect(ws.getCell('D2').numFmt).toBeUndefined()
      expect(ws.getCell('C2').font?.bold).toBeFalsy() // the header style stays on the header

      expect(validationAt(ws, 'B2')).toMatchObject({
        type: 'list',
        formulae: ['"企业,自然人"'],
        showErrorMessage: true,
        error: '「客户类型」请从下拉列表中选择：企业、自然人',
      })
      expect(validationAt(ws, 'B5001')).toBeDefined()
      expect(validationAt(ws, 'B5002')).toBeUndefined()
      expect(validationAt(ws, 'A2')).toBeUndefined()
      const sheetXml = zipPart(path, '/xl/worksheets/sheet1.xml')
      expect(sheetXml.match(/<dataValidation /g)).toHaveLength(1)
      expect(sheetXml).toContain('sqref="B2:B5001"')
    })
  })

  it('explains every column on the 填写说明 sheet', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 't.xlsx')
      await writeTemplate(spec, path)
      const ws = (await openWithExcelJs(path)).getWorksheet('填写说明')!
      const lines: string[][] = []
      ws.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
      expect(lines[0]).toEqual(['客户信息导入模板'])
      expect(lines).toContainEqual(['第一行是表头，请勿修改列名。'])
      expect(lines).toContainEqual(['列名', '是否必填', '填写说明', '可选值'])
      expect(lines).toContainEqual(['客户类型', '必填', '企业或自然人', '企业、自然人'])
      expect(lines).toContainEqual(['邮箱', '选填', '', ''])
    })
  })

  it('reads back: the empty template maps every column, a filled one gives its rows', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 't.xlsx')
      await writeTemplate(spec, path)
      const empty = readTable(readFileSync(path), 't.xlsx', spec)
      expect(empty).toMatchObject({ sheetName: '客户信息', headerRow: 1, ignoredHeaders: [], rows: [] })
      expect(Object.keys(empty.mapped)).toEqual(spec.columns.map((c) => c.key))

      // A bookkeeper fills it in: the 18-digit ID typed into the text-formatted column stays text.
      const wb = await openWithExcelJs(path)
      const ws = wb.getWorksheet('客户信息')!
      ws.getRow(2).values = ['上海甲贸易有限公司', '企业', '913100007109344930', 0.13, 'a@example.com', '6222021001000012345']
      ws.getRow(2).commit()
      await wb.xlsx.writeFile(path)
      const filled = readTable(readFileSync(path), 't.xlsx', spec)
      expect(filled.rows).toEqual([
        {
          row: 2,
          values: {
            name: '上海甲贸易有限公司',
            kind: '企业',
            taxId: '913100007109344930',
            rate: '0.13',
            email: 'a@example.com',
            account: '6222021001000012345',
            since: '',
          },
          problems: [],
        },
      ])
    })
  })

  it('puts long or comma-bearing dropdown lists on a hidden sheet', async () => {
    const goods: SheetSpec = {
      sheetName: '项目信息',
      title: '项目信息导入模板',
      instructions: [],
      columns: [
        { key: 'name', header: '项目名称', required: true },
        { key: 'policy', header: '优惠政策', options: Array.from({ length: 40 }, (_, i) => `第${i + 1}项优惠政策（示例说明）`) },
        { key: 'unit', header: '单位', options: ['个', '千克,公斤'] },
      ],
    }
    await withTempDir(async (dir) => {
      const path = join(dir, 'goods.xlsx')
      await writeTemplate(goods, path)
      const wb = await openWithExcelJs(path)
      expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
        ['项目信息', 'visible'],
        ['填写说明', 'visible'],
        ['下拉选项', 'hidden'],
      ])
      const ws = wb.getWorksheet('项目信息')!
      expect(validationAt(ws, 'B2')?.formulae).toEqual(["'下拉选项'!$B$1:$B$40"])
      expect(validationAt(ws, 'C5001')?.formulae).toEqual(["'下拉选项'!$C$1:$C$2"])
      expect(wb.getWorksheet('下拉选项')!.getCell('C2').value).toBe('千克,公斤')
      expect(readTable(readFileSync(path), 'goods.xlsx', goods).sheetName).toBe('项目信息')
    })
  })
})

describe('openExportWriter', () => {
  const tricky = ['=1+1', '-5', '@sum', '+86 138 0000 0000', '=HYPERLINK("http://example.com")', "'quoted", "'=already", '上海甲贸易有限公司']

  it('exports 1,000 rows that re-import unchanged: formula-like text, long IDs, numbers', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, '客户导出.xlsx')
      const writer = await openExportWriter(spec, path, {
        extraColumns: [
          { key: 'sourceRow', header: '原行号', width: 8 },
          { key: 'reason', header: '错误原因', width: 40 },
        ],
      })
      const input = Array.from({ length: 1000 }, (_, i) => ({
        name: tricky[i % tricky.length]!,
        kind: i % 2 ? '企业' : '自然人',
        taxId: `9131000071093${String(i).padStart(5, '0')}`,
        rate: i % 3 ? 0.13 : '0.06',
        email: i % 5 ? `c${i}@example.com` : null,
        account: `0012${String(i).padStart(15, '0')}`,
        since: undefined,
        sourceRow: i + 2,
        reason: i % 4 ? '' : '=税号校验位错误',
      }))
      for (const values of input) writer.add(values)
      await writer.close()

      expect(zipPart(path, '/xl/worksheets/sheet1.xml')).not.toContain('<f>')
      const result = readTable(readFileSync(path), '客户导出.xlsx', spec)
      expect(result.headerRow).toBe(1)
      expect(result.ignoredHeaders).toEqual(['原行号', '错误原因'])
      expect(result.rows).toHaveLength(1000)
      expect(result.rows.every((r) => r.problems.length === 0)).toBe(true)
      result.rows.forEach((r, i) => {
        const v = input[i]!
        expect(r.row).toBe(i + 2)
        expect(r.values).toEqual({
          name: v.name,
          kind: v.kind,
          taxId: v.taxId,
          rate: String(v.rate),
          email: v.email ?? '',
          account: v.account,
          since: '',
        })
      })

      const ws = (await openWithExcelJs(path)).getWorksheet('客户信息')!
      expect(ws.getRow(1).values).toEqual([undefined, '*名称', '*客户类型', '统一社会信用代码/纳税人识别号', '税率', '邮箱', '银行账号', '建档日期', '原行号', '错误原因'])
      expect(ws.getCell('A1').font?.bold).toBe(true)
      expect(ws.getCell('A2').value).toBe("'=1+1")
      expect(ws.getCell('C2').value).toBe(input[0]!.taxId)
      expect(ws.getCell('D3').value).toBe(0.13) // numbers stay numbers outside text columns
      expect(ws.getCell('H2').value).toBe(2)
      expect(ws.getCell('I2').value).toBe("'=税号校验位错误")
    })
  })

  it('writes numbers given for text columns as text', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'e.xlsx')
      const writer = await openExportWriter(spec, path)
      writer.add({ name: '甲', kind: '企业', taxId: 123456789012345, account: 42 })
      await writer.close()
      const ws = (await openWithExcelJs(path)).getWorksheet('客户信息')!
      expect([ws.getCell('C2').value, ws.getCell('F2').value]).toEqual(['123456789012345', '42'])
    })
  })
})

describe('safeCellText', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138 0000 0000', "'+86 138 0000 0000"],
    ['-5', "'-5"],
    ['@sum', "'@sum"],
    ['  =1', "'  =1"],
    ['\t=1', "'\t=1"],
    ['\tabc', "'\tabc"],
    ['\rabc', "'\rabc"],
    ["'=1", "''=1"],
    ['上海 = 甲', '上海 = 甲'],
    ['a-b', 'a-b'],
    ["'abc", "'abc"],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(safeCellText(input)).toBe(output)
  })
})
