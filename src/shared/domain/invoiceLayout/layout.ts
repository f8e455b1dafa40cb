// layoutInvoice: the national 数电票 layout (DOMAIN.md §6) of a platform invoice as pages of
// positioned primitives (types.ts). Title by 票种, QR top left, 发票号码 and 开票日期 top right, the
// two parties side by side, the item rows (`*简称*名称`, 折扣行 included, long names wrapped in their
// cell), a 特定业务's label beside the title and its 特定信息 block after the rows (special.ts), 合计,
// 价税合计 in words and figures, 备注, 开票人. Rows that do not fit continue on further pages; the
// totals and 备注 are printed on the last.
import { INVOICE_KINDS, invoiceRows, type InvoiceRow } from '../invoice'
import { rateLabelOf } from '../rates'
import type { PlatformInvoice } from '../../platform/wire'
import { formatDate } from '../../timeText'
import { type BodyBlock, drawBody, paginate } from './body'
import { line, RULE, text } from './draw'
import { COLOUR, FOOTER, FRAME, HEADER, PAGE, PARTIES, REMARK, TABLE, TOTALS } from './geometry'
import { fitLine, fitText, textWidth, wrapText } from './metrics'
import { remarkText } from './remark'
import { specialBlocks, specialLabel } from './special'
import type { FieldTag, InvoicePage, LayoutItem, LayoutOptions } from './types'

const FRAME_RULE = 0.35

/** '2026年12月03日' in Shanghai */
function dateText(issuedAt: string): string {
  const d = formatDate(issuedAt)
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日` : d
}

/** lines of a block, centred vertically between top and bottom; returns their baselines */
function baselines(count: number, size: number, lineHeight: number, top: number, bottom: number): number[] {
  const height = size + (count - 1) * lineHeight
  const first = top + (bottom - top - height) / 2 + size * 0.8
  return Array.from({ length: count }, (_, i) => first + i * lineHeight)
}

/** a label read top to bottom, one character under another, centred in its column */
function verticalLabel(label: string, left: number, width: number, top: number, bottom: number, size: number): LayoutItem[] {
  const chars = [...label]
  const step = Math.min(size * 1.5, (bottom - top - 2) / chars.length)
  return baselines(chars.length, size, step, top, bottom).map((y, i) => text(chars[i]!, left + width / 2, y, size, { role: 'label', align: 'center' }))
}

function header(inv: PlatformInvoice, page: number, pages: number, provisional: boolean): LayoutItem[] {
  const items: LayoutItem[] = []
  const title = INVOICE_KINDS.find((k) => k.code === inv.kind)?.name ?? '电子发票'
  const mid = PAGE.width / 2
  items.push(text(title, mid, HEADER.title.y, HEADER.title.size, { role: 'title', align: 'center', tag: 'title' }))
  const r = HEADER.titleRule
  items.push(line(mid - r.half, r.y1, mid + r.half, r.y1, 0.3), line(mid - r.half, r.y2, mid + r.half, r.y2, 0.3))
  items.push(...specialLabel(inv))

  const q = HEADER.qr
  if (provisional || inv.qr === '') {
    items.push({ type: 'rect', x: q.x, y: q.y, w: q.size, h: q.size, width: RULE, colour: COLOUR.form, dashed: true })
    items.push(text('无二维码', q.x + q.size / 2, q.y + q.size / 2 + 1, 2.6, { role: 'label', align: 'center' }))
  } else {
    items.push({ type: 'qr', x: q.x, y: q.y, size: q.size, payload: inv.qr })
  }

  const s = HEADER.metaSize
  const valueWidth = FRAME.right - HEADER.metaValueX
  items.push(text('发票号码：', HEADER.metaLabelX, HEADER.numberY, s, { role: 'label' }))
  if (!provisional) items.push(text(inv.number, HEADER.metaValueX, HEADER.numberY, s, { maxWidth: valueWidth, tag: 'number' }))
  items.push(text('开票日期：', HEADER.metaLabelX, HEADER.dateY, s, { role: 'label' }))
  items.push(text(dateText(inv.issuedAt), HEADER.metaValueX, HEADER.dateY, s, { maxWidth: valueWidth, tag: 'issuedAt' }))
  if (pages > 1) items.push(text(`共${pages}页 第${page}页`, HEADER.metaLabelX, HEADER.pageY, 2.6, { role: 'label', tag: 'pageNo' }))
  if (provisional) {
    const p = HEADER.provisional
    items.push(text('未上传平台 非正式发票', mid, p.y, p.size, { role: 'label', align: 'center', colour: COLOUR.mark, tag: 'provisional' }))
  }
  return items
}

function party(side: 'buyer' | 'seller', name: string, taxId: string, left: number, right: number): LayoutItem[] {
  const P = PARTIES
  const items = verticalLabel(side === 'buyer' ? '购买方信息' : '销售方信息', left, P.labelColumn, P.top, P.bottom, P.labelSize)
  items.push(line(left + P.labelColumn, P.top, left + P.labelColumn, P.bottom))
  const x0 = left + P.labelColumn + 2
  const nameLabel = '名称：'
  items.push(text(nameLabel, x0, P.nameLabelY, P.labelSize, { role: 'label' }))
  const vx = x0 + textWidth(nameLabel, P.labelSize) + 0.5
  const room = right - 2 - vx
  const fitted = fitText(name, room, P.size, 2.0, 3)
  const ys = fitted.lines.length === 1 ? [P.nameLabelY] : baselines(fitted.lines.length, fitted.size, fitted.size * 1.2, P.nameTop, P.nameBottom)
  fitted.lines.forEach((l, i) => items.push(text(l, vx, ys[i]!, fitted.size, { maxWidth: room, tag: side === 'buyer' ? 'buyerName' : 'sellerName' })))
  const idLabel = '统一社会信用代码/纳税人识别号：'
  items.push(text(idLabel, x0, P.taxIdY, P.labelSize, { role: 'label' }))
  const ix = x0 + textWidth(idLabel, P.labelSize) + 0.5
  const id = fitLine(taxId, right - 2 - ix, P.size, 2.0)
  items.push(text(id.lines[0]!, ix, P.taxIdY, id.size, { maxWidth: right - 2 - ix, tag: side === 'buyer' ? 'buyerTaxId' : 'sellerTaxId' }))
  return items
}

type ColumnKey = (typeof TABLE.columns)[number]['key']
const CELL_TAG: Record<ColumnKey, FieldTag> = {
  name: 'itemName',
  spec: 'itemSpec',
  unit: 'itemUnit',
  quantity: 'itemQuantity',
  unitPrice: 'itemUnitPrice',
  amount: 'itemAmount',
  taxRate: 'itemTaxRate',
  tax: 'itemTax',
}
/** columns whose text wraps; figures shrink onto one line instead */
const WRAPPING: readonly ColumnKey[] = ['name', 'spec', 'unit']

function rateText(r: InvoiceRow): string {
  const label = rateLabelOf(r.taxRate, r.policy)
  if (label) return label
  const n = Number(r.taxRate)
  return Number.isFinite(n) ? `${Math.round(n * 10000) / 100}%` : r.taxRate
}

function cellValues(r: InvoiceRow, shortNames: Readonly<Record<string, string>>): Record<ColumnKey, string> {
  const short = shortNames[r.taxCode]
  return {
    name: short ? `*${short}*${r.name}` : r.name,
    spec: r.spec,
    unit: r.unit,
    quantity: r.quantity ?? '',
    unitPrice: r.unitPrice ?? '',
    amount: r.amount,
    taxRate: rateText(r),
    tax: r.tax,
  }
}

/** a row's cells fitted to their columns, and its height */
interface RowBlock {
  cells: { key: ColumnKey; lines: string[]; size: number }[]
  height: number
}

function rowBlock(r: InvoiceRow, shortNames: Readonly<Record<string, string>>): RowBlock {
  const values = cellValues(r, shortNames)
  const rowsRoom = TABLE.rowsBottom - TABLE.rowsTop
  const maxLines = Math.floor(rowsRoom / TABLE.lineHeight)
  const cells = TABLE.columns.map((c) => {
    const width = c.right - c.left - 2 * TABLE.padding
    const f = WRAPPING.includes(c.key) ? fitText(values[c.key], width, TABLE.size, TABLE.size, maxLines) : fitLine(values[c.key], width, TABLE.size, TABLE.minSize)
    return { key: c.key, lines: values[c.key] === '' ? [] : f.lines, size: f.size }
  })
  const height = Math.max(1, ...cells.map((c) => c.lines.length)) * TABLE.lineHeight
  return { cells, height }
}

function rowItems(block: RowBlock, top: number): LayoutItem[] {
  const items: LayoutItem[] = []
  for (const cell of block.cells) {
    const c = TABLE.columns.find((col) => col.key === cell.key)!
    const x = c.align === 'left' ? c.left + TABLE.padding : c.align === 'right' ? c.right - TABLE.padding : (c.left + c.right) / 2
    cell.lines.forEach((l, i) =>
      items.push(
        text(l, x, top + TABLE.size * 0.8 + 0.3 + i * TABLE.lineHeight, cell.size, { align: c.align, maxWidth: c.right - c.left - 2 * TABLE.padding, tag: CELL_TAG[cell.key] }),
      ),
    )
  }
  return items
}

function frame(): LayoutItem[] {
  const items: LayoutItem[] = [{ type: 'rect', x: FRAME.left, y: FRAME.top, w: FRAME.right - FRAME.left, h: FRAME.bottom - FRAME.top, width: FRAME_RULE, colour: COLOUR.form }]
  items.push(line(FRAME.left, PARTIES.bottom, FRAME.right, PARTIES.bottom), line(PARTIES.mid, PARTIES.top, PARTIES.mid, PARTIES.bottom))
  items.push(line(FRAME.left, TOTALS.sumBottom, FRAME.right, TOTALS.sumBottom), line(FRAME.left, TOTALS.grandBottom, FRAME.right, TOTALS.grandBottom))
  for (const c of TABLE.columns) items.push(text(c.title, (c.left + c.right) / 2, TABLE.headerY, TABLE.headerSize, { role: 'label', align: 'center' }))
  items.push(text('合　　计', (TABLE.columns[0].left + TABLE.columns[0].right) / 2, TOTALS.sumY, TOTALS.size, { role: 'label', align: 'center' }))
  items.push(text('价税合计（大写）', TOTALS.wordsLabelX, TOTALS.grandY, TOTALS.size, { role: 'label' }))
  items.push(text('（小写）', TOTALS.smallLabelX, TOTALS.grandY, TOTALS.size, { role: 'label' }))
  items.push(...verticalLabel('备注', FRAME.left, REMARK.labelColumn, REMARK.top, REMARK.bottom, PARTIES.labelSize))
  items.push(line(FRAME.left + REMARK.labelColumn, REMARK.top, FRAME.left + REMARK.labelColumn, REMARK.bottom))
  return items
}

function totals(inv: PlatformInvoice): LayoutItem[] {
  const amountCol = TABLE.columns[5]
  const taxCol = TABLE.columns[7]
  const t = inv.draft.totals
  const s = TOTALS.size
  return [
    text(`¥${t.amount}`, amountCol.right - TABLE.padding, TOTALS.sumY, s, { align: 'right', maxWidth: amountCol.right - amountCol.left, tag: 'amount' }),
    text(`¥${t.tax}`, taxCol.right - TABLE.padding, TOTALS.sumY, s, { align: 'right', maxWidth: taxCol.right - taxCol.left, tag: 'tax' }),
    text(`⊗ ${t.totalInWords}`, TOTALS.wordsX, TOTALS.grandY, 3.2, { maxWidth: TOTALS.smallLabelX - TOTALS.wordsX - 2, tag: 'totalInWords' }),
    text(`¥${t.total}`, TOTALS.smallX, TOTALS.grandY, 3.2, { maxWidth: FRAME.right - 2 - TOTALS.smallX, tag: 'total' }),
  ]
}

function remark(inv: PlatformInvoice): LayoutItem[] {
  const body = remarkText(inv)
  if (body === '') return []
  const left = FRAME.left + REMARK.labelColumn + 2
  const width = FRAME.right - 2 - left
  const room = REMARK.bottom - REMARK.top - 2
  // the largest size whose wrapped lines all fit the box; at the smallest, what is left over is cut
  const linesAt = (s: number) => Math.floor(room / (s * 1.25))
  let size: number = REMARK.size
  while (size > REMARK.minSize + 1e-9 && wrapText(body, width, size).length > linesAt(size)) size = Math.round((size - 0.1) * 10) / 10
  const fitted = fitText(body, width, size, size, linesAt(size))
  const lh = fitted.size * 1.25
  return fitted.lines.map((l, i) => text(l, left, REMARK.top + 1 + fitted.size * 0.8 + i * lh, fitted.size, { maxWidth: width, tag: 'remark' }))
}

export function layoutInvoice(invoice: PlatformInvoice, opts: LayoutOptions = {}): InvoicePage[] {
  const provisional = opts.provisional ?? false
  const shortNames = opts.shortNames ?? {}
  const rows: BodyBlock[] = invoiceRows(invoice.draft).map((r) => {
    const block = rowBlock(r, shortNames)
    return { height: block.height, draw: (top: number) => rowItems(block, top) }
  })
  const split = paginate([...rows, ...specialBlocks(invoice)], TABLE.rowsBottom - TABLE.rowsTop)
  return split.map((blocks, i) => {
    const last = i === split.length - 1
    const items: LayoutItem[] = [...header(invoice, i + 1, split.length, provisional), ...frame()]
    items.push(...party('buyer', invoice.buyer.name, invoice.buyer.taxId, FRAME.left, PARTIES.mid))
    items.push(...party('seller', invoice.seller.name, invoice.seller.taxId, PARTIES.mid, FRAME.right))
    items.push(...drawBody(blocks, TABLE.rowsTop))
    if (last) items.push(...totals(invoice), ...remark(invoice))
    else items.push(text('（续下页）', (TOTALS.wordsX + TOTALS.smallLabelX) / 2, TOTALS.sumY, TOTALS.size, { role: 'label', align: 'center' }))
    items.push(text('开票人：', FOOTER.drawerX, FOOTER.y, FOOTER.size, { role: 'label' }))
    items.push(
      text(invoice.drawer, FOOTER.drawerX + textWidth('开票人：', FOOTER.size) + 0.5, FOOTER.y, FOOTER.size, { maxWidth: FRAME.right - FOOTER.drawerX - 13, tag: 'drawer' }),
    )
    return { widthMm: PAGE.width, heightMm: PAGE.height, pageNo: i + 1, pageCount: split.length, items }
  })
}
