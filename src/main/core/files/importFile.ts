// The work of one import, the same in place and in the import worker: on a connection of its own,
// inside one transaction, every row is read, checked, and — if valid — written as it comes
// (create, or update the record with the same identity). Nothing holds the whole file, and a
// cancelled or failed import never commits: the ledger is as it was.
import { recordAudit } from '../features/audit/service'
import { openLedgerConnection } from '../ledger/open'
import { checkTable, type FailedRow } from './checkTable'
import type { TableImport } from './tableImport'

export interface ImportOutcome {
  total: number
  created: number
  updated: number
  failed: FailedRow[]
}

export interface ImportHooks {
  /** between slices: hands the event loop back; may throw to stop (cancel) */
  pause(): Promise<void>
  progress(rowsRead: number): void
}

export async function importFile<F>(
  ledgerFile: string,
  spec: TableImport<F>,
  file: { path: string; name: string },
  now: string,
  hooks: ImportHooks,
): Promise<ImportOutcome> {
  const ledger = openLedgerConnection(ledgerFile)
  try {
    const write = spec.prepare(ledger.db)
    const out: ImportOutcome = { total: 0, created: 0, updated: 0, failed: [] }
    ledger.db.exec('BEGIN IMMEDIATE')
    out.total = await checkTable(ledger, spec, file, {
      ...hooks,
      batch(valid, failed) {
        out.failed.push(...failed)
        for (const value of valid) {
          const id = write.find(value)
          if (id === undefined) {
            write.insert(value, now)
            out.created++
          } else {
            write.update(id, value, now)
            out.updated++
          }
        }
      },
    })
    recordAudit(ledger.orm, now, {
      action: 'import',
      entity: spec.entity,
      summary: `导入${spec.label}（${file.name}）：新增 ${out.created}，更新 ${out.updated}，失败 ${out.failed.length}`,
      details: { file: file.name, total: out.total, created: out.created, updated: out.updated, failed: out.failed.length },
    })
    ledger.db.exec('COMMIT')
    return out
  } finally {
    if (ledger.db.inTransaction) ledger.db.exec('ROLLBACK')
    ledger.close()
  }
}
