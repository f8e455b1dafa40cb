// invoices.shareLink: the 交付二维码 — a short-lived public link the platform makes for an issued
// invoice (docs/platform-api.md), drawn here as a QR code the buyer scans with a phone.
import type { ShareLink } from '../../../../shared/api/delivery'
import type { ParsedInvoiceRef } from '../../../../shared/api/invoiceRef'
import type { CoreContext } from '../../context'
import { AppError } from '../../errors'
import type { Connector } from '../../sync/connection'
import { Refused, Unreachable } from '../../sync/platformClient'
import { paperOf } from '../paper/paperOf'

export const NOT_ON_PLATFORM = '发票上传平台后才能生成交付二维码'

export async function shareLink(ctx: CoreContext, connector: Connector, ref: ParsedInvoiceRef): Promise<ShareLink> {
  const ledger = await ctx.ledger()
  const paper = paperOf(ledger, ref)
  if (paper.provisional) throw new AppError('CONFLICT', `${NOT_ON_PLATFORM}：这张发票尚未开具成功`)
  let link: { url: string; expiresAt: string }
  try {
    const conn = await connector.connect(ledger)
    link = await conn.authed((token) => conn.client.shareLink(token, paper.invoice.number))
  } catch (e) {
    if (e instanceof Unreachable) throw new AppError('OFFLINE', `暂时无法连接税务平台（${e.message}），联网后再生成交付二维码`)
    if (e instanceof Refused) throw new AppError('PLATFORM_REJECTED', `税务平台未能生成交付二维码：${e.message}`)
    throw e
  }
  const { default: QRCode } = await import('qrcode')
  const qrSvg = await QRCode.toString(link.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return { url: link.url, expiresAt: link.expiresAt, qrSvg }
}
