// Reading a 数电 EInvoice XML back into InvoiceXmlData (the inverse of write.ts). Used to prove the
// round trip and by anything that reads an invoice's XML file (a received invoice's data file).
// Bad input gets one Chinese message naming the element; nothing is guessed.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { InvoiceKind, RowNature } from '../../shared/domain/invoice'
import type { PolicyCode } from '../../shared/domain/rates'
import type { InvoiceXmlData, XmlItem, XmlParty } from './model'
import { specialKindSpec } from '../../shared/domain/specialBusiness'
import { kindOfElement, SPECIAL_XML, type XmlSpecial } from './special'

type Node = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: true,
  // every value stays text: '0.10' and '0010' must not become numbers
  parseTagValue: false,
  trimValues: false,
  // &#13; and the other numeric references the writer emits
  htmlEntities: true,
  isArray: (name) => name === 'IssuItemInformation' || name === 'AdditionalElement' || kindOfElement(name) !== undefined,
})

export class InvoiceXmlError extends Error {}

/** far above a 2,000-line invoice (about 1.5 MB): a bigger file is not an invoice's data file */
export const MAX_XML_BYTES = 20 * 1024 * 1024
const NUMBER = /^\d{20}$/
const MONEY = /^-?\d{1,13}\.\d{2}$/

function checked(value: string, pattern: RegExp, path: string, what: string): string {
  if (!pattern.test(value)) throw new InvoiceXmlError(`发票 XML 的 ${path} 应为${what}：${value.slice(0, 40)}`)
  return value
}

const KINDS: Record<string, InvoiceKind> = { '01': '81', '02': '82' }

function child(node: Node, name: string, path: string): Node {
  const c = node[name]
  if (c === undefined) throw new InvoiceXmlError(`发票 XML 缺少 ${path}/${name}`)
  // an empty container parses as ''
  return typeof c === 'object' && c !== null ? (c as Node) : {}
}

function text(node: Node, name: string, path: string): string {
  const v = node[name]
  if (v === undefined) throw new InvoiceXmlError(`发票 XML 缺少 ${path}/${name}`)
  if (typeof v !== 'string') throw new InvoiceXmlError(`发票 XML 的 ${path}/${name} 应为文本`)
  return v
}

function optText(node: Node, name: string, path: string): string {
  return node[name] === undefined ? '' : text(node, name, path)
}

/** '2026-11-28 21:30:05' (Shanghai) → '2026-11-28T21:30:05+08:00' */
function isoOf(time: string, path: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(time)
  if (!m) throw new InvoiceXmlError(`发票 XML 的 ${path} 应为“YYYY-MM-DD HH:MM:SS”：${time}`)
  return `${m[1]}T${m[2]}+08:00`
}

function party(data: Node, role: 'Seller' | 'Buyer'): XmlParty {
  const path = `EInvoiceData/${role}Information`
  const p = child(data, `${role}Information`, 'EInvoiceData')
  return {
    name: text(p, `${role}Name`, path),
    taxId: optText(p, `${role}IdNum`, path),
    address: optText(p, `${role}Addr`, path),
    phone: optText(p, `${role}TelNum`, path),
    bank: optText(p, `${role}BankName`, path),
    account: optText(p, `${role}BankAccNum`, path),
  }
}

function item(n: Node, i: number): XmlItem {
  const path = `EInvoiceData/IssuItemInformation[${i + 1}]`
  const quantity = optText(n, 'Quantity', path)
  const unitPrice = optText(n, 'UnPrice', path)
  const policy = optText(n, 'PreferentialPolicyCode', path)
  return {
    nature: text(n, 'InvoiceLineNature', path) as RowNature,
    name: text(n, 'ItemName', path),
    taxCode: text(n, 'TaxClassificationCode', path),
    spec: optText(n, 'SpecMod', path),
    unit: optText(n, 'MeaUnits', path),
    quantity: quantity === '' ? null : quantity,
    unitPrice: unitPrice === '' ? null : unitPrice,
    amount: checked(text(n, 'Amount', path), MONEY, `${path}/Amount`, '两位小数的金额'),
    taxRate: text(n, 'TaxRate', path),
    tax: checked(text(n, 'ComTaxAm', path), MONEY, `${path}/ComTaxAm`, '两位小数的金额'),
    policy: policy === '' ? null : (policy as PolicyCode),
  }
}

/** the 特定业务 rows SpecificInformation holds: one kind's elements, or none */
function special(specific: Node): XmlSpecial | null {
  const present = Object.keys(specific).filter((name) => kindOfElement(name) !== undefined)
  if (present.length === 0) return null
  if (present.length > 1) throw new InvoiceXmlError(`发票 XML 的 SpecificInformation 只能有一种特定业务：${present.join('、')}`)
  const element = present[0]!
  const kind = kindOfElement(element)!
  const fields = Object.entries(SPECIAL_XML[kind].fields)
  const rows = (specific[element] as unknown[]).map((n, i) => {
    const node = typeof n === 'object' && n !== null ? (n as Node) : {}
    const path = `SpecificInformation/${element}[${i + 1}]`
    return Object.fromEntries(fields.map(([key, name]) => [key, optText(node, name, path)]).filter(([, v]) => v !== ''))
  })
  return { kind, code: specialKindSpec(kind).code, rows }
}

export function parseInvoiceXml(bytes: Uint8Array | string): InvoiceXmlData {
  const size = typeof bytes === 'string' ? bytes.length : bytes.byteLength
  if (size > MAX_XML_BYTES) throw new InvoiceXmlError(`发票 XML 文件过大（${Math.round(size / 1048576)} MB），不是发票数据文件`)
  const xml = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  // an invoice's data file declares no entities; one that does could expand without end
  if (/<!DOCTYPE/i.test(xml)) throw new InvoiceXmlError('发票 XML 不应包含 DOCTYPE 声明')
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new InvoiceXmlError(`发票 XML 格式不正确（第 ${valid.err.line} 行）：${valid.err.msg}`)
  const doc = parser.parse(xml) as Node
  const root = child(doc, 'EInvoice', '')
  const header = child(root, 'Header', 'EInvoice')
  const labels = child(header, 'InherentLabel', 'Header')
  const blue = text(child(labels, 'InIssuType', 'InherentLabel'), 'LabelCode', 'InIssuType')
  const kindCode = text(child(labels, 'GeneralOrSpecialVAT', 'InherentLabel'), 'LabelCode', 'GeneralOrSpecialVAT')
  const kind = KINDS[kindCode]
  if (!kind) throw new InvoiceXmlError(`发票 XML 的 GeneralOrSpecialVAT/LabelCode 应为 01 或 02：${kindCode}`)
  if (blue !== 'Y' && blue !== 'N') throw new InvoiceXmlError(`发票 XML 的 InIssuType/LabelCode 应为 Y 或 N：${blue}`)

  const data = child(root, 'EInvoiceData', 'EInvoice')
  const basic = child(data, 'BasicInformation', 'EInvoiceData')
  const specific = child(data, 'SpecificInformation', 'EInvoiceData')
  const additional = child(data, 'AdditionalInformation', 'EInvoiceData')
  const supervision = child(root, 'TaxSupervisionInfo', 'EInvoice')
  const red = specific.RedEInvoice === undefined ? null : child(specific, 'RedEInvoice', 'SpecificInformation')
  const items = (data.IssuItemInformation ?? []) as Node[]
  const extras = (additional.AdditionalElement ?? []) as Node[]
  if (items.length === 0) throw new InvoiceXmlError('发票 XML 缺少 EInvoiceData/IssuItemInformation（至少一行项目）')

  const number = checked(text(supervision, 'InvoiceNumber', 'TaxSupervisionInfo'), NUMBER, 'TaxSupervisionInfo/InvoiceNumber', ' 20 位数字')
  const eiid = text(header, 'EIid', 'Header')
  if (eiid !== number) throw new InvoiceXmlError(`发票 XML 的 Header/EIid（${eiid}）与 TaxSupervisionInfo/InvoiceNumber（${number}）不一致`)
  return {
    number,
    kind,
    colour: blue === 'Y' ? 'blue' : 'red',
    issuedAt: isoOf(text(supervision, 'IssueTime', 'TaxSupervisionInfo'), 'TaxSupervisionInfo/IssueTime'),
    seller: party(data, 'Seller'),
    buyer: party(data, 'Buyer'),
    items: items.map((n, i) => item(typeof n === 'object' ? n : {}, i)),
    amount: checked(text(basic, 'TotalAmWithoutTax', 'BasicInformation'), MONEY, 'BasicInformation/TotalAmWithoutTax', '两位小数的金额'),
    tax: checked(text(basic, 'TotalTaxAm', 'BasicInformation'), MONEY, 'BasicInformation/TotalTaxAm', '两位小数的金额'),
    total: checked(text(basic, 'TotalTax-includedAmount', 'BasicInformation'), MONEY, 'BasicInformation/TotalTax-includedAmount', '两位小数的金额'),
    totalInWords: text(basic, 'TotalTax-includedAmountInChinese', 'BasicInformation'),
    drawer: text(basic, 'Drawer', 'BasicInformation'),
    remark: optText(additional, 'Remark', 'AdditionalInformation'),
    extras: extras.map((x, i) => {
      const path = `AdditionalInformation/AdditionalElement[${i + 1}]`
      const n = typeof x === 'object' ? x : {}
      return { name: text(n, 'ElementName', path), value: optText(n, 'ElementValue', path) }
    }),
    redOf: red
      ? {
          blueNumber: checked(text(red, 'OriginalInvoiceCode', 'RedEInvoice'), NUMBER, 'RedEInvoice/OriginalInvoiceCode', ' 20 位数字'),
          confirmationNumber: text(red, 'CreditNoteNumber', 'RedEInvoice'),
        }
      : null,
    special: special(specific),
  }
}
