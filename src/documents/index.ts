// An invoice's files — PDF, OFD and XML — drawn from the platform's invoice (PlatformInvoice) and
// the one shared layout of the 数电票. The same code serves the platform sandbox (which hands out
// the "official" files) and the client (预览, and the copy marked 非平台文件 while offline).
// Runs in Node only: imported by src/main/core and src/platform, imports only src/shared and npm.
import type { PlatformInvoice } from '../shared/platform/wire'
import type { RenderOptions } from './renderOptions'

export const INVOICE_FILE_FORMATS = ['pdf', 'ofd', 'xml'] as const
export type InvoiceFileFormat = (typeof INVOICE_FILE_FORMATS)[number]

export type { RenderOptions } from './renderOptions'

/** Each format's code (pdfkit, fontkit, QR codes, XML) is loaded on first use: a process that only
 *  imports this module — the CLI listing invoices, the sandbox answering a sync — does not pay for it. */
export async function renderInvoiceFile(invoice: PlatformInvoice, format: InvoiceFileFormat, opts: RenderOptions): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return (await import('./pdf')).renderPdf(invoice, opts)
    case 'ofd':
      return (await import('./ofd')).renderOfd(invoice, opts)
    case 'xml':
      return (await import('./xml')).renderXml(invoice, opts)
  }
}
