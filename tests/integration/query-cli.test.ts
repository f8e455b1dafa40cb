// `invoices list` with 发票查询's options, as scripts and people run it: every filter reaches the
// core's invoices.query, --state/--query keep their old meaning, and bad values are refused in
// Chinese with a non-zero exit before anything is read.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { InvoiceQueryResult } from '../../src/shared/api/invoiceQuery'
import { makeLedger } from '../../bench/ledger1m'
import { tempDir } from '../support/core'

function cli(dataDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', '--data', dataDir, ...args], { encoding: 'utf8' })
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout) as InvoiceQueryResult & { error?: { code: string; message: string } }

describe('CLI: invoices list with 发票查询 options', { timeout: 180_000 }, () => {
  it('takes every filter, sorts and pages in the core, and prints the totals', async () => {
    const data = tempDir()
    await makeLedger(data, { count: 300, purchases: 40, days: 60, end: new Date('2026-11-30T00:00:00Z') })
    const all = json(cli(data, 'invoices', 'list', '--from', '2026-10-01', '--to', '2026-11-30', '--size', '500', '--json'))
    expect(all.total).toBeGreaterThan(100)
    expect(all.rows.every((r) => r.issuedAt >= '2026-10-01' && r.side === '销项')).toBe(true)

    const hw = all.rows.find((r) => r.counterpartyName === '华为技术有限公司')!
    const narrowed = json(
      cli(
        data,
        'invoices',
        'list',
        '--from',
        '2026-10-01',
        '--to',
        '2026-11-30',
        '--counterparty',
        'hwjs',
        '--kind',
        hw.kind,
        '--red-status',
        '正常',
        '--min',
        '0',
        '--max',
        '99999999',
        '--sort',
        'total',
        '--order',
        'asc',
        '--size',
        '500',
        '--json',
      ),
    )
    expect(narrowed.total).toBeGreaterThan(0)
    expect(narrowed.rows.every((r) => r.counterpartyName === '华为技术有限公司' && r.kind === hw.kind && r.redStatus === 'normal')).toBe(true)
    const totals = narrowed.rows.map((r) => Number(r.total))
    expect(totals).toEqual([...totals].sort((a, b) => a - b))

    const purchases = json(cli(data, 'invoices', 'list', '--side', '进项', '--booking', '01', '--json'))
    expect(purchases.rows.every((r) => r.side === '进项' && r.booking === '01' && r.key.startsWith('P:'))).toBe(true)

    // as a person reads it: the rows, the count, the totals
    const human = cli(data, 'invoices', 'list', '--counterparty', 'hwjs', '--size', '3')
    expect(human.status).toBe(0)
    expect(human.stdout).toMatch(/华为技术有限公司[\s\S]*共 \d+ 条\n合计：金额 -?\d+\.\d\d，税额 -?\d+\.\d\d，价税合计 -?\d+\.\d\d/)
  })

  it.each([
    [['--from', '2026-13-01'], '开始日期「2026-13-01」不是有效日期'],
    [['--min', '500', '--max', '100'], '价税合计上限 100 小于下限 500'],
    [['--side', '销售'], '选项 --side 的值“销售”不正确，应为 销项、进项 之一'],
    [['--red-status', '作废'], '应为 正常、部分红冲、全额红冲、待开具、开具失败 之一'],
    [['--state', 'issued', '--kind', '81'], '--state 和 --query 不能与发票查询条件同时使用'],
  ])('refuses %j in Chinese', async (args, message) => {
    const data = tempDir()
    await makeLedger(data, { count: 5, purchases: 1 })
    const r = cli(data, 'invoices', 'list', ...args)
    expect(r.status).not.toBe(0)
    expect(r.stderr).toContain(message)
    expect(r.stderr).not.toMatch(/\n\s+at |TypeError|node:internal/)
  })
})
