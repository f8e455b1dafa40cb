// 发票下载 (manual §2.6.1, DOMAIN.md §6): an application — 开票日期 range, 销项/进项, 票种, file
// formats — becomes a background job (待处理 → 处理中 → 处理完成 / 失败 / 已取消) whose result is one zip
// (`<发票号码>.pdf|.ofd|.xml` and 汇总.xlsx), kept 7 days like the platform keeps its packages. Plus
// the single lookup by 发票号码 + 开票日期 + 进/销项.
import { z } from 'zod'
import { calendarDay } from './calendarDay'
import { call, type FileRef } from './define'
import { INVOICE_SIDES, type InvoiceSide } from './invoiceQuery'

export const DOWNLOAD_FORMATS = ['pdf', 'ofd', 'xml'] as const
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number]

export { INVOICE_SIDES, type InvoiceSide }

/** a job's state as stored; the words are DOWNLOAD_STATE_LABELS */
export const DOWNLOAD_STATES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const
export type DownloadState = (typeof DOWNLOAD_STATES)[number]
export const DOWNLOAD_STATE_LABELS: Record<DownloadState, string> = {
  pending: '待处理',
  running: '处理中',
  done: '处理完成',
  failed: '失败',
  cancelled: '已取消',
}

/** like the platform's packages (DOMAIN.md §6): a finished zip is deleted this many days after */
export const DOWNLOAD_KEEP_DAYS = 7

/** the progress events of a job carry this id (`download:<id>`) */
export const downloadEventId = (id: number): string => `download:${id}`

export const downloadApplication = z
  .object({
    from: calendarDay('开票日期起'),
    to: calendarDay('开票日期止'),
    side: z.enum(INVOICE_SIDES, { error: '进销项应为“销项”或“进项”' }).default('销项'),
    kind: z.enum(['81', '82'], { error: '票种应为 81（专票）或 82（普票）' }).optional(),
    formats: z
      .array(z.enum(DOWNLOAD_FORMATS, { error: '文件格式应为 pdf、ofd 或 xml' }), { error: '请选择文件格式' })
      .min(1, '请至少选择一种文件格式（PDF、OFD、XML）')
      .max(3)
      // each format once, always in the same order
      .transform((fs) => DOWNLOAD_FORMATS.filter((f) => fs.includes(f))),
  })
  .refine((a) => a.from <= a.to, { message: '开票日期起不能晚于开票日期止', path: ['to'] })

export type DownloadApplication = z.output<typeof downloadApplication>

export interface DownloadJob {
  id: number
  createdAt: string
  params: DownloadApplication
  state: DownloadState
  stateLabel: string
  /** invoices written so far / in the job (0 until the selection is made) */
  done: number
  total: number
  /** the zip's name once 处理完成 */
  fileName: string | null
  /** what the result says beside the count, e.g. 离线：仅含本地已有的 N 张进项发票 */
  note: string | null
  error: string | null
  finishedAt: string | null
  /** when a finished zip is deleted (finishedAt + 7 days); null before it is finished */
  expiresAt: string | null
  /** its zip was deleted after 7 days (the job stays in the list, saying so) */
  expired: boolean
}

/** one invoice as the lookup finds it */
export interface InvoiceSummary {
  side: InvoiceSide
  number: string
  issuedAt: string
  kind: '81' | '82'
  colour: 'blue' | 'red'
  counterpartyName: string
  counterpartyTaxId: string
  amount: string
  tax: string
  total: string
  /** 正常 / 部分红冲 / 全额红冲 */
  status: string
}

const jobRef = z.object({ id: z.number({ error: '请指定下载任务编号' }).int().positive() })

export const downloadsApi = {
  /** 申请下载: a job 待处理, picked up by the core's runner */
  'downloads.create': call(downloadApplication).returns<DownloadJob>(),
  /** newest first */
  'downloads.list': call(z.object({}).optional()).returns<DownloadJob[]>(),
  'downloads.get': call(jobRef).returns<DownloadJob>(),
  /** 取消: a job 待处理 or 处理中 (its partial zip is removed) */
  'downloads.cancel': call(jobRef).returns<DownloadJob>(),
  /** 下载: the zip of a job 处理完成, as a file token */
  'downloads.file': call(jobRef).returns<FileRef>(),
  /** 单张查询: NOT_FOUND 未查询到该发票 when the ledger has none (进项: the platform is asked too) */
  'downloads.lookup': call(
    z.object({
      number: z
        .string({ error: '请填写发票号码' })
        .trim()
        .regex(/^\d{20}$/, '发票号码应为 20 位数字'),
      date: calendarDay('开票日期'),
      side: z.enum(INVOICE_SIDES, { error: '进销项应为“销项”或“进项”' }),
    }),
  ).returns<InvoiceSummary>(),
}
