// How a time reads wherever a person sees it (screens, messages): the wall clock in Asia/Shanghai,
// the books' clock (src/shared/domain/time.ts), whatever offset the instant was written with — a
// time from the platform, the ledger or the browser's own clock reads alike, on any machine.
import { toShanghaiIso } from './domain/time'

type Instant = string | Date | null | undefined

/** '2026-12-03T15:04:05+08:00' in Shanghai, or null for nothing; an unreadable text stays as it is */
function shanghai(t: Instant): { iso: string } | { raw: string } | null {
  if (t === null || t === undefined || t === '') return null
  const d = typeof t === 'string' ? new Date(t) : t
  return Number.isNaN(d.getTime()) ? { raw: String(t) } : { iso: toShanghaiIso(d) }
}

function part(t: Instant, pick: (iso: string) => string): string {
  const s = shanghai(t)
  if (s === null) return ''
  return 'iso' in s ? pick(s.iso) : s.raw
}

/** '2026-12-03 15:04:05' ('' for none) */
export function formatTime(t: Instant): string {
  return part(t, (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`)
}

/** '2026-12-03 15:04' */
export function formatMinute(t: Instant): string {
  return part(t, (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`)
}

/** '2026-12-03' — 开票日期 as printed */
export function formatDate(t: Instant): string {
  return part(t, (iso) => iso.slice(0, 10))
}

/** '15:04:05' — a time of today, e.g. 已自动保存 */
export function formatClock(t: Instant): string {
  return part(t, (iso) => iso.slice(11, 19))
}

/** '15:04' today (in Shanghai), '12-02 15:04' another day */
export function formatShortTime(t: Instant, now: Date = new Date()): string {
  const today = toShanghaiIso(now).slice(0, 10)
  return part(t, (iso) => (iso.slice(0, 10) === today ? iso.slice(11, 16) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`))
}
