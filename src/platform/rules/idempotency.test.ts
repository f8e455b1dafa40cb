import { describe, expect, it } from 'vitest'
import { createPlatform } from '../platform'
import { PlatformError } from '../errors'
import { BUYER, issueRequestFor, SELLER, tempDataDir, tempPlatform } from '../testSupport'
import { canonicalJson, requestHash } from './idempotency'

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f()
  } catch (e) {
    return (e as PlatformError).code
  }
  return undefined
}

describe('Idempotency-Key', () => {
  it('hashes the request, not the order of its keys', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: null }], c: undefined })).toBe('{"a":[{"x":null,"y":2}],"b":1}')
    expect(requestHash('POST', '/p', { a: 1, b: 2 })).toBe(requestHash('POST', '/p', { b: 2, a: 1 }))
    expect(requestHash('POST', '/p', { a: 1 })).not.toBe(requestHash('POST', '/q', { a: 1 }))
  })

  it('replays the stored answer for the same key and body, also after reopening', () => {
    const dataDir = tempDataDir()
    const platform = tempPlatform({ dataDir })
    const first = platform.issueResponse(SELLER.taxId, issueRequestFor(), 'key-1')
    expect(first).toMatchObject({ status: 201, replayed: false })
    const again = platform.issueResponse(SELLER.taxId, issueRequestFor(), 'key-1')
    expect(again).toEqual({ ...first, replayed: true })
    platform.close()

    const reopened = createPlatform({ dataDir })
    try {
      expect(reopened.issueResponse(SELLER.taxId, issueRequestFor(), 'key-1')).toEqual({ ...first, replayed: true })
      expect(reopened.listInvoices(SELLER.taxId).total).toBe(1)
      expect(reopened.quota(SELLER.taxId).used).toBe('10000.00')
      // the key is per taxpayer: the buyer may use the same text for its own request
      expect(reopened.issueResponse(BUYER.taxId, issueRequestFor({ buyer: { ...issueRequestFor().draft.buyer, taxId: SELLER.taxId } }), 'key-1').replayed).toBe(false)
    } finally {
      reopened.close()
    }
  })

  it('refuses a key reused with another body, and a missing key', () => {
    const platform = tempPlatform()
    platform.issue(SELLER.taxId, issueRequestFor(), 'key-1')
    expect(codeOf(() => platform.issue(SELLER.taxId, issueRequestFor({ remark: '另一张' }), 'key-1'))).toBe('IDEMPOTENCY_MISMATCH')
    expect(codeOf(() => platform.issue(SELLER.taxId, issueRequestFor(), undefined))).toBe('IDEMPOTENCY_KEY_REQUIRED')
    expect(codeOf(() => platform.issue(SELLER.taxId, issueRequestFor(), ' '))).toBe('IDEMPOTENCY_KEY_REQUIRED')
    expect(platform.listInvoices(SELLER.taxId).total).toBe(1)
  })

  it('does not record a refusal: the same key may be sent again once the cause is fixed', () => {
    const platform = tempPlatform({ quota: '100' })
    expect(codeOf(() => platform.issue(SELLER.taxId, issueRequestFor(), 'key-1'))).toBe('QUOTA_EXCEEDED')
    platform.setQuota(SELLER.taxId, platform.quota(SELLER.taxId).month, '20000')
    expect(platform.issueResponse(SELLER.taxId, issueRequestFor(), 'key-1').replayed).toBe(false)
  })
})
