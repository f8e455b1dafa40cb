// The platform's time: injectable so tests move it (month rollover, token expiry, later the 72-hour
// rule) instead of waiting. Calendar facts — the quota month, the 开票日期 — are Asia/Shanghai.
import { shanghaiDate, toShanghaiIso } from '../shared/domain/time'

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until moved. */
export function manualClock(start: Date): Clock & { set(d: Date): void; advance(ms: number): void } {
  let t = start.getTime()
  return {
    now: () => new Date(t),
    set: (d) => {
      t = d.getTime()
    },
    advance: (ms) => {
      t += ms
    },
  }
}

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
