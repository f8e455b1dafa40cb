// 发票交付 (manual §1.1.10): an invoice's files (PDF, OFD, XML) — the platform's own once issued —,
// the 交付二维码 a buyer scans, e-mail through the user's SMTP server or as an .eml, and the SMTP
// settings (邮件设置).
import { z } from 'zod'
import { invoiceRef } from './invoiceRef'
import { call, type FileRef } from './define'
import { emailOf } from './fields'
import { invoiceSelection } from './invoiceQuery'

export const DELIVERY_FORMATS = ['pdf', 'ofd', 'xml'] as const
export type DeliveryFormat = (typeof DELIVERY_FORMATS)[number]

const format = z.enum(DELIVERY_FORMATS, { error: '文件格式应为 pdf、ofd 或 xml' })

export interface InvoiceFile extends FileRef {
  format: DeliveryFormat
  /**
   * platform: the platform's own file (fetched, or kept from an earlier fetch); local: drawn here —
   * a draft's or queued invoice's provisional drawing, or an issued invoice's copy while the
   * platform cannot be reached (named <号码>-本地副本)
   */
  source: 'platform' | 'local'
  /** not issued yet: drawn without number or QR, marked as not an invoice */
  provisional: boolean
  /** an issued invoice drawn here: why the platform's file could not be had */
  note?: string
}

export interface ShareLink {
  url: string
  /** +08:00 */
  expiresAt: string
  /** the link as a QR code (SVG text) for the 交付 dialog */
  qrSvg: string
}

/** what the 交付 dialog shows before anything is sent */
export interface DeliveryInfo {
  number: string | null
  issued: boolean
  /** 销项 (this company sold) or 进项 */
  side: '销项' | '进项'
  buyerName: string
  /** the buyer's e-mail as remembered with the customer ('' when none) */
  email: string
  /** a customer of this company matches the buyer's 税号/名称: a new address is remembered with it */
  customerId: number | null
  /** how many invoices the 交付 hands over (several: number null, buyerName '' unless one buyer) */
  invoices: number
}

const address = emailOf('收件人邮箱')

/**
 * At most this many invoices per 交付 (one mail, one zip): an invoice's PDF and OFD are ~75 KB
 * (measured on a 3-line invoice), so 100 of them are ~10 MB once base64-encoded in a mail, within
 * what common mail servers accept. More: 发票下载.
 */
export const DELIVERY_MAX = 100
export const TOO_MANY = `一次最多交付 ${DELIVERY_MAX} 张发票：请减少勾选，更多发票请用“发票下载”打包下载`

/**
 * Which invoices a 交付 hands over: the refs named (one from a row, or a few), or 发票查询's
 * selection (the ticked rows, or all that match) — one of the two.
 */
const deliveryTarget = {
  refs: z.array(invoiceRef).min(1, '请至少选择一张发票').max(DELIVERY_MAX, TOO_MANY).optional(),
  selection: invoiceSelection.optional(),
}
const oneTarget = (t: { refs?: unknown; selection?: unknown }) => (t.refs === undefined) !== (t.selection === undefined)
const ONE_TARGET = { message: '请指定要交付的发票：发票列表（refs）或查询的选择（selection）二选一', path: ['refs'] }

export const sendInput = z
  .object({
    ...deliveryTarget,
    /** one or several addresses, separated by commas or semicolons (its own words throughout: the
     *  plain label of `to` is 发票查询's 结束日期) */
    to: z
      .string({ error: '请填写收件人邮箱（文本）' })
      .trim()
      .min(1, '请填写收件人邮箱')
      .max(1000, '收件人邮箱太长（最多 1,000 个字符）')
      .transform((s) => s.split(/[,;，；\s]+/).filter((a) => a !== ''))
      .pipe(z.array(address).min(1, '请填写收件人邮箱').max(20, '收件人最多 20 个')),
    formats: z.array(format).min(1, '请至少选择一种文件格式').default(['pdf', 'ofd']),
    /** save as an .eml file (opened in the user's mail program) instead of sending */
    eml: z.boolean().default(false),
  })
  .refine(oneTarget, ONE_TARGET)

/** 下载 of several invoices: their chosen files in one zip */
export const zipInput = z.object({ ...deliveryTarget, formats: z.array(format).min(1, '请至少选择一种文件格式').default(['pdf', 'ofd']) }).refine(oneTarget, ONE_TARGET)

export interface DeliveryZip extends FileRef {
  invoices: number
  /** the files in the zip, `<号码>.<格式>` (or `<号码>-本地副本.<格式>`) */
  entries: string[]
  /** copies drawn here because the platform could not be reached, and why */
  localCopies: { name: string; note: string }[]
}

export type SendResult = { sent: true; to: string[]; attachments: string[]; messageId: string; rememberedFor: string | null } | { sent: false; eml: FileRef; attachments: string[] }

export const deliveryApi = {
  /** one file of an invoice, as a file token (the platform's when issued and reachable) */
  'invoices.file': call(z.object({ ref: invoiceRef, format })).returns<InvoiceFile>(),
  /** one invoice (ref), or 发票查询's selection: refused as 交付 would be (too many, not issued) */
  'invoices.deliveryInfo': call(
    z
      .object({ ref: invoiceRef.optional(), selection: invoiceSelection.optional() })
      .refine((t) => (t.ref === undefined) !== (t.selection === undefined), { message: '请指定要交付的发票：一张发票（ref）或查询的选择（selection）二选一', path: ['ref'] }),
  ).returns<DeliveryInfo>(),
  /** 交付二维码: CONFLICT “发票上传平台后才能生成交付二维码” before the invoice is issued */
  'invoices.shareLink': call(z.object({ ref: invoiceRef })).returns<ShareLink>(),
  /** one mail (or .eml) with the chosen files of every invoice named or selected */
  'invoices.send': call(sendInput).returns<SendResult>(),
  /** the chosen files of every invoice named or selected, in one zip */
  'invoices.deliveryZip': call(zipInput).returns<DeliveryZip>(),
}

export { invoiceRef, type InvoiceRef } from './invoiceRef'
