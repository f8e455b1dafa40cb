// The Excel side of 发票入账: 模板下载, 上传 (a filled template becomes a job), the result workbook
// of a finished job and 发票入账状态查询's 导出 — each a file token for the host to save or read.
import type { BookingJob, BookingStatusFilter, BookingTemplate } from '../../../../shared/api/booking'
import type { FileRef } from '../../../../shared/api/define'
import type { CoreContext } from '../../context'
import { AppError } from '../../errors'
import { createJob, getJob, jobWithRows, type NewJobRow } from './jobs'
import { readBookingFile, type BookingFileRow } from './readBookingFile'
import { bookingResultName, writeBookingResult } from './resultWorkbook'
import { bookingStatusRows } from './status'
import { writeBookingStatus } from './statusExport'
import { bookingTemplateName, writeBookingTemplate } from './template'

export async function bookingTemplateFile(ctx: CoreContext, format: BookingTemplate): Promise<FileRef> {
  const out = ctx.files.output(bookingTemplateName(format))
  await writeBookingTemplate(out.path, format)
  return { token: out.token, name: out.name }
}

/** a row as the job keeps it: a row with a wrong cell is 其他 at once, with the reader's words */
function jobRowOf(r: BookingFileRow): NewJobRow {
  const typed = { sheetRow: r.sheetRow, number: r.number, code: r.code, issueDate: r.issueDate, book: r.book, period: r.book ? r.period : null, type: r.book ? r.type : null }
  return r.problem ? { ...typed, result: 'other', message: r.problem } : typed
}

export async function importBookingFile(ctx: CoreContext, file: string, jobId: string | undefined): Promise<BookingJob> {
  const { path, name } = ctx.files.resolve(file)
  const job = ctx.jobs.start(jobId)
  try {
    const { source, rows } = await readBookingFile(path, {
      name,
      pause: async () => {
        job.checkpoint()
        await job.yield()
      },
    })
    const ledger = await ctx.ledger()
    const id = createJob(ledger, { kind: 'booking', source, fileName: name }, rows.map(jobRowOf), ctx.now())
    ctx.files.release(file)
    return getJob(ledger, id)
  } finally {
    job.end()
  }
}

export async function bookingResultFile(ctx: CoreContext, id: number): Promise<FileRef> {
  const { job, rows } = jobWithRows(await ctx.ledger(), id)
  if (job.state === 'pending') throw new AppError('CONFLICT', `入账申请 ${id} 还在待处理：平台处理后才能下载结果，请先同步`)
  const out = ctx.files.output(bookingResultName(job))
  await writeBookingResult(out.path, job, rows)
  return { token: out.token, name: out.name }
}

export async function bookingStatusFile(ctx: CoreContext, filter: BookingStatusFilter): Promise<FileRef & { rows: number }> {
  const out = ctx.files.output('发票入账状态.xlsx')
  const rows = await writeBookingStatus(out.path, bookingStatusRows(await ctx.ledger(), filter))
  return { token: out.token, name: out.name, rows }
}
