// Reads a spreadsheet and checks every row with the same schema and rules as the form, the same
// way whether it runs in place (small files) or in the import worker (large ones). Each row leaves
// at once, valid or failed, to where the import keeps it (its stage): nothing here holds the table.
import fs from 'node:fs'
import type { Ledger } from '../ledger/open'
import type { TableRow } from './excel/read'
import { readTableStream } from './excel/readStream'
import { identityOf } from './identity'
import type { CellIssue, TableImport } from './tableImportSpec'

export interface FailedRow {
  row: TableRow
  issues: CellIssue[]
}

export interface CheckHooks {
  /** every few thousand rows: hands the event loop back; may throw to stop (cancel) */
  pause(): Promise<void>
  /** every few thousand rows and at the end */
  progress(rowsRead: number): void
  /** the spreadsheet row that already holds this identity, if any (duplicates within the file) */
  earlier(identity: string): number | undefined
  /** a valid row, as the ledger will store it (the spec's toRow) */
  valid(row: TableRow, record: Record<string, unknown>, identity: string | null): void
  failed(row: FailedRow): void
}

/** progress is told every this many rows */
const SLICE = 2000

export async function checkTable<F>(ledger: Ledger, spec: TableImport<F>, file: { path: string; name: string }, hooks: CheckHooks): Promise<number> {
  let total = 0
  const row = (r: TableRow) => {
    const o = checkRow(ledger, spec, r, hooks.earlier)
    if ('record' in o) hooks.valid(r, o.record, o.identity)
    else hooks.failed(o)
    if (++total % SLICE === 0) hooks.progress(total)
  }
  // rows come one by one whatever the file (readStream.ts): nothing holds the whole table
  await readTableStream(fs.readFileSync(file.path), file.name, spec.sheet, {}, { pause: hooks.pause, row })
  hooks.progress(total)
  return total
}

function checkRow<F>(
  ledger: Ledger,
  spec: TableImport<F>,
  row: TableRow,
  earlier: (identity: string) => number | undefined,
): FailedRow | { record: Record<string, unknown>; identity: string | null } {
  const issues: CellIssue[] = [...row.problems]
  const { input, issues: inputIssues } = spec.toInput(row.values)
  issues.push(...inputIssues)
  const parsed = spec.schema.safeParse(input)
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const key = String(i.path[0] ?? '')
      // a cell already reported (e.g. mangled by Excel) needs no second message
      if (!issues.some((x) => x.key === key)) issues.push({ key, message: i.message })
    }
    return { row, issues }
  }
  if (issues.length > 0) return { row, issues }
  const ruleIssue = spec.check?.(ledger, parsed.data)
  if (ruleIssue) return { row, issues: [ruleIssue] }
  const record = spec.toRow(parsed.data)
  const identity = identityOf(spec.identity, record)
  const first = identity === null ? undefined : earlier(identity)
  if (first !== undefined) return { row, issues: [{ key: spec.sheet.columns[0]!.key, message: `与第 ${first} 行重复（同一${spec.label}在文件中出现了两次）` }] }
  return { record, identity }
}
