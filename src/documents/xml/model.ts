// What an invoice's 数电 XML file says (DOMAIN.md §6): the data both the writer and the parser
// speak, so "it round-trips" means parseInvoiceXml(renderXml(invoice)) equals invoiceXmlData(invoice).
// Money, rates and quantities stay decimal strings exactly as the platform computed them.
import { fenOfText, invoiceRows, moneyFromFen, type InvoiceKind, type InvoiceRow } from '../../shared/domain/invoice'
import type { PlatformInvoice } from '../../shared/platform/wire'
import { xmlSpecialOf, type XmlSpecial } from './special'

export interface XmlParty {
  name: string
  /** 统一社会信用代码/纳税人识别号; '' for a 自然人 without one */
  taxId: string
  address: string
  phone: string
  bank: string
  account: string
}

/** one printed row (发票行): a 折扣行 is a row of its own, as on the paper */
export type XmlItem = Omit<InvoiceRow, 'no' | 'line'>

export interface InvoiceXmlData {
  number: string
  kind: InvoiceKind
  colour: 'blue' | 'red'
  /** ISO 8601 with +08:00, to the second */
  issuedAt: string
  seller: XmlParty
  buyer: XmlParty
  items: XmlItem[]
  amount: string
  tax: string
  total: string
  totalInWords: string
  drawer: string
  remark: string
  extras: { name: string; value: string }[]
  /** a red invoice's blue invoice and 红字发票信息确认单 */
  redOf: { blueNumber: string; confirmationNumber: string } | null
  /** 特定业务 (建筑服务 …): its kind and its rows' filled fields */
  special: XmlSpecial | null
}

/** 金额 + 税额 of a row (the XML carries each row's 价税合计 too), in integer 分 */
export function rowTotal(amount: string, tax: string): string {
  return moneyFromFen((fenOfText(amount) ?? 0) + (fenOfText(tax) ?? 0))
}

/**
 * The XML's data of an issued invoice. Item names are printed as on the paper, `*简称*名称`, where the
 * tax code's 简称 is known (`shortNames`, as for the layout). The seller's address and bank are not on
 * the platform's record.
 */
export function invoiceXmlData(invoice: PlatformInvoice, shortNames: Readonly<Record<string, string>> = {}): InvoiceXmlData {
  const b = invoice.draft.buyer
  return {
    number: invoice.number,
    kind: invoice.kind,
    colour: invoice.colour,
    issuedAt: invoice.issuedAt,
    seller: { name: invoice.seller.name, taxId: invoice.seller.taxId, address: '', phone: '', bank: '', account: '' },
    buyer: { name: invoice.buyer.name, taxId: invoice.buyer.taxId, address: b.address, phone: b.phone, bank: b.bank, account: b.account },
    items: invoiceRows(invoice.draft).map((r) => ({
      nature: r.nature,
      name: shortNames[r.taxCode] ? `*${shortNames[r.taxCode]}*${r.name}` : r.name,
      taxCode: r.taxCode,
      spec: r.spec,
      unit: r.unit,
      quantity: r.quantity,
      unitPrice: r.unitPrice,
      amount: r.amount,
      taxRate: r.taxRate,
      tax: r.tax,
      policy: r.policy,
    })),
    amount: invoice.amount,
    tax: invoice.tax,
    total: invoice.total,
    totalInWords: invoice.draft.totals.totalInWords,
    drawer: invoice.drawer,
    remark: invoice.draft.remark,
    extras: invoice.draft.extras.map((e) => ({ name: e.name, value: e.value })),
    redOf: invoice.redOf ? { blueNumber: invoice.redOf.blueNumber, confirmationNumber: invoice.redOf.confirmationNumber } : null,
    special: xmlSpecialOf(invoice.draft.specialBusiness),
  }
}
