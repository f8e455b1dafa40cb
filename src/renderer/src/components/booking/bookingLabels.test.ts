import { describe, expect, it } from 'vitest'
import { BOOKING_STATUSES } from '../../../../shared/platform/booking'
import { BOOKING_TYPE_OPTIONS, bookingLabel, bookingState, bookingTagType, bookingTypeWords, useLabel } from './bookingLabels'

describe('入账 in words', () => {
  it('splits each label into the state and its 入账类型', () => {
    expect(BOOKING_STATUSES.map((b) => [b.code, bookingState(b.code), bookingTypeWords(b.code)])).toEqual([
      ['01', '未入账', ''],
      ['02', '入账', '企业所得税税前扣除'],
      ['03', '入账', '企业所得税不扣除'],
      ['04', '入账', '个人所得税经营所得税前扣除'],
      ['05', '入账', '个人所得税经营所得不扣除'],
      ['06', '入账撤销', ''],
    ])
    expect(bookingLabel('04')).toBe('入账（个人所得税经营所得税前扣除）')
  })

  it('offers the four 入账类型 of a 入账, 02 first', () => {
    expect(BOOKING_TYPE_OPTIONS.map((t) => `${t.code} ${t.words}`)).toEqual([
      '02 企业所得税税前扣除',
      '03 企业所得税不扣除',
      '04 个人所得税经营所得税前扣除',
      '05 个人所得税经营所得不扣除',
    ])
  })

  it('colours booked, undone and never booked apart', () => {
    expect([bookingTagType('01'), bookingTagType('03'), bookingTagType('06')]).toEqual(['info', 'success', 'warning'])
  })

  it('says 用途 as the platform does', () => {
    expect([useLabel('unconfirmed'), useLabel('deduct'), useLabel('no-deduct')]).toEqual(['未确认', '抵扣', '不抵扣'])
  })
})
