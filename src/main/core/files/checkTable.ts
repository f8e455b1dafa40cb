// Reads a spreadsheet and checks every row with the same schema and rules as the form, the same
// way whether it runs in place (small files) or in the import worker (large ones). Each row leaves
// at once, valid or failed, to where the import keeps it (its stage): nothing here holds the table.
import fs from 'node:fs'
import type { Ledger } from '../ledger/open'
import { isZip } from './excel/openWorkbook'
import { readTable, type TableRow } from './excel/read'
import { readTableStream, type TableHeader } from './excel/readStream'
import type { SheetSpec } from './excel/spec'
import { identityOf } from './identity'
import type { CellIssue, TableImport } from './tableImport'

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

const SLICE = 2000

/**
 * Rows are read one by one: an .xlsx streams (the table never sits in memory whole); .xls and .csv
 * are parsed whole by SheetJS, then walked in slices.
 */
async function readRows(file: { path: string; name: string }, spec: SheetSpec, pause: () => Promise<void>, row: (r: TableRow) => void): Promise<TableHeader> {
  const bytes = fs.readFileSync(file.path)
  if (/\.xlsx$/i.test(file.name) && isZip(bytes)) return readTableStream(bytes, file.name, spec, {}, { pause, row })
  const { rows, ...header } = readTable(bytes, file.name, spec)
  for (const [i, r] of rows.entries()) {
    row(r)
    if ((i + 1) % SLICE === 0) await pause()
  }
  return header
}

export async function checkTable<F>(ledger: Ledger, spec: TableImport<F>, file: { path: string; name: string }, hooks: CheckHooks): Promise<number> {
  let total = 0
  await readRows(file, spec.sheet, hooks.pause, (row) => {
    const o = checkRow(ledger, spec, row, hooks.earlier)
    if ('record' in o) hooks.valid(row, o.record, o.identity)
    else hooks.failed(o)
    if (++total % SLICE === 0) hooks.progress(total)
  })
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
  if (first !== undefined)
    return { row, issues: [{ key: spec.sheet.columns[0]!.key, message: `与第 ${first} 行重复（同一${spec.label}在文件中出现了两次）` }] }
  return { record, identity }
}
