// The invoice as PDF: pdfkit drawing the shared layout (shared/domain/invoiceLayout) page by page,
// in the shipped font — embedded by pdfkit as a subset with a ToUnicode map, so pdftotext and
// every reader's search find the text — and the QR as vector squares. One invoice per file for
// 交付, or several in one file for 打印.
import type * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { INVOICE_KINDS } from '../shared/domain/invoice'
import { layoutInvoice, type InvoicePage, type LayoutItem, type QrItem, type TextItem } from '../shared/domain/invoiceLayout'
import type { PlatformInvoice } from '../shared/platform/wire'
import { invoiceFont } from './font'
import type { RenderOptions } from './renderOptions'

/** points per millimetre */
const PT = 72 / 25.4

export interface PdfEntry {
  invoice: PlatformInvoice
  provisional?: boolean
  shortNames?: Readonly<Record<string, string>>
}

export function renderPdf(invoice: PlatformInvoice, opts: RenderOptions): Promise<Buffer> {
  const title = opts.provisional ? `${invoice.buyer.name} 发票（未上传平台）` : invoice.number
  return renderPdfDocument([{ invoice, provisional: opts.provisional, shortNames: opts.shortNames }], { fontsDir: opts.fontsDir, title }).then((d) => d.bytes)
}

/** several invoices in one PDF, each on its own page(s), in the order given (打印) */
export function renderPdfDocument(entries: readonly PdfEntry[], opts: { fontsDir: string; title: string }): Promise<{ bytes: Buffer; pages: number }> {
  const first = entries[0]?.invoice
  const doc = new PDFDocument({
    // the invoice font as the document's default: pdfkit opens no built-in font (its AFM parse) at all.
    // pdfkit takes a parsed fontkit font as well as a name or bytes (PDFFontFactory.open); its typing lists names only
    font: unshaped(invoiceFont(opts.fontsDir)) as unknown as string,
    autoFirstPage: false,
    margin: 0,
    compress: true,
    displayTitle: true,
    lang: 'zh-CN',
    info: {
      Title: opts.title,
      Subject: entries.length === 1 && first ? (INVOICE_KINDS.find((k) => k.code === first.kind)?.name ?? '电子发票') : `电子发票 ${entries.length} 张`,
      Author: entries.length === 1 && first ? first.seller.name : '',
      Creator: '票税通',
      Producer: '票税通',
      // the invoice's own time, so the same invoice gives the same file
      CreationDate: first ? new Date(first.issuedAt) : new Date(0),
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  let pages = 0
  const done = new Promise<{ bytes: Buffer; pages: number }>((resolve, reject) => {
    doc.on('end', () => resolve({ bytes: Buffer.concat(chunks), pages }))
    doc.on('error', reject)
  })
  for (const e of entries)
    for (const page of layoutInvoice(e.invoice, { provisional: e.provisional, shortNames: e.shortNames })) {
      drawPage(doc, page)
      pages++
    }
  doc.end()
  return done
}

const unshapedFonts = new WeakMap<fontkit.Font, fontkit.Font>()

/**
 * The font with fontkit's shaping (GSUB/GPOS over every new string, the bulk of a PDF's time) left
 * out: each character is its glyph from the cmap at its advance width. Invoice text — Chinese,
 * digits, Latin codes — needs no ligatures or contextual forms, and the layout measured these same
 * advances, so the printed widths are the ones it fitted.
 */
function unshaped(font: fontkit.Font): fontkit.Font {
  let plain = unshapedFonts.get(font)
  if (!plain) {
    plain = Object.create(font, {
      layout: {
        value(text: string) {
          const glyphs = [...text].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!))
          // fresh positions each time: pdfkit scales them in place
          const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }))
          return {
            glyphs,
            positions,
            get advanceWidth() {
              return positions.reduce((w, p) => w + p.xAdvance, 0)
            },
          }
        },
      },
    }) as fontkit.Font
    unshapedFonts.set(font, plain)
  }
  return plain
}

function drawPage(doc: PDFKit.PDFDocument, page: InvoicePage): void {
  doc.addPage({ size: [page.widthMm * PT, page.heightMm * PT], margin: 0 })
  for (const item of page.items) drawItem(doc, item)
}

function drawItem(doc: PDFKit.PDFDocument, item: LayoutItem): void {
  switch (item.type) {
    case 'text':
      return drawText(doc, item)
    case 'line':
      doc
        .moveTo(item.x1 * PT, item.y1 * PT)
        .lineTo(item.x2 * PT, item.y2 * PT)
        .lineWidth(item.width * PT)
        .stroke(item.colour)
      return
    case 'rect':
      if (item.dashed) doc.dash(1 * PT, { space: 0.8 * PT })
      doc
        .rect(item.x * PT, item.y * PT, item.w * PT, item.h * PT)
        .lineWidth(item.width * PT)
        .stroke(item.colour)
      if (item.dashed) doc.undash()
      return
    case 'qr':
      return drawQr(doc, item)
  }
}

function drawText(doc: PDFKit.PDFDocument, t: TextItem): void {
  if (t.text === '') return
  doc.fontSize(t.size * PT).fillColor(t.colour)
  const width = doc.widthOfString(t.text)
  const room = t.maxWidth * PT
  // the layout measured with the font's own widths; should a glyph run still be wider, squeeze it
  const scale = width > room + 0.01 ? Math.floor((room / width) * 1000) / 10 : 100
  const drawn = (width * scale) / 100
  const x = t.align === 'left' ? t.x * PT : t.align === 'right' ? t.x * PT - drawn : t.x * PT - drawn / 2
  // pdfkit applies horizontalScaling (Tz) though its typing lacks it
  const options: PDFKit.Mixins.TextOptions & { horizontalScaling: number } = { lineBreak: false, baseline: 'alphabetic', horizontalScaling: scale }
  doc.text(t.text, x, t.y * PT, options)
}

/** dark modules as squares, a run of them in a row as one rectangle (no seams between them) */
function drawQr(doc: PDFKit.PDFDocument, q: QrItem): void {
  const { modules } = QRCode.create(q.payload, { errorCorrectionLevel: 'M' })
  const quiet = 1
  const m = (q.size / (modules.size + 2 * quiet)) * PT
  const x0 = q.x * PT + quiet * m
  const y0 = q.y * PT + quiet * m
  for (let r = 0; r < modules.size; r++) {
    let c = 0
    while (c < modules.size) {
      if (!modules.get(r, c)) {
        c++
        continue
      }
      const start = c
      while (c < modules.size && modules.get(r, c)) c++
      doc.rect(x0 + start * m, y0 + r * m, (c - start) * m, m)
    }
  }
  doc.fill('#000000')
}
