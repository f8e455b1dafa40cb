// 预览 and 打印 of one invoice or many (issue 11, 预览 and 交付): the invoice as the platform holds it
// (PlatformInvoice), for the renderer to draw with the shared layout, and one PDF of the chosen
// invoices for the system's print dialog. A 销项 invoice is named by its ledger id (it may not have
// a number yet), a 进项 one — or an issued 销项 one — by its 20-digit 发票号码.
import { z } from 'zod'
import { call, type FileRef } from './define'
import { invoiceRef } from './invoiceRef'
import { invoiceSelection } from './invoiceQuery'
import type { PlatformInvoice } from '../platform/wire'

/** 打印 takes at most this many invoices at once */
export const PRINT_MAX = 500
export const PRINT_TOO_MANY = `一次最多打印 ${PRINT_MAX} 张发票：请减少勾选`

export interface InvoicePaper {
  invoice: PlatformInvoice
  /** 销项 (issued by this company) or 进项 (received) */
  side: '销项' | '进项'
  /** not yet issued by the platform: drawn without number or QR, marked as not official */
  provisional: boolean
  /** the 销项 row's ledger id (names the file of an invoice without a number); null for 进项 */
  id: number | null
  /** tax code → 简称 from this ledger's table, for `*简称*名称` */
  shortNames: Record<string, string>
}

export const invoicePaperApi = {
  'invoices.paper': call(invoiceRef).returns<InvoicePaper>(),
  /** one PDF of the chosen invoices in the order given, each from a new page (打印) */
  'invoices.printPdf': call(
    z
      .object({
        refs: z.array(invoiceRef).min(1, '请至少选择一张发票').max(PRINT_MAX, PRINT_TOO_MANY).optional(),
        /** 发票查询's selection (the ticked rows, or all that match), newest first */
        selection: invoiceSelection.optional(),
      })
      .refine((t) => (t.refs === undefined) !== (t.selection === undefined), { message: '请指定要打印的发票：发票列表（refs）或查询的选择（selection）二选一', path: ['refs'] }),
  ).returns<FileRef & { pages: number }>(),
}
