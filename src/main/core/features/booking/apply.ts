// The platform's answer to a 发票入账 / 用途确认 request, written into the job: a result per row,
// the job 处理成功 — or, when the platform refused the request as a whole, 处理失败 with its words.
// The invoices' own states are not written here: the platform tells them through the change feed
// ('invoice.status', sync/apply.ts), the one way a received invoice's 入账 and 用途 change.
import { and, eq } from 'drizzle-orm'
import type { BookingBatchAnswer, UseBatchAnswer } from '../../../../shared/platform/booking'
import type { Ledger } from '../../ledger/open'
import { bookingJobRows, bookingJobs } from '../../ledger/schema'
import { recordAudit } from '../audit/service'
import type { BookingCommandPayload } from './jobs'

export function applyBookingAnswer(ledger: Ledger, jobId: number, payload: BookingCommandPayload, answer: BookingBatchAnswer | UseBatchAnswer, now: string): void {
  const job = ledger.orm.select({ state: bookingJobs.state }).from(bookingJobs).where(eq(bookingJobs.id, jobId)).get()
  // the same answer again (a replay after a crash): already written
  if (!job || job.state !== 'pending') return
  let success = 0
  for (const r of answer.results) {
    const position = payload.positions[r.index]
    if (position === undefined) continue
    if (r.result === 'success') success++
    ledger.orm
      .update(bookingJobRows)
      .set({ result: r.result, message: r.message || null, earlierPeriod: 'earlierPeriod' in r ? r.earlierPeriod : null })
      .where(and(eq(bookingJobRows.jobId, jobId), eq(bookingJobRows.position, position)))
      .run()
  }
  ledger.orm.update(bookingJobs).set({ state: 'done', error: null, finishedAt: answer.processedAt, updatedAt: now }).where(eq(bookingJobs.id, jobId)).run()
  recordAudit(ledger.orm, now, {
    action: 'update',
    entity: 'booking',
    entityId: jobId,
    summary: `平台已处理${payload.kind === 'use' ? '用途确认' : '入账'}申请：${answer.results.length} 张，成功 ${success} 张`,
  })
}

export function applyBookingRefusal(ledger: Ledger, jobId: number, message: string, now: string): void {
  ledger.orm.update(bookingJobs).set({ state: 'failed', error: message, finishedAt: now, updatedAt: now }).where(eq(bookingJobs.id, jobId)).run()
  recordAudit(ledger.orm, now, { action: 'update', entity: 'booking', entityId: jobId, summary: `平台拒绝入账申请：${message}` })
}
