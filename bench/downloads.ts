// Issue 11 (scale): a 发票下载 job of 1,000 invoices in all three formats (target ≤ 60 s), run by the
// core's runner in a process of its own (its peak RSS is its own), beside a floor measured in the
// same process: zipping the same number of buffers of the same sizes with no rendering at all.
// The ledger is generated (bench/ledger1m.ts) and no platform is configured, so every file is drawn
// here — the slowest path; with the platform answering, the files are fetched instead.
// `--smoke`: 20 invoices.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import yauzl from 'yauzl'
import { createCore } from '../src/main/core/app'
import { openZip } from '../src/main/core/features/downloads/zipFile'
import { LEDGER_COMPANY, makeLedger } from './ledger1m'

const DAYS = 30
const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)

let peak = process.memoryUsage().rss
const mb = (bytes: number) => Math.round(bytes / 1048576)

/** the entries' sizes of a zip, read back with yauzl */
function entrySizes(file: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'))
      const sizes: number[] = []
      zip.on('entry', (e: yauzl.Entry) => {
        sizes.push(e.uncompressedSize)
        zip.readEntry()
      })
      zip.on('end', () => resolve(sizes))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

/** in the child: the job, then the floor, each timed; one JSON line */
async function child(dataDir: string, from: string, to: string): Promise<void> {
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const core = createCore({ dataDir, company: LEDGER_COMPANY.taxId, dailyBackups: false })
  const t0 = performance.now()
  const job = await core.call('downloads.create', { from, to, side: '销项', formats: ['pdf', 'ofd', 'xml'] })
  await core.downloads.idle()
  const ms = performance.now() - t0
  const done = await core.call('downloads.get', { id: job.id })
  const jobPeak = Math.max(peak, process.memoryUsage().rss)
  const zip = core.files.resolve((await core.call('downloads.file', { id: job.id })).token).path
  const zipBytes = fs.statSync(zip).size
  core.close()

  // the floor: the same entry sizes, random bytes (incompressible, as PDF and OFD nearly are), zipped
  const sizes = await entrySizes(zip)
  const floorFile = path.join(dataDir, 'floor.zip')
  const f0 = performance.now()
  const out = openZip(floorFile, new Date())
  for (const [i, size] of sizes.entries()) await out.add(`${i}.bin`, crypto.randomBytes(size), false)
  await out.finish()
  const floorMs = performance.now() - f0
  clearInterval(sampler)
  console.log(JSON.stringify({ state: done.state, invoices: done.total, entries: sizes.length, ms, zipMb: zipBytes / 1048576, jobPeakMb: mb(jobPeak), floorMs, note: done.note }))
}

export async function downloadsBench(smoke: boolean): Promise<void> {
  const count = smoke ? 20 : 1000
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-bench-downloads-'))
  try {
    const end = new Date()
    // a few of the newest are drafts / 待开具 (never in a download): ask for a few more
    await makeLedger(dir, { count: count + Math.max(3, Math.round(count / 2000)), purchases: 0, days: DAYS, end })
    const from = day(new Date(end.getTime() - (DAYS + 1) * 86_400_000))
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('bench/downloads.ts'), '--child', dir, from, day(end)], { encoding: 'utf8' })
    const line = r.stdout.trim().split('\n').at(-1) ?? ''
    if (r.status !== 0 || !line.startsWith('{')) throw new Error(`download bench child failed: ${r.stderr}`)
    const m = JSON.parse(line) as { state: string; invoices: number; entries: number; ms: number; zipMb: number; jobPeakMb: number; floorMs: number }
    console.log(`发票下载 (issue 11): ${m.invoices} invoices × PDF/OFD/XML, drawn locally → ${m.entries} entries, ${m.zipMb.toFixed(1)} MB zip (${m.state})`)
    console.log(`  job: ${(m.ms / 1000).toFixed(1)} s (${(m.ms / m.invoices).toFixed(1)} ms/invoice), peak RSS ${m.jobPeakMb} MB (target ≤ 60 s for 1,000)`)
    console.log(`  floor, zipping ${m.entries} buffers of the same sizes without rendering: ${(m.floorMs / 1000).toFixed(2)} s`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv[4]!, process.argv[5]!)
