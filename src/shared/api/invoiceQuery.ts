// 发票查询 (manual §1.1.9): one filter for 销项 and 进项, one row shape for both, and the selection
// (some rows, or every row that matches) that 导出, 交付 and 发票下载 act on. The core turns the
// filter into SQL (features/query); paging, sorting, the count and the totals happen there only.
import { z } from 'zod'
import { calendarDay } from './calendarDay'
import { call, paging } from './define'
import { BOOKING_STATUSES, type BookingStatus } from '../platform/booking'
import { fenOfText } from '../domain/invoice/money'
import { SPECIAL_KIND_NAMES, type SpecialKind } from '../domain/specialBusiness'
import type { SyncState } from './sync'
import type { RedStatus } from '../platform/wire'

export const INVOICE_SIDES = ['销项', '进项'] as const
export type InvoiceSide = (typeof INVOICE_SIDES)[number]

/**
 * 状态 as 发票查询 offers it. 正常 / 部分红冲 / 全额红冲 are an issued invoice's 红冲状态 (a red
 * invoice itself is 正常); 待开具 covers 开具中 too; 待开具 and 开具失败 exist only on the 销项 side.
 */
export const QUERY_STATUSES = [
  { code: 'normal', label: '正常' },
  { code: 'partly-reversed', label: '部分红冲' },
  { code: 'fully-reversed', label: '全额红冲' },
  { code: 'queued', label: '待开具' },
  { code: 'failed', label: '开具失败' },
] as const
export type QueryStatus = (typeof QUERY_STATUSES)[number]['code']

export const SYNC_STATE_CODES = ['local', 'pending', 'sending', 'retrying', 'done', 'rejected', 'needs-action'] as const satisfies readonly SyncState[]

export const QUERY_SORTS = [
  { code: 'issuedAt', label: '开票日期' },
  { code: 'total', label: '价税合计' },
  { code: 'number', label: '发票号码' },
  { code: 'counterparty', label: '购买方/销售方' },
] as const
export type QuerySort = (typeof QUERY_SORTS)[number]['code']

/** a code, or its Chinese label as the CLI and people type it (正常 → normal) */
function codeOrLabel<C extends string>(list: readonly { code: C; label: string }[]) {
  return (v: unknown) => (typeof v === 'string' ? (list.find((x) => x.label === v.trim())?.code ?? v.trim()) : v)
}

const day = (label: string) => calendarDay(label).optional()

const money = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => fenOfText(s) !== null, { error: (i) => `${label}「${String(i.input)}」不是有效金额，请填写数字（元，最多两位小数），例如 1000.00` })
    .optional()

/** empty text from a cleared form field means "no condition" */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema)

const statusCodes = QUERY_STATUSES.map((s) => s.code) as [QueryStatus, ...QueryStatus[]]
const bookingCodes = BOOKING_STATUSES.map((b) => b.code) as [BookingStatus, ...BookingStatus[]]

export const invoiceFilterFields = {
  side: z.enum(INVOICE_SIDES, { error: '方向应为 销项 或 进项' }).default('销项'),
  /**
   * 开票日期 from–to, both days included (Asia/Shanghai). An invoice not yet issued (待开具, 开具失败)
   * has no 开票日期: its 开票 (queued) day stands in for it, so it shows in the period it was made in.
   */
  from: opt(day('开始日期')),
  to: opt(day('结束日期')),
  /** 发票号码 starts with */
  number: opt(
    z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, '发票号码应为 1 至 20 位数字（可只填开头几位）')
      .optional(),
  ),
  /** 购买方 (销项) or 销售方 (进项): 名称 contains, 纳税人识别号 starts with, or 拼音首字母 (`hwjs`) */
  counterparty: opt(z.string().trim().max(100, '购买方/销售方最多 100 个字符').optional()),
  kind: opt(z.enum(['81', '82'], { error: '票种应为 81（专票）或 82（普票）' }).optional()),
  colour: opt(z.enum(['blue', 'red'], { error: '红蓝字应为 blue（蓝字）或 red（红字）' }).optional()),
  status: opt(z.preprocess(codeOrLabel(QUERY_STATUSES), z.enum(statusCodes, { error: '状态应为 正常、部分红冲、全额红冲、待开具 或 开具失败' })).optional()),
  /** 价税合计 range in 元 (a red invoice's is negative) */
  min: opt(money('价税合计下限')),
  max: opt(money('价税合计上限')),
  /** 项目名称 contains (any line) */
  item: opt(z.string().trim().max(100, '项目名称最多 100 个字符').optional()),
  /** 开票人 (exact) */
  drawer: opt(z.string().trim().max(100, '开票人最多 100 个字符').optional()),
  /** 同步状态 of a 销项 invoice */
  syncState: opt(z.enum(SYNC_STATE_CODES, { error: '同步状态无效' }).optional()),
  /** 特定业务 (建筑服务 …) the invoice carries, on either side */
  specialKind: opt(z.enum(SPECIAL_KIND_NAMES, { error: `特定业务应为 ${SPECIAL_KIND_NAMES.join('、')}` }).optional()),
  /** 入账状态 of a 进项 invoice (01 未入账 … 06 入账撤销) */
  booking: opt(z.preprocess(codeOrLabel(BOOKING_STATUSES), z.enum(bookingCodes, { error: '入账状态应为 01 至 06' })).optional()),
}

type FilterShape = z.infer<z.ZodObject<typeof invoiceFilterFields>>

/** what only makes sense together; each refusal names the field to fix */
function checkFilter(f: FilterShape, ctx: z.RefinementCtx): void {
  if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: 'custom', path: ['to'], message: `结束日期 ${f.to} 早于开始日期 ${f.from}，请调整开票日期范围` })
  if (f.min !== undefined && f.max !== undefined && (fenOfText(f.min) ?? 0) > (fenOfText(f.max) ?? 0))
    ctx.addIssue({ code: 'custom', path: ['max'], message: `价税合计上限 ${f.max} 小于下限 ${f.min}，请调整金额范围` })
  if (f.side === '进项') {
    if (f.status === 'queued' || f.status === 'failed')
      ctx.addIssue({ code: 'custom', path: ['status'], message: '进项发票都已开具，没有“待开具”或“开具失败”状态，请选择 正常、部分红冲 或 全额红冲' })
    if (f.syncState) ctx.addIssue({ code: 'custom', path: ['syncState'], message: '同步状态只用于销项发票；进项发票来自平台' })
  } else if (f.booking) ctx.addIssue({ code: 'custom', path: ['booking'], message: '入账状态只用于进项发票，请先切换到进项' })
}

export const invoiceFilter = z.object(invoiceFilterFields).superRefine(checkFilter)
export type InvoiceFilter = z.output<typeof invoiceFilter>
export type InvoiceFilterInput = z.input<typeof invoiceFilter>

/** 'S:<id>' for 销项 (the ledger's id: a queued invoice has no number yet), 'P:<发票号码>' for 进项 */
export const selectionKey = z.string().regex(/^(S:[1-9]\d{0,15}|P:\d{1,20})$/, '所选发票的标识无效，请刷新后重新选择')

/**
 * What 导出 / 交付 / 下载 act on: the rows ticked (keys, always also within the filter), or — keys
 * absent — every invoice the filter matches (所有页全选, "已选择全部 N 张").
 */
export const invoiceSelection = z
  .object({
    filter: invoiceFilter,
    keys: z.array(selectionKey).min(1, '请至少选择一张发票').max(100_000, '一次最多选择 100,000 张发票').optional(),
  })
  .superRefine((s, ctx) => {
    const prefix = s.filter.side === '销项' ? 'S:' : 'P:'
    if (s.keys?.some((k) => !k.startsWith(prefix))) ctx.addIssue({ code: 'custom', path: ['keys'], message: `所选发票与当前方向（${s.filter.side}）不符，请刷新后重新选择` })
  })
export type InvoiceSelection = z.output<typeof invoiceSelection>
/** as the renderer sends it (defaults not yet applied) */
export type InvoiceSelectionInput = z.input<typeof invoiceSelection>

export const querySort = {
  sort: z
    .enum(QUERY_SORTS.map((s) => s.code) as [QuerySort, ...QuerySort[]], {
      error: '排序应为 issuedAt（开票日期）、total（价税合计）、number（发票号码）或 counterparty（购买方/销售方）',
    })
    .default('issuedAt'),
  order: z.enum(['asc', 'desc'], { error: '排序方向应为 asc 或 desc' }).default('desc'),
}

export const invoiceQueryInput = z.object({ ...invoiceFilterFields, ...querySort, ...paging }).superRefine(checkFilter)

/** one row of 发票查询, the same shape on both sides */
export interface InvoiceRow {
  /** the selection key: 'S:<id>' or 'P:<发票号码>' */
  key: string
  side: InvoiceSide
  /** the ledger's id (销项), null for 进项 */
  id: number | null
  number: string | null
  kind: '81' | '82'
  colour: 'blue' | 'red'
  /** 开票日期 (ISO, +08:00); for 待开具/开具失败 the time it was queued */
  issuedAt: string
  counterpartyName: string
  counterpartyTaxId: string
  amount: string
  tax: string
  total: string
  /** 销项: draft is never listed; queued | issuing | issued | failed. 进项: issued */
  state: 'queued' | 'issuing' | 'issued' | 'failed'
  /** an issued invoice's 红冲状态 */
  redStatus: RedStatus
  /** 销项 only: where its newest outbox command stands, its last delivery problem, who made it */
  syncState: SyncState | null
  syncError: string | null
  origin: 'local' | 'platform' | null
  /** 进项 only: 入账状态 01…06 */
  booking: BookingStatus | null
  /** 特定业务, null for a plain invoice */
  specialKind: SpecialKind | null
  drawer: string
  lineCount: number
  /** a red invoice's blue invoice */
  blueNumber: string | null
  /** the platform's reason, when 开具失败 */
  failure: string | null
}

export interface QueryTotals {
  amount: string
  tax: string
  total: string
}

export interface InvoiceQueryResult {
  total: number
  totals: QueryTotals
  rows: InvoiceRow[]
}

export const invoiceQueryApi = {
  /** 发票查询: a page of the invoices the filter matches, with the count and totals of all of them */
  'invoices.query': call(invoiceQueryInput).returns<InvoiceQueryResult>(),
}
