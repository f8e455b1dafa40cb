// An invoice's files — PDF, OFD and XML — drawn from the platform's invoice (PlatformInvoice) and
// the one shared layout of the 数电票. The same code serves the platform sandbox (which hands out
// the "official" files) and the client (预览, and the copy marked 非平台文件 while offline).
// Runs in Node only: imported by src/main/core and src/platform, imports only src/shared and npm.
import type { PlatformInvoice } from '../shared/platform/wire'
import { renderOfd } from './ofd'
import { renderPdf } from './pdf'
import { renderXml } from './xml'

export const INVOICE_FILE_FORMATS = ['pdf', 'ofd', 'xml'] as const
export type InvoiceFileFormat = (typeof INVOICE_FILE_FORMATS)[number]

export interface RenderOptions {
  /** the folder holding the shipped font (resources/fonts under the app folder) */
  fontsDir: string
  /** not yet issued by the platform (offline): drawn without number or QR, marked as not official */
  provisional?: boolean
  /** tax code → 简称 for the printed 项目名称 `*简称*名称` (the draft keeps only the code) */
  shortNames?: Readonly<Record<string, string>>
}

export function renderInvoiceFile(invoice: PlatformInvoice, format: InvoiceFileFormat, opts: RenderOptions): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return renderPdf(invoice, opts)
    case 'ofd':
      return renderOfd(invoice, opts)
    case 'xml':
      return renderXml(invoice, opts)
  }
}
