// The 数电 XML of invoices the real sandbox issued: valid against our XSD by xmllint (an independent
// validator) for blue, red, many-line and with-extras invoices, refused by it when broken; read back
// by parseInvoiceXml to the same data; markup characters escaped; control characters never written.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoiceXmlData, InvoiceXmlError, parseInvoiceXml, renderXml } from '../../src/documents/xml'
import type { PlatformInvoice } from '../../src/shared/platform/wire'
import { issueInvoices, MARKED, type IssuedSet } from './ofdXmlInvoices'

const XSD = path.resolve('src/documents/xsd/EInvoice.xsd')
const OPTS = { fontsDir: path.resolve('resources/fonts') }
let set: IssuedSet
let dir: string

beforeAll(async () => {
  set = await issueInvoices()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-xml-'))
}, 60_000)
afterAll(async () => {
  await set?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** xmllint's verdict on the text: null when valid, else its complaint */
function xmllint(xml: string | Buffer, name: string): string | null {
  const file = path.join(dir, name)
  fs.writeFileSync(file, xml)
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' })
    return null
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e)
  }
}

const xmlOf = async (inv: PlatformInvoice) => (await renderXml(inv, OPTS)).toString('utf8')

describe('数电 XML', () => {
  it.each(['blue', 'red', 'many', 'marked', 'person'] as const)('the %s invoice is valid against EInvoice.xsd and round-trips', async (which) => {
    const inv = set[which]
    const xml = await xmlOf(inv)
    expect(xmllint(xml, `${which}.xml`)).toBeNull()
    expect(parseInvoiceXml(Buffer.from(xml, 'utf8'))).toEqual(invoiceXmlData(inv))
  })

  it('carries the number, parties, every line and the totals where the national structure puts them', async () => {
    const xml = await xmlOf(set.many)
    const data = parseInvoiceXml(xml)
    expect(xml).toContain(`<EIid>${set.many.number}</EIid>`)
    expect(xml).toContain(`<InvoiceNumber>${set.many.number}</InvoiceNumber>`)
    expect(xml).toContain(`<TotalTax-includedAmount>${set.many.total}</TotalTax-includedAmount>`)
    expect(xml).toContain('<GeneralOrSpecialVAT><LabelCode>02</LabelCode><LabelName>普通发票</LabelName>')
    // 60 lines, one of them discounted: 61 rows, the 折扣行 right after its line
    expect(data.items).toHaveLength(61)
    expect(data.items.map((r) => r.nature).slice(0, 3)).toEqual(['00', '02', '01'])
    expect(data.items[2]!.amount).toBe('-10.00')
    expect(data.extras).toEqual([
      { name: '项目编号', value: 'P-001' },
      { name: '合同日期', value: '2026-11-01' },
    ])
    expect(data.issuedAt).toBe(set.many.issuedAt)
  })

  it('prints item names as *简称*名称 where the 简称 is known, and reads them back so', async () => {
    const shortNames = { '3040201010000000000': '信息技术服务' }
    const xml = (await renderXml(set.blue, { ...OPTS, shortNames })).toString('utf8')
    expect(xml).toContain('<ItemName>*信息技术服务*软件开发服务</ItemName>')
    expect(xmllint(xml, 'short.xml')).toBeNull()
    expect(parseInvoiceXml(xml)).toEqual(invoiceXmlData(set.blue, shortNames))
  })

  it('a natural person without an ID number has no BuyerIdNum, and no 附加要素 means none written', async () => {
    const xml = await xmlOf(set.person)
    expect(xml).not.toContain('<BuyerIdNum>')
    expect(xml).toContain('<BuyerName>张先生</BuyerName>')
    expect(xml).not.toContain('<AdditionalElement>')
    expect(parseInvoiceXml(xml).buyer.taxId).toBe('')
  })

  it('a red invoice says N, negative totals, and names its blue invoice and 确认单', async () => {
    const xml = await xmlOf(set.red)
    const data = parseInvoiceXml(xml)
    expect(data.colour).toBe('red')
    expect(xml).toContain('<InIssuType><LabelCode>N</LabelCode>')
    expect(data.total).toBe('-10600.00')
    expect(data.totalInWords.startsWith('（负数）')).toBe(true)
    expect(data.redOf).toEqual({ blueNumber: set.blue.number, confirmationNumber: set.red.redOf!.confirmationNumber })
    expect(data.remark).toContain(set.blue.number)
  })

  it('escapes <&"\' in names, 备注 and 附加要素, and reads them back unchanged', async () => {
    const xml = await xmlOf(set.marked)
    expect(xml).toContain('<BuyerName>A&amp;B &lt;测试&gt; &quot;引号&quot; &apos;单&apos; 贸易公司</BuyerName>')
    expect(xml).not.toContain('<测试>')
    const data = parseInvoiceXml(xml)
    expect(data.buyer.name).toBe(MARKED.buyer)
    expect(data.remark).toBe(MARKED.remark)
    expect(data.extras).toEqual([MARKED.extra])
  })

  it('never writes a control character, even when one reached the record', async () => {
    const dirty: PlatformInvoice = { ...set.blue, drawer: '王\u0000会\u0007计\u001b', buyer: { ...set.blue.buyer, name: 'A\u0008B\u0085C\u2028' } }
    dirty.draft = { ...dirty.draft, remark: 'x\u000cy\r\nz' }
    const xml = await xmlOf(dirty)
    // no C0 (but tab and LF; CR only as &#13;), DEL, C1 or line separator in the text
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\r]/)
    expect(xmllint(xml, 'dirty.xml')).toBeNull()
    const data = parseInvoiceXml(xml)
    expect(data.drawer).toBe('王会计')
    expect(data.remark).toBe('xy\r\nz')
  })

  describe('the XSD bites', () => {
    const broken: [string, (xml: string) => string, RegExp][] = [
      ['no InvoiceNumber', (x) => x.replace(/<InvoiceNumber>\d+<\/InvoiceNumber>/, ''), /IssueTime.*Expected is \( InvoiceNumber \)/],
      ['an amount with three decimals', (x) => x.replace(/<TotalAmWithoutTax>[^<]+</, '<TotalAmWithoutTax>10000.001<'), /TotalAmWithoutTax/],
      ['an amount that is not a number', (x) => x.replace(/<Amount>[^<]+</, '<Amount>一万<'), /Amount/],
      ['a 19-digit number', (x) => x.replace(/<EIid>\d(\d+)</, '<EIid>$1<'), /EIid/],
      ['an unknown 票种', (x) => x.replace('<LabelCode>01</LabelCode><LabelName>增值税专用发票', '<LabelCode>04</LabelCode><LabelName>增值税专用发票'), /LabelCode/],
      ['a line without its tax code', (x) => x.replace(/<TaxClassificationCode>\d+<\/TaxClassificationCode>/, ''), /InvoiceLineNature|TaxClassificationCode/],
      ['elements out of order', (x) => x.replace(/(<TotalTaxAm>[^<]+<\/TotalTaxAm>)(<TotalTax-includedAmount>[^<]+<\/TotalTax-includedAmount>)/, '$2$1'), /TotalTax/],
    ]
    it.each(broken)('xmllint refuses a file with %s', async (name, breakIt, complaint) => {
      const xml = await xmlOf(set.blue)
      const bad = breakIt(xml)
      expect(bad).not.toBe(xml)
      expect(xmllint(bad, `broken-${name.length}.xml`)).toMatch(complaint)
    })
  })

  it('an invoice the platform has not issued has no XML data file, and says so in Chinese', async () => {
    await expect(renderXml(set.blue, { ...OPTS, provisional: true })).rejects.toThrow(/发票尚未由平台开具.*没有 XML 数据文件/)
    await expect(renderXml({ ...set.blue, number: '', qr: '' }, OPTS)).rejects.toThrow(/没有发票号码/)
  })

  it('parseInvoiceXml refuses what is not an invoice with a Chinese message naming the element', async () => {
    const xml = await xmlOf(set.blue)
    expect(() => parseInvoiceXml('<EInvoice><Header>')).toThrow(/发票 XML 格式不正确/)
    expect(() => parseInvoiceXml(xml.replace(/<TaxSupervisionInfo>.*<\/TaxSupervisionInfo>/, ''))).toThrow(InvoiceXmlError)
    expect(() => parseInvoiceXml(xml.replace(/<TaxSupervisionInfo>.*<\/TaxSupervisionInfo>/, ''))).toThrow(/缺少 EInvoice\/TaxSupervisionInfo/)
    expect(() => parseInvoiceXml(xml.replace(/<EIid>\d+</, '<EIid>12345678901234567890<'))).toThrow(/EIid.*不一致/)
    expect(() => parseInvoiceXml(xml.replace(/<TotalTaxAm>[^<]+</, '<TotalTaxAm>6百<'))).toThrow('发票 XML 的 BasicInformation/TotalTaxAm 应为两位小数的金额：6百')
    expect(() => parseInvoiceXml(xml.replace(/<Amount>[^<]+</, '<Amount>1.5<'))).toThrow(/IssuItemInformation\[1\]\/Amount 应为两位小数的金额/)
    expect(() => parseInvoiceXml(xml.replace(/\d{20}<\/InvoiceNumber>/, '123</InvoiceNumber>'))).toThrow(/InvoiceNumber 应为 20 位数字/)
    const bomb = xml.replace('<EInvoice>', '<!DOCTYPE EInvoice [<!ENTITY a "aaaaaaaaaa">]><EInvoice>')
    expect(() => parseInvoiceXml(bomb)).toThrow('发票 XML 不应包含 DOCTYPE 声明')
    expect(() => parseInvoiceXml(Buffer.alloc(21 * 1024 * 1024, 32))).toThrow(/文件过大/)
  })
})
