// 进项发票: what sellers issued to this company, as the platform's change feed brought it.
import { z } from 'zod'
import { call, paging, type Page } from './define'
import type { RedStatus } from '../platform/wire'
import type { BookingStatus, UseStatus } from '../platform/booking'

/** 进项: an invoice received from a seller through the platform's change feed */
export interface ReceivedInvoice {
  number: string
  kind: '81' | '82'
  issuedAt: string
  sellerName: string
  sellerTaxId: string
  amount: string
  tax: string
  total: string
  lineCount: number
  receivedAt: string
  colour: 'blue' | 'red'
  redStatus: RedStatus
  /** 入账状态 01–06 on the platform */
  booking: BookingStatus
  /** 入账所属期 YYYYMM while booked */
  bookingPeriod: string | null
  /** 用途确认 (专票) */
  use: UseStatus
  /** a 入账 / 用途确认 job not yet answered by the platform holds this invoice */
  pending: boolean
}

export const receivedApi = {
  /** 进项发票 received through the platform */
  'received.list': call(z.object({ query: z.string().trim().max(100).optional(), /** 蓝字 or 红字 only */ colour: z.enum(['blue', 'red']).optional(), ...paging })).returns<
    Page<ReceivedInvoice>
  >(),
}
