// The work of one import, the same in place and in the import worker, on a connection of its own:
// every row is read and checked while the ledger stays free for autosave and sync — valid rows
// (their records mapped as the ledger stores them) and failed ones go to the import's stage
// (importStage.ts), the error report is written from it — then one short transaction creates or
// updates the records, each by its identity in the ledger as it is at that moment, and records the
// import in the audit log. A cancelled, failed or killed import never reaches that transaction:
// the ledger is as it was.
import { recordAudit } from '../features/audit/service'
import { openLedgerConnection } from '../ledger/open'
import { checkTable, type FailedRow } from './checkTable'
import { writeErrorReport } from './errorReport'
import { openImportStage } from './importStage'
import type { TableImport } from './tableImportSpec'

export interface ImportOutcome {
  total: number
  created: number
  updated: number
  /** how many rows failed; the error report holds them all */
  failedRows: number
  /** the first failed rows, for the screen (LISTED_FAILURES at most) */
  failed: FailedRow[]
}

/** failed rows listed in the answer: the screen shows a few hundred, the error report has them all */
export const LISTED_FAILURES = 1000

export type ImportPhase = '读取并校验' | '写入'

export interface ImportHooks {
  /** between slices: hands the event loop back; may throw to stop (cancel) */
  pause(): Promise<void>
  progress(rows: number, phase: ImportPhase): void
}

export async function importFile<F>(
  ledgerFile: string,
  spec: TableImport<F>,
  file: { path: string; name: string },
  now: string,
  hooks: ImportHooks,
  /** where the error report goes when rows fail */
  reportPath: string,
): Promise<ImportOutcome> {
  const ledger = openLedgerConnection(ledgerFile)
  try {
    const stage = openImportStage(ledger.db, spec.table)
    const total = await checkTable(ledger, spec, file, {
      pause: hooks.pause,
      progress(rows) {
        stage.commit()
        hooks.progress(rows, '读取并校验')
      },
      earlier: (identity) => stage.earlier(identity),
      valid: (row, record, identity) => stage.addValid(row.row, record, identity),
      failed: (row) => stage.addFailed(row),
    })
    stage.commit()
    const failedRows = stage.failedCount()
    if (failedRows > 0) await writeErrorReport(spec.sheet, reportPath, stage.failures, hooks.pause)
    await hooks.pause() // the last moment to cancel
    hooks.progress(total, '写入')

    ledger.db.exec('BEGIN IMMEDIATE')
    const { created, updated } = stage.apply(now, spec.identity)
    recordAudit(ledger.orm, now, {
      action: 'import',
      entity: spec.entity,
      summary: `导入${spec.label}（${file.name}）：新增 ${created}，更新 ${updated}，失败 ${failedRows}`,
      details: { file: file.name, total, created, updated, failed: failedRows },
    })
    ledger.db.exec('COMMIT')
    return { total, created, updated, failedRows, failed: stage.failures(0, LISTED_FAILURES) }
  } finally {
    if (ledger.db.inTransaction) ledger.db.exec('ROLLBACK')
    ledger.close()
  }
}
