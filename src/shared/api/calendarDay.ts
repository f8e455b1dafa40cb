// 开票日期 as people type it, 'YYYY-MM-DD' (Asia/Shanghai): one check for every call that takes a
// day — 发票查询, 导出/汇总, 发票下载 — and the platform's 3-month window for one query.
import { z } from 'zod'

/** a real calendar day: 2026-02-30 and 2026-13-01 are refused, not rolled over */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** a required day; the message names the field and shows the form */
export const calendarDay = (label: string) =>
  z
    .string({ error: `请填写${label}（YYYY-MM-DD）` })
    .trim()
    .refine(isCalendarDay, { error: (i) => `${label}「${String(i.input)}」不是有效日期，请按 YYYY-MM-DD 填写，例如 2026-12-01` })

/** the platform answers one query for at most this many months of 开票日期 (DOMAIN.md §6) */
export const PLATFORM_QUERY_MONTHS = 3

/** the last day a range starting on `from` may end on: the day before the same date `months` later */
export function lastDayWithin(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number]
  const end = new Date(Date.UTC(y, m - 1 + months, 1))
  // the same day of the month, or the month's last day when it has none (01-31 + 1 month → 02-28)
  const lastOfMonth = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate()
  end.setUTCDate(Math.min(d, lastOfMonth))
  end.setUTCDate(end.getUTCDate() - 1)
  return end.toISOString().slice(0, 10)
}
