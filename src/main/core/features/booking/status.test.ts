// 发票入账状态查询's export reads the matches in slices after the last row's (开票日期, 发票号码):
// 2,500 invoices, many on the same second, come out each exactly once, in the screen's order.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { manualClock } from '../../../../shared/clock'
import { openLedger } from '../../ledger/open'
import { receivedInvoices } from '../../ledger/schema'
import { bookingStatusPage, bookingStatusRows } from './status'

async function ledgerWith(n: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'booking-status-'))
  const ledger = await openLedger(path.join(dir, 'ledger.db'), { migrationsDir: path.resolve('migrations/ledger'), clock: manualClock(new Date('2026-12-03T02:00:00Z')) })
  onTestFinished(() => {
    ledger.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  const rows = Array.from({ length: n }, (_, i) => ({
    number: `2644200000000${String(i).padStart(7, '0')}`,
    kind: '82' as const,
    // seven invoices a second: slices end inside a run of equal 开票日期
    issuedAt: `2026-11-${String(1 + Math.floor(i / 700)).padStart(2, '0')}T10:00:${String(Math.floor((i % 700) / 7) % 60).padStart(2, '0')}+08:00`,
    sellerTaxId: '91110000000000000X',
    sellerName: i % 2 ? '北京甲公司' : '上海乙公司',
    amountFen: 100,
    taxFen: 13,
    totalFen: 113,
    lineCount: 1,
    document: '{}',
    receivedAt: '2026-12-01T10:00:00+08:00',
    booking: (i % 3 ? '01' : '02') as '01' | '02',
  }))
  for (let i = 0; i < rows.length; i += 500)
    ledger.orm
      .insert(receivedInvoices)
      .values(rows.slice(i, i + 500))
      .run()
  return ledger
}

describe('发票入账状态查询 export', () => {
  it('yields every match once, in the page order, across slices that end inside equal dates', async () => {
    const ledger = await ledgerWith(2500)
    const exported = [...bookingStatusRows(ledger, {})].map((r) => r.number)
    const paged = bookingStatusPage(ledger, {}, 1, 500).rows.map((r) => r.number)
    expect(exported).toHaveLength(2500)
    expect(new Set(exported).size).toBe(2500)
    expect(exported.slice(0, 500)).toEqual(paged)
    const filtered = [...bookingStatusRows(ledger, { status: '02', seller: '甲' })]
    expect(filtered.length).toBe(bookingStatusPage(ledger, { status: '02', seller: '甲' }, 1, 1).total)
    expect(filtered.every((r) => r.booking === '02' && r.sellerName === '北京甲公司')).toBe(true)
  })
})
