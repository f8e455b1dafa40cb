// invoices.file: an invoice's PDF/OFD/XML as a file token. An issued invoice's file is the
// platform's (kept after the first fetch); while the platform cannot be reached it is drawn here
// and named <号码>-本地副本, so nobody takes it for the platform's. An invoice not issued yet is
// drawn provisionally (no number, no QR, marked 未开具).
import path from 'node:path'
import type { DeliveryFormat, InvoiceFile } from '../../../../shared/api/delivery'
import type { ParsedInvoiceRef } from '../../../../shared/api/invoiceRef'
import { renderInvoiceFile } from '../../../../documents'
import type { CoreContext } from '../../context'
import { AppError, isAppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import type { Connector } from '../../sync/connection'
import { Refused, Unreachable } from '../../sync/platformClient'
import { cachedFile, keepFile } from './cache'
import type { InvoicePaper } from '../../../../shared/api/invoicePaper'
import { paperOf } from '../paper/paperOf'

export const fontsDirOf = (ctx: CoreContext): string => path.join(ctx.appDir, 'resources', 'fonts')

export interface DrawnFile {
  format: DeliveryFormat
  name: string
  bytes: Buffer
  source: 'platform' | 'local'
  provisional: boolean
  /** why the platform's file could not be had (the local copy was drawn instead) */
  note?: string
}

/** a failure of the platform or the connection: the file is drawn here instead */
const platformProblem = (e: unknown): e is Error => e instanceof Unreachable || e instanceof Refused || isAppError(e)

/** `<号码>` for an issued invoice; `未开具发票-<编号>` for one without a number */
const fileStem = (p: InvoicePaper): string => (p.provisional ? `未开具发票-${p.id ?? 0}` : p.invoice.number)

async function draw(ctx: CoreContext, paper: InvoicePaper, format: DeliveryFormat): Promise<Buffer> {
  // the data file is the platform's record of an issued invoice: a provisional one has none
  if (format === 'xml' && paper.provisional) throw new AppError('CONFLICT', '发票尚未开具成功，没有 XML 数据文件：可下载 PDF 或 OFD 预览件')
  try {
    return await renderInvoiceFile(paper.invoice, format, { fontsDir: fontsDirOf(ctx), provisional: paper.provisional, shortNames: paper.shortNames })
  } catch (e) {
    throw new AppError('INTERNAL', `生成发票${paper.provisional ? '' : ` ${paper.invoice.number} `}的 ${format.toUpperCase()} 文件失败：${(e as Error).message}`)
  }
}

export async function drawnFile(ctx: CoreContext, connector: Connector, ledger: Ledger, paper: InvoicePaper, format: DeliveryFormat): Promise<DrawnFile> {
  const stem = fileStem(paper)
  if (paper.provisional) return { format, name: `${stem}.${format}`, bytes: await draw(ctx, paper, format), source: 'local', provisional: true }
  const number = paper.invoice.number
  const kept = cachedFile(ledger, number, format)
  if (kept) return { format, name: `${stem}.${format}`, bytes: kept, source: 'platform', provisional: false }
  try {
    const conn = await connector.connect(ledger)
    const bytes = await conn.authed((token) => conn.client.invoiceFile(token, number, format))
    keepFile(ledger, number, format, bytes)
    return { format, name: `${stem}.${format}`, bytes: Buffer.from(bytes), source: 'platform', provisional: false }
  } catch (e) {
    if (!platformProblem(e)) throw e
    return { format, name: `${stem}-本地副本.${format}`, bytes: await draw(ctx, paper, format), source: 'local', provisional: false, note: e.message }
  }
}

export async function invoiceFile(ctx: CoreContext, connector: Connector, ref: ParsedInvoiceRef, format: DeliveryFormat): Promise<InvoiceFile> {
  const ledger = await ctx.ledger()
  const file = await drawnFile(ctx, connector, ledger, paperOf(ledger, ref), format)
  const token = ctx.files.put(file.name, file.bytes)
  return { ...token, format, source: file.source, provisional: file.provisional, ...(file.note ? { note: file.note } : {}) }
}
