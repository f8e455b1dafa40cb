// Import = template + header mapping + a report the user can act on (DESIGN.md §10.9).
// Every row is checked with the same schema and rules as the form; valid rows create or update
// the record with the same identity; invalid rows are reported with the spreadsheet's own row
// number and never half-applied. All valid rows are written in one transaction: a cancelled or
// failed import changes nothing. Large files are read and checked in a worker thread with a
// memory ceiling, so the app neither freezes nor balloons.
import type { z } from 'zod'
import type { ImportFailure, ImportResult } from '../../../shared/api/importResult'
import type { CoreContext } from '../context'
import type Database from 'better-sqlite3'
import type { Ledger } from '../ledger/open'
import { recordAudit } from '../features/audit/service'
import { openExportWriter } from './excel/write'
import type { SheetSpec } from './excel/spec'
import fs from 'node:fs'
import { checkTable, type FailedRow } from './checkTable'
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

/** files above this size are read in the import worker (about 10,000 rows of a customer sheet) */
export const IMPORT_WORKER_THRESHOLD_BYTES = 512 * 1024
/** the worker's memory ceiling: a runaway file stops with LIMIT; 200,000 rows fit within it */
const IMPORT_WORKER_MEMORY_MB = 1536

type WorkerMessage<F> = { type: 'progress'; rows: number } | { type: 'batch'; valid: F[]; failed: FailedRow[] }

export async function runImport<F>(ctx: CoreContext, spec: TableImport<F>, fileToken: string, jobId: string | undefined): Promise<ImportResult> {
  const ledger = await ctx.ledger()
  const file = ctx.files.resolve(fileToken)
  const job = ctx.jobs.start(jobId)
  try {
    // rows are checked as they are read: only the valid values and the failed rows are kept
    job.progress(0, 0, '读取并校验')
    const valid: F[] = []
    const failedRows: FailedRow[] = []
    const hooks = {
      progress: (rows: number) => job.progress(rows, 0, '读取并校验'),
      batch: (v: F[], f: FailedRow[]) => {
        valid.push(...v)
        failedRows.push(...f)
      },
    }
    const total =
      fs.statSync(file.path).size > IMPORT_WORKER_THRESHOLD_BYTES
        ? await runWorker<number>(
            siblingModule(import.meta.url, 'importWorker'),
            { entity: spec.entity, ledgerFile: ledger.file, file: { path: file.path, name: file.name } },
            {
              cancelled: job.cancelled,
              maxOldGenerationSizeMb: IMPORT_WORKER_MEMORY_MB,
              onMessage: (m) => {
                const msg = m as WorkerMessage<F>
                if (msg.type === 'progress') hooks.progress(msg.rows)
                else hooks.batch(msg.valid, msg.failed)
              },
            },
          )
        : await checkTable(ledger, spec, file, {
            ...hooks,
            pause: async () => {
              job.checkpoint()
              await job.yield()
            },
          })
    job.checkpoint()

    let created = 0
    let updated = 0
    const now = ctx.now()
    job.progress(0, valid.length, '写入')
    if (valid.length > 0) {
      const write = spec.prepare(ledger.db)
      ledger.db.transaction(() => {
        for (const value of valid) {
          const id = write.find(value)
          if (id === undefined) {
            write.insert(value, now)
            created++
          } else {
            write.update(id, value, now)
            updated++
          }
        }
        recordAudit(ledger.orm, now, {
          action: 'import',
          entity: spec.entity,
          summary: `导入${spec.label}（${file.name}）：新增 ${created}，更新 ${updated}，失败 ${failedRows.length}`,
          details: { file: file.name, total, created, updated, failed: failedRows.length },
        })
      })()
      ctx.events.emit({ type: 'data.changed', entity: `${spec.entity}s` })
    }
    job.progress(valid.length, valid.length, '写入')

    const failed: ImportFailure[] = failedRows.flatMap((o) =>
      o.issues.map((i) => ({
        row: o.row.row,
        column: spec.sheet.columns.find((c) => c.key === i.key)?.header ?? '',
        value: o.row.values[i.key] ?? '',
        message: i.message,
      })),
    )
    const result: ImportResult = { total, created, updated, failed }
    if (failedRows.length > 0) result.errorReport = await writeErrorReport(ctx, spec, failedRows)
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
