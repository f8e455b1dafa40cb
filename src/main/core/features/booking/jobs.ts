// A 发票入账 / 用途确认 request as the ledger keeps it: the job, its rows as typed or chosen, and
// the one outbox command that carries the rows the platform should see — saved in one transaction,
// so a request is either queued whole or not at all. A row already refused here for its form (a
// bad cell of an uploaded file) is 其他 at once and never sent.
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm'
import type { BookingJob } from '../../../../shared/api/booking'
import { JOB_STATES } from '../../../../shared/api/booking'
import type { Page } from '../../../../shared/api/define'
import { BOOKING_RESULTS, DEFAULT_BOOKING_TYPE, type BookingBatchRow, type BookingResult, type BookingType, type UseChoice } from '../../../../shared/platform/booking'
import { AppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import { bookingJobRows, bookingJobs, outbox } from '../../ledger/schema'
import { enqueue } from '../../sync/outbox'
import { recordAudit } from '../audit/service'

export const BOOKING_DOCUMENT = 'booking-job'
export const BOOKING_COMMAND = 'booking.batch'
export const USE_COMMAND = 'use.batch'

export type JobRow = typeof bookingJobRows.$inferSelect
export type NewJobRow = Omit<typeof bookingJobRows.$inferInsert, 'jobId' | 'position'>
type JobHead = Pick<typeof bookingJobs.$inferInsert, 'kind' | 'source' | 'fileName'>

/** what the outbox carries: the request's rows and, per row, its place in the job */
export type BookingCommandPayload =
  { kind: 'booking'; rows: BookingBatchRow[]; positions: number[] } | { kind: 'use'; rows: { number: string; use: UseChoice }[]; positions: number[] }

function wireRowOf(r: NewJobRow): BookingBatchRow {
  return {
    number: r.number,
    ...(r.code ? { code: r.code } : {}),
    ...(r.issueDate ? { issueDate: r.issueDate } : {}),
    book: r.book ?? false,
    ...(r.period ? { period: r.period } : {}),
    ...(r.book ? { type: (r.type ?? DEFAULT_BOOKING_TYPE) as BookingType } : {}),
  }
}

function payloadOf(kind: JobHead['kind'], rows: NewJobRow[]): BookingCommandPayload | null {
  const sendable = rows.flatMap((r, position) => (r.result ? [] : [{ r, position }]))
  if (sendable.length === 0) return null
  const positions = sendable.map((s) => s.position)
  if (kind === 'use') return { kind, rows: sendable.map(({ r }) => ({ number: r.number, use: r.use as UseChoice })), positions }
  return { kind, rows: sendable.map(({ r }) => wireRowOf(r)), positions }
}

const WHAT = { booking: '发票入账', use: '用途确认' } as const

/** the job, its rows and its command, in one transaction; a job with nothing to send is done at once */
export function createJob(ledger: Ledger, head: JobHead, rows: NewJobRow[], now: string): number {
  return ledger.db.transaction(() => {
    const payload = payloadOf(head.kind, rows)
    const { id } = ledger.orm
      .insert(bookingJobs)
      .values({ ...head, state: payload ? 'pending' : 'done', finishedAt: payload ? null : now, createdAt: now, updatedAt: now })
      .returning({ id: bookingJobs.id })
      .get()
    for (let i = 0; i < rows.length; i += 500)
      ledger.orm
        .insert(bookingJobRows)
        .values(rows.slice(i, i + 500).map((r, k) => ({ ...r, jobId: id, position: i + k })))
        .run()
    if (payload) enqueue(ledger, { command: head.kind === 'use' ? USE_COMMAND : BOOKING_COMMAND, documentType: BOOKING_DOCUMENT, documentId: id, payload, now })
    const from = head.fileName ? `文件 ${head.fileName}` : '进项发票列表'
    recordAudit(ledger.orm, now, { action: 'create', entity: 'booking', entityId: id, summary: `${WHAT[head.kind]}申请：${rows.length} 张发票（${from}）` })
    return id
  })()
}

const STATE_LABEL = new Map<string, string>(JOB_STATES.map((s) => [s.code, s.label]))

function emptyCounts(): Record<BookingResult, number> {
  return Object.fromEntries(BOOKING_RESULTS.map((r) => [r.code, 0])) as Record<BookingResult, number>
}

export function listJobs(ledger: Ledger, page: number, size: number): Page<BookingJob> {
  const total = ledger.orm.select({ n: count() }).from(bookingJobs).get()?.n ?? 0
  const jobs = ledger.orm
    .select()
    .from(bookingJobs)
    .orderBy(desc(bookingJobs.id))
    .limit(size)
    .offset((page - 1) * size)
    .all()
  return { total, rows: summaries(ledger, jobs) }
}

export function getJob(ledger: Ledger, id: number): BookingJob {
  const job = ledger.orm.select().from(bookingJobs).where(eq(bookingJobs.id, id)).get()
  if (!job) throw new AppError('NOT_FOUND', `入账申请（编号 ${id}）不存在`)
  return summaries(ledger, [job])[0]!
}

/** each job with its row count, its rows per result class and, while pending, its last delivery error */
function summaries(ledger: Ledger, jobs: (typeof bookingJobs.$inferSelect)[]): BookingJob[] {
  const ids = jobs.map((j) => j.id)
  if (ids.length === 0) return []
  const counts = new Map<number, Record<BookingResult, number>>(ids.map((id) => [id, emptyCounts()]))
  const rows = new Map<number, number>()
  const grouped = ledger.orm
    .select({ jobId: bookingJobRows.jobId, result: bookingJobRows.result, n: count() })
    .from(bookingJobRows)
    .where(inArray(bookingJobRows.jobId, ids))
    .groupBy(bookingJobRows.jobId, bookingJobRows.result)
    .all()
  for (const g of grouped) {
    rows.set(g.jobId, (rows.get(g.jobId) ?? 0) + g.n)
    if (g.result) counts.get(g.jobId)![g.result] += g.n
  }
  const errors = new Map<number, string | null>(
    ledger.orm
      .select({ id: outbox.documentId, error: sql<string | null>`max(${outbox.lastError})` })
      .from(outbox)
      .where(and(eq(outbox.documentType, BOOKING_DOCUMENT), inArray(outbox.documentId, ids), inArray(outbox.state, ['pending', 'sending'])))
      .groupBy(outbox.documentId)
      .all()
      .map((e) => [e.id, e.error]),
  )
  return jobs.map((j) => ({
    id: j.id,
    kind: j.kind,
    source: j.source,
    fileName: j.fileName,
    rows: rows.get(j.id) ?? 0,
    state: j.state,
    stateLabel: STATE_LABEL.get(j.state) ?? j.state,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
    counts: counts.get(j.id)!,
    error: j.error ?? errors.get(j.id) ?? null,
  }))
}

export function jobWithRows(ledger: Ledger, id: number): { job: typeof bookingJobs.$inferSelect; rows: JobRow[] } {
  const job = ledger.orm.select().from(bookingJobs).where(eq(bookingJobs.id, id)).get()
  if (!job) throw new AppError('NOT_FOUND', `入账申请（编号 ${id}）不存在`)
  const rows = ledger.orm.select().from(bookingJobRows).where(eq(bookingJobRows.jobId, id)).orderBy(bookingJobRows.position).all()
  return { job, rows }
}
