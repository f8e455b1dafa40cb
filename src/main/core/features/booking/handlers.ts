import { mutates, type Registry } from '../../registry'
import { bookingResultFile, bookingStatusFile, bookingTemplateFile, importBookingFile } from './files'
import { getJob, listJobs } from './jobs'
import { queueFromList } from './service'
import { bookingStatusPage } from './status'

/** `queued`: a job entered the outbox (the sync engine sends it soon) */
export function registerBooking(reg: Registry, queued: () => void): void {
  const thenSync = <T>(v: T): T => (queued(), v)
  const changes = ['booking', 'received']
  reg.handle(
    'received.book',
    mutates(changes, async ({ numbers, selection, type, period }, ctx) =>
      thenSync(queueFromList(await ctx.ledger(), { numbers, selection }, { kind: 'book', type, period }, ctx.now())),
    ),
  )
  reg.handle(
    'received.unbook',
    mutates(changes, async ({ numbers, selection }, ctx) => thenSync(queueFromList(await ctx.ledger(), { numbers, selection }, { kind: 'unbook' }, ctx.now()))),
  )
  reg.handle(
    'received.use',
    mutates(changes, async ({ numbers, selection, use }, ctx) => thenSync(queueFromList(await ctx.ledger(), { numbers, selection }, { kind: 'use', use }, ctx.now()))),
  )
  reg.handle('booking.job', async ({ id }, ctx) => getJob(await ctx.ledger(), id))
  reg.handle('booking.jobs', async ({ page, size }, ctx) => listJobs(await ctx.ledger(), page, size))
  reg.handle('booking.status', async ({ filter, page, size }, ctx) => bookingStatusPage(await ctx.ledger(), filter, page, size))
  reg.handle('booking.template', ({ format }, ctx) => bookingTemplateFile(ctx, format))
  reg.handle(
    'booking.import',
    mutates(changes, async ({ file, jobId }, ctx) => thenSync(await importBookingFile(ctx, file, jobId))),
  )
  reg.handle('booking.result', ({ id }, ctx) => bookingResultFile(ctx, id))
  reg.handle('booking.statusExport', ({ filter }, ctx) => bookingStatusFile(ctx, filter))
}
