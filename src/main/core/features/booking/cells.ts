// The cells of a filled 发票入账 template as bookkeepers type them → the values a job row keeps, or
// null when the text is not one. The reader (files/excel/readStream.ts) hands every cell over as
// text: a date cell of an .xls or a CSV arrives as 2026-11-03, but an .xlsx date arrives as its
// serial number (the streaming reader reads no styles), so a five-digit number is a date here.
import { isCalendarDay } from '../../../../shared/api/calendarDay'
import { BOOKING_STATUSES, BOOKING_TYPES, PERIOD_PATTERN, type BookingType } from '../../../../shared/platform/booking'

const pad = (n: string) => n.padStart(2, '0')

/** Excel's day 0 (its serial numbers count from 1899-12-30, leap-year bug included) */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000
/** serials of five digits are the days from 1927-05-18 to 2173-10-14: nothing else a date column holds looks like one */
const SERIAL = /^\d{5}(\.\d+)?$/

/** 开票日期: YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD, an Excel date (with a time or not) → YYYY-MM-DD */
export function parseDay(text: string): string | null {
  let day: string | null = null
  const parts = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text)
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (parts) day = `${parts[1]}-${pad(parts[2] ?? parts[4]!)}-${pad(parts[3] ?? parts[5]!)}`
  else if (compact) day = `${compact[1]}-${compact[2]}-${compact[3]}`
  else if (SERIAL.test(text)) day = new Date(SERIAL_EPOCH_MS + Math.floor(Number(text)) * DAY_MS).toISOString().slice(0, 10)
  return day !== null && isCalendarDay(day) ? day : null
}

/** 入账所属期: 202611, 2026-11, 2026/11, 2026年11月, or a day (a date cell) → its month; YYYYMM */
export function parsePeriod(text: string): string | null {
  const month = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月)$/.exec(text)
  const period = /^\d{6}$/.test(text) ? text : month ? `${month[1]}${pad(month[2] ?? month[3]!)}` : parseDay(text)?.slice(0, 7).replace('-', '')
  return period !== undefined && PERIOD_PATTERN.test(period) ? period : null
}

/** the same text whatever the spaces and the width of the brackets */
const normal = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')

/** every way a type may be written: 02, 2, its words with or without 入账（…）, or both as the dropdown has them */
const TYPE_TEXTS = new Map<string, BookingType>(
  BOOKING_TYPES.flatMap((code) => {
    const label = BOOKING_STATUSES.find((s) => s.code === code)!.label
    const words = label.replace(/^入账（(.*)）$/, '$1')
    return [code, code.slice(1), label, words, `${code}${label}`, `${code}${words}`].map((t) => [normal(t), code] as const)
  }),
)

/** 入账类型 02–05 as typed, or null when it names none */
export function parseBookingType(text: string): BookingType | null {
  return TYPE_TEXTS.get(normal(text)) ?? null
}
