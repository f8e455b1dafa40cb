// The Excel side of 发票入账: 模板下载, 上传 (a filled template becomes a job), the result workbook
// of a finished job and 发票入账状态查询's 导出 — each a file token for the host to save or read.
import type { BookingJob, BookingStatusFilter, BookingTemplate } from '../../../../shared/api/booking'
import type { FileRef } from '../../../../shared/api/define'
import type { CoreContext } from '../../context'
import { AppError } from '../../errors'

const NOT_YET = '发票入账的 Excel 文件功能尚未接入'

export async function bookingTemplateFile(_ctx: CoreContext, _format: BookingTemplate): Promise<FileRef> {
  throw new AppError('INTERNAL', NOT_YET)
}

export async function importBookingFile(_ctx: CoreContext, _file: string, _jobId: string | undefined): Promise<BookingJob> {
  throw new AppError('INTERNAL', NOT_YET)
}

export async function bookingResultFile(_ctx: CoreContext, _id: number): Promise<FileRef> {
  throw new AppError('INTERNAL', NOT_YET)
}

export async function bookingStatusFile(_ctx: CoreContext, _filter: BookingStatusFilter): Promise<FileRef & { rows: number }> {
  throw new AppError('INTERNAL', NOT_YET)
}
