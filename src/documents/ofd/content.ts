// One page's Content.xml (GB/T 33190 §9–§13), drawing the invoice layout's primitives as they stand:
// text as TextObject with the subset's glyph indices (CGTransform) and per-character advances
// (DeltaX), rules and boxes as PathObject, the QR as one filled PathObject of its dark modules.
// Every object gets a document-unique ID; tagged texts report theirs for the CustomTag.
import QRCode from 'qrcode'
import type { FieldTag, InvoicePage, LayoutItem, QrItem, TextItem } from '../../shared/domain/invoiceLayout'
import { escapeXml } from '../xml/escape'
import type { OfdFont } from './font'

export const OFD_NS = 'http://www.ofdspec.org/2016'
/** the QR's quiet zone in modules, inside the layout's square (as the on-screen preview draws it) */
export const QR_MARGIN = 1

type Rgb = readonly [number, number, number]
/** '#8b0000' → [139, 0, 0] */
export function rgbOf(colour: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim())
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [0, 0, 0]
}

/** numbers as OFD writes them: mm to 3 decimals, no trailing zeros */
export const n = (v: number): string => String(Math.round(v * 1000) / 1000)
const rgb = (c: Rgb) => `${c[0]} ${c[1]} ${c[2]}`

export class Ids {
  private next = 1
  take(): number {
    return this.next++
  }
  get max(): number {
    return this.next - 1
  }
}

export interface PageContent {
  xml: string
  /** tag → the IDs of the text objects carrying it, in drawing order */
  tagged: Map<FieldTag, number[]>
}

function text(item: TextItem, id: number, fontId: number, font: OfdFont): string {
  const run = font.run(item.text, item.size)
  // a run wider than the room it was fitted to is squeezed into it (the layout measured with its own metrics)
  const squeeze = item.maxWidth > 0 && run.width > item.maxWidth ? item.maxWidth / run.width : 1
  const advances = run.advances.map((a) => a * squeeze)
  const width = run.width * squeeze
  const left = item.align === 'right' ? item.x - width : item.align === 'center' ? item.x - width / 2 : item.x
  const chars = run.glyphs.length
  // the boundary holds the whole line: an em above the baseline to 0.3 em below it
  const box = `${n(left)} ${n(item.y - item.size)} ${n(Math.max(width, 0.01))} ${n(item.size * 1.3)}`
  const deltaX = advances.slice(0, -1).map(n).join(' ')
  return (
    `<ofd:TextObject ID="${id}" Boundary="${box}" Font="${fontId}" Size="${n(item.size)}">` +
    `<ofd:FillColor Value="${rgbOf(item.colour).join(' ')}"/>` +
    `<ofd:CGTransform CodePosition="0" CodeCount="${chars}" GlyphCount="${chars}"><ofd:Glyphs>${run.glyphs.join(' ')}</ofd:Glyphs></ofd:CGTransform>` +
    `<ofd:TextCode X="0" Y="${n(item.size)}"${chars > 1 ? ` DeltaX="${deltaX}"` : ''}>${escapeXml(item.text)}</ofd:TextCode>` +
    `</ofd:TextObject>`
  )
}

function path(id: number, box: [number, number, number, number], data: string, opts: { lineWidth: number; stroke?: Rgb; fill?: Rgb; dashed?: boolean }): string {
  const stroke = opts.stroke !== undefined && opts.lineWidth > 0
  const fill = opts.fill !== undefined
  const dash = opts.dashed ? ` DashPattern="${n(opts.lineWidth * 4)} ${n(opts.lineWidth * 3)}"` : ''
  return (
    `<ofd:PathObject ID="${id}" Boundary="${box.map(n).join(' ')}" LineWidth="${n(opts.lineWidth)}" Stroke="${stroke}" Fill="${fill}"${dash}>` +
    // CT_Path: StrokeColor before FillColor
    (stroke ? `<ofd:StrokeColor Value="${rgb(opts.stroke!)}"/>` : '') +
    (fill ? `<ofd:FillColor Value="${rgb(opts.fill!)}"/>` : '') +
    `<ofd:AbbreviatedData>${data}</ofd:AbbreviatedData></ofd:PathObject>`
  )
}

/**
 * The QR's dark modules as one path of horizontal runs (a run per row stretch, not a square per
 * module). Every page of a long invoice repeats the same QR: `drawn` keeps its path data per document.
 */
function qr(item: QrItem, id: number, drawn: Map<string, string>): string {
  const key = `${item.size}|${item.payload}`
  const known = drawn.get(key)
  if (known !== undefined) return path(id, [item.x, item.y, item.size, item.size], known, { lineWidth: 0, fill: [0, 0, 0] })
  const code = QRCode.create(item.payload, { errorCorrectionLevel: 'M' })
  const count = code.modules.size
  const m = item.size / (count + 2 * QR_MARGIN)
  const at = QR_MARGIN * m
  const parts: string[] = []
  for (let row = 0; row < count; row++) {
    let col = 0
    while (col < count) {
      if (!code.modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < count && code.modules.get(row, col)) col++
      const x0 = at + start * m
      const x1 = at + col * m
      const y0 = at + row * m
      const y1 = at + (row + 1) * m
      parts.push(`M ${n(x0)} ${n(y0)} L ${n(x1)} ${n(y0)} L ${n(x1)} ${n(y1)} L ${n(x0)} ${n(y1)} C`)
    }
  }
  drawn.set(key, parts.join(' '))
  return path(id, [item.x, item.y, item.size, item.size], drawn.get(key)!, { lineWidth: 0, fill: [0, 0, 0] })
}

export function pageContent(page: InvoicePage, ids: Ids, layerId: number, fontId: number, font: OfdFont, qrDrawn: Map<string, string>): PageContent {
  const tagged = new Map<FieldTag, number[]>()
  const objects: string[] = []
  for (const item of page.items as LayoutItem[]) {
    if (item.type === 'text' && item.text === '') continue
    const id = ids.take()
    switch (item.type) {
      case 'text':
        objects.push(text(item, id, fontId, font))
        if (item.tag) tagged.set(item.tag, [...(tagged.get(item.tag) ?? []), id])
        break
      case 'line': {
        // the boundary clips: pad it by the stroke width so a horizontal rule keeps its thickness
        const pad = item.width
        const x = Math.min(item.x1, item.x2) - pad
        const y = Math.min(item.y1, item.y2) - pad
        const box: [number, number, number, number] = [x, y, Math.abs(item.x2 - item.x1) + 2 * pad, Math.abs(item.y2 - item.y1) + 2 * pad]
        const data = `M ${n(item.x1 - x)} ${n(item.y1 - y)} L ${n(item.x2 - x)} ${n(item.y2 - y)}`
        objects.push(path(id, box, data, { lineWidth: item.width, stroke: rgbOf(item.colour) }))
        break
      }
      case 'rect': {
        const pad = item.width
        const [x0, y0, x1, y1] = [pad, pad, pad + item.w, pad + item.h].map(n)
        objects.push(
          path(id, [item.x - pad, item.y - pad, item.w + 2 * pad, item.h + 2 * pad], `M ${x0} ${y0} L ${x1} ${y0} L ${x1} ${y1} L ${x0} ${y1} C`, {
            lineWidth: item.width,
            stroke: rgbOf(item.colour),
            dashed: item.dashed,
          }),
        )
        break
      }
      case 'qr':
        objects.push(qr(item, id, qrDrawn))
        break
    }
  }
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="${OFD_NS}">` +
    `<ofd:Area><ofd:PhysicalBox>0 0 ${n(page.widthMm)} ${n(page.heightMm)}</ofd:PhysicalBox></ofd:Area>` +
    `<ofd:Content><ofd:Layer ID="${layerId}">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`
  return { xml, tagged }
}
