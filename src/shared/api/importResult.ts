import type { FileRef } from './define'

/** One rejected spreadsheet row: `row` is the spreadsheet's own row number. */
export interface ImportFailure {
  row: number
  column: string
  value: string
  message: string
}

export interface ImportResult {
  total: number
  created: number
  updated: number
  /** the failures of the first 1,000 rejected rows (cell texts and messages cut at 100 / 300 characters) */
  failed: ImportFailure[]
  /** how many rows were rejected, when any were: the error report lists them all */
  failedRows?: number
  /** the rejected rows with a 错误原因 column, ready to fix and re-upload; present when rows failed */
  errorReport?: FileRef
}

export interface ExportResult {
  file: FileRef
  count: number
}
