// 批量开具 from the CLI as a script runs it (issue 13): batch import (a refused file: exit 1, the
// 错误报告 beside it), batch issue (a repeat refused until --confirm-repeats), sync, batch show (each
// 流水号's state and 发票号码), batch export — against the real sandbox over HTTP.
import ExcelJS from 'exceljs'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { fillOfficial, haveOfficialTemplate, SKIP_REASON } from '../../src/main/core/features/batch/testSupport'
import { manySheets, S1, S2 } from '../support/batchFiles'
import { SELLER, tempDir, testCore } from '../support/core'
import { cliJson } from '../support/cliChild'
import { startTestSandbox } from '../support/sandbox'

const PASSWORD = 'batch-cli-password'

const cli = (dataDir: string, ...args: string[]) => cliJson(dataDir, '--company', SELLER.taxId, ...args)

describe.skipIf(!haveOfficialTemplate)(haveOfficialTemplate ? 'CLI 批量开具' : `CLI 批量开具 — ${SKIP_REASON}`, { timeout: 240_000 }, () => {
  it('import, a refused file’s 错误报告, issue with a confirmed repeat, show and export', async () => {
    const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
    onTestFinished(() => sandbox.stop())
    sandbox.platform.addTaxpayer({ taxId: SELLER.taxId, name: SELLER.name, region: SELLER.region, password: PASSWORD, quota: '100000000.00' })
    const dataDir = tempDir()
    const setup = await testCore({ dataDir })
    await setup.call('settings.platform.set', { url: sandbox.url, password: PASSWORD })
    setup.close()
    const dir = tempDir()

    const good = path.join(dir, '三张.xlsx')
    await fillOfficial(good, manySheets(3, 2, 'C-'))
    const imported = await cli(dataDir, 'batch', 'import', good)
    expect(imported).toMatchObject({ status: 0, json: { id: 1, invoices: 3, lines: 6, totals: { total: expect.any(String) }, errors: [] } })

    const bad = path.join(dir, '有错.xlsx')
    const sheets = manySheets(1, 1, 'X-')
    await fillOfficial(bad, { [S1]: sheets[S1]!, [S2]: [...sheets[S2]!, { A: 'NOPE', B: '服务器', C: '1090511030000000000', H: '100', I: '0.13' }] })
    const refused = await cli(dataDir, 'batch', 'import', bad)
    const report = path.join(dir, '有错-错误报告.xlsx')
    expect(refused.status).toBe(1)
    expect(refused.json).toMatchObject({
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining(report),
        details: { id: null, invoices: 1, errorCount: 1, errorReport: report, errors: [{ sheet: S2, row: 5, column: '发票流水号', value: 'NOPE' }] },
      },
    })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(report)
    expect(wb.worksheets[0]!.getRow(2).values).toEqual([undefined, S2, 5, '发票流水号', 'NOPE', expect.stringContaining('没有对应的发票')])

    expect((await cli(dataDir, 'batch', 'issue', '1')).json).toMatchObject({ id: 1, queued: 3 })
    expect((await cli(dataDir, 'sync')).json).toMatchObject({ error: null })
    const shown = (await cli(dataDir, 'batch', 'show', '1')).json as { header: string[]; rows: string[][] }
    expect(shown.header.slice(0, 3)).toEqual(['发票流水号', '状态', '发票号码'])
    expect(shown.rows.map((r) => [r[0], r[1], r[2]])).toEqual(['C-00001', 'C-00002', 'C-00003'].map((s) => [s, '已开具', expect.stringMatching(/^\d{20}$/)]))

    // the same file again (batch 2: the refused file made none): its 流水号 were issued by batch 1
    expect((await cli(dataDir, 'batch', 'import', good)).json).toMatchObject({ id: 2 })
    const repeat = await cli(dataDir, 'batch', 'issue', '2')
    expect(repeat).toMatchObject({ status: 1, json: { error: { code: 'CONFLICT', message: expect.stringContaining('C-00001、C-00002、C-00003') } } })
    expect((await cli(dataDir, 'batch', 'issue', '2', '--confirm-repeats')).json).toMatchObject({ id: 2, queued: 3 })

    const out = path.join(dir, '结果.xlsx')
    expect((await cli(dataDir, 'batch', 'export', '1', out)).json).toEqual({ file: out })
    expect(fs.statSync(out).size).toBeGreaterThan(0)
    expect((await cli(dataDir, 'batch', 'show', 'x')).json).toMatchObject({ error: { code: 'VALIDATION', message: '批次编号应为正整数，现为“x”' } })
  })
})
