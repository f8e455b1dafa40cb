// The 72-hour rule by moving a manual clock: 71:59 is still in time, 72:00 is not, and the lapse
// reaches both parties' feeds without anyone acting on the form.
import { describe, expect, it } from 'vitest'
import type { RedConfirmation } from '../../shared/platform/red'
import { manualClock } from '../clock'
import { BUYER, issueBlue, newKey, refusal, SELLER, tempPlatform } from '../testSupport'

const HOUR = 3600 * 1000
const MINUTE = 60 * 1000

function pendingForm() {
  const clock = manualClock(new Date('2026-11-28T10:00:00+08:00'))
  const p = tempPlatform({ clock })
  const blue = issueBlue(p)
  p.setBooking(BUYER.taxId, blue.number, { status: '02', period: '202611' })
  const form = p.createRedConfirmation(SELLER.taxId, { blueNumber: blue.number, reason: '01', as: 'seller' }, newKey())
  return { p, clock, form, blue }
}

const formChanges = (p: ReturnType<typeof pendingForm>['p'], taxId: string) => p.changes(taxId).changes.filter((c) => c.kind === 'red-confirmation.changed')

describe('the 72-hour rule', () => {
  it('the deadline is createdAt + 72 h', () => {
    const { form } = pendingForm()
    expect(form).toMatchObject({ status: '02', createdAt: '2026-11-28T10:00:00+08:00', deadline: '2026-12-01T10:00:00+08:00' })
  })

  it('at 71:59 the buyer may still agree', () => {
    const { p, clock, form } = pendingForm()
    clock.advance(72 * HOUR - MINUTE)
    expect(p.decideRedConfirmation(BUYER.taxId, form.number, { agree: true }, newKey()).status).toBe('04')
  })

  it('at 72:00 the form is 07 in both feeds without anyone acting, and deciding is EXPIRED', () => {
    const { p, clock, form } = pendingForm()
    clock.advance(72 * HOUR)
    // nobody touched the form: reading a feed is enough, and the other party sees it too
    const sellerSees = formChanges(p, SELLER.taxId)
    expect(sellerSees.map((c) => (c.data as RedConfirmation).status)).toEqual(['02', '07'])
    expect(sellerSees[1]!.at).toBe('2026-12-01T10:00:00+08:00')
    const buyerSees = formChanges(p, BUYER.taxId).at(-1)!
    expect(buyerSees.data).toMatchObject({ status: '07', deadline: null })
    expect((buyerSees.data as RedConfirmation).history.at(-1)).toEqual({ at: '2026-12-01T10:00:00+08:00', by: 'platform', action: 'expire', status: '07' })

    const late = refusal(() => p.decideRedConfirmation(BUYER.taxId, form.number, { agree: true }, newKey()))
    expect(late.code).toBe('EXPIRED')
    expect(late.status).toBe(409)
    expect(late.message).toContain('超过 72 小时')
    expect(refusal(() => p.withdrawRedConfirmation(SELLER.taxId, form.number, newKey())).code).toBe('EXPIRED')
    // lapsed once: later reads add nothing
    clock.advance(HOUR)
    expect(formChanges(p, BUYER.taxId)).toHaveLength(2)
  })

  it('an action is enough too: at 72:00 a decision is refused, the lapse stays committed, and a new form may be entered', () => {
    const { p, clock, form, blue } = pendingForm()
    clock.advance(72 * HOUR)
    expect(refusal(() => p.decideRedConfirmation(BUYER.taxId, form.number, { agree: false, opinion: '晚了' }, newKey())).code).toBe('EXPIRED')
    expect(p.getRedConfirmation(SELLER.taxId, form.number).status).toBe('07')
    expect(p.listRedConfirmations(BUYER.taxId, { status: '07' }).total).toBe(1)
    expect(p.createRedConfirmation(BUYER.taxId, { blueNumber: blue.number, reason: '01', as: 'buyer' }, newKey()).status).toBe('03')
  })
})
