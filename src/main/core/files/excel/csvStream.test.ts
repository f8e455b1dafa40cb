// Plain CSV is split as it is read, exactly as SheetJS splits it (readTable): quotes, separators,
// line breaks and blank lines give the same rows and row numbers.
import { describe, expect, it } from 'vitest'
import { AppError } from '../../errors'
import { isPlainDelimited } from './csvStream'
import { readTable, type TableRow } from './read'
import { readTableStream } from './readStream'
import { customersSpec } from './testSupport'

async function both(text: string, name = '客户.csv') {
  const bytes = new TextEncoder().encode(text)
  const rows: TableRow[] = []
  const header = await readTableStream(bytes, name, customersSpec, {}, { pause: async () => {}, row: (r) => rows.push(r) })
  const streamed = { ...header, rows }
  expect(streamed).toEqual(readTable(bytes, name, customersSpec))
  return streamed
}

describe('CSV read as it streams', () => {
  it.each([
    ['quotes around separators, line breaks and doubled quotes', '名称,客户类型,邮箱\r\n"甲,乙公司",企业,"a@b.cn"\r\n"多行\r\n名称",自然人,"说""你好"""\r\n'],
    ['a title and blank lines above the header, blank lines between rows', '客户清单\n\n名称,客户类型\n甲,企业\n\n\n乙,企业\n'],
    ['semicolons', '名称;客户类型;税率\n甲;企业;13%\n乙;自然人;\n'],
    ['tabs', '名称\t客户类型\n甲\t企业\n'],
    ['a sep= line', 'sep=|\r\n名称|客户类型\r\n甲|企业\r\n'],
    ['no line break at the end, and a separator at the very end', '名称,客户类型\n甲,企业\n乙,'],
    ['lone CRs, and quotes inside an unquoted cell', '名称,客户类型\r甲"乙",企业\r"丙",企业'],
    ['a quote that never closes', '名称,客户类型\n"甲,企业\n乙,企业\n'],
  ])('%s', async (_what, text) => {
    const r = await both(text)
    expect(r.rows.length).toBeGreaterThan(0)
  })

  it('leaves XML and HTML spreadsheets, SYLK and DIF to SheetJS', () => {
    expect(isPlainDelimited('名称,客户类型\n')).toBe(true)
    expect(isPlainDelimited('\n  <table><tr><td>名称</td></tr></table>')).toBe(false)
    expect(isPlainDelimited('ID;PWXL;N;E\n')).toBe(false)
    expect(isPlainDelimited('TABLE\n0,1\n')).toBe(false)
  })

  it('refuses a row past XFD and a cell past 32,767 characters, naming them', async () => {
    const wide = new TextEncoder().encode(`名称,客户类型\n${'a,'.repeat(16_384)}a\n`)
    const e = await readTableStream(wide, 'x.csv', customersSpec, {}, { pause: async () => {}, row: () => {} }).catch((x: AppError) => x)
    expect(e).toMatchObject({ code: 'FILE_INVALID', message: expect.stringContaining('工作表「Sheet1」中的位置「XFE2」') })
    const long = new TextEncoder().encode(`名称,客户类型\n甲,${'乙'.repeat(32_768)}\n`)
    const l = await readTableStream(long, 'x.csv', customersSpec, {}, { pause: async () => {}, row: () => {} }).catch((x: AppError) => x)
    expect(l).toMatchObject({ code: 'LIMIT', message: expect.stringContaining('工作表「Sheet1」的单元格 B2 中的文字超过 32,767 个字符') })
  })
})
