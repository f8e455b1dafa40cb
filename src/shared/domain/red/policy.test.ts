// Who may start a 确认单, as a table: the starter × the buyer's 入账 × its 用途确认.
import { describe, expect, it } from 'vitest'
import { BOOKING_STATUSES, USE_STATUSES } from '../../platform/booking'
import { buyerHasActed, starterProblem } from './policy'

describe('starterProblem: the buyer starts only once it booked or confirmed use', () => {
  const table = BOOKING_STATUSES.flatMap((b) => USE_STATUSES.map((u) => ({ booking: b.code, use: u.code })))
  it.each(table)('入账 $booking, 用途 $use', (acts) => {
    const acted = ['02', '03', '04', '05'].includes(acts.booking) || acts.use !== 'unconfirmed'
    expect(buyerHasActed(acts)).toBe(acted)
    // the seller may always start: directly (01) while the buyer has not acted, else a 确认单 the buyer confirms
    expect(starterProblem('seller', acts)).toBeNull()
    if (acted) expect(starterProblem('buyer', acts)).toBeNull()
    else expect(starterProblem('buyer', acts)).toMatch(/^购买方尚未对该发票入账或用途确认，只能由销售方发起红冲/)
  })

  it('covers both ways the buyer acts', () => {
    expect(buyerHasActed({ booking: '01', use: 'deduct' })).toBe(true)
    expect(buyerHasActed({ booking: '06', use: 'no-deduct' })).toBe(true)
    expect(buyerHasActed({ booking: '04', use: 'unconfirmed' })).toBe(true)
    expect(buyerHasActed({ booking: '06', use: 'unconfirmed' })).toBe(false)
  })
})
