// What a 入账 / 撤销入账 / 用途确认 acts on: the 发票号码 ticked in 进项发票, or 发票查询's selection
// on the 进项 side (the ticked rows, or all that match) — the contract takes one of the two.
import type { InvoiceSelectionInput } from '../../../../shared/api/invoiceQuery'

export type BookingTarget = { numbers: string[] } | { selection: InvoiceSelectionInput }

/** what the core answers when it queued a request */
export const queuedText = (invoices: number): string => `已提交 ${invoices.toLocaleString('en')} 张发票，待平台处理`
