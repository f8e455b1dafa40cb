// 进项 on the command line (issue 12): the received list (发票查询 on the 进项 side), 入账 / 撤销入账 /
// 用途确认 of invoices by number, and the platform's Excel flow — 模板下载, 上传 (with --wait: sync
// until the platform has answered, then the result workbook), 发票入账状态查询.
import path from 'node:path'
import type { Core } from '../../core/app'
import { AppError } from '../../core/errors'
import type { Input } from '../../../shared/api'
import { BOOKING_TEMPLATES, type BookingJob, type BookingTemplate } from '../../../shared/api/booking'
import { BOOKING_RESULTS, BOOKING_STATUSES, BOOKING_TYPES, type BookingStatus } from '../../../shared/platform/booking'
import type { CliOptions, CliValues } from '../../../shared/cli'
import { command, type Command } from '../command'
import { inputFile, saveTo } from '../files'
import { filterFromOptions, invoiceFilterOptions, invoiceSortOptions, sortFromOptions } from './invoiceFilterOptions'

const NUMBERS = { name: 'NUMBER', variadic: true, description: '20 位发票号码（进项），可写多个', descriptionEn: '20-digit numbers of received invoices (进项), one or more' }
const period = { value: 'YYYYMM', description: '入账所属期，如 202611', descriptionEn: 'booking period (入账所属期), e.g. 202611' } as const

/** a job as one line: its state and how many rows fell in each result class */
function jobLine(j: BookingJob) {
  const counts = Object.fromEntries(BOOKING_RESULTS.map((r) => [r.label, j.counts[r.code]]))
  return {
    id: j.id,
    kind: j.kind === 'use' ? '用途确认' : '发票入账',
    source: j.fileName ?? '进项发票列表',
    rows: j.rows,
    state: j.stateLabel,
    ...counts,
    createdAt: j.createdAt,
    error: j.error,
  }
}

/** syncs until the platform has answered the job (at most a few rounds: an unreachable platform stops it) */
async function waitFor(core: Core, id: number): Promise<BookingJob> {
  for (let round = 0; round < 5; round++) {
    const current = await core.call('booking.job', { id })
    if (current.state !== 'pending') return current
    const run = await core.call('sync.now', {})
    if (run.error) throw new AppError('OFFLINE', `入账申请 ${id} 仍待处理：${run.error}；稍后再运行 sync，或打开票税通`)
  }
  return core.call('booking.job', { id })
}

const listOptions = (() => {
  const { side: _side, 'sync-state': _sync, drawer: _drawer, ...rest } = invoiceFilterOptions
  return {
    ...rest,
    ...invoiceSortOptions,
    page: { value: 'P', description: '页码（默认 1）', descriptionEn: 'page number (default 1)', positive: true },
    size: { value: 'S', description: '每页条数（默认 20，最多 500）', descriptionEn: 'rows per page (default 20, at most 500)', positive: true },
  }
})() satisfies CliOptions

/** the booking types 02–05 in English, as --type and --status explain them */
const BOOKED_EN = '02 and 03 corporate income tax deducted before tax or not, 04 and 05 the same for individual business income'

const statusOptions = {
  status: {
    choices: BOOKING_STATUSES.map((b) => b.code),
    description: `入账状态：${BOOKING_STATUSES.map((b) => `${b.code} ${b.label}`).join('、')}`,
    descriptionEn: `booking status (入账状态): 01 not booked, 02–05 booked (${BOOKED_EN}), 06 booking undone`,
  },
  period,
  from: { value: 'YYYY-MM-DD', description: '开票日期起', descriptionEn: 'issue date from' },
  to: { value: 'YYYY-MM-DD', description: '开票日期止', descriptionEn: 'issue date to' },
  seller: { value: 'TEXT', description: '销售方：名称包含或税号开头', descriptionEn: 'seller: name contains, or tax ID starts with' },
} as const satisfies CliOptions

function statusFilter(o: CliValues<typeof statusOptions>): NonNullable<Input<'booking.status'>['filter']> {
  return { status: o.status as BookingStatus | undefined, period: o.period, from: o.from, to: o.to, seller: o.seller }
}

export const bookingCommands: Record<string, Command> = {
  'received list': command({
    summary: '进项发票列表（即 invoices list --side 进项），可带发票查询条件，附合计',
    summaryEn: 'Purchase invoices (invoices list --side 进项), with any query option and totals',
    examples: [{ line: 'received list --booking 01', zh: '列出尚未入账的进项发票', en: 'list the purchase invoices not yet booked' }],
    options: listOptions,
    run: (core, _a, o) =>
      core.call('invoices.query', {
        ...filterFromOptions({ ...o, side: '进项', drawer: undefined, 'sync-state': undefined }),
        ...sortFromOptions(o),
        page: Number(o.page ?? 1),
        size: Number(o.size ?? 20),
      }),
  }),
  'received book': command({
    summary: '发票入账：把进项发票按入账类型记入所属期（排队，sync 时提交平台）',
    summaryEn: 'Book purchase invoices into a period by booking type (queued; sync submits it)',
    examples: [
      { line: 'received book 26442000000000000001 --period 202611', zh: '把一张进项发票记入 2026 年 11 月（类型 02）', en: 'book a purchase invoice into November 2026 (type 02)' },
    ],
    args: [NUMBERS],
    options: {
      type: {
        choices: BOOKING_TYPES,
        description: `入账类型（默认 02）：${BOOKING_STATUSES.filter((b) => (BOOKING_TYPES as readonly string[]).includes(b.code))
          .map((b) => `${b.code} ${b.label}`)
          .join('、')}`,
        descriptionEn: `booking type (入账类型), default 02: ${BOOKED_EN}`,
      },
      period: { ...period, required: true },
    },
    run: (core, numbers, o) => core.call('received.book', { numbers, type: o.type as Input<'received.book'>['type'], period: o.period }),
  }),
  'received unbook': command({
    summary: '撤销入账（06）（排队，sync 时提交平台）',
    summaryEn: 'Undo the booking (06) (queued; sync submits it)',
    examples: [{ line: 'received unbook 26442000000000000001', zh: '撤销这张发票的入账', en: "undo this invoice's booking" }],
    args: [NUMBERS],
    run: (core, numbers) => core.call('received.unbook', { numbers }),
  }),
  'received use': command({
    summary: '用途确认（专票）：--deduct 抵扣 或 --no-deduct 不抵扣（排队，sync 时提交平台）',
    summaryEn: 'Use confirmation (special invoices): --deduct or --no-deduct (queued; sync submits it)',
    examples: [{ line: 'received use 26442000000000000001 --deduct', zh: '确认用于抵扣', en: 'confirm it is used for deduction' }],
    args: [NUMBERS],
    options: {
      deduct: { type: 'boolean', description: '抵扣', descriptionEn: 'deduct (抵扣)' },
      'no-deduct': { type: 'boolean', description: '不抵扣', descriptionEn: 'do not deduct (不抵扣)' },
    },
    run(core, numbers, o) {
      if (!!o.deduct === !!o['no-deduct'])
        throw new AppError('VALIDATION', '请写 --deduct（抵扣）或 --no-deduct（不抵扣），二选一', { issues: [{ path: 'use', message: '请选择抵扣或不抵扣' }] })
      return core.call('received.use', { numbers, use: o.deduct ? 'deduct' : 'no-deduct' })
    },
  }),
  'booking template': command({
    summary: '下载发票入账模板（数电或税控）',
    summaryEn: 'Download the booking template (数电 or 税控)',
    examples: [{ line: 'booking template 入账模板.xlsx --format 税控', zh: '下载税控发票的入账模板', en: 'download the template for 税控 invoices' }],
    args: [{ name: 'FILE', description: '保存到（.xlsx 文件或文件夹）', descriptionEn: 'save to (an .xlsx file or a folder)' }],
    options: { format: { choices: BOOKING_TEMPLATES, description: '模板：数电（默认）或 税控', descriptionEn: 'template: 数电 (default) or 税控' } },
    run: async (core, [target], o) => ({ file: saveTo(core, await core.call('booking.template', { format: (o.format ?? '数电') as BookingTemplate }), target!) }),
  }),
  'booking import': command({
    summary: '上传填好的发票入账模板（最多 2,000 行）；--wait 同步到平台处理完成，并保存结果文件',
    summaryEn: 'Upload a filled-in booking template (up to 2,000 rows); --wait waits for the platform and saves the result file',
    examples: [{ line: 'booking import 入账.xlsx --wait --out 入账结果.xlsx', zh: '上传、等待处理完成，保存结果文件', en: 'upload, wait for the platform, save the result file' }],
    args: [{ name: 'FILE', description: '填好的模板（.xlsx、.xls 或 .csv）', descriptionEn: 'the filled-in template (.xlsx, .xls or .csv)' }],
    options: {
      wait: {
        type: 'boolean',
        description: '同步直到平台处理完成，输出结果文件的位置',
        descriptionEn: 'sync until the platform has finished, then print where the result file is',
      },
      out: {
        value: 'PATH',
        description: '结果文件保存到（默认：上传文件旁的 <文件名>-入账结果.xlsx）',
        descriptionEn: 'where to save the result file (default: <name>-入账结果.xlsx beside the uploaded file)',
      },
    },
    async run(core, [file], o) {
      const created = await core.call('booking.import', { file: inputFile(core, file!) })
      if (!o.wait) return { ...jobLine(created), message: created.state === 'pending' ? '已上传，待处理：运行 sync 或打开票税通后由平台处理' : undefined }
      const done = await waitFor(core, created.id)
      if (done.state !== 'done') return jobLine(done)
      const target = o.out ?? path.join(path.dirname(path.resolve(file!)), `${path.basename(file!, path.extname(file!))}-入账结果.xlsx`)
      return { ...jobLine(done), result: saveTo(core, await core.call('booking.result', { id: done.id }), target) }
    },
  }),
  'booking jobs': command({
    summary: '发票入账申请列表（最新在前）：处理状态和各类结果张数',
    summaryEn: 'Booking requests (newest first): state and the count of each result',
    examples: [{ line: 'booking jobs', zh: '列出入账申请', en: 'list the booking requests' }],
    async run(core) {
      const { total, rows } = await core.call('booking.jobs', { page: 1, size: 100 })
      return { total, rows: rows.map(jobLine) }
    },
  }),
  'booking result': command({
    summary: '下载已处理的入账申请的结果文件（分类汇总和明细）',
    summaryEn: "Download a processed booking request's result file (summary and details)",
    examples: [{ line: 'booking result 2 入账结果.xlsx', zh: '保存申请 2 的结果文件', en: "save request 2's result file" }],
    args: [
      { name: 'ID', description: '申请编号（booking jobs 的第一列）', descriptionEn: 'application ID (the first column of booking jobs)' },
      { name: 'FILE', description: '保存到（.xlsx 文件或文件夹）', descriptionEn: 'save to (an .xlsx file or a folder)' },
    ],
    run: async (core, [id, target]) => {
      if (!/^[1-9]\d{0,9}$/.test(id!)) throw new AppError('VALIDATION', `申请编号应为正整数，现为“${id}”`)
      return { file: saveTo(core, await core.call('booking.result', { id: Number(id) }), target!) }
    },
  }),
  'booking status': command({
    summary: '发票入账状态查询；--out 导出为 .xlsx',
    summaryEn: 'Booking status query; --out exports it as .xlsx',
    examples: [{ line: 'booking status --period 202611 --out 入账状态.xlsx', zh: '导出 2026 年 11 月所属期的入账状态', en: 'export the booking status of period 2026-11' }],
    options: {
      ...statusOptions,
      out: { value: 'FILE', description: '导出到 .xlsx', descriptionEn: 'export to .xlsx' },
      page: { value: 'P', description: '页码（默认 1）', descriptionEn: 'page number (default 1)', positive: true },
      size: { value: 'S', description: '每页条数（默认 20，最多 500）', descriptionEn: 'rows per page (default 20, at most 500)', positive: true },
    },
    async run(core, _a, o) {
      const filter = statusFilter(o)
      if (o.out) {
        const r = await core.call('booking.statusExport', { filter })
        return { rows: r.rows, file: saveTo(core, r, o.out) }
      }
      return core.call('booking.status', { filter, page: Number(o.page ?? 1), size: Number(o.size ?? 20) })
    },
  }),
}
