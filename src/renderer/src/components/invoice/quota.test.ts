import { describe, expect, it } from 'vitest'
import { monthOf } from '../../../../shared/domain/quota'
import { quotaWarning } from './quota'

const READ = { month: '202611', total: '100000.00', used: '60000.00', remaining: '40000.00', readAt: '2026-11-28T09:30:00+08:00' }
const NOV = '202611'

describe('quotaWarning: before queuing an invoice the quota may not cover', () => {
  it.each([
    ['never synced: no warning (the panel says 未同步)', null, '0', '999999.00', null],
    ['within what remains', READ, '0', '40000.00', null],
    ['within what remains after the queue', READ, '10000.00', '30000.00', null],
  ])('%s', (_what, reading, queued, amount, expected) => {
    expect(quotaWarning(reading, queued, amount, NOV)).toBe(expected)
  })

  it('warns with the amount, what remains after the queue, and when it was read', () => {
    expect(quotaWarning(READ, '10000.00', '30000.01', NOV)).toBe(
      '本张发票金额 ¥30000.01 超过剩余授信额度 ¥30000.00（2026-11-28 09:30 读取，已扣除排队中的发票），平台可能拒绝开具。',
    )
    expect(quotaWarning(READ, '50000.00', '1.00', NOV)).toContain('剩余授信额度 ¥0.00')
  })

  it('says nothing from last month’s reading: a new month starts fresh', () => {
    expect(quotaWarning(READ, '0', '999999.00', '202612')).toBeNull()
  })

  it('counts months on the Shanghai calendar', () => {
    // 2026-11-30 16:30 UTC is already December 1st in Shanghai
    expect(monthOf(new Date('2026-11-30T16:30:00Z'))).toBe('202612')
    expect(monthOf(new Date('2026-11-30T15:59:59Z'))).toBe('202611')
  })
})
