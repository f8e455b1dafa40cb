// An invoice's 数电 XML data file (DOMAIN.md §6): the EInvoice structure, valid against
// src/documents/xsd/EInvoice.xsd, readable back with parseInvoiceXml.
import type { PlatformInvoice } from '../shared/platform/wire'
import type { RenderOptions } from './index'
import { invoiceXmlData } from './xml/model'
import { writeEInvoice } from './xml/write'

export { parseInvoiceXml, InvoiceXmlError } from './xml/parse'
export { invoiceXmlData, type InvoiceXmlData } from './xml/model'

/** the XML as text (the OFD package attaches the same text) */
export function invoiceXmlText(invoice: PlatformInvoice): string {
  return writeEInvoice(invoiceXmlData(invoice))
}

export async function renderXml(invoice: PlatformInvoice, _opts: RenderOptions): Promise<Buffer> {
  return Buffer.from(invoiceXmlText(invoice), 'utf8')
}
