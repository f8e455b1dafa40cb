// Import = template + header mapping + a report the user can act on (DESIGN.md §10.9).
// Every row is checked with the same schema and rules as the form; valid rows create or update
// the record with the same identity; invalid rows are reported with the spreadsheet's own row
// number and never half-applied. The rows are read and checked without holding the ledger, then
// written in one short transaction: a cancelled or failed import changes nothing, and autosave
// and sync go on meanwhile (importFile.ts). Large files are imported in a worker thread with a
// memory ceiling, so the app neither freezes nor balloons.
import type { ImportFailure, ImportResult } from '../../../shared/api/importResult'
import type { CoreContext } from '../context'
import fs from 'node:fs'
import { importFile, type ImportOutcome, type ImportPhase } from './importFile'
import type { TableImport } from './tableImportSpec'
import { runWorker, siblingModule } from './worker'

/**
 * When an import goes to the worker. An .xlsx streams and hands the event loop back as it goes, so
 * only a big one needs the worker (4 MB ≈ 50,000 customers); a .csv is decoded whole first and an
 * .xls is parsed whole by SheetJS, blocking meanwhile, so the worker takes them from 512 KB
 * (≈ 10,000 rows). Below these sizes the worker's start-up would cost more than it saves.
 */
function needsWorker(file: { path: string; name: string }): boolean {
  const size = fs.statSync(file.path).size
  return size > (/\.xlsx$/i.test(file.name) ? 4 : 0.5) * 1024 * 1024
}
/**
 * The worker's memory ceiling: a runaway file stops with LIMIT instead of swelling the app. What
 * streams (.xlsx, CSV) needs little (a tighter ceiling also makes its garbage go sooner); SheetJS
 * parses a 50 MB .xls (or an XML or HTML spreadsheet) whole, within the larger one.
 */
const workerMemoryMb = (file: { name: string }) => (/\.xls$/i.test(file.name) ? 1024 : 256)

/** a cell or a message shown in the answer: the error report keeps the whole text */
function shown(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

export async function runImport<F>(ctx: CoreContext, spec: TableImport<F>, fileToken: string, jobId: string | undefined): Promise<ImportResult> {
  const ledger = await ctx.ledger()
  const file = ctx.files.resolve(fileToken)
  const job = ctx.jobs.start(jobId)
  const report = ctx.files.output(`${spec.label}导入错误报告.xlsx`)
  let outcome: ImportOutcome
  try {
    const progress = (rows: number, phase: ImportPhase) => job.progress(rows, 0, phase)
    progress(0, '读取并校验')
    const now = ctx.now()
    const where = { path: file.path, name: file.name }
    outcome = needsWorker(file)
      ? await runWorker<ImportOutcome>(
          siblingModule(import.meta.url, 'importWorker'),
          { entity: spec.entity, ledgerFile: ledger.file, file: where, now, reportPath: report.path },
          {
            cancelled: job.cancelled,
            maxOldGenerationSizeMb: workerMemoryMb(file),
            onMessage: (m) => {
              const p = m as { rows: number; phase: ImportPhase }
              progress(p.rows, p.phase)
            },
          },
        )
      : await importFile(
          ledger.file,
          spec,
          where,
          now,
          {
            progress,
            pause: async () => {
              job.checkpoint()
              await job.yield()
            },
          },
          report.path,
        )
  } catch (e) {
    ctx.files.release(report.token)
    throw e
  } finally {
    job.end()
  }
  // an uploaded file is used up once imported (a retry after a failure or a cancel keeps it)
  ctx.files.release(fileToken)
  const { total, created, updated, failedRows } = outcome
  if (created + updated > 0) ctx.events.emit({ type: 'data.changed', entity: `${spec.entity}s` })

  const failed: ImportFailure[] = outcome.failed.flatMap((o) =>
    o.issues.map((i) => ({
      row: o.row.row,
      column: spec.sheet.columns.find((c) => c.key === i.key)?.header ?? '',
      value: shown(o.row.values[i.key] ?? '', 100),
      message: shown(i.message, 300),
    })),
  )
  const result: ImportResult = { total, created, updated, failed }
  if (failedRows === 0) ctx.files.release(report.token)
  else {
    result.failedRows = failedRows
    result.errorReport = { token: report.token, name: report.name }
  }
  return result
}
