// 入账 and 用途 as the screens say them, from the one list of codes in shared/platform/booking.ts:
// the full label (入账（企业所得税税前扣除）), the state alone for a narrow cell (入账) with the
// 入账类型's words under it; 入账所属期 shows as the platform writes it, YYYYMM.
import { BOOKING_STATUSES, BOOKING_TYPES, USE_STATUSES, type BookingStatus, type BookingType, type UseStatus } from '../../../../shared/platform/booking'

export const bookingLabel = (code: BookingStatus): string => BOOKING_STATUSES.find((b) => b.code === code)?.label ?? code

/** 未入账 / 入账 / 入账撤销: the state without its 入账类型 */
export const bookingState = (code: BookingStatus): string => bookingLabel(code).replace(/（.*）$/, '')

/** 企业所得税税前扣除 …: the words in brackets of 02–05, '' for 01 and 06 */
export const bookingTypeWords = (code: BookingStatus): string => /（(.*)）$/.exec(bookingLabel(code))?.[1] ?? ''

/** the four 入账类型 a 入账 may choose, with their words */
export const BOOKING_TYPE_OPTIONS: readonly { code: BookingType; words: string }[] = BOOKING_TYPES.map((code) => ({ code, words: bookingTypeWords(code) }))

export const useLabel = (code: UseStatus): string => USE_STATUSES.find((u) => u.code === code)?.label ?? code

/** 入账状态 tag colour: booked green, undone orange, never booked grey */
export function bookingTagType(code: BookingStatus): 'success' | 'warning' | 'info' {
  if (code === '01') return 'info'
  return code === '06' ? 'warning' : 'success'
}
