// Issue 11 "Scale": 导出 100,000 invoices (about 3 lines each) to .xlsx in ≤ 10 s and ≤ 300 MB RSS,
// never blocking the UI. Each measurement runs in a child process of its own (its peak RSS is the
// export's, not the generator's): the time, the peak RSS (sampled every 50 ms) and the longest
// event-loop stall (a 10 ms setInterval probe: how long a click or an IPC message would wait).
// Beside it, two floors from the same run — reading alone (the invoices and their lines walked as the
// export walks them, nothing written) and writing alone (the same number of plain rows through the
// same streamed writer, no database) — and, for comparison, ExcelJS's streaming writer on those plain
// rows (what the export used before). The ledger is bench/ledger1m.ts's generator at 100k 销项.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import type { Figures, Measure } from './exportChild'
import { LEDGER_COMPANY, makeLedger } from './ledger1m'

/**
 * The child runs exportChild.ts built to JavaScript, as the app runs its core: under tsx the TypeScript
 * loader and its compiled modules alone hold about 50 MB of the process's RSS, which the app never
 * carries. Built into out/ so findAppDir and node_modules resolve as from the source.
 */
async function builtChild(): Promise<string> {
  const outfile = path.resolve('out/bench/export.mjs')
  await build({
    entryPoints: [path.join(import.meta.dirname, 'exportChild.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    logLevel: 'error',
  })
  return outfile
}

function runChild(child: string, dir: string, what: Measure, invoices: number, lines: number): Figures {
  const r = spawnSync(process.execPath, [child, dir, LEDGER_COMPANY.taxId, what, String(invoices), String(lines)], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`export child ${what} failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Figures
}

const fmt = (f: Figures) =>
  `${(f.ms / 1000).toFixed(2)} s, peak RSS ${f.peakMb.toFixed(0)} MB, longest stall ${f.stallMs.toFixed(0)} ms${f.bytes > 0 ? `, ${(f.bytes / 1048576).toFixed(1)} MB file` : ''}`

/** the smoke ledger is made each time; the 100k one once, kept in $LEDGER100K for the next run */
async function ledgerDir(smoke: boolean): Promise<{ dir: string; file: string; made: string; temporary: boolean }> {
  const count = smoke ? 2_000 : 105_000
  const dir = smoke ? fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-bench-export-')) : (process.env.LEDGER100K ?? path.join(os.tmpdir(), 'fapiao-ledger100k'))
  const file = path.join(dir, 'companies', LEDGER_COMPANY.taxId, 'ledger.db')
  if (!smoke && fs.existsSync(file)) return { dir, file, made: `kept in ${dir}`, temporary: false }
  fs.mkdirSync(dir, { recursive: true })
  const { result } = await makeLedger(dir, { count })
  return { dir, file, made: `made in ${(result.ms / 1000).toFixed(1)} s`, temporary: smoke }
}

export async function exportBench(smoke: boolean): Promise<void> {
  const { dir, file, made, temporary } = await ledgerDir(smoke)
  try {
    const db = (await import('better-sqlite3')).default(file, { readonly: true })
    const invoices = db.prepare(`SELECT count(*) FROM invoices WHERE state <> 'draft'`).pluck().get() as number
    const lines = db.prepare(`SELECT count(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.state <> 'draft'`).pluck().get() as number
    db.close()
    console.log(`导出 (issue 11 Scale): ${invoices.toLocaleString('en')} 销项 invoices, ${lines.toLocaleString('en')} lines (ledger ${made}); target ≤ 10 s, ≤ 300 MB`)
    const built = await builtChild()
    const xlsx = runChild(built, dir, 'xlsx', invoices, lines)
    const read = runChild(built, dir, 'read', invoices, lines)
    const write = runChild(built, dir, 'write', invoices, lines)
    const exceljs = runChild(built, dir, 'exceljs', invoices, lines)
    const csv = runChild(built, dir, 'csv', invoices, lines)
    console.log(`  .xlsx (发票列表 + 发票明细) through invoices.export: ${fmt(xlsx)}`)
    console.log(`  floor, reading alone (invoices and lines, nothing written): ${fmt(read)}`)
    console.log(`  floor, writing alone (the same rows, same writer, no database): ${fmt(write)}`)
    console.log(`  read + write floors: ${((read.ms + write.ms) / 1000).toFixed(2)} s; the export takes ${(xlsx.ms / (read.ms + write.ms)).toFixed(2)}× their sum`)
    console.log(`  for comparison, ExcelJS streaming the same plain rows: ${fmt(exceljs)}`)
    console.log(`  .csv (GBK, 发票列表) through invoices.export:          ${fmt(csv)}`)
  } finally {
    if (temporary) fs.rmSync(dir, { recursive: true, force: true })
    // the exports' own files (a 100k ledger is kept, its exports are not)
    else fs.rmSync(path.join(dir, 'tmp'), { recursive: true, force: true })
  }
}
