// What makes a ledger table importable from a spreadsheet (客户, 项目): its sheet, how a row becomes
// the call's input, the schema and ledger rules it is checked with, and how it is stored. The
// import (tableImport.ts), its check (checkTable.ts) and its worker (importFile.ts) all read it.
import type { z } from 'zod'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Ledger } from '../ledger/open'
import type { SheetSpec } from './excel/spec'
import type { IdentityKeys } from './identity'

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
  /** rules that need the ledger (e.g. the tax code is a leaf), checked as the row is read */
  check?(ledger: Ledger, f: F): CellIssue | null
  /** the ledger table the records go to */
  table: SQLiteTable
  /** a checked row as that table stores it, but its id and times (mapped while reading: applying only copies) */
  toRow(f: F): Record<string, unknown>
  /** which records are the same one: as the table's unique indexes say (identity.ts) */
  identity: IdentityKeys
}
