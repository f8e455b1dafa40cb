// Import = template + header mapping + a report the user can act on (DESIGN.md §10.9).
// Every row is checked with the same schema and rules as the form; valid rows create or update
// the record with the same identity; invalid rows are reported with the spreadsheet's own row
// number and never half-applied. All valid rows are written in one transaction: a cancelled or
// failed import changes nothing (importFile.ts). Large files are imported in a worker thread with
// a memory ceiling, so the app neither freezes nor balloons.
import type { z } from 'zod'
import type { ImportFailure, ImportResult } from '../../../shared/api/importResult'
import type { CoreContext } from '../context'
import type Database from 'better-sqlite3'
import type { Ledger } from '../ledger/open'
import { openExportWriter } from './excel/write'
import type { SheetSpec } from './excel/spec'
import fs from 'node:fs'
import type { FailedRow } from './checkTable'
import { importFile, type ImportOutcome } from './importFile'
import { runWorker, siblingModule } from './worker'

export interface CellIssue {
  key: string
  message: string
}

export interface TableImport<F> {
  sheet: SheetSpec
  /** for the audit log and the data-changed event */
  entity: string
  /** 客户 / 项目, in messages */
  label: string
  /** the spreadsheet's strings → the call's input; text it cannot understand becomes an issue */
  toInput(values: Record<string, string>): { input: Record<string, unknown>; issues: CellIssue[] }
  schema: z.ZodType<F>
  /** rules that need the ledger (e.g. the tax code is a leaf) */
  check?(ledger: Ledger, f: F): CellIssue | null
  /** rows with equal identity are the same record */
  identity(f: F): string
  /** statements prepared once per import: find a record by identity, write one */
  prepare(db: Database.Database): {
    find(f: F): number | undefined
    insert(f: F, now: string): void
    update(id: number, f: F, now: string): void
  }
}

/**
 * When an import goes to the worker. An .xlsx streams and hands the event loop back as it goes, so
 * only a big one needs the worker's memory ceiling (4 MB ≈ 50,000 customers); .xls and .csv are
 * parsed whole and block while parsing, so the worker takes them from 512 KB (≈ 10,000 rows).
 * Below these sizes the worker's start-up would cost more than it saves.
 */
function needsWorker(file: { path: string; name: string }): boolean {
  const size = fs.statSync(file.path).size
  return size > (/\.xlsx$/i.test(file.name) ? 4 : 0.5) * 1024 * 1024
}
/**
 * The worker's memory ceiling: a runaway file stops with LIMIT instead of swelling the app. A
 * streamed .xlsx needs little (a tighter ceiling also makes its garbage go sooner); SheetJS parses
 * a 50 MB .xls or .csv whole, within the larger one.
 */
const workerMemoryMb = (file: { name: string }) => (/\.xlsx$/i.test(file.name) ? 256 : 1024)

export async function runImport<F>(ctx: CoreContext, spec: TableImport<F>, fileToken: string, jobId: string | undefined): Promise<ImportResult> {
  const ledger = await ctx.ledger()
  const file = ctx.files.resolve(fileToken)
  const job = ctx.jobs.start(jobId)
  try {
    const progress = (rows: number) => job.progress(rows, 0, '读取并校验')
    progress(0)
    const now = ctx.now()
    const where = { path: file.path, name: file.name }
    const outcome =
      needsWorker(file)
        ? await runWorker<ImportOutcome>(
            siblingModule(import.meta.url, 'importWorker'),
            { entity: spec.entity, ledgerFile: ledger.file, file: where, now },
            {
              cancelled: job.cancelled,
              maxOldGenerationSizeMb: workerMemoryMb(file),
              onMessage: (m) => progress((m as { rows: number }).rows),
            },
          )
        : await importFile(ledger.file, spec, where, now, {
            progress,
            pause: async () => {
              job.checkpoint()
              await job.yield()
            },
          })
    const { total, created, updated } = outcome
    if (created + updated > 0) ctx.events.emit({ type: 'data.changed', entity: `${spec.entity}s` })

    const failed: ImportFailure[] = outcome.failed.flatMap((o) =>
      o.issues.map((i) => ({
        row: o.row.row,
        column: spec.sheet.columns.find((c) => c.key === i.key)?.header ?? '',
        value: o.row.values[i.key] ?? '',
        message: i.message,
      })),
    )
    const result: ImportResult = { total, created, updated, failed }
    if (outcome.failed.length > 0) result.errorReport = await writeErrorReport(ctx, spec, outcome.failed)
    return result
  } finally {
    job.end()
  }
}

async function writeErrorReport<F>(ctx: CoreContext, spec: TableImport<F>, rows: FailedRow[]) {
  const out = ctx.files.output(`${spec.label}导入错误报告.xlsx`)
  const writer = await openExportWriter(spec.sheet, out.path, {
    extraColumns: [
      { key: '__error', header: '错误原因', width: 60 },
      { key: '__row', header: '原行号', width: 8 },
    ],
  })
  for (const o of rows) {
    const reasons = o.issues.map((i) => {
      const header = spec.sheet.columns.find((c) => c.key === i.key)?.header
      return header ? `【${header}】${i.message}` : i.message
    })
    writer.add({ ...o.row.values, __error: reasons.join('；'), __row: String(o.row.row) })
  }
  await writer.close()
  return { token: out.token, name: out.name }
}
