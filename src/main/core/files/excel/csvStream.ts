// Plain delimited text (.csv, .tsv, .txt) row by row, read exactly as SheetJS reads it with `raw`
// (its dsv_to_sheet_str: the separator from a "sep=" line or guessed from the first 1,024
// characters, quotes, CR/LF), so a 50 MB CSV never becomes a sheet of cell objects: its cells are
// the strings as typed, an empty cell is absent, and the sheet is called Sheet1 as SheetJS names it.
// Cells are held to Excel's grid and 32,767 characters as they are read.
import type { CellObject } from 'xlsx'
import { cellTooLong, columnLetters, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, outsideGrid } from './grid'
import type { DenseRow } from './read'

export const CSV_SHEET = 'Sheet1'

/** rows read between two pauses */
const SLICE = 2000

/**
 * Whether SheetJS reads this text as delimited values; text starting like an XML or HTML
 * spreadsheet, SYLK (ID), DIF (TABLE), RTF or SocialCalc is another format, left to SheetJS.
 */
export function isPlainDelimited(text: string): boolean {
  let i = 0
  while (i < text.length && (text[i] === '\n' || text[i] === '\r' || text[i] === ' ')) i++
  if (text[i] === '<') return false
  return !/^(ID|TABL|\{\\rt|socialcalc:version:)/.test(text.slice(0, 19))
}

const SEPARATORS: Record<number, number> = { 0x2c: 3, 0x09: 2, 0x3b: 1, 0x7c: 0 } // , tab ; | and their weights on a tie

/** the separator SheetJS guesses: the most frequent of , tab ; | outside quotes, ties by weight */
function guessSeparator(head: string): number {
  const counts = new Map<number, number>()
  let quoted = false
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i)
    if (c === 0x22) quoted = !quoted
    else if (!quoted && c in SEPARATORS) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  let best = 0x2c
  let bestCount = -1
  for (const [c, n] of counts) if (n > bestCount || (n === bestCount && SEPARATORS[c]! > SEPARATORS[best]!)) [best, bestCount] = [c, n]
  return best
}

/** The text's rows in order, each with its 1-based row number; `row` returns false to stop. */
export async function csvRows(source: string, pause: () => Promise<void>, row: (number: number, cells: DenseRow) => boolean): Promise<void> {
  let text = source
  let sep: number
  if (text.startsWith('sep=')) {
    const at = text.charCodeAt(5)
    const skip = at === 13 && text.charCodeAt(6) === 10 ? 7 : at === 13 || at === 10 ? 6 : 0
    sep = skip > 0 ? text.charCodeAt(4) : guessSeparator(text.slice(0, 1024))
    text = text.slice(skip)
  } else sep = guessSeparator(text.slice(0, 1024))

  let r = 0
  let c = 0
  let cells: DenseRow = []
  let start = 0
  let quoted = false
  let startsQuoted = text.charCodeAt(0) === 0x22
  /** ends the cell before `end`; `rowEnds` when a line break (or the text) ends it */
  const finishCell = (end: number, rowEnds: boolean): boolean => {
    let s = text.slice(start, end)
    if (s.endsWith('\r')) s = s.slice(0, -1)
    if (s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).replace(/""/g, '"')
    if (c >= MAX_COLUMNS) throw outsideGrid(CSV_SHEET, `${columnLetters(c)}${r + 1}`)
    if (s.length > MAX_CELL_CHARS) throw cellTooLong(`工作表「${CSV_SHEET}」的单元格 ${columnLetters(c)}${r + 1} 中的文字`)
    if (s.length > 0) cells[c] = { t: 's', v: s } satisfies CellObject
    start = end + 1
    startsQuoted = text.charCodeAt(start) === 0x22
    if (!rowEnds) {
      c++
      return true
    }
    if (++r > MAX_ROWS) throw outsideGrid(CSV_SHEET, `第 ${r} 行`)
    const go = row(r, cells)
    cells = []
    c = 0
    return go
  }

  for (let end = 0; end < text.length; end++) {
    const ch = text.charCodeAt(end)
    if (ch === 0x22) {
      if (startsQuoted) quoted = !quoted
      continue
    }
    if (quoted || (ch !== sep && ch !== 0x0a && ch !== 0x0d)) continue
    // CR LF is one line break; the CR stays with the cell and is dropped from it
    const cellEnd = ch === 0x0d && text.charCodeAt(end + 1) === 0x0a ? ++end : end
    if (!finishCell(cellEnd, ch !== sep)) return
    if (ch !== sep && r % SLICE === 0) await pause()
  }
  // the last cell, or a row left open by a separator at the very end
  if (start < text.length) finishCell(text.length, true)
  else if (cells.length > 0) row(r + 1, cells)
}
