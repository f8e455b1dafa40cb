// 进项 and 发票入账 from the CLI as a script runs it (issue 12): received list / book / unbook / use,
// booking template → fill → import --wait (the result workbook beside the file), booking status
// with --out, and refusals in Chinese.
import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { OTHER, tempDir } from '../support/core'
import { cliJson } from '../support/cliChild'
import { syncAll, twoParties } from '../support/twoParties'

const cli = (dataDir: string, ...args: string[]) => cliJson(dataDir, '--company', OTHER.taxId, ...args)

describe('CLI 发票入账', { timeout: 240_000 }, () => {
  it('book from the list, import a filled template with --wait, query and export the states', async () => {
    const dataDir = tempDir()
    const { seller, buyer } = await twoParties({ buyerDataDir: dataDir })
    for (let i = 0; i < 2; i++) {
      const draft = testDraft({
        buyer: { ...testDraft().buyer, name: OTHER.name, taxId: OTHER.taxId },
        lines: [testLine({ name: '咨询服务', quantity: '1', unitPrice: String(1000 + i) })],
      })
      const { id } = await seller.call('invoices.saveDraft', { draft })
      await seller.call('invoices.issue', { id })
    }
    await syncAll(seller)
    buyer.close()

    expect((await cli(dataDir, 'sync')).json).toMatchObject({ error: null })
    const list = (await cli(dataDir, 'received', 'list', '--sort', 'total', '--order', 'asc')).json as { total: number; rows: { number: string; issuedAt: string }[] }
    expect(list.total).toBe(2)
    const [first, second] = list.rows.map((r) => r.number)
    const day = list.rows[0]!.issuedAt.slice(0, 10)
    const month = day.slice(0, 7).replace('-', '')

    expect((await cli(dataDir, 'received', 'book', first!, '--period', month, '--type', '04')).json).toMatchObject({ invoices: 1 })
    expect((await cli(dataDir, 'sync')).status).toBe(0)
    expect((await cli(dataDir, 'received', 'list', '--booking', '04')).json).toMatchObject({ total: 1, rows: [{ number: first }] })

    const template = path.join(tempDir(), '入账模板.xlsx')
    expect((await cli(dataDir, 'booking', 'template', template)).json).toEqual({ file: template })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(template)
    wb.worksheets[0]!.getRow(2).values = [second, day, '是', month, '02']
    wb.worksheets[0]!.getRow(3).values = [first, day, '是', month, '02']
    await wb.xlsx.writeFile(template)
    const imported = await cli(dataDir, 'booking', 'import', template, '--wait')
    expect(imported.json).toMatchObject({ state: '处理成功', rows: 2, 成功: 1, 重复入账: 1 })
    expect(imported.json.result).toBe(path.join(path.dirname(template), '入账模板-入账结果.xlsx'))
    expect(fs.existsSync(imported.json.result as string)).toBe(true)

    const out = path.join(tempDir(), '状态.xlsx')
    expect((await cli(dataDir, 'booking', 'status', '--period', month, '--out', out)).json).toEqual({ rows: 2, file: out })
    expect((await cli(dataDir, 'booking', 'status', '--status', '02')).json).toMatchObject({ total: 1, rows: [{ number: second, period: month }] })

    const neither = await cli(dataDir, 'received', 'use', first!)
    expect(neither.status).not.toBe(0)
    expect(neither.json.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('--deduct') })
    expect((await cli(dataDir, 'received', 'unbook', first!)).json).toMatchObject({ invoices: 1 })
    expect((await cli(dataDir, 'sync')).status).toBe(0)
    expect((await cli(dataDir, 'booking', 'status', '--status', '06')).json).toMatchObject({ total: 1, rows: [{ number: first, period: null }] })
    expect(((await cli(dataDir, 'booking', 'jobs')).json as { total: number }).total).toBe(3)
  })
})
