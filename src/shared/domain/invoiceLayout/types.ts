// The invoice as positioned primitives on paper — the one layout of the 数电票 (DOMAIN.md §6) that
// 预览 (SVG), the PDF and the OFD each draw as it stands. Units are millimetres from the page's top
// left corner; a renderer only maps primitives, it decides nothing about where things go.

/**
 * Which face a text is set in. Real invoices print the form's words (labels, the frame) in 宋体 and
 * the filled-in values in 楷体; we ship one font, and a renderer may still tell them apart.
 */
export type FontRole = 'title' | 'label' | 'value'

export type TextAlign = 'left' | 'center' | 'right'

/**
 * What a text shows, for a renderer that must name fields (the OFD invoice's data tags, test ids in
 * the SVG). A wrapped value is several text items with the same tag.
 */
export type FieldTag =
  | 'title'
  | 'number'
  | 'issuedAt'
  | 'buyerName'
  | 'buyerTaxId'
  | 'sellerName'
  | 'sellerTaxId'
  | 'itemName'
  | 'itemSpec'
  | 'itemUnit'
  | 'itemQuantity'
  | 'itemUnitPrice'
  | 'itemAmount'
  | 'itemTaxRate'
  | 'itemTax'
  | 'amount'
  | 'tax'
  | 'totalInWords'
  | 'total'
  | 'remark'
  | 'drawer'
  | 'provisional'
  | 'pageNo'
  /** 特定业务: the label beside the title, the 特定信息 block's captions and values */
  | 'specialKind'
  | 'specialCaption'
  | 'specialValue'

export interface TextItem {
  type: 'text'
  text: string
  /** the anchor: left edge, centre or right edge as `align` says */
  x: number
  /** the baseline */
  y: number
  /** em size in mm (1 pt = 0.3528 mm) */
  size: number
  role: FontRole
  align: TextAlign
  /** '#rrggbb' */
  colour: string
  /** the room the text was fitted to (its cell); a renderer may squeeze a wider real glyph run into it */
  maxWidth: number
  tag?: FieldTag
}

export interface LineItem {
  type: 'line'
  x1: number
  y1: number
  x2: number
  y2: number
  /** stroke width in mm */
  width: number
  colour: string
}

export interface RectItem {
  type: 'rect'
  x: number
  y: number
  w: number
  h: number
  width: number
  colour: string
  dashed?: boolean
}

/** the invoice's QR code, drawn square with its top-left corner at (x, y); quiet zone included */
export interface QrItem {
  type: 'qr'
  x: number
  y: number
  size: number
  payload: string
}

export type LayoutItem = TextItem | LineItem | RectItem | QrItem

/**
 * One printed page. A long invoice (the platform allows up to 2,000 lines, no 销货清单) continues on
 * further pages of the same size, each with the header and both parties, the totals and 备注 on the
 * last: a fixed page size is what printers and the national layout expect, a growing page is not.
 */
export interface InvoicePage {
  widthMm: number
  heightMm: number
  /** from 1 */
  pageNo: number
  pageCount: number
  items: LayoutItem[]
}

export interface LayoutOptions {
  /** not yet issued by the platform: no number and no QR, marked as not official */
  provisional?: boolean
  /**
   * tax code → 简称 for the printed 项目名称 `*简称*名称`; the draft keeps only the code. A code
   * without one prints the plain name.
   */
  shortNames?: Readonly<Record<string, string>>
}
