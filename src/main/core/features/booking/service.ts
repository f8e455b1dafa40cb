// 发票入账 / 撤销入账 / 用途确认 from the 进项 list (manual §2.6.2): the invoices named, or 发票查询's
// selection on the 进项 side, become jobs of at most 2,000 (the platform's limit per request),
// each queued for the platform. Nothing is queued when one named invoice is not among 进项.
import { inArray } from 'drizzle-orm'
import type { BookingQueued } from '../../../../shared/api/booking'
import type { InvoiceSelection } from '../../../../shared/api/invoiceQuery'
import { BOOKING_BATCH_MAX, type BookingType, type UseChoice } from '../../../../shared/platform/booking'
import { AppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import { receivedInvoices } from '../../ledger/schema'
import { matchingRawBatches, selectionTotals } from '../query/filter'
import { createJob, type NewJobRow } from './jobs'

export type BookingTarget = { numbers?: string[]; selection?: InvoiceSelection }
export type ListRequest = { kind: 'book'; type: BookingType; period: string } | { kind: 'unbook' } | { kind: 'use'; use: UseChoice }

/** the received invoices a request names: each with its 开票日期 (the platform checks it) */
function targetInvoices(ledger: Ledger, target: BookingTarget): { number: string; issueDate: string }[] {
  if (target.numbers) {
    const wanted = [...new Set(target.numbers)]
    const found = new Map<string, string>()
    for (let i = 0; i < wanted.length; i += 900)
      for (const r of ledger.orm
        .select({ number: receivedInvoices.number, issuedAt: receivedInvoices.issuedAt })
        .from(receivedInvoices)
        .where(inArray(receivedInvoices.number, wanted.slice(i, i + 900)))
        .all())
        found.set(r.number, r.issuedAt)
    const missing = wanted.filter((n) => !found.has(n))
    if (missing.length > 0)
      throw new AppError('NOT_FOUND', `进项发票中没有这些发票：${missing.slice(0, 5).join('、')}${missing.length > 5 ? ` 等 ${missing.length} 张` : ''}；请先同步，或核对发票号码`)
    return wanted.map((number) => ({ number, issueDate: found.get(number)!.slice(0, 10) }))
  }
  const selection = target.selection!
  if (selectionTotals(ledger, selection).total === 0) throw new AppError('NOT_FOUND', '所选发票已不在查询结果中：请刷新列表后重新选择')
  const out: { number: string; issueDate: string }[] = []
  for (const batch of matchingRawBatches(ledger, selection, { batch: 1000 })) for (const r of batch) out.push({ number: r.number!, issueDate: r.dated.slice(0, 10) })
  return out
}

function rowOf(req: ListRequest, inv: { number: string; issueDate: string }): NewJobRow {
  if (req.kind === 'use') return { number: inv.number, use: req.use }
  if (req.kind === 'unbook') return { number: inv.number, issueDate: inv.issueDate, book: false }
  return { number: inv.number, issueDate: inv.issueDate, book: true, period: req.period, type: req.type }
}

export function queueFromList(ledger: Ledger, target: BookingTarget, req: ListRequest, now: string): BookingQueued {
  const invoices = targetInvoices(ledger, target)
  const jobs: number[] = []
  for (let i = 0; i < invoices.length; i += BOOKING_BATCH_MAX)
    jobs.push(
      createJob(
        ledger,
        { kind: req.kind === 'use' ? 'use' : 'booking', source: 'list', fileName: null },
        invoices.slice(i, i + BOOKING_BATCH_MAX).map((inv) => rowOf(req, inv)),
        now,
      ),
    )
  return { jobs, invoices: invoices.length }
}
