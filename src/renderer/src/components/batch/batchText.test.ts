import { describe, expect, it } from 'vitest'
import type { BatchSummary } from '../../../../shared/api/batch'
import { quotaText, settled, waiting } from './batchText'

const counts = (over: Partial<BatchSummary['counts']> = {}): BatchSummary['counts'] => ({ draft: 0, queued: 0, issuing: 0, issued: 0, failed: 0, ...over })
const reading = { month: '202612', total: '100000.00', used: '40000.00', remaining: '60000.00', readAt: '2026-12-03T10:05:00+08:00' }
const totals = (amount: string) => ({ amount, tax: '0.00', total: amount })

describe('a batch’s figures in words', () => {
  it('counts as waiting whatever the platform has not answered', () => {
    expect(waiting(counts({ draft: 2, queued: 3, issuing: 1, issued: 5, failed: 1 }))).toBe(6)
  })

  it('is settled once nothing of a queued batch is on its way', () => {
    expect(settled({ state: 'queued', counts: counts({ issued: 2, failed: 1 }) })).toBe(true)
    expect(settled({ state: 'queued', counts: counts({ issued: 2, issuing: 1 }) })).toBe(false)
    expect(settled({ state: 'review', counts: counts({ draft: 3 }) })).toBe(true)
  })

  it('says by how much the 可用额度 falls short of the batch’s 合计金额, in red', () => {
    expect(quotaText({ quota: { reading, left: '60000.00', enough: false }, totals: totals('61234.50') })).toEqual({
      text: '可用额度 ¥60,000.00（2026-12-03 10:05 读取，已扣除排队中的发票），不足以开具本批合计金额 ¥61,234.50，还差 ¥1,234.50。超出额度的发票将被平台拒绝开具',
      warn: true,
    })
    // the core takes off what is already queued: short although the reading alone would do
    expect(quotaText({ quota: { reading, left: '45000.00', enough: false }, totals: totals('50000.00') }).text).toContain(
      '可用额度 ¥45,000.00（2026-12-03 10:05 读取，已扣除排队中的发票），不足以开具本批合计金额 ¥50,000.00，还差 ¥5,000.00',
    )
    // more queued than the reading leaves: nothing is left, not a negative 可用额度
    expect(quotaText({ quota: { reading, left: '-10.00', enough: false }, totals: totals('1.00') }).text).toContain('可用额度 ¥0.00（')
    expect(quotaText({ quota: { reading, left: '60000.00', enough: true }, totals: totals('50000.00') })).toEqual({
      text: '可用额度 ¥60,000.00（2026-12-03 10:05 读取，已扣除排队中的发票），足够开具本批发票',
      warn: false,
    })
    expect(quotaText({ quota: null, totals: totals('1.00') }).warn).toBe(false)
  })
})
