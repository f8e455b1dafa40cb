// invoices.send: the chosen files of one or more issued invoices (named, or 发票查询's selection) by
// e-mail through the user's SMTP server — one message with every attachment —, or the same message
// as an .eml file to open in a mail program. Sending a draft or a queued invoice is refused: what the
// buyer receives must be an invoice.
import type { ParsedInput } from '../../../../shared/api'
import type { SendResult } from '../../../../shared/api/delivery'
import type { CoreContext } from '../../context'
import { AppError } from '../../errors'
import type { Connector } from '../../sync/connection'
import type { MailFile } from './mailFile'
import { mailOf } from './message'
import { rememberAddress } from './recipient'
import { deliveredFiles, papersToDeliver } from './targets'
import { mailError, transportOf } from './smtp'

const NOT_CONFIGURED = '尚未设置发件邮箱：请在 系统设置 › 邮件设置 中填写 SMTP 服务器和发件人邮箱，或选择“保存为 .eml”'

export async function sendInvoices(ctx: CoreContext, connector: Connector, mail: MailFile, input: ParsedInput<'invoices.send'>): Promise<SendResult> {
  const ledger = await ctx.ledger()
  const papers = papersToDeliver(ledger, input)
  const smtp = mail.read()
  if (!input.eml && !smtp?.host) throw new AppError('VALIDATION', NOT_CONFIGURED)
  // before any file is fetched: a send that cannot go out costs nothing
  const items = await deliveredFiles(ctx, connector, ledger, papers, input.formats)
  const attachments = items.flatMap((d) => d.files.map((f) => f.name))
  const message = mailOf(items, input.to, smtp?.fromAddress ? { name: smtp.fromName, address: smtp.fromAddress } : null)

  if (input.eml) {
    const { default: MailComposer } = await import('nodemailer/lib/mail-composer')
    const bytes = await new MailComposer(message).compile().build()
    const name = papers.length === 1 ? `发票${papers[0]!.invoice.number}.eml` : `发票${papers.length}张-${papers[0]!.invoice.number}等.eml`
    return { sent: false, eml: ctx.files.put(name, bytes), attachments }
  }

  const transport = await transportOf(smtp!)
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
