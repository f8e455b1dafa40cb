// The platform's time: the shared injectable clock (tests move it: month rollover, token expiry, the
// 72-hour rule). Calendar facts — the quota month, the 开票日期 — are Asia/Shanghai.
import { shanghaiDate, toShanghaiIso } from '../shared/domain/time'

export { manualClock, systemClock, type Clock } from '../shared/clock'

/** '202611' — the month in Shanghai, the 授信额度's period */
export function shanghaiMonth(d: Date): string {
  return shanghaiDate(d).slice(0, 6)
}

/** 2026 — the year in Shanghai, the invoice number's */
export function shanghaiYear(d: Date): number {
  return Number(shanghaiDate(d).slice(0, 4))
}

export { shanghaiDate, toShanghaiIso }

/** A month as typed (YYYYMM, 01–12), or null. */
export function parseMonth(text: string): string | null {
  const m = /^(\d{4})(0[1-9]|1[0-2])$/.exec(text.trim())
  return m ? `${m[1]}${m[2]}` : null
}
