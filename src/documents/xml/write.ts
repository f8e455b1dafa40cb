// The 数电 EInvoice XML (DOMAIN.md §6) written from InvoiceXmlData, element by element in the order
// the XSD (src/documents/xsd/EInvoice.xsd) fixes. Strings are built directly: a 2,000-line invoice
// is written in a few milliseconds and the order stays visible here.
import { escapeXml } from './escape'
import { rowTotal, type InvoiceXmlData, type XmlItem, type XmlParty } from './model'
import { SPECIAL_LABEL_TYPE, SPECIAL_XML, type XmlSpecial } from './special'

/** Header/Version as national files carry it */
export const EINVOICE_VERSION = '0.2'
const KIND_LABEL = { '81': { code: '01', name: '增值税专用发票' }, '82': { code: '02', name: '普通发票' } } as const

/** '2026-11-28T21:30:05+08:00' → '2026-11-28 21:30:05' (the wall clock in Shanghai, as the files print it) */
export function xmlTime(iso: string): string {
  const shanghai = new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString()
  return `${shanghai.slice(0, 10)} ${shanghai.slice(11, 19)}`
}

class Out {
  parts: string[] = []
  open(tag: string) {
    this.parts.push(`<${tag}>`)
  }
  close(tag: string) {
    this.parts.push(`</${tag}>`)
  }
  el(tag: string, text: string) {
    this.parts.push(`<${tag}>${escapeXml(text)}</${tag}>`)
  }
  /** optional elements are left out when empty (the XSD's minOccurs="0") */
  opt(tag: string, text: string | null | undefined) {
    if (text !== null && text !== undefined && text !== '') this.el(tag, text)
  }
  label(tag: string, code: string, name: string) {
    this.open(tag)
    this.el('LabelCode', code)
    this.el('LabelName', name)
    this.close(tag)
  }
}

function party(o: Out, role: 'Seller' | 'Buyer', p: XmlParty) {
  o.open(`${role}Information`)
  o.opt(`${role}IdNum`, p.taxId)
  o.el(`${role}Name`, p.name)
  o.opt(`${role}Addr`, p.address)
  o.opt(`${role}TelNum`, p.phone)
  o.opt(`${role}BankName`, p.bank)
  o.opt(`${role}BankAccNum`, p.account)
  o.close(`${role}Information`)
}

function item(o: Out, r: XmlItem) {
  o.open('IssuItemInformation')
  o.el('ItemName', r.name)
  o.opt('SpecMod', r.spec)
  o.opt('MeaUnits', r.unit)
  o.opt('Quantity', r.quantity)
  o.opt('UnPrice', r.unitPrice)
  o.el('Amount', r.amount)
  o.el('TaxRate', r.taxRate)
  o.el('ComTaxAm', r.tax)
  o.el('TotaltaxIncludedAmount', rowTotal(r.amount, r.tax))
  o.el('TaxClassificationCode', r.taxCode)
  o.el('InvoiceLineNature', r.nature)
  o.opt('PreferentialPolicyCode', r.policy)
  o.close('IssuItemInformation')
}

function special(o: Out, s: XmlSpecial) {
  const { element, fields } = SPECIAL_XML[s.kind]
  for (const row of s.rows) {
    o.open(element)
    for (const [key, name] of Object.entries(fields)) o.opt(name, row[key])
    o.close(element)
  }
}

export function writeEInvoice(d: InvoiceXmlData): string {
  const o = new Out()
  const time = xmlTime(d.issuedAt)
  o.parts.push('<?xml version="1.0" encoding="UTF-8"?>\n')
  o.open('EInvoice')

  o.open('Header')
  o.el('EIid', d.number)
  // SWEI + the issuing bureau's province code (the number's digits 3–4) + 00, as national files name it
  o.el('EInvoiceTag', `SWEI${d.number.slice(2, 4)}00`)
  o.el('Version', EINVOICE_VERSION)
  o.open('InherentLabel')
  o.label('InIssuType', d.colour === 'blue' ? 'Y' : 'N', '是否蓝字发票标志')
  o.label('EInvoiceType', '02', '电子发票')
  o.label('GeneralOrSpecialVAT', KIND_LABEL[d.kind].code, KIND_LABEL[d.kind].name)
  o.close('InherentLabel')
  if (d.special) {
    o.open('UndefinedLabel')
    o.open('Label')
    o.el('LabelType', SPECIAL_LABEL_TYPE)
    o.el('LabelCode', d.special.code)
    o.el('LabelName', d.special.kind)
    o.close('Label')
    o.close('UndefinedLabel')
  }
  o.close('Header')

  o.open('EInvoiceData')
  party(o, 'Seller', d.seller)
  party(o, 'Buyer', d.buyer)
  o.open('BasicInformation')
  o.el('TotalAmWithoutTax', d.amount)
  o.el('TotalTaxAm', d.tax)
  o.el('TotalTax-includedAmount', d.total)
  o.el('TotalTax-includedAmountInChinese', d.totalInWords)
  o.el('Drawer', d.drawer)
  o.el('RequestTime', time)
  o.close('BasicInformation')
  for (const r of d.items) item(o, r)
  // a red invoice names its blue one here, then the 特定业务's rows (a red one keeps its blue's)
  o.open('SpecificInformation')
  if (d.redOf) {
    o.open('RedEInvoice')
    o.el('OriginalInvoiceCode', d.redOf.blueNumber)
    o.el('CreditNoteNumber', d.redOf.confirmationNumber)
    o.close('RedEInvoice')
  }
  if (d.special) special(o, d.special)
  o.close('SpecificInformation')
  o.open('AdditionalInformation')
  o.opt('Remark', d.remark)
  for (const x of d.extras) {
    o.open('AdditionalElement')
    o.el('ElementName', x.name)
    o.el('ElementValue', x.value)
    o.close('AdditionalElement')
  }
  o.close('AdditionalInformation')
  o.close('EInvoiceData')

  o.open('TaxSupervisionInfo')
  o.el('InvoiceNumber', d.number)
  o.el('IssueTime', time)
  o.close('TaxSupervisionInfo')
  o.close('EInvoice')
  return o.parts.join('')
}
