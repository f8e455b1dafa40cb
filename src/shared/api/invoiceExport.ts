// 发票查询 › 导出 and 发票汇总 (issue 11): the invoices that match a query, to .xlsx (streamed, two
// sheets) or a GBK .csv; and the period's totals by 票种 and by 税率/征收率 that a bookkeeper carries
// to the VAT return, on screen, exported and printable.
import { z } from 'zod'
import { calendarDay, isCalendarDay } from './calendarDay'
import { call, jobId } from './define'
import type { ExportResult } from './importResult'
import { invoiceSelection } from './invoiceQuery'

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** 销项 (issued by this company) and 进项 (received) */
export const SUMMARY_SIDES = ['销项', '进项'] as const
export type SummarySide = (typeof SUMMARY_SIDES)[number]

export const summaryPeriod = z
  .object({
    from: calendarDay('开始日期'),
    to: calendarDay('结束日期'),
    /** one side, or both when absent */
    side: z.enum(SUMMARY_SIDES, { error: '发票方向应为“销项”或“进项”' }).optional(),
  })
  .refine((p) => !isCalendarDay(p.from) || !isCalendarDay(p.to) || p.from <= p.to, { path: ['to'], message: '结束日期不能早于开始日期' })
export type SummaryPeriod = z.input<typeof summaryPeriod>

/** 份数 and the three figures of a group; money as decimal strings, red ones negative */
export interface SummaryFigures {
  count: number
  amount: string
  tax: string
  total: string
}

/** one line of the table: 蓝字, 红字 (negative) and 合计 (net) */
export interface SummaryRow {
  /** 数电专票 / 数电普票, or 13% … 免税 / 不征税, or 合计 */
  label: string
  blue: SummaryFigures
  red: SummaryFigures
  net: SummaryFigures
}

export interface SideSummary {
  side: SummarySide
  byKind: SummaryRow[]
  /**
   * one row per 税率/征收率 found in the period, 免税 and 不征税 apart; an invoice with lines at two
   * rates is counted once in each (so 份数 here may add up to more than the total)
   */
  byRate: SummaryRow[]
  total: SummaryRow
}

export interface InvoiceTotalsReport {
  from: string
  to: string
  sides: SideSummary[]
}

export const invoiceExportInput = z.object({
  selection: invoiceSelection,
  format: z.enum(EXPORT_FORMATS, { error: '导出格式应为 xlsx 或 csv' }).default('xlsx'),
  jobId,
})

export interface InvoiceExportResult extends ExportResult {
  /** .csv only: characters GBK cannot hold, written as '?' (the .xlsx keeps every character) */
  replaced: number
}

export const invoiceExportApi = {
  /**
   * 导出: .xlsx with sheets 发票列表 and 发票明细, or one GBK .csv of the invoice list; each with a
   * 合计 row. Progress and 取消 through jobId; a cancelled export leaves no file.
   */
  'invoices.export': call(invoiceExportInput).returns<InvoiceExportResult>(),
  /** 汇总: issued invoices only (not 待开具 / 开具失败), by 开票日期 in Shanghai */
  'invoices.summary': call(summaryPeriod).returns<InvoiceTotalsReport>(),
  /** 汇总 as an .xlsx (one sheet, the table as on screen) */
  'invoices.summaryExport': call(summaryPeriod).returns<ExportResult>(),
}
