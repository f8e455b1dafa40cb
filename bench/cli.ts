// Issue 14 "A fast CLI": the start of the built command (out/main/cli.js, as `fapiao` runs it) beside
// the floor measured in the same run — Node starting an empty ES module. Each figure is the median
// of several fresh processes; the peak RSS comes from one more run that reports it on exit.
// Targets: `fapiao --version` ≤ 300 ms, `fapiao invoices list --json` on 10,000 invoices ≤ 500 ms.
import { execSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LEDGER_COMPANY, makeLedger } from './ledger1m'
import { percentile } from './stats'

const CLI = path.resolve('out', 'main', 'cli.js')
/**
 * loaded before the program with --import: prints the process's peak RSS (KB) on exit. Linux's
 * VmHWM is this program's own high-water mark; getrusage's maxRSS survives fork + exec, so under a
 * large parent (this bench, after building the ledger) it reports the parent's figure instead.
 */
const PEAK =
  'data:text/javascript,import fs from "node:fs";process.on("exit",()=>{let kb=process.resourceUsage().maxRSS;try{kb=Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync("/proc/self/status","utf8"))[1])}catch{}process.stderr.write("\\nPEAK_RSS_KB="+kb+"\\n")})'

interface Figure {
  ms: number
  peakMb: number
}

function run(args: string[]): { ms: number; stderr: string } {
  const t0 = performance.now()
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const ms = performance.now() - t0
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return { ms, stderr: r.stderr }
}

function measure(args: string[], rounds: number): Figure {
  run(args) // the file cache warm, as for a command typed a second time
  const times = Array.from({ length: rounds }, () => run(args).ms)
  const peak = /PEAK_RSS_KB=(\d+)/.exec(run(['--import', PEAK, ...args]).stderr)
  return { ms: percentile(times, 50), peakMb: peak ? Number(peak[1]) / 1024 : NaN }
}

export async function cliBench(smoke: boolean): Promise<void> {
  const rounds = smoke ? 3 : 9
  const count = smoke ? 200 : 10_000
  if (!fs.existsSync(CLI)) {
    console.log('  out/main/cli.js missing: building (npx electron-vite build)…')
    execSync('npx electron-vite build', { stdio: 'ignore' })
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-bench-cli-'))
  try {
    await makeLedger(dir, { count })
    const empty = path.join(dir, 'empty.mjs')
    fs.writeFileSync(empty, '')
    console.log(`CLI start (issue 14 "A fast CLI"): the built out/main/cli.js under node ${process.version}; median of ${rounds} runs, peak RSS of one more`)
    const floor = measure([empty], rounds)
    const line = (label: string, f: Figure, target?: number) =>
      console.log(`  ${label}: ${f.ms.toFixed(0)} ms (${(f.ms / floor.ms).toFixed(1)}× the floor), peak RSS ${f.peakMb.toFixed(0)} MB${target ? `; target ≤ ${target} ms` : ''}`)
    console.log(`  floor, node running an empty ES module: ${floor.ms.toFixed(0)} ms, peak RSS ${floor.peakMb.toFixed(0)} MB`)
    line('fapiao --version', measure([CLI, '--version'], rounds), 300)
    line('fapiao --help', measure([CLI, '--help'], rounds))
    const list = [CLI, '--data', dir, '--company', LEDGER_COMPANY.taxId, 'invoices', 'list', '--json']
    line(`fapiao invoices list --json (${count.toLocaleString('en')} invoices)`, measure(list, rounds), smoke ? undefined : 500)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
