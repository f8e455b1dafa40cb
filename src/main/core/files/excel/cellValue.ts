// One spreadsheet cell → the text a bookkeeper typed, and whether that text can be trusted.
// Excel keeps 15 significant digits, so an 18-digit 统一社会信用代码 or a bank account typed into a
// General-formatted cell is silently rounded (913100007109344930 → 9.13100007109345E+17). The
// digits are gone; the only honest thing to do is to say so and ask for the column as text.
import type { CellObject } from 'xlsx'
import { unguardCellText } from './formulaGuard'

/** Excel's error codes as stored in BIFF/OOXML (SheetJS gives the code when display text is off). */
export const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
}

/** 15 significant digits is all Excel keeps; anything at or above 1e15 has lost digits. */
const LOST_DIGITS = 1e15
/** Excel's display of a long number: one digit, optional decimals, an exponent (9.13E+17, 9.13e17). */
const SCIENTIFIC = /^[+-]?\d(?:\.\d+)?e[+-]?\d{1,3}$/i

/** The cell as text. In a text column a long number is shown as Excel displays it (the digits are lost). */
export function cellText(cell: CellObject | undefined, textColumn: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return ''
  const v = cell.v
  switch (cell.t) {
    case 's': {
      const s = String(v ?? '').trim()
      const u = unguardCellText(s)
      return u === s ? s : u.trim()
    }
    case 'n': {
      const n = Number(v)
      return textColumn && Math.abs(n) >= LOST_DIGITS ? scientific(n) : plainNumber(n)
    }
    case 'b':
      return v ? '是' : '否'
    case 'd':
      return v instanceof Date ? isoDate(v) : String(v ?? '').trim()
    case 'e':
      return ERROR_TEXT[Number(v)] ?? '#ERROR'
    default:
      return ''
  }
}

/** Why a non-empty cell's text cannot be trusted, or null. */
export function cellProblem(cell: CellObject | undefined, text: string, textColumn: boolean): string | null {
  if (!cell) return null
  if (cell.t === 'e') return `单元格是错误值（${text}），请改为正确内容后重新导入`
  if (!textColumn) return null
  const mangled = cell.t === 'n' ? Math.abs(Number(cell.v)) >= LOST_DIGITS : SCIENTIFIC.test(text)
  return mangled ? `单元格被 Excel 存成了数字（${text}），长数字已丢失精度，无法确认原号码。请把该列设置为“文本”格式后重新填写` : null
}

/** A number as plain decimal text without float noise: 0.13 → "0.13", 3.3000000000000003 → "3.3", 1e21 → "1000000000000000000000". */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const s = String(Number(n.toPrecision(15)))
  const e = s.indexOf('e')
  if (e < 0) return s
  const sign = s.startsWith('-') ? '-' : ''
  const mantissa = s.slice(sign.length, e)
  const exp = Number(s.slice(e + 1))
  const dot = mantissa.indexOf('.')
  const digits = mantissa.replace('.', '')
  const point = (dot < 0 ? mantissa.length : dot) + exp // position of the decimal point in `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length)
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** How Excel shows a long number: 15 significant digits, exponent form (9.13100007109345E+17). */
function scientific(n: number): string {
  return Number(n.toPrecision(15)).toExponential().toUpperCase()
}

// SheetJS builds dates from the serial number as UTC, so the UTC fields are the calendar date typed.
function isoDate(d: Date): string {
  const pad = (x: number) => String(x).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
