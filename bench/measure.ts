// One measurement in a fresh process, so its peak memory is its own: `node --import tsx
// bench/measure.ts <floor|import|autosave> <file> <dir>` prints one JSON line { ms, …, peakMb }.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as XLSX from 'xlsx'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createCore, type Core } from '../src/main/core/app'
import { testDraft } from '../src/shared/domain/invoice/testDraft'

export const SELLER = { name: '基准测试有限公司', taxId: '91440300MA5G0X1U23', region: '44' as const, operator: '基准' }

let peak = process.memoryUsage().rss
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
const mb = () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576)

/** The floor: what any importer must at least do — parse the file, insert the rows. */
function floor(file: string, dir: string) {
  const t0 = performance.now()
  const wb = XLSX.read(fs.readFileSync(file), { dense: true })
  const data = (wb.Sheets[wb.SheetNames[0]!]!['!data'] ?? []) as ({ v?: unknown } | undefined)[][]
  const t1 = performance.now()
  const db = new Database(path.join(dir, 'floor.db'))
  db.exec('CREATE TABLE c (name TEXT, type TEXT, tax_id TEXT, id_type TEXT, id_number TEXT, address TEXT, phone TEXT, bank TEXT, account TEXT, email TEXT, mobile TEXT)')
  const insert = db.prepare('INSERT INTO c VALUES (?,?,?,?,?,?,?,?,?,?,?)')
  db.transaction(() => {
    for (let r = 1; r < data.length; r++) {
      const row = data[r] ?? []
      const v = (c: number) => String(row[c]?.v ?? '')
      insert.run(v(0), v(1), v(2), v(3), v(4), v(5), v(6), v(7), v(8), v(9), v(10))
    }
  })()
  db.close()
  const t2 = performance.now()
  return { ms: t2 - t0, parts: { parseMs: t1 - t0, insertMs: t2 - t1 } }
}

async function importCustomers(file: string, dir: string) {
  const core = createCore({ dataDir: path.join(dir, 'data') })
  await core.call('companies.create', SELLER)
  const t0 = performance.now()
  const r = await core.call('customers.import', { file: core.files.register(file).token })
  const ms = performance.now() - t0
  if (r.failed.length > 0) throw new Error(`import failed rows: ${JSON.stringify(r.failed.slice(0, 3))}`)
  core.close()
  return { ms, created: r.created }
}

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10
  return { n: sorted.length, p50: at(50), p95: at(95), maxMs: Math.round(sorted.at(-1)!) }
}

/** autosave (invoices.saveDraft) every 50 ms: `until` says when to stop */
async function autosaves(core: Core, until: () => boolean): Promise<number[]> {
  const { id } = await core.call('invoices.saveDraft', { draft: testDraft() })
  const times: number[] = []
  while (!until()) {
    const t0 = performance.now()
    await core.call('invoices.saveDraft', { id, draft: testDraft({ remark: `第 ${times.length} 次保存` }) })
    times.push(performance.now() - t0)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return times
}

/** autosave latency with no import (the floor), then while the file imports; the event loop's worst delay meanwhile */
async function autosaveDuringImport(file: string, dir: string) {
  const core = createCore({ dataDir: path.join(dir, 'data') })
  await core.call('companies.create', SELLER)
  const quietUntil = performance.now() + 10_000
  const quiet = await autosaves(core, () => performance.now() > quietUntil)
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  let importing = true
  const t0 = performance.now()
  const imported = core.call('customers.import', { file: core.files.register(file).token }).finally(() => (importing = false))
  const during = await autosaves(core, () => !importing)
  const r = await imported
  const ms = performance.now() - t0
  loop.disable()
  core.close()
  return { ms, created: r.created, floor: percentiles(quiet), during: percentiles(during), loopMaxMs: Math.round(loop.max / 1e6) }
}

const [kind, file, dir] = process.argv.slice(2) as [string, string, string]
const result = kind === 'floor' ? floor(file, dir) : kind === 'autosave' ? await autosaveDuringImport(file, dir) : await importCustomers(file, dir)
clearInterval(sampler)
console.log(JSON.stringify({ ...result, peakMb: mb() }))
