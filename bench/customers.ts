// Issue #2 §8: importing customers from .xlsx against the floor measured in the same run
// (SheetJS parse + bare prepared inserts in one transaction), each in its own process so its
// peak memory is its own; autosave latency while the largest file imports, beside autosave with no
// import (issue #10 §4); then customer search over the imported customers.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCore } from '../src/main/core/app'
import { writeCustomerWorkbook } from './data'

interface Latency {
  n: number
  p50: number
  p95: number
  maxMs: number
}

interface Measured {
  ms: number
  peakMb: number
  parts?: { parseMs: number; insertMs: number }
  floor?: Latency
  during?: Latency
  loopMaxMs?: number
}

function measure(kind: 'floor' | 'import' | 'autosave', file: string, dir: string): Measured {
  fs.mkdirSync(dir, { recursive: true })
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('bench/measure.ts'), kind, file, dir], { encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').pop()!) as Measured
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

function importBench(rows: number, file: string, dir: string): string {
  const f = measure('floor', file, path.join(dir, `floor-${rows}`))
  const m = measure('import', file, path.join(dir, `import-${rows}`))
  console.log(
    `  import ${rows.toLocaleString()} customers (.xlsx ${(fs.statSync(file).size / 1048576).toFixed(1)} MB): ${s(m.ms)}, peak RSS ${m.peakMb} MB` +
      ` | floor ${s(f.ms)} (SheetJS parse ${s(f.parts!.parseMs)} + bare inserts ${s(f.parts!.insertMs)}), peak RSS ${f.peakMb} MB` +
      ` | ratio ${(m.ms / f.ms).toFixed(2)}× (targets: ≤ 2×; 100,000 rows ≤ 500 MB)`,
  )
  return path.join(dir, `import-${rows}`, 'data')
}

/** autosave while the same file imports, against autosave with nothing else running (same process, same run) */
function autosaveBench(rows: number, file: string, dir: string): void {
  const m = measure('autosave', file, path.join(dir, `autosave-${rows}`))
  const l = (x: Latency) => `p50 ${x.p50} ms, p95 ${x.p95} ms, max ${x.maxMs} ms (${x.n} saves)`
  console.log(`  autosave during the ${rows.toLocaleString()}-customer import (${s(m.ms)}): ${l(m.during!)}; event loop's worst delay ${m.loopMaxMs} ms`)
  console.log(`    floor, the same saves with no import: ${l(m.floor!)} (issue #10 §4: autosave keeps working during a 100,000-row import)`)
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function searchBench(dataDir: string, rounds: number): Promise<void> {
  const core = createCore({ dataDir })
  const kinds: [string, string[]][] = [
    ['name substring', ['华信', '恒通科技', '上海盛达', '物业服务有限公司1', '有限公司77']],
    ['ID prefix', ['91440300', '9131011500', '91110108000', '9151010400001']],
    ['拼音首字母', ['bjhx', 'shsd', 'szht', 'kjyxgs', 'cdxy']],
  ]
  for (const [label, queries] of kinds) {
    const times: number[] = []
    let hits = 0
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now()
      const page = await core.call('customers.list', { query: queries[i % queries.length]!, page: 1, size: 50 })
      times.push(performance.now() - t0)
      hits += page.total
    }
    times.sort((a, b) => a - b)
    console.log(
      `  search (${label}), page of 50 with total: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms` +
        ` (targets 20 / 50 ms; ${rounds} queries, avg ${Math.round(hits / rounds)} hits)`,
    )
  }
  core.close()
}

export async function customerBenches(smoke: boolean): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-bench-'))
  try {
    console.log('customers (issue #2 §8)')
    const sizes = smoke ? [2_000] : [10_000, 100_000]
    let last = ''
    for (const rows of sizes) {
      const file = path.join(dir, `customers-${rows}.xlsx`)
      await writeCustomerWorkbook(file, rows)
      last = importBench(rows, file, dir)
    }
    autosaveBench(sizes.at(-1)!, path.join(dir, `customers-${sizes.at(-1)}.xlsx`), dir)
    await searchBench(last, smoke ? 20 : 200)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
