// Small readers shared by the kinds' rules: blank, 是/否, dates as the template writes them.
import { isBlank } from '../invoice/money'

export const YES_NO = ['是', '否'] as const

export const valueOf = (row: Record<string, string>, key: string): string => (row[key] ?? '').trim()
export const blank = (row: Record<string, string>, key: string): boolean => isBlank(valueOf(row, key))

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

/**
 * A date as the template writes it, 'YYYYMMDD' (示例 “20220301”), or null when it is not a real
 * calendar date. One format only: the draft stores what the template and its lengths expect.
 */
export function readDay(text: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim())
  if (!m) return null
  return realDate(Number(m[1]), Number(m[2]), Number(m[3])) ? m[0] : null
}

/** A minute as the template writes it, 'YYYYMMDDHHmm' (示例 “202202011631”), or null. */
export function readMinute(text: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text.trim())
  if (!m) return null
  if (!realDate(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59) return null
  return m[0]
}
