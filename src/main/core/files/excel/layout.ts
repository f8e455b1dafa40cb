// What our own templates and exports look like, shared by the writer and the reader so that a
// template filled in, or an export edited, reads back without surprises.
import type { SheetColumn } from './spec'

/** The instructions sheet of our templates: never taken for data, even when it lists column names. */
export const INSTRUCTIONS_SHEET = '填写说明'

/** A hidden sheet holding dropdown lists too long (or with commas) for an inline list. */
export const OPTIONS_SHEET = '下拉选项'

/** Template rows prepared with dropdowns (rows 2 to 5001); text columns are text-formatted whole. */
export const TEMPLATE_DATA_ROWS = 5000

/** Header text as written: required columns carry a leading `*` (the reader strips it again). */
export function headerLabel(col: SheetColumn): string {
  return col.required ? `*${col.header}` : col.header
}

/** Column width in characters: the spec's, else room for the header (CJK characters count double). */
export function columnWidth(col: Pick<SheetColumn, 'header' | 'width'>): number {
  if (col.width) return col.width
  let w = 2
  for (const ch of col.header) w += ch.charCodeAt(0) > 0xff ? 2 : 1
  return Math.max(12, w + 2)
}
