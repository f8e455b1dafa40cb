// `invoices export` and `invoices summary` as a person and a script run them: a real data directory,
// 开票 and sync through the CLI's embedded sandbox, the files read back.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { shanghaiDate } from '../../src/shared/domain/time'
import { SELLER, tempDir } from '../support/core'
import { readXlsx } from '../support/sheets'

function run(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', '--data', dataDir, ...args], { encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
const json = (dataDir: string, ...args: string[]) => JSON.parse(run(dataDir, ...args, '--json').stdout) as Record<string, unknown>

describe('CLI: invoices export / summary', { timeout: 300_000 }, () => {
  it('exports what the filter matches to .xlsx and GBK .csv, prints the count and path; prints the summary table and writes it with --out', async () => {
    const data = tempDir()
    expect(run(data, 'company', 'add', '--name', SELLER.name, '--tax-id', SELLER.taxId, '--region', '广东', '--operator', SELLER.operator).status).toBe(0)
    const draft = path.join(data, 'draft.json')
    const line = { name: '软件开发服务', taxCode: '3040201010000000000', unit: '项', quantity: '1', unitPrice: '10000', taxRate: '0.06' }
    for (const [kind, buyer] of [
      ['81', '华为技术有限公司'],
      ['82', '镕盛商贸有限公司'],
    ] as const) {
      fs.writeFileSync(draft, JSON.stringify({ kind, buyer: { name: buyer, taxId: '914403001922038216' }, lines: [line] }))
      const { id } = json(data, 'invoices', 'draft', 'create', '--file', draft) as { id: number }
      expect(json(data, 'invoices', 'issue', String(id))).toMatchObject({ state: 'queued' })
    }
    expect(json(data, 'sync')).toMatchObject({ pushed: 2, error: null })
    const today = shanghaiDate(new Date()).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3')

    const xlsx = path.join(data, 'out', '发票.xlsx')
    expect(json(data, 'invoices', 'export', xlsx, '--from', today, '--to', today, '--kind', '82')).toEqual({ count: 1, path: xlsx })
    const list = await readXlsx(xlsx, '发票列表')
    expect(list.map((r) => r[5])).toEqual(['购买方名称', '镕盛商贸有限公司', ''])
    const csv = path.join(data, '发票.csv')
    expect(json(data, 'invoices', 'export', csv, '--counterparty', '华为')).toEqual({ count: 1, path: csv })
    expect(iconv.decode(fs.readFileSync(csv), 'gbk')).toContain('华为技术有限公司')

    const human = run(data, 'invoices', 'summary', '--from', today, '--to', today, '--side', '销项', '--out', path.join(data, '汇总.xlsx'))
    expect(human.status).toBe(0)
    const lines = human.stdout.trim().split('\n')
    expect(lines[0]!.split('\t').slice(0, 4)).toEqual(['方向', '分组', '项目', '蓝字份数'])
    expect(lines).toContain(['销项', '票种', '合计', '2', '20000.00', '1200.00', '21200.00', '0', '0.00', '0.00', '0.00', '2', '20000.00', '1200.00', '21200.00'].join('\t'))
    expect(lines.at(-1)).toBe(`已导出：${path.join(data, '汇总.xlsx')}`)
    expect(fs.existsSync(path.join(data, '汇总.xlsx'))).toBe(true)

    const wrong = run(data, 'invoices', 'export', path.join(data, 'x.pdf'))
    expect(wrong.status).toBe(1)
    expect(wrong.stderr).toContain('导出文件名应以 .xlsx 或 .csv 结尾')
    expect(run(data, 'invoices', 'summary', '--from', today).status).toBe(2)
  })
})
