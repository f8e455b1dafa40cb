// invoices.send: the chosen files of one or more issued invoices by e-mail through the user's SMTP
// server, or the same message as an .eml file to open in a mail program. Sending a draft or a queued
// invoice is refused: what the buyer receives must be an invoice.
import MailComposer from 'nodemailer/lib/mail-composer'
import type { ParsedInput } from '../../../../shared/api'
import type { SendResult } from '../../../../shared/api/delivery'
import type { CoreContext } from '../../context'
import { AppError } from '../../errors'
import type { Connector } from '../../sync/connection'
import { drawnFile } from './files'
import type { MailFile } from './mailFile'
import { mailOf, type Delivered } from './message'
import type { InvoicePaper } from '../../../../shared/api/invoicePaper'
import { paperOf } from '../paper/paperOf'
import { rememberAddress } from './recipient'
import { mailError, transportOf } from './smtp'

const NOT_CONFIGURED = '尚未设置发件邮箱：请在 系统设置 › 邮件设置 中填写 SMTP 服务器和发件人邮箱，或选择“保存为 .eml”'

export async function sendInvoices(ctx: CoreContext, connector: Connector, mail: MailFile, input: ParsedInput<'invoices.send'>): Promise<SendResult> {
  const ledger = await ctx.ledger()
  const papers: InvoicePaper[] = []
  for (const ref of input.refs) {
    const p = paperOf(ledger, ref)
    if (p.provisional) throw new AppError('CONFLICT', `发票（编号 ${p.id}）尚未开具成功，不能交付：开具成功后再发送`)
    if (!papers.some((q) => q.invoice.number === p.invoice.number)) papers.push(p)
  }
  const smtp = mail.read()
  if (!input.eml && !smtp?.host) throw new AppError('VALIDATION', NOT_CONFIGURED)
  // before any file is fetched: a send that cannot go out costs nothing
  const formats = [...new Set(input.formats)]
  const items: Delivered[] = []
  for (const paper of papers) {
    const files = []
    for (const f of formats) files.push(await drawnFile(ctx, connector, ledger, paper, f))
    items.push({ paper, files })
  }
  const attachments = items.flatMap((d) => d.files.map((f) => f.name))
  const message = mailOf(items, input.to, smtp?.fromAddress ? { name: smtp.fromName, address: smtp.fromAddress } : null)

  if (input.eml) {
    const bytes = await new MailComposer(message).compile().build()
    const name = papers.length === 1 ? `发票${papers[0]!.invoice.number}.eml` : `发票${papers.length}张-${papers[0]!.invoice.number}等.eml`
    return { sent: false, eml: ctx.files.put(name, bytes), attachments }
  }

  const transport = transportOf(smtp!)
  let info: { messageId: string; accepted: (string | { address: string })[] }
  try {
    info = await transport.sendMail(message)
  } catch (e) {
    throw mailError(e, smtp!)
  } finally {
    transport.close()
  }
  const rememberedFor = rememberAddress(ledger, papers, input.to[0]!, ctx.now())
  if (rememberedFor) ctx.events.emit({ type: 'data.changed', entity: 'customers' })
  return {
    sent: true,
    to: info.accepted.map((a) => (typeof a === 'string' ? a : a.address)),
    attachments,
    messageId: info.messageId,
    rememberedFor,
  }
}
