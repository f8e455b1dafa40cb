// Issue #3 §6: a 2,000-line draft — recompute totals (the renderer does it live, with the shared
// domain) and save it (autosave through the core into the ledger). Targets: ≤ 50 ms and ≤ 100 ms.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCore } from '../src/main/core/app'
import { computeDraft, prepareDraft, sampleDraft, totalsOf, invoiceRows } from '../src/shared/domain/invoice'
import { percentile, timeRounds } from './stats'

const SELLER = { name: '基准测试有限公司', taxId: '91440300MA5G0X1U23', region: '44' as const, operator: '基准' }

function percentiles(times: number[]): string {
  const at = (p: number) => percentile(times, p).toFixed(1)
  return `p50 ${at(50)} ms, p95 ${at(95)} ms`
}

export async function invoiceBench(smoke: boolean): Promise<void> {
  const rounds = smoke ? 5 : 30
  const draft = sampleDraft(2000)
  console.log('invoice drafts (issue #3 §6)')
  const computed = computeDraft(draft)
  console.log(`  2,000-line draft, totals only (Σ in 分): ${percentiles(timeRounds(rounds, () => totalsOf(invoiceRows(computed))))}`)
  console.log(`  2,000-line draft, recompute every line + totals: ${percentiles(timeRounds(rounds, () => computeDraft(draft)))} (target ≤ 50 ms)`)
  console.log(`  2,000-line draft, recompute + validate: ${percentiles(timeRounds(rounds, () => prepareDraft(draft, { operator: SELLER.operator })))}`)

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-bench-inv-'))
  const core = createCore({ dataDir: dir })
  try {
    await core.call('companies.create', SELLER)
    const { id } = await core.call('invoices.saveDraft', { draft })
    for (const check of [false, true]) {
      const saves: number[] = []
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now()
        await core.call('invoices.saveDraft', { id, draft, check })
        saves.push(performance.now() - t0)
      }
      console.log(
        check
          ? `  2,000-line draft, save with the rules' warnings (CLI, 开票 checks): ${percentiles(saves)}`
          : `  2,000-line draft, autosave through the core (totals recomputed, written to the ledger): ${percentiles(saves)} (target ≤ 100 ms)`,
      )
    }
  } finally {
    core.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
