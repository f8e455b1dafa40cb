import { describe, expect, it } from 'vitest'
import { manualClock } from '../clock'
import { PlatformError } from '../errors'
import { issueRequestFor, SELLER, tempPlatform } from '../testSupport'

describe('授信额度', () => {
  it('a new Shanghai month starts fresh', () => {
    const clock = manualClock(new Date('2026-11-30T23:59:00+08:00'))
    const platform = tempPlatform({ clock, quota: '25000' })
    platform.issue(SELLER.taxId, issueRequestFor(), 'a')
    platform.issue(SELLER.taxId, issueRequestFor(), 'b')
    expect(platform.quota(SELLER.taxId)).toMatchObject({ month: '202611', total: '25000.00', used: '20000.00', available: '5000.00' })
    expect(() => platform.issue(SELLER.taxId, issueRequestFor(), 'c')).toThrow(PlatformError)

    // 2026-11-30T16:00Z is already December in Shanghai
    clock.set(new Date('2026-12-01T00:00:00+08:00'))
    expect(platform.quota(SELLER.taxId)).toMatchObject({ month: '202612', total: '25000.00', used: '0.00', available: '25000.00' })
    expect(platform.issue(SELLER.taxId, issueRequestFor(), 'c').issuedAt).toBe('2026-12-01T00:00:00+08:00')
    expect(platform.quota(SELLER.taxId, '202611').used).toBe('20000.00')
    expect(platform.quota(SELLER.taxId).used).toBe('10000.00')
  })

  it('refuses over 可用 with QUOTA_EXCEEDED naming the amounts, and changes nothing', () => {
    const platform = tempPlatform({ quota: '9999.99', clock: manualClock(new Date('2026-11-15T10:00:00+08:00')) })
    let error: PlatformError | undefined
    try {
      platform.issue(SELLER.taxId, issueRequestFor(), 'a')
    } catch (e) {
      error = e as PlatformError
    }
    expect(error?.code).toBe('QUOTA_EXCEEDED')
    expect(error?.status).toBe(422)
    expect(error?.message).toContain('10000.00')
    expect(error?.message).toContain('9999.99')
    expect(platform.quota(SELLER.taxId).used).toBe('0.00')
    expect(platform.listInvoices(SELLER.taxId).total).toBe(0)
  })

  it('an explicit grant for a month overrides the default and is announced in the feed', () => {
    const clock = manualClock(new Date('2026-11-15T10:00:00+08:00'))
    const platform = tempPlatform({ clock })
    expect(platform.quota(SELLER.taxId).total).toBe('1000000.00')
    platform.setQuota(SELLER.taxId, '202611', '20000')
    expect(platform.quota(SELLER.taxId).total).toBe('20000.00')
    expect(platform.quota(SELLER.taxId, '202612').total).toBe('1000000.00')
    const feed = platform.changes(SELLER.taxId)
    expect(feed.changes.map((c) => c.kind)).toEqual(['quota.changed'])
    expect(feed.changes[0]!.data).toMatchObject({ month: '202611', total: '20000.00', available: '20000.00' })
  })
})
