// Issue 11 "Scale": 导出 100,000 invoices (about 3 lines each) to .xlsx in ≤ 10 s and ≤ 300 MB RSS,
// never blocking the UI. Each measurement runs in a child process of its own (its peak RSS is the
// export's, not the generator's): the time, the peak RSS (sampled every 50 ms) and the longest
// event-loop stall (a 10 ms setInterval probe: how long a click or an IPC message would wait).
// Beside it, the floor from the same run: ExcelJS streaming the same number of plain rows into the
// same two sheets, unstyled, with no database. The ledger is bench/ledger1m.ts's generator at 100k 销项.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { createCore } from '../src/main/core/app'
import { LEDGER_COMPANY, makeLedger } from './ledger1m'

interface Figures {
  ms: number
  peakMb: number
  stallMs: number
  invoices: number
  lines: number
  bytes: number
}

/** peak RSS and the longest stall of the event loop while `work` runs */
async function measured(work: () => Promise<{ invoices: number; lines: number; bytes: number }>): Promise<Figures> {
  let peak = process.memoryUsage().rss
  const rss = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  let last = performance.now()
  let stall = 0
  const probe = setInterval(() => {
    const now = performance.now()
    stall = Math.max(stall, now - last - 10)
    last = now
  }, 10)
  const t0 = performance.now()
  try {
    const r = await work()
    return { ms: performance.now() - t0, peakMb: Math.max(peak, process.memoryUsage().rss) / 1048576, stallMs: stall, ...r }
  } finally {
    clearInterval(rss)
    clearInterval(probe)
  }
}

/** loads ExcelJS's writer once, so neither side counts its module loading as work */
async function warmUp(dir: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'warm.xlsx'), useStyles: true, useSharedStrings: false })
  wb.addWorksheet('x').addRow(['x', 1]).commit()
  await wb.commit()
}

/** the floor waits for deflate as the export does (xlsxWriter.ts `drain`): same memory rule, no database */
async function deflated(ws: ExcelJS.Worksheet): Promise<void> {
  const pending = () => ((ws as unknown as { stream?: { pipes?: { _writableState?: { length?: number } }[] } }).stream?.pipes ?? []).reduce((n, p) => n + (p._writableState?.length ?? 0), 0)
  while (pending() > 4 * 1024 * 1024) await new Promise((r) => setTimeout(r, 1))
}

/** the child: one export through the core, or the floor */
async function child(dir: string, what: 'xlsx' | 'csv' | 'floor', invoices: number, lines: number): Promise<Figures> {
  await warmUp(dir)
  if (what === 'floor') {
    const file = path.join(dir, 'floor.xlsx')
    return measured(async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false })
      const list = wb.addWorksheet('发票列表')
      for (let i = 0; i < invoices; i++) {
        list.addRow(['销项', `2644200082151730${String(i).padStart(4, '0')}`, '2026-12-03 15:04:05', '电子发票（普通发票）', '蓝字', '华为技术有限公司', '914403001922038216', LEDGER_COMPANY.name, LEDGER_COMPANY.taxId, 1000 + i, 130, 1130 + i, '已开具', '正常', '王会计', null]).commit()
        if (i % 500 === 0) await deflated(list)
      }
      list.commit()
      const detail = wb.addWorksheet('发票明细')
      for (let i = 0; i < lines; i++) {
        detail.addRow([`2644200082151730${String(i).padStart(4, '0')}`, 1 + (i % 3), '*信息技术服务*软件开发服务', 'A-1', '项', 2, 500, 1000, '13%', 130]).commit()
        if (i % 1500 === 0) await deflated(detail)
      }
      detail.commit()
      await wb.commit()
      return { invoices, lines, bytes: fs.statSync(file).size }
    })
  }
  const core = createCore({ dataDir: dir, company: LEDGER_COMPANY.taxId })
  try {
    // the ledger open (as it is in a running app) before the clock starts
    await core.call('invoices.query', { size: 1 })
    return await measured(async () => {
      const r = await core.call('invoices.export', { selection: { filter: { side: '销项' } }, format: what })
      const file = core.files.resolve(r.file.token).path
      return { invoices: r.count, lines: what === 'xlsx' ? lines : 0, bytes: fs.statSync(file).size }
    })
  } finally {
    core.close()
  }
}

function runChild(dir: string, what: string, invoices: number, lines: number): Figures {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--export-child', dir, what, String(invoices), String(lines)], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`export child ${what} failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Figures
}

const fmt = (f: Figures) =>
  `${(f.ms / 1000).toFixed(2)} s, peak RSS ${f.peakMb.toFixed(0)} MB, longest stall ${f.stallMs.toFixed(0)} ms, ${(f.bytes / 1048576).toFixed(1)} MB file`

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
    const xlsx = runChild(dir, 'xlsx', invoices, lines)
    const floor = runChild(dir, 'floor', invoices, lines)
    const csv = runChild(dir, 'csv', invoices, lines)
    console.log(`  .xlsx (发票列表 + 发票明细) through invoices.export: ${fmt(xlsx)}`)
    console.log(`  floor: ExcelJS streaming the same rows, no database:   ${fmt(floor)}`)
    console.log(`  .csv (GBK, 发票列表) through invoices.export:          ${fmt(csv)}`)
  } finally {
    if (temporary) fs.rmSync(dir, { recursive: true, force: true })
    // the exports' own files (a 100k ledger is kept, its exports are not)
    else fs.rmSync(path.join(dir, 'tmp'), { recursive: true, force: true })
  }
}

const at = process.argv.indexOf('--export-child')
if (at >= 0) {
  const [dir, what, invoices, lines] = process.argv.slice(at + 1)
  const figures = await child(dir!, what as 'xlsx' | 'csv' | 'floor', Number(invoices), Number(lines))
  console.log(JSON.stringify(figures))
}
