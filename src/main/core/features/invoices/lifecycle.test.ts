import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it, onTestFinished } from 'vitest'
import { manualClock } from '../../../../shared/clock'
import type { InvoiceState } from '../../../../shared/domain/lifecycle/issue'
import type { InvoiceStatusChange } from '../../../../shared/platform/booking'
import type { PlatformInvoice, RedStatus } from '../../../../shared/platform/wire'
import { openLedger, type Ledger } from '../../ledger/open'
import { invoices, receivedInvoices } from '../../ledger/schema'
import { applyPlatformStatus, markInvoice, moveByUser, settleIssued, settleRefused } from './lifecycle'

const NOW = '2026-12-03T10:00:00+08:00'
const NUMBER = '26442000000000000001'

async function ledgerFile(): Promise<Ledger> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-lifecycle-'))
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }))
  const ledger = await openLedger(path.join(dir, 'ledger.db'), { migrationsDir: path.resolve('migrations/ledger'), clock: manualClock(new Date('2026-12-03T02:00:00Z')) })
  return ledger
}

function invoice(ledger: Ledger, state: InvoiceState, redStatus: RedStatus = 'normal'): number {
  return ledger.orm
    .insert(invoices)
    .values({
      state,
      kind: '82',
      document: '{}',
      number: state === 'issued' ? NUMBER : null,
      redStatus,
      createdAt: '2026-12-01T09:00:00+08:00',
      updatedAt: '2026-12-01T09:00:00+08:00',
    })
    .returning({ id: invoices.id })
    .get().id
}

const rowOf = (ledger: Ledger, id: number) => ledger.orm.select().from(invoices).where(eq(invoices.id, id)).get()

const issuedAnswer = {
  number: NUMBER,
  issuedAt: NOW,
  qr: 'QR',
  quotaUsed: '113.00',
  amount: '100.00',
  tax: '13.00',
  total: '113.00',
  draft: { lines: [] },
} as unknown as PlatformInvoice

describe('the invoice lifecycle owner, on a real ledger file', () => {
  it('refuses a user move the machine refuses (issued → draft), in its words, leaving the row as it was', async () => {
    const ledger = await ledgerFile()
    const id = invoice(ledger, 'issued')
    const before = rowOf(ledger, id)
    expect(() => moveByUser(ledger, id, 'edit', { buyerName: '改过的名称' }, NOW)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', message: '发票已开具，不能修改；如需更正请开具红字发票' }),
    )
    expect(rowOf(ledger, id)).toEqual(before)
    ledger.close()
  })

  it("refuses the engine's illegal moves as internal errors, writing nothing", async () => {
    const ledger = await ledgerFile()
    const issued = invoice(ledger, 'issued')
    const draft = invoice(ledger, 'draft')
    const before = [rowOf(ledger, issued), rowOf(ledger, draft)]
    expect(() => markInvoice(ledger, issued, 'send', NOW)).toThrow(expect.objectContaining({ code: 'INTERNAL', message: expect.stringContaining('不能上传至平台') }))
    expect(() => settleRefused(ledger, issued, '平台拒绝', NOW)).toThrow(expect.objectContaining({ code: 'INTERNAL' }))
    expect(() => markInvoice(ledger, draft, 'retry', NOW)).toThrow(expect.objectContaining({ code: 'INTERNAL', message: expect.stringContaining('“草稿”') }))
    expect([rowOf(ledger, issued), rowOf(ledger, draft)]).toEqual(before)
    ledger.close()
  })

  it('walks draft → queued → issuing → queued → issuing → failed → draft → queued → issuing → issued, and the same answer twice changes nothing', async () => {
    const ledger = await ledgerFile()
    const id = invoice(ledger, 'draft')
    const seen: [InvoiceState, string | null][] = []
    const look = () => {
      const r = rowOf(ledger, id)!
      seen.push([r.state, r.failure])
    }
    moveByUser(ledger, id, 'issue', { queuedAt: NOW }, NOW)
    look()
    markInvoice(ledger, id, 'send', NOW)
    markInvoice(ledger, id, 'retry', NOW)
    look()
    markInvoice(ledger, id, 'send', NOW)
    settleRefused(ledger, id, '购买方纳税人识别号不正确', NOW)
    look()
    moveByUser(ledger, id, 'edit', { buyerName: '改正后的购买方' }, NOW)
    look()
    moveByUser(ledger, id, 'issue', {}, NOW)
    markInvoice(ledger, id, 'send', NOW)
    expect(settleIssued(ledger, id, issuedAnswer, NOW)).toBe(true)
    look()
    const issued = rowOf(ledger, id)
    expect(settleIssued(ledger, id, { ...issuedAnswer, qr: 'ANOTHER' }, '2026-12-04T10:00:00+08:00')).toBe(false)
    expect(rowOf(ledger, id)).toEqual(issued)
    expect(seen).toEqual([
      ['queued', null],
      ['queued', null],
      ['failed', '购买方纳税人识别号不正确'],
      ['draft', null],
      ['issued', null],
    ])
    expect(issued).toMatchObject({ number: NUMBER, qr: 'QR', totalFen: 11300, quotaUsedFen: 11300 })
    ledger.close()
  })

  it('writes invoice.status on 销项 (the buyer’s 入账 and 用途) and on 进项 (ours, with the period); a 红冲状态 never goes back', async () => {
    const ledger = await ledgerFile()
    const sold = invoice(ledger, 'issued')
    ledger.orm
      .insert(receivedInvoices)
      .values({
        number: NUMBER,
        kind: '81',
        issuedAt: NOW,
        sellerTaxId: 'S',
        sellerName: '卖方',
        amountFen: 100,
        taxFen: 13,
        totalFen: 113,
        lineCount: 1,
        document: '{}',
        receivedAt: NOW,
      })
      .run()
    const change: InvoiceStatusChange = { number: NUMBER, redStatus: 'partly-reversed', booking: '02', bookingPeriod: '202612', use: 'deduct' }
    applyPlatformStatus(ledger, change)
    applyPlatformStatus(ledger, change)
    expect(rowOf(ledger, sold)).toMatchObject({ redStatus: 'partly-reversed', buyerBooking: '02', buyerUse: 'deduct' })
    const bought = () => ledger.orm.select().from(receivedInvoices).where(eq(receivedInvoices.number, NUMBER)).get()
    expect(bought()).toMatchObject({ redStatus: 'partly-reversed', booking: '02', bookingPeriod: '202612', useStatus: 'deduct' })

    const before = [rowOf(ledger, sold), bought()]
    expect(() => applyPlatformStatus(ledger, { ...change, redStatus: 'normal', booking: '06', bookingPeriod: null })).toThrow(
      expect.objectContaining({ code: 'INTERNAL', message: expect.stringContaining('红冲状态不能从“部分红冲”回到“正常”') }),
    )
    expect(() => applyPlatformStatus(ledger, { ...change, booking: '09' as InvoiceStatusChange['booking'] })).toThrow(expect.objectContaining({ code: 'INTERNAL' }))
    expect([rowOf(ledger, sold), bought()]).toEqual(before)
    ledger.close()
  })
})
