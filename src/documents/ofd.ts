// An invoice's OFD (GB/T 33190-2016): the shared invoice layout (src/shared/domain/invoiceLayout)
// drawn into an OFD package, with what national OFD invoices carry besides the page — the invoice's
// XML data file as an attachment and the data tags (CustomTag.xml) naming the page objects that
// show 发票号码, 开票日期, the parties and the totals. The package itself is ofd/package.ts.
import { createHash } from 'node:crypto'
import { INVOICE_KINDS } from '../shared/domain/invoice'
import { layoutInvoice, type FieldTag } from '../shared/domain/invoiceLayout'
import type { PlatformInvoice } from '../shared/platform/wire'
import type { RenderOptions } from './renderOptions'
import { ofdParts, zipParts, type OfdDocumentInput } from './ofd/package'
import { invoiceXmlText } from './xml'
import { xmlTime } from './xml/write'

/** CustomTag.xml: element path → the layout field it points at (names as national OFD invoices use) */
export const INVOICE_TAGS: { path: string; tag: FieldTag; once?: boolean }[] = [
  { path: 'InvoiceNo', tag: 'number', once: true },
  { path: 'IssueDate', tag: 'issuedAt', once: true },
  { path: 'Buyer/BuyerName', tag: 'buyerName', once: true },
  { path: 'Buyer/BuyerTaxID', tag: 'buyerTaxId', once: true },
  { path: 'Seller/SellerName', tag: 'sellerName', once: true },
  { path: 'Seller/SellerTaxID', tag: 'sellerTaxId', once: true },
  { path: 'GoodsInfos/Item', tag: 'itemName' },
  { path: 'GoodsInfos/Specification', tag: 'itemSpec' },
  { path: 'GoodsInfos/MeasurementDimension', tag: 'itemUnit' },
  { path: 'GoodsInfos/Quantity', tag: 'itemQuantity' },
  { path: 'GoodsInfos/Price', tag: 'itemUnitPrice' },
  { path: 'GoodsInfos/Amount', tag: 'itemAmount' },
  { path: 'GoodsInfos/TaxScheme', tag: 'itemTaxRate' },
  { path: 'GoodsInfos/TaxAmount', tag: 'itemTax' },
  { path: 'TaxExclusiveTotalAmount', tag: 'amount' },
  { path: 'TaxTotalAmount', tag: 'tax' },
  { path: 'TaxInclusiveTotalAmount', tag: 'total' },
  { path: 'Note', tag: 'remark' },
  { path: 'InvoiceClerk', tag: 'drawer' },
]

/** the attachment's name and file, as national OFD invoices name theirs */
export const ATTACHMENT = { name: 'original_invoice', fileName: 'original_invoice.xml' }

export function invoiceOfdInput(invoice: PlatformInvoice, opts: RenderOptions): OfdDocumentInput {
  // an invoice without a number has not been issued: whatever the caller says, it is a provisional copy
  const provisional = (opts.provisional ?? false) || invoice.number === ''
  const pages = layoutInvoice(invoice, { provisional, shortNames: opts.shortNames })
  const input: OfdDocumentInput = {
    pages,
    fontsDir: opts.fontsDir,
    // a stable ID per invoice: the same invoice always makes the same file
    docId: createHash('md5').update(`${invoice.number}|${invoice.issuedAt}|${provisional}`).digest('hex'),
    title: INVOICE_KINDS.find((k) => k.code === invoice.kind)?.name ?? '电子发票',
    creationDate: invoice.issuedAt,
  }
  // a copy drawn before the platform issued it has no number: no data file, no tags to point at it
  if (provisional) return input
  input.attachment = { ...ATTACHMENT, xml: invoiceXmlText(invoice, opts.shortNames) }
  input.customData = [
    ['发票号码', invoice.number],
    ['开票日期', xmlTime(invoice.issuedAt).slice(0, 10)],
    ['合计金额', invoice.amount],
    ['合计税额', invoice.tax],
    ['价税合计', invoice.total],
    ['购买方纳税人识别号', invoice.buyer.taxId],
    ['销售方纳税人识别号', invoice.seller.taxId],
  ]
  input.customTags = INVOICE_TAGS
  return input
}

export async function renderOfd(invoice: PlatformInvoice, opts: RenderOptions): Promise<Buffer> {
  return zipParts(ofdParts(invoiceOfdInput(invoice, opts)))
}
