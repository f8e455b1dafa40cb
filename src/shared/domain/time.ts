// Times in the books are China Standard Time (UTC+8, no daylight saving), ISO 8601 with +08:00.
const OFFSET_MS = 8 * 3600 * 1000

/** '2026-11-28T21:30:05+08:00' */
export function toShanghaiIso(d: Date): string {
  const local = new Date(d.getTime() + OFFSET_MS).toISOString()
  return `${local.slice(0, 19)}+08:00`
}

/** '20261128' — the calendar date in Shanghai */
export function shanghaiDate(d: Date): string {
  return toShanghaiIso(d).slice(0, 10).replace(/-/g, '')
}
