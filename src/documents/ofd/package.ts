// The OFD package (GB/T 33190-2016): a zip of XML parts —
//   OFD.xml                      entry: DocInfo and the document's root
//   Doc_0/Document.xml           page size, resources, pages, attachments, custom tags
//   Doc_0/PublicRes.xml          the embedded font (Res/font_N.*, a per-document subset)
//   Doc_0/DocumentRes.xml        (document resources: none besides the font today)
//   Doc_0/Pages/Page_N/Content.xml
//   Doc_0/Attachs/Attachments.xml + the invoice's XML data file (as national OFD invoices attach it)
//   Doc_0/Tags/CustomTags.xml + CustomTag.xml: the invoice's fields, each pointing at the page
//                                object showing it (InvoiceNo, IssueDate, Buyer/BuyerName …)
import type { FieldTag, InvoicePage } from '../../shared/domain/invoiceLayout'
import { escapeXml } from '../xml/escape'
import { Ids, n, OFD_NS, pageContent } from './content'
import { INVOICE_FONT_FAMILY } from '../font'
import { OfdFont } from './font'
import { zipSync } from '../zip'

export interface OfdDocumentInput {
  pages: InvoicePage[]
  /** the folder of the shipped font */
  fontsDir: string
  /** OFD.xml DocInfo */
  docId: string
  title: string
  /** ISO date of creation */
  creationDate: string
  /** the invoice's data file, attached as national OFD invoices attach it (Doc_0/Attachs) */
  attachment?: { name: string; fileName: string; xml: string }
  /** CustomData in DocInfo (发票号码, 开票日期 …) */
  customData?: [string, string][]
  /**
   * the CustomTag.xml tree: element path ('Buyer/BuyerName') → the layout's field tag. `once`: the
   * field repeats on every page (the header), so only the first page's objects are named.
   */
  customTags?: { path: string; tag: FieldTag; once?: boolean }[]
}

type Ref = { page: number; id: number }

/** characters in nearly every invoice's values (numbers, amounts, dates): the font's leading glyphs with the labels */
const LEADING = '0123456789.¥%年月日'
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'

export interface OfdParts {
  /** path in the zip → content */
  files: Map<string, string | Uint8Array>
  /** path in the zip → its content deflated already (the font) */
  deflated: Map<string, Buffer>
}

function customTagXml(input: OfdDocumentInput, tagged: Map<FieldTag, Ref[][]>): string {
  // nested elements by path: 'Buyer/BuyerName' → <ofd:Buyer><ofd:BuyerName>…
  interface Node {
    name: string
    children: Node[]
    refs: Ref[]
  }
  const root: Node = { name: 'root', children: [], refs: [] }
  for (const { path, tag, once } of input.customTags ?? []) {
    const perPage = tagged.get(tag)
    if (!perPage) continue
    const hits = once ? perPage[0]! : perPage.flat()
    let node = root
    for (const part of path.split('/')) {
      let next = node.children.find((c) => c.name === part)
      if (!next) {
        next = { name: part, children: [], refs: [] }
        node.children.push(next)
      }
      node = next
    }
    node.refs.push(...hits)
  }
  const write = (node: Node): string =>
    `<ofd:${node.name}>` + node.refs.map((r) => `<ofd:ObjectRef PageRef="${r.page}">${r.id}</ofd:ObjectRef>`).join('') + node.children.map(write).join('') + `</ofd:${node.name}>`
  return `${HEAD}<ofd:root xmlns:ofd="${OFD_NS}">${root.children.map(write).join('')}</ofd:root>`
}

export function ofdParts(input: OfdDocumentInput): OfdParts {
  const files = new Map<string, string | Uint8Array>()
  const texts = input.pages.flatMap((p) => p.items.filter((i) => i.type === 'text'))
  // the labels (and the digits nearly every value has) lead the font: the same for every invoice of a kind
  const leading = `${LEADING}${texts.map((t) => (t.role === 'value' ? '' : t.text)).join('')}`
  const font = new OfdFont(input.fontsDir, texts.map((t) => t.text).join(''), leading)
  const ids = new Ids()
  const fontId = ids.take()
  const pageIds = input.pages.map(() => ids.take())
  /** tag → per page (in page order) the objects showing it */
  const tagged = new Map<FieldTag, Ref[][]>()
  const qrDrawn = new Map<string, string>()
  input.pages.forEach((page, i) => {
    const content = pageContent(page, ids, ids.take(), fontId, font, qrDrawn)
    files.set(`Doc_0/Pages/Page_${i}/Content.xml`, content.xml)
    for (const [tag, objectIds] of content.tagged) {
      const refs = objectIds.map((id) => ({ page: pageIds[i]!, id }))
      tagged.set(tag, [...(tagged.get(tag) ?? []), refs])
    }
  })
  const attachmentId = input.attachment ? ids.take() : 0
  const first = input.pages[0]!
  const fontFile = `font_${fontId}.ttf`
  files.set(`Doc_0/Res/${fontFile}`, font.bytes)
  const deflated = new Map([[`Doc_0/Res/${fontFile}`, font.deflated()]])

  files.set(
    'OFD.xml',
    `${HEAD}<ofd:OFD xmlns:ofd="${OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>` +
      // in the order GB/T 33190 §7.4 fixes: DocID, Title, …, CreationDate, …, Creator, …, CustomDatas
      `<ofd:DocID>${escapeXml(input.docId)}</ofd:DocID><ofd:Title>${escapeXml(input.title)}</ofd:Title>` +
      `<ofd:CreationDate>${input.creationDate.slice(0, 10)}</ofd:CreationDate><ofd:Creator>票税通</ofd:Creator>` +
      (input.customData?.length
        ? `<ofd:CustomDatas>${input.customData.map(([k, v]) => `<ofd:CustomData Name="${escapeXml(k)}">${escapeXml(v)}</ofd:CustomData>`).join('')}</ofd:CustomDatas>`
        : '') +
      `</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  )
  files.set(
    'Doc_0/Document.xml',
    `${HEAD}<ofd:Document xmlns:ofd="${OFD_NS}"><ofd:CommonData><ofd:MaxUnitID>${ids.max}</ofd:MaxUnitID>` +
      `<ofd:PageArea><ofd:PhysicalBox>0 0 ${n(first.widthMm)} ${n(first.heightMm)}</ofd:PhysicalBox></ofd:PageArea>` +
      `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>` +
      `<ofd:Pages>${pageIds.map((id, i) => `<ofd:Page ID="${id}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')}</ofd:Pages>` +
      (input.attachment ? '<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>' : '') +
      (input.customTags?.length ? '<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>' : '') +
      `</ofd:Document>`,
  )
  files.set(
    'Doc_0/PublicRes.xml',
    `${HEAD}<ofd:Res xmlns:ofd="${OFD_NS}" BaseLoc="Res"><ofd:Fonts>` +
      `<ofd:Font ID="${fontId}" FontName="${INVOICE_FONT_FAMILY}" FamilyName="${INVOICE_FONT_FAMILY}"><ofd:FontFile>${fontFile}</ofd:FontFile></ofd:Font>` +
      `</ofd:Fonts></ofd:Res>`,
  )
  files.set('Doc_0/DocumentRes.xml', `${HEAD}<ofd:Res xmlns:ofd="${OFD_NS}" BaseLoc="Res"/>`)

  if (input.attachment) {
    const a = input.attachment
    const bytes = Buffer.byteLength(a.xml, 'utf8')
    files.set(`Doc_0/Attachs/${a.fileName}`, a.xml)
    files.set(
      'Doc_0/Attachs/Attachments.xml',
      `${HEAD}<ofd:Attachments xmlns:ofd="${OFD_NS}"><ofd:Attachment ID="${attachmentId}" Name="${escapeXml(a.name)}" Format="xml" ` +
        `CreationDate="${input.creationDate.slice(0, 19)}" Size="${n(bytes / 1024)}" Visible="false"><ofd:FileLoc>${escapeXml(a.fileName)}</ofd:FileLoc></ofd:Attachment></ofd:Attachments>`,
    )
  }
  if (input.customTags?.length) {
    files.set(
      'Doc_0/Tags/CustomTags.xml',
      `${HEAD}<ofd:CustomTags xmlns:ofd="${OFD_NS}"><ofd:CustomTag TypeID="0"><ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>`,
    )
    files.set('Doc_0/Tags/CustomTag.xml', customTagXml(input, tagged))
  }
  return { files, deflated }
}

export function zipParts(parts: OfdParts): Buffer {
  // OFD.xml first, as readers that sniff the entry expect
  const names = [...parts.files.keys()].sort((a, b) => (a === 'OFD.xml' ? -1 : b === 'OFD.xml' ? 1 : a.localeCompare(b)))
  return zipSync(
    names.map((name) => {
      const content = parts.files.get(name)!
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength)
      return { name, content: bytes, deflated: parts.deflated.get(name) }
    }),
  )
}
