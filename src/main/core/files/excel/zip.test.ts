import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { AppError } from '../../errors'
import { customersSpec as spec, withTempDir } from './testSupport'
import { checkInflatedSizes, scanZip } from './zip'

async function writeWorkbook(path: string, zip64: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, zip: { forceZip64: zip64 } })
  const ws = wb.addWorksheet(spec.sheetName)
  ws.addRow(['名称', '客户类型']).commit()
  ws.addRow(['甲', '企业']).commit()
  ws.commit()
  await wb.commit()
  return readFileSync(path)
}

describe('scanZip', () => {
  it('lists the parts and sums their uncompressed sizes without inflating', async () => {
    await withTempDir(async (dir) => {
      const bytes = await writeWorkbook(join(dir, 'a.xlsx'), false)
      // What SheetJS inflates, minus the marker entry (\u0001Sh33tJ5) it adds to every container.
      const zip = XLSX.CFB.read(bytes, { type: 'buffer' }) as { FileIndex: { name: string; type: number; content: Uint8Array }[] }
      const parts = zip.FileIndex.filter((f) => f.type === 2 && !f.name.startsWith('\u0001'))
      const inflated = parts.reduce((sum, f) => sum + f.content.length, 0)
      const summary = scanZip(bytes)
      expect(summary.uncompressedBytes).toBe(inflated)
      expect(summary.entries.map((e) => e.name)).toContain('xl/workbook.xml')
      expect(() => checkInflatedSizes(bytes, summary)).not.toThrow()
    })
  })

  it('catches an entry that inflates beyond the size its directory declares', async () => {
    await withTempDir(async (dir) => {
      const bytes = new Uint8Array(await writeWorkbook(join(dir, 'a.xlsx'), false))
      const summary = scanZip(bytes)
      const sheet = summary.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!
      sheet.uncompressedBytes = 100 // as a crafted directory would claim
      expect(() => checkInflatedSizes(bytes, summary)).toThrow('文件不完整或已损坏')
    })
  })

  it('refuses a ZIP64 directory up front (SheetJS would spin on it for half a minute)', async () => {
    await withTempDir(async (dir) => {
      const bytes = await writeWorkbook(join(dir, 'zip64.xlsx'), true)
      const started = performance.now()
      let error: unknown
      try {
        scanZip(bytes)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).message).toContain('ZIP64')
      expect(performance.now() - started).toBeLessThan(1000)
    })
  })
})
