// What a 特定业务 invoice's files say, read back by independent tools: a 建筑服务 and a 货物运输服务 of
// several trips as the real sandbox issued them — pdftotext finds the label and every field in the
// PDF, the OFD's page content and its attached XML hold them, and the 数电 XML validates against
// EInvoice.xsd (xmllint), names the kind and round-trips.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderInvoiceFile } from '../../src/documents'
import { invoiceXmlData, parseInvoiceXml } from '../../src/documents/xml'
import { testLine } from '../../src/shared/domain/invoice/testDraft'
import type { SpecialBusiness } from '../../src/shared/domain/specialBusiness'
import { GOOD } from '../../src/shared/domain/specialBusiness/testSpecial'
import type { PlatformInvoice } from '../../src/shared/platform/wire'
import { startPlatformServer } from '../../src/platform/server'
import { OTHER, SELLER } from '../support/core'
import { ADMIN_TOKEN, issueRequest, login, postInvoice, register } from '../support/platformHttp'
import { readZip } from '../support/zipRead'

const OPTS = { fontsDir: path.resolve('resources/fonts') }
const XSD = path.resolve('src/documents/xsd/EInvoice.xsd')

const construction: SpecialBusiness = { kind: '建筑服务', rows: [{ ...GOOD.建筑服务.row, landVatProjectNo: 'TD2026001', crossCity: '是', crossRegionNo: 'KQBY-2026-0815' }] }
const freight: SpecialBusiness = {
  kind: '货物运输服务',
  rows: [
    GOOD.货物运输服务.row,
    { from: '天津市滨海新区天津港', to: '北京市朝阳区', vehicleType: '铁路运输', vehicleNo: 'X1234次', goods: '集装箱' },
    { from: '浙江省宁波市北仑区', to: '上海市浦东新区洋山港', vehicleType: '水路运输', vehicleNo: '浙甬货1688', goods: '电子元件 <A&B>' },
  ],
}

let dir: string
let build: PlatformInvoice
let cargo: PlatformInvoice
let stop: () => Promise<void>

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'special-files-'))
  const server = await startPlatformServer({ dataDir: dir, adminToken: ADMIN_TOKEN })
  stop = () => server.close()
  for (const who of [SELLER, OTHER]) await register(server.url, who)
  const p = { url: server.url, seller: await login(server.url, SELLER.taxId) }
  const issue = async (sb: SpecialBusiness, key: string) => {
    const body = issueRequest({ lines: [testLine({ name: `${sb.kind}费`, taxCode: GOOD[sb.kind].code, taxRate: '0.09' })], specialBusiness: sb })
    const r = await postInvoice<PlatformInvoice>(p.url, p.seller, body, key)
    if (r.status !== 201) throw new Error(`开票失败：${r.status} ${r.text}`)
    return r.body
  }
  build = await issue(construction, 'build')
  cargo = await issue(freight, 'cargo')
}, 60_000)
afterAll(async () => {
  await stop?.()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function fileOf(inv: PlatformInvoice, format: 'pdf' | 'ofd' | 'xml'): Promise<string> {
  const file = path.join(dir, `${inv.number}.${format}`)
  fs.writeFileSync(file, await renderInvoiceFile(inv, format, OPTS))
  return file
}

/** pdftotext's text with every space gone: a value is found whatever the column gaps and wrapping */
const pdfText = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
const squeeze = (s: string) => s.replace(/\s+/g, '')

function xmllint(file: string): string | null {
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' })
    return null
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e)
  }
}

/** every value a row prints, as specialPrintBlock joins them (建筑服务发生地 with its 详细地址) */
const printed = {
  build: ['建筑服务', '特定信息', '土地增值税项目编号', '跨地（市）标志', '建筑服务发生地', '建筑项目名称', 'TD2026001', '北京市朝阳区望京街道阜通东大街6号', '望京SOHO幕墙改造'],
  cargo: [
    '货物运输服务',
    '运输工具种类',
    '运输工具牌号',
    '起运地',
    '到达地',
    '运输货物名称',
    ...freight.rows.flatMap((r) => [r.vehicleType!, r.vehicleNo!, r.from!, r.to!, r.goods!]),
  ],
}

describe('特定业务 in the invoice files', { timeout: 60_000 }, () => {
  it('PDF: pdftotext finds the label and every printed field of 建筑服务 and of each 运输 row', async () => {
    const b = pdfText(await fileOf(build, 'pdf'))
    for (const t of printed.build) expect(b, t).toContain(squeeze(t))
    const c = pdfText(await fileOf(cargo, 'pdf'))
    for (const t of printed.cargo) expect(c, t).toContain(squeeze(t))
  })

  it('OFD: the page content draws the label and the fields, the attached XML carries the 特定业务', async () => {
    for (const [inv, texts] of [
      [build, printed.build],
      [cargo, printed.cargo],
    ] as const) {
      const files = await readZip(await fileOf(inv, 'ofd'))
      const content = files.get('Doc_0/Pages/Page_0/Content.xml')!.toString('utf8')
      const codes = squeeze(
        [...content.matchAll(/<ofd:TextCode[^>]*>([^<]*)<\/ofd:TextCode>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).join(''),
      )
      for (const t of texts) expect(codes, t).toContain(squeeze(t))
      const attached = [...files.entries()].find(([name]) => name.endsWith('original_invoice.xml'))![1]
      expect(parseInvoiceXml(attached).special).toEqual(invoiceXmlData(inv).special)
    }
  })

  it('XML: valid against EInvoice.xsd, names the kind, one element per row, and reads back to the same data', async () => {
    const bFile = await fileOf(build, 'xml')
    const cFile = await fileOf(cargo, 'xml')
    expect(xmllint(bFile)).toBeNull()
    expect(xmllint(cFile)).toBeNull()
    const b = fs.readFileSync(bFile, 'utf8')
    expect(b).toContain('<UndefinedLabel><Label><LabelType>特定要素类型</LabelType><LabelCode>03</LabelCode><LabelName>建筑服务</LabelName></Label></UndefinedLabel>')
    expect(b).toContain(
      '<ConstructionServices><ConstructionSite>北京市朝阳区</ConstructionSite><ConstructionSiteAddress>望京街道阜通东大街 6 号</ConstructionSiteAddress>' +
        '<ConstructionProjectName>望京 SOHO 幕墙改造</ConstructionProjectName><LandVATProjectNumber>TD2026001</LandVATProjectNumber>' +
        '<CrossCityMark>是</CrossCityMark><CrossRegionalTaxMatterNumber>KQBY-2026-0815</CrossRegionalTaxMatterNumber></ConstructionServices>',
    )
    const c = fs.readFileSync(cFile, 'utf8')
    expect(c.match(/<GoodsTransportation>/g)).toHaveLength(3)
    expect(c).toContain('<GoodsName>电子元件 &lt;A&amp;B&gt;</GoodsName>')
    for (const inv of [build, cargo]) expect(parseInvoiceXml(fs.readFileSync(path.join(dir, `${inv.number}.xml`)))).toEqual(invoiceXmlData(inv))
    expect(parseInvoiceXml(c).special).toEqual({ kind: '货物运输服务', code: '04', rows: freight.rows })
  })

  it('XML: the schema refuses a 特定业务 row missing a required field, and the reader refuses two kinds', async () => {
    const b = fs.readFileSync(await fileOf(build, 'xml'), 'utf8')
    const missing = path.join(dir, 'missing.xml')
    fs.writeFileSync(missing, b.replace(/<ConstructionProjectName>[^<]*<\/ConstructionProjectName>/, ''))
    expect(xmllint(missing)).toContain('ConstructionProjectName')
    const two = b.replace('</ConstructionServices>', '</ConstructionServices><GoodsTransportation><Departure>北京市朝阳区</Departure></GoodsTransportation>')
    expect(() => parseInvoiceXml(two)).toThrow('SpecificInformation 只能有一种特定业务')
  })

  it('a plain invoice keeps its files as they were: no label, no 特定信息, no 特定业务 in the XML', async () => {
    const plain = { ...build, draft: { ...build.draft, specialBusiness: null } }
    const xml = (await renderInvoiceFile(plain, 'xml', OPTS)).toString('utf8')
    expect(xml).not.toContain('UndefinedLabel')
    expect(xml).toContain('<SpecificInformation></SpecificInformation>')
    const file = path.join(dir, 'plain.pdf')
    fs.writeFileSync(file, await renderInvoiceFile(plain, 'pdf', OPTS))
    expect(pdfText(file)).not.toContain('特定信息')
  })
})
