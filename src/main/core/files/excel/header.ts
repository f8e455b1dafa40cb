// Finding the header row by its names, never by position: bookkeepers add a title above the table,
// reorder columns, keep extra columns, and other platforms name the same column differently
// (税号 / 纳税人识别号 / 购买方纳税人识别号).
import { AppError } from '../../errors'
import { loadSheetJS } from './sheetjs'
import type { SheetColumn, SheetSpec } from './spec'

export interface HeaderMapping {
  /** the mapped columns by their 0-based sheet column index */
  columns: { index: number; column: SheetColumn }[]
  /** key → header text as found */
  mapped: Record<string, string>
  ignoredHeaders: string[]
}

/**
 * A header cell as compared: no spaces of any kind (also inside: "名称\n（必填）"), no `*`/`＊`
 * marks at either end, no trailing （必填）, Latin letters in lower case.
 */
export function normalizeHeader(s: string): string {
  let t = s.replace(/[\s\u3000\u00a0\ufeff]+/g, '')
  let before: string
  do {
    before = t
    t = t.replace(/^[*＊]+|[*＊]+$/g, '').replace(/[（(]必填[)）]$/, '')
  } while (t !== before)
  return t.toLowerCase()
}

/** No column name is longer: a longer cell in a header row is text, not worth normalising (a row may hold 16,384 of them). */
const MAX_HEADER_CHARS = 100

/** the column a header cell names, if any */
function columnNamed(text: string, names: Map<string, SheetColumn>): SheetColumn | undefined {
  return text && text.length <= MAX_HEADER_CHARS ? names.get(normalizeHeader(text)) : undefined
}

/** Normalised header and synonym texts → column; on a clash the earlier column in the spec wins. */
export function headerNames(spec: SheetSpec): Map<string, SheetColumn> {
  const names = new Map<string, SheetColumn>()
  for (const col of spec.columns) {
    for (const name of [col.header, ...(col.synonyms ?? [])]) {
      const n = normalizeHeader(name)
      if (n && !names.has(n)) names.set(n, col)
    }
  }
  return names
}

/** How many cells name a column; 0 when the row names no required column (a title or a note). */
export function headerScore(cells: readonly string[], names: Map<string, SheetColumn>, spec: SheetSpec): number {
  const needRequired = spec.columns.some((c) => c.required)
  let matches = 0
  let required = false
  for (const text of cells) {
    const col = columnNamed(text, names)
    if (!col) continue
    matches++
    if (col.required) required = true
  }
  return needRequired && !required ? 0 : matches
}

/** Maps the chosen header row; refuses duplicates and missing required columns, naming them. */
export function mapHeader(cells: readonly string[], rowNumber: number, names: Map<string, SheetColumn>, spec: SheetSpec): HeaderMapping {
  const columns: HeaderMapping['columns'] = []
  const mapped: Record<string, string> = {}
  const where: Record<string, number> = {}
  const ignoredHeaders: string[] = []
  cells.forEach((text, index) => {
    if (!text) return
    const col = columnNamed(text, names)
    if (!col) {
      ignoredHeaders.push(text)
      return
    }
    const first = where[col.key]
    if (first !== undefined) {
      throw new AppError(
        'FILE_INVALID',
        `表头第 ${rowNumber} 行中，${loadSheetJS().utils.encode_col(first)} 列「${mapped[col.key]}」和 ${loadSheetJS().utils.encode_col(index)} 列「${text}」都对应「${col.header}」：请删除或改名其中一列后再导入`,
        { column: col.key, headers: [mapped[col.key], text] },
      )
    }
    where[col.key] = index
    mapped[col.key] = text
    columns.push({ index, column: col })
  })
  const missing = spec.columns.filter((c) => c.required && mapped[c.key] === undefined)
  if (missing.length > 0) {
    throw new AppError('FILE_INVALID', `表头（第 ${rowNumber} 行）缺少必填列${missing.map((c) => `「${c.header}」`).join('')}：请补上这些列后再导入（可下载导入模板对照）`, {
      missing: missing.map((c) => c.key),
    })
  }
  return { columns, mapped, ignoredHeaders }
}
