// Quota restoration by red invoices (DOMAIN.md §3): the same Shanghai month gives the red 金额 back,
// a later month gives nothing, and 销售折让 never does.
import { describe, expect, it } from 'vitest'
import { manualClock } from '../clock'
import { issueBlue, newKey, SELLER, tempPlatform } from '../testSupport'

function withBlue() {
  const clock = manualClock(new Date('2026-11-20T10:00:00+08:00'))
  const p = tempPlatform({ clock })
  const blue = issueBlue(p)
  expect(p.quota(SELLER.taxId).used).toBe('10000.00')
  return { p, clock, blue }
}

const reverse = (p: ReturnType<typeof withBlue>['p'], blueNumber: string, reason: '02' | '03' | '04', amount: string) =>
  p.createRedConfirmation(SELLER.taxId, { blueNumber, reason, as: 'seller', lines: [{ blueLine: 1, amount: `-${amount}` }] }, newKey())

describe('quota restored by red invoices', () => {
  it('the same month: the red 金额 comes back, and the seller hears quota.changed', () => {
    const { p, blue } = withBlue()
    const form = reverse(p, blue.number, '03', '2500')
    expect(p.quota(SELLER.taxId)).toMatchObject({ used: '7500.00', available: '992500.00' })
    expect(p.getInvoice(SELLER.taxId, form.redInvoiceNumber!).quotaUsed).toBe('-2500.00')
    expect(p.changes(SELLER.taxId).changes.at(-2)).toMatchObject({ kind: 'quota.changed', data: { used: '7500.00' } })
  })

  it('a later month: nothing comes back, to either month', () => {
    const { p, clock, blue } = withBlue()
    clock.set(new Date('2026-12-01T00:00:00+08:00'))
    const form = reverse(p, blue.number, '03', '2500')
    expect(p.quota(SELLER.taxId, '202611').used).toBe('10000.00')
    expect(p.quota(SELLER.taxId, '202612').used).toBe('0.00')
    expect(p.getInvoice(SELLER.taxId, form.redInvoiceNumber!).quotaUsed).toBe('0.00')
    expect(p.changes(SELLER.taxId).changes.some((c) => c.kind === 'quota.changed' && (c.data as { month: string }).month === '202612')).toBe(false)
  })

  it('销售折让: nothing comes back even in the same month', () => {
    const { p, blue } = withBlue()
    reverse(p, blue.number, '04', '2500')
    expect(p.quota(SELLER.taxId).used).toBe('10000.00')
  })
})
