// The e-mail of a 交付: subject and body in Chinese naming each invoice (号码, 开票日期, 价税合计),
// the chosen files attached as <号码>.<format>; a copy drawn here while the platform was out of
// reach keeps its -本地副本 name and the body says so.
import type Mail from 'nodemailer/lib/mailer'
import type { InvoicePaper } from '../../../../shared/api/invoicePaper'
import type { DeliveryFormat } from '../../../../shared/api/delivery'
import { INVOICE_KINDS } from '../../../../shared/domain/invoice/kinds'
import type { PlatformInvoice } from '../../../../shared/platform/wire'
import { formatDate } from '../../../../shared/timeText'
import type { DrawnFile } from './files'

export interface Delivered {
  paper: InvoicePaper
  files: DrawnFile[]
}

const kindName = (inv: PlatformInvoice) => INVOICE_KINDS.find((k) => k.code === inv.kind)?.short ?? '发票'

export function subjectOf(items: Delivered[]): string {
  const first = items[0]!.paper.invoice
  if (items.length === 1) return `【发票】${first.seller.name}开具的${kindName(first)} ${first.number}（价税合计 ¥${first.total}）`
  return `【发票】${first.seller.name}开具的 ${items.length} 张发票（${items[0]!.paper.invoice.number} 等）`
}

export function bodyOf(items: Delivered[]): string {
  const first = items[0]!.paper.invoice
  const buyers = [...new Set(items.map((d) => d.paper.invoice.buyer.name))]
  const lines = items.map(
    ({ paper: { invoice: inv }, files }) =>
      `  · ${kindName(inv)} ${inv.number}，开票日期 ${formatDate(inv.issuedAt)}，价税合计 ¥${inv.total}（附件：${files.map((f) => f.name).join('、')}）`,
  )
  const local = items.flatMap((d) => d.files).filter((f) => f.source === 'local')
  return [
    `${buyers.length === 1 ? buyers[0] : '您好'}：`,
    '',
    `您好！附件是${first.seller.name}开具的${items.length === 1 ? '发票' : ` ${items.length} 张发票`}：`,
    ...lines,
    '',
    ...(local.length > 0 ? [`注意：${local.map((f) => f.name).join('、')} 是开票方在无法连接税务平台时本地生成的副本，并非税务平台文件；请以税务平台的发票为准。`, ''] : []),
    '数电发票可在国家税务总局全国增值税发票查验平台（https://inv-veri.chinatax.gov.cn）查验。',
    '',
    `${first.seller.name}`,
  ].join('\n')
}

export function mailOf(items: Delivered[], to: string[], from: { name: string; address: string } | null): Mail.Options {
  return {
    ...(from ? { from: { name: from.name || items[0]!.paper.invoice.seller.name, address: from.address } } : {}),
    to,
    subject: subjectOf(items),
    text: bodyOf(items),
    attachments: items.flatMap((d) => d.files.map((f) => ({ filename: f.name, content: f.bytes, contentType: CONTENT_TYPES[f.format] }))),
  }
}

const CONTENT_TYPES: Record<DeliveryFormat, string> = { pdf: 'application/pdf', ofd: 'application/ofd', xml: 'application/xml' }
