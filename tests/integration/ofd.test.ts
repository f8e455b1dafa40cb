// The OFD package of invoices the real sandbox issued, opened as any reader would: unzipped with
// yauzl, every part parsed as XML, every reference followed (document root, resources, pages, font
// file, attachment, tags), object IDs unique, the data tags pointing at page objects that show the
// right text, the embedded font a subset whose glyphs match the text, the attached XML the invoice's.
import path from 'node:path'
import fs from 'node:fs'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import * as fontkit from 'fontkit'
import jsQR from 'jsqr'
import yauzl from 'yauzl'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderOfd } from '../../src/documents/ofd'
import { Ids, pageContent } from '../../src/documents/ofd/content'
import { OfdFont } from '../../src/documents/ofd/font'
import { INVOICE_FONT_FILE } from '../../src/documents/font'
import { invoiceXmlData, parseInvoiceXml, renderXml } from '../../src/documents/xml'
import type { PlatformInvoice } from '../../src/shared/platform/wire'
import { issueInvoices, MARKED, type IssuedSet } from './ofdXmlInvoices'

const OPTS = { fontsDir: path.resolve('resources/fonts') }
let set: IssuedSet

beforeAll(async () => {
  set = await issueInvoices()
}, 60_000)
afterAll(() => set?.close())

function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err)
      const files = new Map<string, Buffer>()
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(files))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

type Node = Record<string, unknown>
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, trimValues: false, htmlEntities: true })

/** every element called `name` anywhere under `node` */
function all(node: unknown, name: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => all(n, name, out))
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === name) (Array.isArray(v) ? v : [v]).forEach((x) => out.push(typeof x === 'object' ? (x as Node) : { '#text': x }))
      all(v, name, out)
    }
  }
  return out
}
const textOf = (n: Node | string | undefined): string => (typeof n === 'string' ? n : String(n?.['#text'] ?? ''))

interface Opened {
  files: Map<string, Buffer>
  xml: (name: string) => Node
  /** page ID → (object ID → its text, for text objects) */
  texts: Map<string, Map<string, string>>
  pageIds: string[]
  objectIds: string[]
}

async function open(inv: PlatformInvoice, provisional = false): Promise<Opened> {
  const files = await unzip(await renderOfd(inv, { ...OPTS, provisional }))
  const xml = (name: string): Node => {
    const b = files.get(name)
    expect(b, `${name} 应在包内`).toBeDefined()
    const t = b!.toString('utf8')
    expect(XMLValidator.validate(t), name).toBe(true)
    return parser.parse(t) as Node
  }
  const doc = xml('Doc_0/Document.xml')
  const pages = all(doc, 'Page')
  const texts = new Map<string, Map<string, string>>()
  const objectIds: string[] = []
  for (const p of pages) {
    const content = xml(`Doc_0/${String(p['@BaseLoc'])}`)
    const m = new Map<string, string>()
    for (const t of all(content, 'TextObject')) m.set(String(t['@ID']), textOf(t.TextCode as Node))
    for (const kind of ['TextObject', 'PathObject', 'ImageObject', 'Layer']) objectIds.push(...all(content, kind).map((o) => String(o['@ID'])))
    texts.set(String(p['@ID']), m)
  }
  return { files, xml, texts, pageIds: pages.map((p) => String(p['@ID'])), objectIds }
}

/** the texts a CustomTag element points at, joined (a wrapped name is several objects) */
function tagged(o: Opened, tagPath: string): string {
  let node: unknown = o.xml('Doc_0/Tags/CustomTag.xml').root
  for (const part of tagPath.split('/')) node = (node as Node)?.[part]
  const refs = all({ x: node }, 'ObjectRef')
  expect(refs.length, `${tagPath} 应指向页面对象`).toBeGreaterThan(0)
  return refs
    .map((r) => {
      const text = o.texts.get(String(r['@PageRef']))?.get(textOf(r))
      expect(text, `${tagPath} → 页面 ${String(r['@PageRef'])} 对象 ${textOf(r)}`).toBeDefined()
      return text
    })
    .join('')
}

describe('OFD package', () => {
  it.each(['blue', 'red', 'many', 'marked', 'person'] as const)('%s: every part is XML and every reference resolves', async (which) => {
    const o = await open(set[which])
    for (const [name, body] of o.files) if (name.endsWith('.xml')) expect(XMLValidator.validate(body.toString('utf8')), name).toBe(true)
    const root = o.xml('OFD.xml')
    expect(textOf((root.OFD as Node).DocBody ? (((root.OFD as Node).DocBody as Node).DocRoot as Node) : undefined)).toBe('Doc_0/Document.xml')
    const doc = o.xml('Doc_0/Document.xml')
    const common = (doc.Document as Node).CommonData as Node
    o.xml(`Doc_0/${textOf(common.PublicRes as Node)}`)
    o.xml(`Doc_0/${textOf(common.DocumentRes as Node)}`)
    // the font file under the resources' BaseLoc
    const res = o.xml('Doc_0/PublicRes.xml').Res as Node
    const fontFiles = all(res, 'FontFile').map(textOf)
    expect(fontFiles).toHaveLength(1)
    expect(o.files.has(`Doc_0/${String(res['@BaseLoc'])}/${fontFiles[0]}`)).toBe(true)
    // every text names that font
    const fontId = String(all(res, 'Font')[0]!['@ID'])
    for (const p of all(doc, 'Page')) for (const t of all(o.xml(`Doc_0/${String(p['@BaseLoc'])}`), 'TextObject')) expect(String(t['@Font'])).toBe(fontId)
    // attachments and tags
    const attach = all(o.xml(`Doc_0/${textOf((doc.Document as Node).Attachments as Node)}`), 'Attachment')
    expect(attach.map((a) => a['@Name'])).toEqual(['original_invoice'])
    expect(o.files.has(`Doc_0/Attachs/${textOf(attach[0]!.FileLoc as Node)}`)).toBe(true)
    const tags = all(o.xml(`Doc_0/${textOf((doc.Document as Node).CustomTags as Node)}`), 'CustomTag')
    expect(o.files.has(`Doc_0/Tags/${textOf(tags[0]!.FileLoc as Node)}`)).toBe(true)
    // IDs unique across the document, and MaxUnitID covers them
    const ids = [fontId, ...o.pageIds, ...o.objectIds, ...attach.map((a) => String(a['@ID']))]
    expect(new Set(ids).size).toBe(ids.length)
    expect(Number(textOf(common.MaxUnitID as Node))).toBeGreaterThanOrEqual(Math.max(...ids.map(Number)))
  })

  it('the data tags point at the objects showing 发票号码, 开票日期, the parties and the totals', async () => {
    const inv = set.blue
    const o = await open(inv)
    expect(tagged(o, 'InvoiceNo')).toBe(inv.number)
    expect(tagged(o, 'IssueDate')).toBe(`${inv.issuedAt.slice(0, 4)}年${inv.issuedAt.slice(5, 7)}月${inv.issuedAt.slice(8, 10)}日`)
    expect(tagged(o, 'Buyer/BuyerName')).toBe(inv.buyer.name)
    expect(tagged(o, 'Buyer/BuyerTaxID')).toBe(inv.buyer.taxId)
    expect(tagged(o, 'Seller/SellerName')).toBe(inv.seller.name)
    expect(tagged(o, 'Seller/SellerTaxID')).toBe(inv.seller.taxId)
    expect(tagged(o, 'TaxExclusiveTotalAmount')).toBe(`¥${inv.amount}`)
    expect(tagged(o, 'TaxTotalAmount')).toBe(`¥${inv.tax}`)
    expect(tagged(o, 'TaxInclusiveTotalAmount')).toBe(`¥${inv.total}`)
    expect(tagged(o, 'InvoiceClerk')).toBe(inv.drawer)
    expect(tagged(o, 'GoodsInfos/Item')).toContain(inv.draft.lines[0]!.name)
    // and OFD.xml's DocInfo says the same
    const custom = all(o.xml('OFD.xml'), 'CustomData')
    expect(custom.find((c) => c['@Name'] === '发票号码')?.['#text']).toBe(inv.number)
    expect(custom.find((c) => c['@Name'] === '价税合计')?.['#text']).toBe(inv.total)
  })

  it('a long invoice continues on further pages; the header tags name the first page, the rows every page', async () => {
    const o = await open(set.many)
    expect(o.pageIds.length).toBeGreaterThan(1)
    const refs = all(o.xml('Doc_0/Tags/CustomTag.xml'), 'Item').flatMap((n) => all({ n }, 'ObjectRef'))
    expect(new Set(refs.map((r) => r['@PageRef'])).size).toBe(o.pageIds.length)
    expect(all(all(o.xml('Doc_0/Tags/CustomTag.xml'), 'InvoiceNo'), 'ObjectRef')).toHaveLength(1)
    expect(tagged(o, 'TaxInclusiveTotalAmount')).toBe(`¥${set.many.total}`)
  })

  it('attaches the invoice XML byte for byte, and it reads back to the invoice', async () => {
    for (const inv of [set.blue, set.red]) {
      const o = await open(inv)
      const attached = o.files.get('Doc_0/Attachs/original_invoice.xml')!
      expect(attached.equals(await renderXml(inv, OPTS))).toBe(true)
      expect(parseInvoiceXml(attached)).toEqual(invoiceXmlData(inv))
    }
  })

  it('embeds a subset of the shipped font whose glyphs are the ones each text names', async () => {
    const o = await open(set.marked)
    const fontName = [...o.files.keys()].find((k) => k.startsWith('Doc_0/Res/font_'))!
    const bytes = o.files.get(fontName)!
    const whole = fs.statSync(path.join(OPTS.fontsDir, INVOICE_FONT_FILE)).size
    expect(bytes.length).toBeLessThan(whole / 20)
    const font = fontkit.create(bytes) as fontkit.Font
    const content = o.xml('Doc_0/Pages/Page_0/Content.xml')
    const objects = all(content, 'TextObject')
    expect(objects.length).toBeGreaterThan(20)
    for (const t of objects) {
      const text = textOf(t.TextCode as Node)
      const glyphs = textOf((t.CGTransform as Node).Glyphs as Node)
        .split(' ')
        .map(Number)
      const chars = [...text]
      expect(glyphs).toHaveLength(chars.length)
      // the subset's own character map agrees with the glyph indices the page names
      chars.forEach((ch, i) => expect(font.glyphForCodePoint(ch.codePointAt(0)!).id, `${text}[${i}]`).toBe(glyphs[i]))
      expect(
        glyphs.every((g) => g > 0 && g < font.numGlyphs),
        text,
      ).toBe(true)
      if (chars.length > 1) expect(String((t.TextCode as Node)['@DeltaX']).split(' ')).toHaveLength(chars.length - 1)
    }
  })

  it('draws the QR so that a QR reader (jsQR, not our encoder) decodes the invoice payload', async () => {
    const o = await open(set.blue)
    const paths = all(o.xml('Doc_0/Pages/Page_0/Content.xml'), 'PathObject').filter((p) => p['@Fill'] === 'true')
    expect(paths).toHaveLength(1)
    const qr = paths[0]!
    const [, , w, h] = String(qr['@Boundary']).split(' ').map(Number)
    // paint the path's rectangles (M x0 y0 L x1 y0 L x1 y1 L x0 y1 C) on a white bitmap, 8 px per mm
    const scale = 8
    const size = Math.ceil(w! * scale)
    expect(Math.ceil(h! * scale)).toBe(size)
    const rgba = new Uint8ClampedArray(size * size * 4).fill(255)
    const nums = textOf(qr.AbbreviatedData as Node)
      .match(/-?[\d.]+/g)!
      .map(Number)
    for (let i = 0; i < nums.length; i += 8) {
      const [x0, y0, x1, , , y1] = nums.slice(i, i + 8)
      for (let y = Math.round(y0! * scale); y < Math.round(y1! * scale); y++)
        for (let x = Math.round(x0! * scale); x < Math.round(x1! * scale); x++) rgba.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3)
    }
    expect(jsQR(rgba, size, size)?.data).toBe(set.blue.qr)
  })

  it('escapes markup characters in the page text and the tags still read them', async () => {
    const o = await open(set.marked)
    const page = o.files.get('Doc_0/Pages/Page_0/Content.xml')!.toString('utf8')
    expect(page).not.toContain('<测试>')
    expect(tagged(o, 'Buyer/BuyerName')).toBe(MARKED.buyer)
  })

  it('the same invoice makes the same bytes', async () => {
    expect((await renderOfd(set.red, OPTS)).equals(await renderOfd(set.red, OPTS))).toBe(true)
  })

  it('a provisional copy has no number, no data file and no tags', async () => {
    const o = await open(set.blue, true)
    const texts = [...o.texts.values()].flatMap((m) => [...m.values()])
    expect(texts).not.toContain(set.blue.number)
    expect(texts.join('')).toContain('非正式发票')
    expect([...o.files.keys()].some((k) => k.includes('Attachs') || k.includes('Tags'))).toBe(false)
  })

  it('an invoice without a number (a draft drawn offline) is drawn as a provisional copy', async () => {
    const files = await unzip(await renderOfd({ ...set.blue, number: '', qr: '' }, OPTS))
    expect([...files.keys()].some((k) => k.includes('Attachs') || k.includes('Tags'))).toBe(false)
    expect(files.get('Doc_0/Pages/Page_0/Content.xml')!.toString('utf8')).toContain('非正式发票')
  })

  it('squeezes a text wider than the room the layout gave it (HScale and advances), aligned as the layout says', () => {
    const text = '一段比格子更宽的文字'
    const font = new OfdFont(OPTS.fontsDir, text)
    const natural = font.run(text, 3).width
    const page = {
      widthMm: 210,
      heightMm: 140,
      pageNo: 1,
      pageCount: 1,
      items: [{ type: 'text' as const, text, x: 100, y: 50, size: 3, role: 'value' as const, align: 'right' as const, colour: '#000000', maxWidth: natural / 2 }],
    }
    const xml = pageContent(page, new Ids(), 2, 1, font, new Map()).xml
    const t = all(parser.parse(xml), 'TextObject')[0]!
    expect(Number(t['@HScale'])).toBeCloseTo(0.5, 2)
    const [x, , w] = String(t['@Boundary']).split(' ').map(Number)
    expect(w).toBeCloseTo(natural / 2, 2)
    expect(x! + w!).toBeCloseTo(100, 2)
    const deltas = String((t.TextCode as Node)['@DeltaX'])
      .split(' ')
      .map(Number)
    expect(deltas.reduce((a, b) => a + b, 0)).toBeCloseTo(((natural / 2) * (text.length - 1)) / text.length, 1)
  })

  it('refuses with a Chinese message when the font is missing', async () => {
    await expect(renderOfd(set.blue, { fontsDir: '/nonexistent' })).rejects.toThrow(/找不到发票字体文件/)
  })
})
