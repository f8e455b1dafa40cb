// 批量开具 (issue 13): the official batch template V260401 in, a batch of drafts to review, 批量开具
// queues them all, and each invoice's result (流水号 → 发票号码 or the platform's refusal) comes
// back through sync like any single invoice's. A file with any error imports nothing.
import { z } from 'zod'
import { call, fileToken, jobId, paging, type FileRef, type Page } from './define'
import type { QuotaReading } from './sync'
import type { InvoiceState } from '../domain/lifecycle/issue'
import type { SpecialKind } from '../domain/specialBusiness'
import type { Totals } from '../domain/invoice'

/** one problem of an imported file, where the bookkeeper fixes it */
export interface BatchFileError {
  /** the template's sheet ('2-发票明细信息'); '' for the file as a whole */
  sheet: string
  /** the spreadsheet's own row number; 0 when no row is meant */
  row: number
  /** the column's header; '' when none */
  column: string
  value: string
  message: string
}

export const BATCH_STATES = [
  { code: 'review', label: '待开具' },
  { code: 'queued', label: '已提交开具' },
  { code: 'discarded', label: '已放弃' },
] as const
export type BatchState = (typeof BATCH_STATES)[number]['code']

/** an earlier batch's invoice with the same 发票流水号, already queued or issued */
export interface BatchRepeat {
  serial: string
  /** the earlier invoice's 发票号码, null while it waits for the platform */
  number: string | null
  /** the earlier batch */
  batchId: number
}

export interface BatchSummary {
  id: number
  fileName: string
  state: BatchState
  stateLabel: string
  createdAt: string
  queuedAt: string | null
  invoices: number
  lines: number
  /** 合计金额 / 合计税额 / 价税合计 of the whole batch */
  totals: Omit<Totals, 'totalInWords'>
  /**
   * the batch's 合计金额 against the cached 可用额度 (授信额度 consumes 金额): null when unknown (no
   * reading yet, or one from an earlier month); `left` is the reading's 剩余额度 minus the 金额 queued
   * and not yet issued; `enough` false warns before 批量开具 (the platform refuses the invoices past it)
   */
  quota: { reading: QuotaReading; left: string; enough: boolean } | null
  /** 发票流水号 already queued or issued by an earlier batch: 批量开具 needs each confirmed */
  repeats: BatchRepeat[]
  /** the batch's invoices by their state now (draft until 批量开具) */
  counts: Record<InvoiceState, number>
}

/** one invoice of a batch, for the review table and the results */
export interface BatchInvoiceRow {
  position: number
  /** 发票流水号 */
  serial: string
  sheetRow: number
  /** the draft (then the invoice) in the ledger; null when a discarded batch's draft was deleted */
  invoiceId: number | null
  kind: '81' | '82'
  buyerName: string
  buyerTaxId: string
  lines: number
  totals: Omit<Totals, 'totalInWords'>
  specialKind: SpecialKind | null
  state: InvoiceState
  stateLabel: string
  /** 发票号码 once issued */
  number: string | null
  /** the platform's refusal when 开具失败 */
  failure: string | null
  /** the earlier batch's invoice with the same 发票流水号, when this one repeats it */
  repeatOf: BatchRepeat | null
}

/** what 导入 answers: the batch made, or nothing and the errors */
export interface BatchImport {
  /** the batch of drafts; null when the file had any error (nothing was imported) */
  batch: BatchSummary | null
  invoices: number
  lines: number
  totals: Omit<Totals, 'totalInWords'>
  /** the first 1,000 problems (a file with any imports nothing) */
  errors: BatchFileError[]
  errorCount: number
  /** every problem as a workbook (工作表 / 行 / 列 / 值 / 错误原因), present when there are errors */
  errorReport?: FileRef
}

const batchId = z.number({ error: '请指定批次' }).int().positive()

export const batchApi = {
  /** 模板下载: the V260401 template written by our own code (same sheets, columns, dropdowns, code lists) */
  'batch.template': call(z.object({})).returns<FileRef>(),
  /** 导入: a filled template → a batch of drafts for review, or nothing and the error report */
  'batch.import': call(z.object({ file: fileToken, jobId })).returns<BatchImport>(),
  /** the batch list, newest first */
  'batch.list': call(z.object({ ...paging })).returns<Page<BatchSummary>>(),
  'batch.get': call(z.object({ id: batchId })).returns<BatchSummary>(),
  /** the batch's invoices in sheet order, with their state and result */
  'batch.invoices': call(z.object({ id: batchId, ...paging })).returns<Page<BatchInvoiceRow>>(),
  /**
   * 批量开具: queues every draft of a batch under review in one transaction. Refused (CONFLICT,
   * nothing queued) while a repeated 发票流水号 is not in `confirmRepeats`.
   */
  'batch.issue': call(z.object({ id: batchId, confirmRepeats: z.array(z.string().max(20)).max(100_000).default([]) })).returns<BatchSummary>(),
  /** 放弃: deletes the drafts of a batch under review */
  'batch.discard': call(z.object({ id: batchId })).returns<BatchSummary>(),
  /** 导出结果: each invoice's 流水号, state, 发票号码 or refusal, as .xlsx */
  'batch.export': call(z.object({ id: batchId })).returns<FileRef>(),
}
