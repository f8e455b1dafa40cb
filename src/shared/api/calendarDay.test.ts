import { describe, expect, it } from 'vitest'
import { calendarDay, isCalendarDay, lastDayWithin } from './calendarDay'

describe('calendar days', () => {
  it('refuses days that do not exist instead of rolling them over', () => {
    expect(isCalendarDay('2026-02-28')).toBe(true)
    expect(isCalendarDay('2028-02-29')).toBe(true)
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-1', '20261201', '']) expect(isCalendarDay(bad)).toBe(false)
    const r = calendarDay('开始日期').safeParse('2026-02-30')
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toContain('开始日期「2026-02-30」不是有效日期')
  })

  it('ends a 3-month window the day before the same date three months on', () => {
    expect(lastDayWithin('2026-08-01', 3)).toBe('2026-10-31')
    expect(lastDayWithin('2026-11-15', 3)).toBe('2027-02-14')
    // 11-30 + 3 months has no 02-30: the window ends before 02-28
    expect(lastDayWithin('2026-11-30', 3)).toBe('2027-02-27')
  })
})
