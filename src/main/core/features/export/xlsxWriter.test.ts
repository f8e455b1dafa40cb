import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { withTempDir } from '../../files/excel/testSupport'
import type { Column } from './columns'
import { openWorkbook } from './xlsxWriter'

interface Row {
  name: string
  fen: number
}
const COLUMNS: Column<Row>[] = [
  { header: '名称', width: 10, kind: 'text', value: (r) => r.name },
  { header: '说明', width: 10, kind: 'text', value: () => null },
  { header: '金额', width: 10, kind: 'money', value: (r) => r.fen },
]

async function sheets(file: string): Promise<{ name: string; rows: unknown[][] }[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = []
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    return { name: ws.name, rows }
  })
}

describe('the export workbook', () => {
  it('goes on in 发票明细(2), (3) … past a sheet’s row limit, each part with its header, the 合计 of all at the end', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'x.xlsx')
      // 5 rows a sheet: the header, three rows and one kept for the 合计
      const wb = openWorkbook(file, new Date(), 5)
      const list = wb.sheet('发票明细', COLUMNS)
      for (let i = 1; i <= 9; i++) list.add({ name: `第${i}行`, fen: i * 100 })
      await list.drain()
      list.finish('行')
      await list.commit()
      await wb.close()
      const read = await sheets(file)
      expect(read.map((s) => s.name)).toEqual(['发票明细', '发票明细(2)', '发票明细(3)'])
      for (const s of read) expect(s.rows[0]).toEqual(['名称', '说明', '金额'])
      expect(
        read
          .flatMap((s) => s.rows.slice(1))
          .slice(0, 9)
          .map((r) => r[0]),
      ).toEqual(Array.from({ length: 9 }, (_, i) => `第${i + 1}行`))
      expect(read[2]!.rows.at(-1)).toEqual(['合计', '9 行', 45])
      expect(read[2]!.rows).toHaveLength(5)
    })
  })

  it('rows added past a full part without a drain between still land in order', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'x.xlsx')
      const wb = openWorkbook(file, new Date(), 5)
      const list = wb.sheet('发票列表', COLUMNS)
      for (let i = 1; i <= 4; i++) list.add({ name: `第${i}行`, fen: 1 })
      list.finish('张')
      await list.commit()
      await wb.close()
      const read = await sheets(file)
      expect(read.map((s) => s.rows.map((r) => r[0]))).toEqual([
        ['名称', '第1行', '第2行', '第3行'],
        ['名称', '第4行', '合计'],
      ])
    })
  })
})
