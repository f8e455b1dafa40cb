// An invoice's files as the platform hands them out (GET /invoices/:number/files/:format and the
// share page's links): drawn from the stored invoice with the shared layout (src/documents), named
// <发票号码>.<format>, sent as a download.
import { INVOICE_FILE_FORMATS, renderInvoiceFile, type InvoiceFileFormat } from '../../documents'
import type { PlatformInvoice } from '../../shared/platform/wire'
import { PlatformError } from '../errors'

export const CONTENT_TYPES: Record<InvoiceFileFormat, string> = {
  pdf: 'application/pdf',
  // GB/T 33190 names no media type; the national platform serves application/ofd
  ofd: 'application/ofd',
  xml: 'application/xml; charset=utf-8',
}

export function fileFormat(text: string): InvoiceFileFormat {
  const format = INVOICE_FILE_FORMATS.find((f) => f === text.toLowerCase())
  if (!format) throw new PlatformError('VALIDATION', `文件格式应为 pdf、ofd 或 xml，现为“${text}”`, [{ path: 'format', message: '文件格式不正确' }])
  return format
}

export interface InvoiceFile {
  bytes: Buffer
  headers: Record<string, string>
}

export async function invoiceFile(
  invoice: PlatformInvoice,
  format: InvoiceFileFormat,
  opts: { fontsDir: string; shortNames: Readonly<Record<string, string>> },
): Promise<InvoiceFile> {
  let bytes: Buffer
  try {
    bytes = await renderInvoiceFile(invoice, format, opts)
  } catch (e) {
    throw new PlatformError('INTERNAL', `发票 ${invoice.number} 的 ${format.toUpperCase()} 文件生成失败：${(e as Error).message}`)
  }
  const name = `${invoice.number}.${format}`
  return {
    bytes,
    headers: {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'content-length': String(bytes.length),
      // an issued invoice's file never changes, but it is the taxpayer's: no shared cache keeps it
      'cache-control': 'private, no-store',
    },
  }
}
