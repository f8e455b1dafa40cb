// Issue 13: 批量开具 of the official template V260401 — 1,000 invoices × 5 lines (smoke: 100 × 5),
// typed into the platform's own file through ExcelJS (not measured) — imported through the core's
// call (read, every rule with the issuing screen's context, one transaction of drafts), then queued
// by 批量开具 (one transaction: each draft's lifecycle move, lines and outbox command). Floors, in
// the same run: for the import, reading the same file's sheets (sheetRows, the unavoidable parse)
// plus bare better-sqlite3 inserts of the same number of draft documents in one transaction; for
// the queue, bare better-sqlite3 updates, line inserts and outbox inserts of the same counts.
// Runnable alone: `npx tsx bench/batch.ts [--smoke]` (or `npm run bench -- batch`).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCore } from '../src/main/core/app'
import { readTemplateRows } from '../src/main/core/features/batch/sheetRows'
import { openLedgerConnection } from '../src/main/core/ledger/open'
import { fillOfficial, haveOfficialTemplate, SKIP_REASON } from '../src/main/core/features/batch/testSupport'
import { manySheets } from '../tests/support/batchFiles'

const SELLER = { name: '深圳市测试科技有限公司', taxId: '91440300MA5G0X1U23', region: '44' as const, operator: '王会计' }
const LINES = 5

/** wall time, and this process's CPU time (steadier than wall time on a shared machine) */
const timed = async <T>(work: () => T | Promise<T>): Promise<[T, number, number]> => {
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  const r = await work()
  const cpu = process.cpuUsage(c0)
  return [r, performance.now() - t0, (cpu.user + cpu.system) / 1000]
}

export async function batchBench(smoke: boolean): Promise<void> {
  if (!haveOfficialTemplate) {
    console.log(`批量开具 (issue 13): ${SKIP_REASON}`)
    return
  }
  const count = smoke ? 100 : 1000
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-bench-batch-'))
  const core = createCore({ dataDir: path.join(dir, 'data') })
  try {
    await core.call('companies.create', SELLER)
    const file = path.join(dir, '批量开票.xlsx')
    await fillOfficial(file, manySheets(count, LINES))

    let peak = process.memoryUsage().rss
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const [imported, importMs, importCpu] = await timed(() => core.call('batch.import', { file: core.files.register(file).token }))
    if (!imported.batch) throw new Error(`the bench file was refused: ${imported.errors[0]?.message}`)
    const id = imported.batch.id
    const [queued, queueMs, queueCpu] = await timed(() => core.call('batch.issue', { id }))
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)

    // the floors, on the same ledger file
    const [, readMs] = await timed(() => readTemplateRows(fs.readFileSync(file), path.basename(file)))
    const ledgerFile = path.join(dir, 'data', 'companies', SELLER.taxId, 'ledger.db')
    // the ledger's own connection: its triggers call the functions it registers
    const ledger = openLedgerConnection(ledgerFile)
    const db = ledger.db
    const document = db.prepare('SELECT document FROM invoices LIMIT 1').get() as { document: string }
    const insertDraft = db.prepare(
      `INSERT INTO invoices (kind, state, buyer_name, buyer_tax_id, amount_fen, tax_fen, total_fen, line_count, document, created_at, updated_at)
       VALUES ('82', 'draft', '上海物流有限公司', '91310000132206289R', 100, 13, 113, ${LINES}, ?, 'x', 'x')`,
    )
    const [, insertMs] = await timed(() => db.transaction(() => Array.from({ length: count }, () => insertDraft.run(document.document).lastInsertRowid))())
    const ids = (db.prepare('SELECT invoice_id AS id FROM batch_invoices WHERE batch_id = ?').all(id) as { id: number }[]).map((r) => r.id)
    const setState = db.prepare(`UPDATE invoices SET state = 'queued', queued_at = 'x', updated_at = 'x' WHERE id = ?`)
    const line = db.prepare(
      `INSERT INTO invoice_lines (invoice_id, position, nature, name, tax_code, amount_fen, tax_rate, tax_fen) VALUES (?, ?, '正常行', '服务器', '1090511030000000000', 100, '0.13', 13)`,
    )
    const command = db.prepare(
      `INSERT INTO outbox (command, document_type, document_id, idempotency_key, payload, state, created_at, updated_at) VALUES ('floor', 'floor', ?, ?, ?, 'pending', 'x', 'x')`,
    )
    const [, queueFloorMs] = await timed(() =>
      db.transaction(() => {
        for (const invoiceId of ids) {
          setState.run(invoiceId)
          for (let p = 0; p < LINES; p++) line.run(invoiceId, 100 + p)
          command.run(invoiceId, `floor-${invoiceId}`, document.document)
        }
      })(),
    )
    ledger.close()
    const importFloorMs = readMs + insertMs

    console.log(`批量开具 (issue 13): ${count} invoices × ${LINES} lines from the official template V260401`)
    console.log(
      `  import (batch.import: read, check, one transaction) ${importMs.toFixed(0)} ms (CPU ${importCpu.toFixed(0)} ms) — ${imported.invoices} invoices, ${imported.lines} lines, 价税合计 ${imported.totals.total}`,
    )
    console.log(
      `  floor: the sheets read ${readMs.toFixed(0)} ms + ${count} bare draft inserts ${insertMs.toFixed(0)} ms = ${importFloorMs.toFixed(0)} ms; import ÷ floor ${(importMs / importFloorMs).toFixed(1)}×`,
    )
    console.log(`  queue (batch.issue, one transaction) ${queueMs.toFixed(0)} ms (CPU ${queueCpu.toFixed(0)} ms) — ${queued.counts.queued} 待开具`)
    console.log(`  floor: bare updates, ${count * LINES} line and ${count} outbox inserts ${queueFloorMs.toFixed(0)} ms; queue ÷ floor ${(queueMs / queueFloorMs).toFixed(1)}×`)
    console.log(`  peak RSS of this process ${(peak / 1024 / 1024).toFixed(0)} MB`)
  } finally {
    core.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('bench/batch.ts')) await batchBench(process.argv.includes('--smoke'))
