// Issue 11 "Scale": 发票查询 over 1,000,000 invoices — for each filter, the p95 of a full page
// (rows + count + totals) through the core's `invoices.query`, beside a floor from the same run: a
// bare indexed `SELECT … LIMIT 20` on the same file. Target p95 ≤ 50 ms each.
// The 1M ledger is made once by bench/ledger1m.ts (minutes) and kept in $LEDGER1M (default
// <tmp>/fapiao-ledger1m) for the next run; `--smoke` makes a 20k one in a temporary folder.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { createCore } from '../src/main/core/app'
import type { InvoiceFilterInput, QuerySort } from '../src/shared/api/invoiceQuery'
import { LEDGER_COMPANY, makeLedger } from './ledger1m'
import { percentile, timeRounds } from './stats'

async function ledgerDir(smoke: boolean): Promise<{ dir: string; temporary: boolean }> {
  if (smoke) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-bench-query-'))
    await makeLedger(dir, { count: 20_000 })
    return { dir, temporary: true }
  }
  const dir = process.env.LEDGER1M ?? path.join(os.tmpdir(), 'fapiao-ledger1m')
  if (!fs.existsSync(path.join(dir, 'companies', LEDGER_COMPANY.taxId, 'ledger.db'))) {
    console.log(`  generating the 1,000,000-invoice ledger in ${dir} (kept for the next run)…`)
    fs.mkdirSync(dir, { recursive: true })
    const { result } = await makeLedger(dir, { count: 1_000_000 })
    console.log(`  generated in ${(result.ms / 1000).toFixed(0)} s`)
  }
  return { dir, temporary: false }
}

const day = (d: Date) => d.toISOString().slice(0, 10)

export async function queryBench(smoke: boolean): Promise<void> {
  const rounds = smoke ? 5 : 30
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  const { dir, temporary } = await ledgerDir(smoke)
  const file = path.join(dir, 'companies', LEDGER_COMPANY.taxId, 'ledger.db')
  const raw = new Database(file, { readonly: true })
  const core = createCore({ dataDir: dir, company: LEDGER_COMPANY.taxId, dailyBackups: false })
  try {
    const count = (raw.prepare(`SELECT count(*) FROM invoices`).pluck().get() as number).toLocaleString('en')
    const received = (raw.prepare(`SELECT count(*) FROM received_invoices`).pluck().get() as number).toLocaleString('en')
    console.log(
      `发票查询 (issue 11 Scale): ${count} 销项 + ${received} 进项 in ${path.basename(path.dirname(path.dirname(file)))}, ${Math.round(fs.statSync(file).size / 1048576)} MB; p95 of ${rounds} page queries (rows + count + totals)`,
    )

    // the ledger's own last day stands for "today": its 本月 and 两个月
    const last = new Date(`${(raw.prepare(`SELECT max(issued_at) FROM invoices`).pluck().get() as string).slice(0, 10)}T00:00:00Z`)
    const monthStart = day(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1)))
    const twoMonths = { from: day(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 2, 1))), to: day(new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 0))) }
    const thisMonth = { from: monthStart, to: day(last) }
    const taxIdPrefix = (raw.prepare(`SELECT buyer_tax_id FROM invoices WHERE buyer_tax_id <> '' LIMIT 1 OFFSET 777`).pluck().get() as string).slice(0, 10)
    const item = (raw.prepare(`SELECT name FROM item_names WHERE length(name) >= 5 ORDER BY id LIMIT 1 OFFSET 40`).pluck().get() as string).slice(1, 5)
    const number = (raw.prepare(`SELECT number FROM invoices WHERE number IS NOT NULL LIMIT 1 OFFSET 4321`).pluck().get() as string).slice(0, 18)

    // the floor: an indexed page and nothing else — no count, no totals, no filter
    const floorPage = raw.prepare(
      `SELECT id, number, buyer_name, total_fen FROM invoices WHERE coalesce(issued_at, queued_at) >= ? ORDER BY coalesce(issued_at, queued_at) DESC, id DESC LIMIT 20`,
    )
    floorPage.all(monthStart)
    const floor = percentile(
      timeRounds(rounds, () => floorPage.all(monthStart)),
      95,
    )
    console.log(`  floor: bare indexed SELECT … LIMIT 20 on the same file: p95 ${floor.toFixed(1)} ms`)

    const cases: [string, InvoiceFilterInput & { sort?: QuerySort }][] = [
      ["本月 (the screen's default)", thisMonth],
      ['两个月 开票日期 range', twoMonths],
      ['no filter: all 2 years', {}],
      ['购买方名称 contains 星河', { counterparty: '星河' }],
      ['拼音首字母 hwjs', { counterparty: 'hwjs' }],
      [`税号 prefix ${taxIdPrefix}`, { counterparty: taxIdPrefix }],
      [`项目名称 contains ${item}`, { item }],
      [`项目名称 contains 1 char ${item[0]}, 本月`, { item: item[0], ...thisMonth }],
      [`项目名称 contains 1 char ${item[0]}, all`, { item: item[0] }],
      ['票种 81, all', { kind: '81' }],
      ['票种 81, 本月', { kind: '81', ...thisMonth }],
      ['红字 only', { colour: 'red' }],
      ['状态 部分红冲', { status: 'partly-reversed' }],
      ['状态 全额红冲', { status: 'fully-reversed' }],
      ['状态 待开具', { status: 'queued' }],
      ['状态 正常, 本月', { status: 'normal', ...thisMonth }],
      ['价税合计 10,000–20,000', { min: '10000', max: '20000' }],
      [`发票号码 prefix ${number}`, { number }],
      ['开票人 李出纳, 本月', { drawer: '李出纳', ...thisMonth }],
      ['同步状态 待上传 (pending)', { syncState: 'pending' }],
      ['sorted by 价税合计, 本月', { ...thisMonth, sort: 'total' }],
      ['sorted by 购买方, all', { sort: 'counterparty' }],
      ['hwjs + 项目名称 + 两个月', { counterparty: 'hwjs', item, ...twoMonths }],
      ['进项 本月', { side: '进项', ...thisMonth }],
      ['进项 销售方 contains 科技', { side: '进项', counterparty: '科技' }],
      [`进项 项目名称 contains ${item}`, { side: '进项', item }],
      ['进项 入账状态 未入账', { side: '进项', booking: '01' }],
    ]
    for (const [label, filter] of cases) {
      const times: number[] = []
      // the first query of a filter reads its index pages from disk: shown apart, not in the p95
      const c0 = performance.now()
      let total = (await core.call('invoices.query', { ...filter, page: 1, size: 20 })).total
      const cold = performance.now() - c0
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now()
        const r = await core.call('invoices.query', { ...filter, page: 1, size: 20 })
        times.push(performance.now() - t0)
        total = r.total
      }
      const p = percentile(times, 95)
      console.log(
        `  ${label}: p95 ${p.toFixed(1)} ms (${(p / floor).toFixed(0)}× floor; first ${cold.toFixed(0)} ms), ${total.toLocaleString('en')} match${p > 50 ? '  ← over the 50 ms target' : ''}`,
      )
    }
    console.log(
      `  peak RSS ${Math.round(peak / 1048576)} MB; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    )
  } finally {
    clearInterval(sampler)
    core.close()
    raw.close()
    if (temporary) fs.rmSync(dir, { recursive: true, force: true })
  }
}
