// An invoice's 数电 XML data file (DOMAIN.md §6): the EInvoice structure, valid against
// src/documents/xsd/EInvoice.xsd, readable back with parseInvoiceXml.
import type { PlatformInvoice } from '../shared/platform/wire'
import type { RenderOptions } from './renderOptions'
import { invoiceXmlData } from './xml/model'
import { writeEInvoice } from './xml/write'

export { parseInvoiceXml, InvoiceXmlError } from './xml/parse'
export { invoiceXmlData, type InvoiceXmlData } from './xml/model'

/** what a file of an invoice the platform has not issued would lack */
export const NOT_ISSUED_MESSAGE = '发票尚未由平台开具（没有发票号码），没有 XML 数据文件：请在发票上传平台开具后再下载 XML'

/** the XML as text (the OFD package attaches the same text) */
export function invoiceXmlText(invoice: PlatformInvoice, shortNames?: Readonly<Record<string, string>>): string {
  if (invoice.number === '') throw new Error(NOT_ISSUED_MESSAGE)
  return writeEInvoice(invoiceXmlData(invoice, shortNames))
}

/** The data file is the platform's record of an issued invoice: a provisional copy has none. */
export async function renderXml(invoice: PlatformInvoice, opts: RenderOptions): Promise<Buffer> {
  if (opts.provisional) throw new Error(NOT_ISSUED_MESSAGE)
  return Buffer.from(invoiceXmlText(invoice, opts.shortNames), 'utf8')
}
