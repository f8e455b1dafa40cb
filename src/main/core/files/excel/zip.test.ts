import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { readTable } from './read'
import { customersSpec as spec, withTempDir } from './testSupport'
import { scanZip } from './zip'

describe('scanZip', () => {
  it('sums the uncompressed sizes of a zip64 workbook and lists its parts', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'zip64.xlsx')
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, zip: { forceZip64: true } })
      const ws = wb.addWorksheet('S')
      ws.addRow(['名称', '客户类型']).commit()
      ws.addRow(['甲', '企业']).commit()
      ws.commit()
      await wb.commit()

      const bytes = readFileSync(path)
      const zip = XLSX.CFB.read(bytes, { type: 'buffer' }) as { FileIndex: { type: number; content: Uint8Array }[] }
      const inflated = zip.FileIndex.filter((f) => f.type === 2).reduce((sum, f) => sum + f.content.length, 0)
      const summary = scanZip(bytes)
      expect(summary.uncompressedBytes).toBe(inflated)
      expect(summary.names).toContain('xl/workbook.xml')
      expect(readTable(bytes, 'zip64.xlsx', spec).rows[0]?.values).toEqual({ name: '甲', kind: '企业' })
    })
  })
})
