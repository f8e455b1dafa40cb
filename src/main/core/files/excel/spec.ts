// The shape of one spreadsheet: the same spec drives the template, the importer's header
// mapping and the export, so an export re-imports unchanged.

export interface SheetColumn {
  /** the field key in row records */
  key: string
  /** header text written in templates and exports */
  header: string
  /** other header texts accepted on import (Chinese Excel and other platforms' names) */
  synonyms?: string[]
  /** the column must be present on import; marked with * in the template */
  required?: boolean
  /** long digit strings (IDs, accounts): text-formatted; a numeric cell here is suspect on import */
  text?: boolean
  /** enumerated values: a dropdown in the template */
  options?: readonly string[]
  /** column width in characters */
  width?: number
  /** a line for the instructions sheet */
  note?: string
}

export interface SheetSpec {
  /** name of the data sheet */
  sheetName: string
  /** title shown on the instructions sheet */
  title: string
  columns: SheetColumn[]
  /** general instructions, one paragraph each */
  instructions: string[]
}
