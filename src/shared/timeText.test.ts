import { describe, expect, it } from 'vitest'
import { formatClock, formatDate, formatMinute, formatShortTime, formatTime } from './timeText'

describe('times as a person reads them: Asia/Shanghai wall clock', () => {
  it('formats a ledger time (+08:00) as written', () => {
    expect(formatTime('2026-12-03T15:04:05+08:00')).toBe('2026-12-03 15:04:05')
    expect(formatMinute('2026-12-03T15:04:05+08:00')).toBe('2026-12-03 15:04')
    expect(formatDate('2026-12-03T15:04:05+08:00')).toBe('2026-12-03')
    expect(formatClock('2026-12-03T15:04:05+08:00')).toBe('15:04:05')
  })

  it('moves any other offset to Shanghai time, the date with it', () => {
    expect(formatTime('2026-12-03T07:04:05Z')).toBe('2026-12-03 15:04:05')
    expect(formatTime('2026-12-03T07:04:05.123Z')).toBe('2026-12-03 15:04:05')
    // 20:30 in UTC is already the next day in Shanghai
    expect(formatDate('2026-12-31T20:30:00Z')).toBe('2027-01-01')
    expect(formatTime(new Date('2026-12-03T00:00:00-05:00'))).toBe('2026-12-03 13:00:00')
  })

  it('is the same on a machine in another time zone (the browser’s own clock is never used)', () => {
    const tz = process.env.TZ
    process.env.TZ = 'America/New_York'
    try {
      expect(formatTime(new Date(Date.UTC(2026, 11, 3, 7, 4, 5)))).toBe('2026-12-03 15:04:05')
      expect(formatClock(new Date(Date.UTC(2026, 11, 3, 16, 0, 0)))).toBe('00:00:00')
    } finally {
      process.env.TZ = tz
    }
  })

  it('gives nothing for no time, and an unreadable text as it is', () => {
    expect(formatTime(null)).toBe('')
    expect(formatTime(undefined)).toBe('')
    expect(formatTime('')).toBe('')
    expect(formatTime('不是时间')).toBe('不是时间')
  })

  it('gives the time alone for today (in Shanghai), the date too for another day', () => {
    // 2026-11-28 01:30 in Shanghai is still 11-27 in UTC
    const now = new Date('2026-11-27T17:30:00Z')
    expect(formatShortTime('2026-11-28T00:05:09+08:00', now)).toBe('00:05')
    expect(formatShortTime('2026-11-27T23:59:00+08:00', now)).toBe('11-27 23:59')
    expect(formatShortTime('2026-11-27T16:05:00Z', now)).toBe('00:05')
  })
})
