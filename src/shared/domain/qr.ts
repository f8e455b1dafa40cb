// The QR payload printed on a 数电票 (DOMAIN.md §6):
//   01,{31 专票 | 32 普票},,{20-digit number},{价税合计},{YYYYMMDD},,{4 hex check}
// e.g. `01,32,,24312000000136634917,0.01,20240514,,1DD6`. The check value is the platform's (its
// algorithm is not public): this module takes it as given and never computes it.
import { isWellFormedInvoiceNumber } from './invoiceNumber'
import type { InvoiceKind } from './invoice/kinds'

const QR_VERSION = '01'
/** the QR's invoice-type code per 票种 */
const QR_TYPE: Record<InvoiceKind, string> = { '81': '31', '82': '32' }

export interface QrFields {
  kind: InvoiceKind
  number: string
  /** 价税合计 (assumed: the total, not 金额), two decimals: '113.00' */
  total: string
  /** 开票日期 YYYYMMDD */
  date: string
  /** 4 uppercase hex digits from the platform */
  check: string
}

/** The fields the platform's check value covers: the payload without the check. */
export function qrSignedPart(f: Omit<QrFields, 'check'>): string {
  return `${QR_VERSION},${QR_TYPE[f.kind]},,${f.number},${f.total},${f.date},,`
}

export function buildQrPayload(f: QrFields): string {
  if (!isWellFormedInvoiceNumber(f.number)) throw new RangeError(`发票号码应为 20 位数字：${f.number}`)
  if (!/^-?\d+\.\d{2}$/.test(f.total)) throw new RangeError(`价税合计应保留两位小数：${f.total}`)
  if (!/^\d{8}$/.test(f.date)) throw new RangeError(`开票日期应为 YYYYMMDD：${f.date}`)
  if (!/^[0-9A-F]{4}$/.test(f.check)) throw new RangeError(`校验码应为 4 位十六进制：${f.check}`)
  return qrSignedPart(f) + f.check
}

/** The fields of a 数电 QR payload, or null when the text is not one. */
export function parseQrPayload(text: string): QrFields | null {
  const parts = text.trim().split(',')
  if (parts.length !== 8) return null
  const [version, type, , number, total, date, , check] = parts as [string, string, string, string, string, string, string, string]
  const kind = (Object.keys(QR_TYPE) as InvoiceKind[]).find((k) => QR_TYPE[k] === type)
  if (version !== QR_VERSION || !kind || parts[2] !== '' || parts[6] !== '') return null
  if (!isWellFormedInvoiceNumber(number) || !/^-?\d+\.\d{2}$/.test(total) || !/^\d{8}$/.test(date) || !/^[0-9A-F]{4}$/i.test(check)) return null
  return { kind, number, total, date, check: check.toUpperCase() }
}
