import { describe, expect, it } from 'vitest'
import { parseBookingType, parseDay, parsePeriod } from './cells'

describe('parseDay (开票日期)', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['2026/11/3', '2026-11-03'],
    ['2026.1.9', '2026-01-09'],
    ['2026年11月3日', '2026-11-03'],
    ['20261103', '2026-11-03'],
    ['2026-11-03 10:22:33', '2026-11-03'],
    // an .xlsx date cell as the streaming reader hands it: its serial number (with the time as a fraction)
    ['46329', '2026-11-03'],
    ['46329.75', '2026-11-03'],
    ['2026-02-29', null],
    ['2026-13-01', null],
    ['20261303', null],
    ['abc', null],
    ['', null],
    ['202611', null],
  ])('%s → %s', (text, day) => expect(parseDay(text)).toBe(day))
})

describe('parsePeriod (入账所属期)', () => {
  it.each([
    ['202611', '202611'],
    ['2026-11', '202611'],
    ['2026/1', '202601'],
    ['2026年11月', '202611'],
    ['2026-11-01', '202611'],
    ['46327', '202611'],
    ['202613', null],
    ['202600', null],
    ['2026-13', null],
    ['26-11', null],
    ['', null],
  ])('%s → %s', (text, period) => expect(parsePeriod(text)).toBe(period))
})

describe('parseBookingType (入账类型)', () => {
  it.each([
    ['02', '02'],
    ['2', '02'],
    ['5', '05'],
    ['03 入账（企业所得税不扣除）', '03'],
    ['入账(个人所得税经营所得税前扣除)', '04'],
    ['个人所得税经营所得不扣除', '05'],
    ['01', null],
    ['06', null],
    ['入账', null],
    ['', null],
  ])('%s → %s', (text, type) => expect(parseBookingType(text)).toBe(type))
})
