// Excel's own limits, which no file Excel or WPS saves exceeds: 16,384 columns (A…XFD), 1,048,576
// rows, 32,767 characters in a cell. A file that claims more was made by hand or damaged, and
// believing it costs memory by the address or the length it states (a cell at ZZZZZZ2 is a
// 321-million-entry row; one cell can hold 900 MB in a 1 MB file), so such a file is refused,
// naming the sheet and the place.
import { AppError } from '../../errors'
import { formatCount } from './units'

export const MAX_COLUMNS = 16_384
export const MAX_ROWS = 1_048_576
export const MAX_CELL_CHARS = 32_767

/** "XFD" → 16383 (0-based); -1 when not 1–3 capital letters within XFD */
export function columnIndex(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) return -1
  let c = 0
  for (let i = 0; i < letters.length; i++) c = c * 26 + (letters.charCodeAt(i) - 64)
  return c <= MAX_COLUMNS ? c - 1 : -1
}

/** 16383 → "XFD" */
export function columnLetters(index: number): string {
  let s = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

/** "B12" → { col: 1, row: 12 } (0-based column, 1-based row), or null when it is no cell of the grid */
export function parseCellAddress(address: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address)
  if (!m) return null
  const col = columnIndex(m[1]!)
  const row = rowNumber(m[2]!)
  return col < 0 || row < 0 ? null : { col, row }
}

/** "12" → 12; -1 when not a row number of the grid */
export function rowNumber(text: string): number {
  if (!/^\d{1,7}$/.test(text)) return -1
  const n = Number(text)
  return n >= 1 && n <= MAX_ROWS ? n : -1
}

/** an address read from a file, shown in a message: never longer than a real one */
function shown(address: string): string {
  return address.length > 20 ? `${address.slice(0, 20)}…` : address
}

const NOT_EXCEL = '，文件可能已损坏或不是由 Excel / WPS 保存的：请在 Excel 中打开检查，另存为 .xlsx 后再导入'

/** a cell (or a row, "第 N 行") outside A1:XFD1048576 */
export function outsideGrid(sheet: string, address: string): AppError {
  return new AppError(
    'FILE_INVALID',
    `工作表「${sheet}」中的位置「${shown(address)}」超出了 Excel 表格的范围（最大到 XFD${MAX_ROWS}，即 ${formatCount(MAX_COLUMNS)} 列、${formatCount(MAX_ROWS)} 行）${NOT_EXCEL}`,
    { sheet, address: shown(address) },
  )
}

/** more than Excel's 32,767 characters: `where` names the text ("工作表「客户」的单元格 B5 中的文字") */
export function cellTooLong(where: string): AppError {
  return new AppError('LIMIT', `${where}超过 ${formatCount(MAX_CELL_CHARS)} 个字符（Excel 单元格的上限）${NOT_EXCEL}`, {
    where,
    limit: MAX_CELL_CHARS,
  })
}
