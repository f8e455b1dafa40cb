import { describe, expect, it } from 'vitest'
import { invoiceRows } from '../invoice'
import type { SpecialBusiness } from '../specialBusiness'
import { GOOD } from '../specialBusiness/testSpecial'
import { layoutInvoice } from './layout'
import { textWidth } from './metrics'
import { testInvoice, testRedInvoice } from './testInvoice'
import type { FieldTag, InvoicePage, TextItem } from './types'

const texts = (p: InvoicePage) => p.items.filter((i): i is TextItem => i.type === 'text')
const tagged = (p: InvoicePage, tag: FieldTag) => texts(p).filter((t) => t.tag === tag)
const field = (p: InvoicePage, tag: FieldTag) =>
  tagged(p, tag)
    .map((t) => t.text)
    .join('')

/** a text's box by the estimated widths: x from its anchor, y from ascent 0.8 em to descent 0.2 em */
function box(t: TextItem) {
  const w = textWidth(t.text, t.size)
  const left = t.align === 'left' ? t.x : t.align === 'right' ? t.x - w : t.x - w / 2
  return { left, right: left + w, top: t.y - 0.8 * t.size, bottom: t.y + 0.2 * t.size }
}

function expectWellPlaced(pages: InvoicePage[]) {
  for (const p of pages) {
    const boxes = texts(p).map((t) => ({ t, b: box(t) }))
    for (const { t, b } of boxes) {
      expect(b.left, t.text).toBeGreaterThanOrEqual(0)
      expect(b.right, t.text).toBeLessThanOrEqual(p.widthMm)
      expect(b.top, t.text).toBeGreaterThanOrEqual(0)
      expect(b.bottom, t.text).toBeLessThanOrEqual(p.heightMm)
      expect(b.right - b.left, `${t.text} fits its cell`).toBeLessThanOrEqual(t.maxWidth + 1e-6)
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.b
        const c = boxes[j]!.b
        const overlap = a.left < c.right - 1e-6 && c.left < a.right - 1e-6 && a.top < c.bottom - 1e-6 && c.top < a.bottom - 1e-6
        expect(overlap, `"${boxes[i]!.t.text}" overlaps "${boxes[j]!.t.text}"`).toBe(false)
      }
    for (const i of p.items) {
      if (i.type === 'line')
        for (const [x, y] of [
          [i.x1, i.y1],
          [i.x2, i.y2],
        ] as const)
          expect(x >= 0 && x <= p.widthMm && y >= 0 && y <= p.heightMm).toBe(true)
      if (i.type === 'rect' || i.type === 'qr') {
        const [w, h] = i.type === 'rect' ? [i.w, i.h] : [i.size, i.size]
        expect(i.x >= 0 && i.y >= 0 && i.x + w <= p.widthMm && i.y + h <= p.heightMm).toBe(true)
      }
    }
  }
}

describe('layoutInvoice', () => {
  it('lays out a blue invoice on one page in the national order, inside the page, with no text over another', () => {
    const inv = testInvoice(3)
    const pages = layoutInvoice(inv, { shortNames: { '3040201010000000000': '信息技术服务' } })
    expect(pages).toHaveLength(1)
    const [p] = pages as [InvoicePage]
    expect(p.widthMm).toBe(240)
    expect(p.heightMm).toBe(140)
    expect(field(p, 'title')).toBe('电子发票（普通发票）')
    expect(field(p, 'number')).toBe(inv.number)
    expect(field(p, 'issuedAt')).toBe('2026年12月03日')
    expect(field(p, 'buyerName')).toBe('华为技术有限公司')
    expect(field(p, 'sellerTaxId')).toBe(inv.seller.taxId)
    expect(tagged(p, 'itemName')[0]!.text).toBe('*信息技术服务*软件开发服务')
    expect(field(p, 'amount')).toBe(`¥${inv.amount}`)
    expect(field(p, 'total')).toBe(`¥${inv.total}`)
    expect(field(p, 'totalInWords')).toContain(inv.draft.totals.totalInWords)
    expect(field(p, 'remark')).toContain('项目编号：P-001')
    expect(field(p, 'drawer')).toBe('王会计')
    const qr = p.items.find((i) => i.type === 'qr')
    expect(qr && qr.type === 'qr' && qr.payload).toBe(inv.qr)
    // QR top left, number top right
    expect(qr && qr.x < 40 && qr.y < 10).toBe(true)
    expect(tagged(p, 'number')[0]!.x).toBeGreaterThan(160)
    expectWellPlaced(pages)
  })

  it('titles a 专票 as 电子发票（增值税专用发票）', () => {
    const [p] = layoutInvoice(testInvoice(1, { kind: '81' }))
    expect(field(p!, 'title')).toBe('电子发票（增值税专用发票）')
  })

  it('draws a provisional invoice without number or QR, marked as not from the platform', () => {
    const pages = layoutInvoice(testInvoice(2), { provisional: true })
    const p = pages[0]!
    expect(tagged(p, 'number')).toHaveLength(0)
    expect(p.items.some((i) => i.type === 'qr')).toBe(false)
    expect(field(p, 'provisional')).toBe('未上传平台 非正式发票')
    expectWellPlaced(pages)
  })

  it('marks a red invoice: its blue number and 确认单 in 备注, negative figures, （负数） in words', () => {
    const blue = testInvoice(3)
    const red = testRedInvoice(blue)
    const pages = layoutInvoice(red)
    const p = pages[0]!
    expect(field(p, 'remark').startsWith(`被红冲蓝字数电发票号码：${blue.number} 红字发票信息确认单编号：44030026120300000001`)).toBe(true)
    expect(field(p, 'total')).toBe(`¥-${blue.total}`)
    expect(field(p, 'totalInWords')).toContain('（负数）')
    for (const t of tagged(p, 'itemAmount')) expect(t.text.startsWith('-')).toBe(true)
    expectWellPlaced(pages)
  })

  it('adds the red reference when a red draft lost it from 备注', () => {
    const red = testRedInvoice(testInvoice(1))
    const stripped = { ...red, draft: { ...red.draft, remark: '' } }
    expect(field(layoutInvoice(stripped)[0]!, 'remark')).toContain('被红冲蓝字数电发票号码：')
  })

  it('continues a 60-line invoice over pages: every row once, the header on each, the totals on the last', () => {
    const inv = testInvoice(60, { lines: testInvoice(60).draft.lines.map((l, i) => (i % 9 === 0 ? { ...l, discount: '1.00', discountTax: null } : l)) })
    const rows = invoiceRows(inv.draft)
    const pages = layoutInvoice(inv)
    expect(pages.length).toBeGreaterThan(1)
    expect(pages.flatMap((p) => tagged(p, 'itemAmount').map((t) => t.text))).toEqual(rows.map((r) => r.amount))
    pages.forEach((p, i) => {
      expect(p.pageNo).toBe(i + 1)
      expect(p.pageCount).toBe(pages.length)
      expect(field(p, 'number')).toBe(inv.number)
      expect(field(p, 'buyerName')).toBe('华为技术有限公司')
      expect(field(p, 'pageNo')).toBe(`共${pages.length}页 第${i + 1}页`)
      expect(tagged(p, 'total')).toHaveLength(i === pages.length - 1 ? 1 : 0)
    })
    expectWellPlaced(pages)
  })

  it('wraps long names inside their cells, and a rare character stays as typed', () => {
    const longBuyer = '广州市天河区㐂堃喆燊犇淼'.padEnd(100, '国际贸易有限责任公司')
    const longItem = '超长的项目名称'.repeat(12)
    const inv = testInvoice(1, {
      buyer: { ...testInvoice(1).draft.buyer, name: longBuyer },
      lines: [{ ...testInvoice(1).draft.lines[0]!, name: longItem, spec: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789-XYZ' }],
      remark: '备注'.repeat(225),
    })
    const pages = layoutInvoice(inv)
    const p = pages[0]!
    expect(tagged(p, 'buyerName').length).toBeGreaterThan(1)
    expect(field(p, 'buyerName')).toBe(longBuyer)
    expect(tagged(p, 'itemName').length).toBeGreaterThan(1)
    expect(field(p, 'itemName')).toBe(longItem)
    expect(field(p, 'itemSpec')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789-XYZ')
    expect(field(p, 'remark').startsWith('备注'.repeat(200))).toBe(true)
    expectWellPlaced(pages)
  })
})

describe('layoutInvoice: 特定业务', () => {
  const construction: SpecialBusiness = { kind: '建筑服务', rows: [{ ...GOOD.建筑服务.row, landVatProjectNo: 'TD2026001' }] }
  const trips = (n: number): SpecialBusiness => ({
    kind: '货物运输服务',
    rows: Array.from({ length: n }, (_, i) => ({ ...GOOD.货物运输服务.row, vehicleNo: `冀A${String(10000 + i)}`, goods: `钢材第${i + 1}批` })),
  })

  it('prints the label beside the title and the 特定信息 captions and values after the rows', () => {
    const pages = layoutInvoice(testInvoice(2, { specialBusiness: construction }))
    expect(pages).toHaveLength(1)
    const p = pages[0]!
    expect(field(p, 'specialKind')).toBe('建筑服务')
    // beside the title, right of the QR, on the title's line
    const label = tagged(p, 'specialKind')[0]!
    expect(label.y).toBe(tagged(p, 'title')[0]!.y)
    expect(label.x).toBeGreaterThan(34)
    expect(tagged(p, 'specialCaption').map((t) => t.text)).toEqual(['土地增值税项目编号', '跨地（市）标志', '建筑服务发生地', '建筑项目名称'])
    expect(field(p, 'specialValue')).toBe(`TD2026001否北京市朝阳区望京街道阜通东大街 6 号望京 SOHO 幕墙改造`)
    // after the last item row, inside the item area
    const lastRow = Math.max(...tagged(p, 'itemAmount').map((t) => t.y))
    expect(Math.min(...tagged(p, 'specialCaption').map((t) => t.y))).toBeGreaterThan(lastRow)
    expect(Math.max(...tagged(p, 'specialValue').map((t) => t.y))).toBeLessThan(102)
    expectWellPlaced(pages)
  })

  it('prints no label and no block on a plain invoice', () => {
    const [p] = layoutInvoice(testInvoice(2))
    expect(tagged(p!, 'specialKind')).toEqual([])
    expect(texts(p!).some((t) => t.text === '特定信息')).toBe(false)
  })

  it('continues a long 运输 list over pages, its captions on each page, every row once, totals on the last', () => {
    const sb = trips(40)
    const pages = layoutInvoice(testInvoice(3, { specialBusiness: sb }))
    expect(pages.length).toBeGreaterThan(2)
    expect(pages.flatMap((p) => tagged(p, 'specialValue').map((t) => t.text)).filter((t) => t.startsWith('冀A'))).toEqual(sb.rows.map((r) => r.vehicleNo))
    for (const p of pages.slice(1)) expect(tagged(p, 'specialCaption')[0]!.text).toBe('运输工具种类')
    pages.forEach((p, i) => expect(tagged(p, 'total')).toHaveLength(i === pages.length - 1 ? 1 : 0))
    expectWellPlaced(pages)
  })

  it('never leaves the captions alone at a page’s foot', () => {
    // item rows that fill the page but for less than a caption and a row
    for (let lines = 8; lines <= 12; lines++) {
      const pages = layoutInvoice(testInvoice(lines, { specialBusiness: trips(2) }))
      for (const p of pages) expect(tagged(p, 'specialCaption').length > 0).toBe(tagged(p, 'specialValue').length > 0)
      expectWellPlaced(pages)
    }
  })
})
