import { describe, expect, it } from 'vitest'
import { isWellFormedInvoiceNumber, parseInvoiceNumber } from '../../shared/domain/invoiceNumber'
import { manualClock } from '../clock'
import { BUYER, issueRequestFor, SELLER, tempPlatform } from '../testSupport'

describe('numbering', () => {
  it('gives 20-digit numbers: year, the seller bureau, channel 2, a sequence unique per year and bureau', () => {
    const clock = manualClock(new Date('2026-12-31T23:59:00+08:00'))
    const platform = tempPlatform({ clock })
    // a 深圳 (4403, 计划单列市) seller shares the 44 sequence with 广东
    platform.addTaxpayer({ taxId: '91440300MA5FXXX7XY', name: '深圳二号', region: '4403', password: 'secret1' })
    const a = platform.issue(SELLER.taxId, issueRequestFor(), 'k1').number
    const b = platform.issue('91440300MA5FXXX7XY', issueRequestFor(), 'k2').number
    const c = platform.issue(BUYER.taxId, issueRequestFor({ buyer: { ...issueRequestFor().draft.buyer, taxId: SELLER.taxId } }), 'k3').number
    clock.set(new Date('2027-01-01T00:00:00+08:00'))
    const d = platform.issue(SELLER.taxId, issueRequestFor(), 'k4').number
    expect([a, b, c, d].map((n) => n.slice(0, 5))).toEqual(['26442', '26442', '26112', '27442'])
    // one sequence for 广东 and 深圳: consecutive
    expect(BigInt(b.slice(5)) - BigInt(a.slice(5))).toBe(1n)
    for (const n of [a, b, c, d]) expect(isWellFormedInvoiceNumber(n)).toBe(true)
    expect(parseInvoiceNumber(d)?.year).toBe(2027)
  })

  it('gives a refused issuance its sequence back (the transaction rolls back)', () => {
    const platform = tempPlatform({ quota: '15000' })
    const first = BigInt(platform.issue(SELLER.taxId, issueRequestFor(), 'a').number.slice(5))
    expect(() => platform.issue(SELLER.taxId, issueRequestFor(), 'b')).toThrow(/授信额度不足/)
    platform.setQuota(SELLER.taxId, platform.quota(SELLER.taxId).month, '50000')
    expect(BigInt(platform.issue(SELLER.taxId, issueRequestFor(), 'b').number.slice(5))).toBe(first + 1n)
  })

  it('starts each sandbox sequence at its own point, so two sandboxes do not give one company the same number', () => {
    const numbers = [tempPlatform(), tempPlatform()].map((p) => p.issue(SELLER.taxId, issueRequestFor(), 'k').number)
    expect(numbers[0]).not.toBe(numbers[1])
  })
})
