// The invoice PDF read back with independent tools: poppler's pdftotext / pdffonts / pdfinfo /
// pdftoppm, and the QR decoded by jsQR from the rendered page — never by our own encoder.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderInvoiceFile } from '../../src/documents'
import { renderPdfDocument } from '../../src/documents/pdf'
import { testInvoice, testRedInvoice } from '../../src/shared/domain/invoiceLayout/testInvoice'
import type { PlatformInvoice } from '../../src/shared/platform/wire'

const fontsDir = path.resolve('resources/fonts')
let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'))
})

async function pdfOf(inv: PlatformInvoice, opts: { provisional?: boolean; shortNames?: Record<string, string> } = {}): Promise<string> {
  const file = path.join(dir, `${inv.number}-${Math.random().toString(36).slice(2)}.pdf`)
  fs.writeFileSync(file, await renderInvoiceFile(inv, 'pdf', { fontsDir, ...opts }))
  return file
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })
/** the page's text with runs of spaces as one, so a value is found whatever the column gap */
const textOf = (file: string, page?: number) => run('pdftotext', [...(page ? ['-f', `${page}`, '-l', `${page}`] : []), '-layout', file, '-']).replace(/[ \t]+/g, ' ')
const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1])

/** the top-left corner of page 1 at 300 dpi, decoded by jsQR */
function decodeQr(file: string): string | null {
  const prefix = path.join(dir, `qr-${Math.random().toString(36).slice(2)}`)
  // 45 × 38 mm from the top left: the QR's corner of the page
  run('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '530', '-H', '450', '-singlefile', file, prefix])
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

describe('invoice PDF', () => {
  it('gives pdftotext the number, date, both parties, the lines, the totals and 价税合计（大写）', async () => {
    const inv = testInvoice(3)
    const text = textOf(await pdfOf(inv, { shortNames: { '3040201010000000000': '信息技术服务' } }))
    for (const s of [
      '电子发票（普通发票）',
      `发票号码： ${inv.number}`,
      '开票日期： 2026年12月03日',
      '华为技术有限公司',
      '914403001922038216',
      inv.seller.name,
      inv.seller.taxId,
      '*信息技术服务*软件开发服务',
      '台式计算机',
      `¥${inv.amount}`,
      `¥${inv.tax}`,
      `¥${inv.total}`,
      inv.draft.totals.totalInWords,
      '项目编号：P-001',
      '开票人： 王会计',
    ])
      expect(text, s).toContain(s)
    expect(inv.draft.totals.totalInWords).toMatch(/圆/)
  })

  it('embeds only subsets of its font, and names the invoice in its metadata', async () => {
    const inv = testInvoice(2)
    const file = await pdfOf(inv)
    const fonts = run('pdffonts', [file]).trim().split('\n').slice(2)
    expect(fonts.length).toBeGreaterThan(0)
    for (const f of fonts) {
      // name, type…, emb sub uni: every font embedded, a subset (XXXXXX+ name), with a ToUnicode map
      expect(f).toMatch(/^[A-Z]{6}\+LXGWWenKai-Regular\s.*\syes\s+yes\s+yes\s/)
    }
    const info = run('pdfinfo', [file])
    expect(info).toMatch(new RegExp(`Title:\\s+${inv.number}`))
    expect(info).toMatch(/Subject:\s+电子发票（普通发票）/)
    // a subset: the 15.7 MB font becomes a few tens of kilobytes
    expect(fs.statSync(file).size).toBeLessThan(120_000)
  })

  it('prints the QR that jsQR decodes back to the exact payload', async () => {
    const inv = testInvoice(3)
    expect(decodeQr(await pdfOf(inv))).toBe(inv.qr)
    const special = testInvoice(1, { kind: '81', lines: [testInvoice(2).draft.lines[1]!] }, { number: '26112000000987654321' })
    expect(special.qr).toMatch(/^01,31,,26112000000987654321,/)
    expect(decodeQr(await pdfOf(special))).toBe(special.qr)
  })

  it('shows a red invoice with its marks: blue number and 确认单 in 备注, negative figures, （负数）', async () => {
    const blue = testInvoice(3)
    const red = testRedInvoice(blue)
    const text = textOf(await pdfOf(red))
    expect(text).toContain(`被红冲蓝字数电发票号码：${blue.number} 红字发票信息确认单编号：44030026120300000001`)
    expect(text).toContain(`¥-${blue.total}`)
    expect(text).toContain(`¥-${blue.amount}`)
    expect(text).toContain(`（负数）${blue.draft.totals.totalInWords}`)
  })

  it('spans pages for a 60-line invoice, each page headed and numbered, the totals on the last', async () => {
    const inv = testInvoice(60)
    const file = await pdfOf(inv)
    const pages = pagesOf(file)
    expect(pages).toBeGreaterThan(1)
    for (let p = 1; p <= pages; p++) {
      const text = textOf(file, p)
      expect(text).toContain(inv.number)
      expect(text).toContain(`共${pages}页 第${p}页`)
      expect(text.includes(`¥${inv.total}`)).toBe(p === pages)
    }
    // every line's 金额 is somewhere
    const all = textOf(file)
    for (const l of inv.draft.lines) expect(all).toContain(l.amount!)
  })

  it('renders rare characters of a company name as text', async () => {
    const name = '㐂堃喆燊犇淼𠀾商贸有限公司'
    const inv = testInvoice(1, { buyer: { ...testInvoice(1).draft.buyer, name } }, { buyer: { name, taxId: '914403001922038216', registered: true } })
    expect(textOf(await pdfOf(inv))).toContain(name)
  })

  it('marks a provisional copy as not from the platform, with no number and no QR', async () => {
    const inv = testInvoice(2)
    const file = await pdfOf(inv, { provisional: true })
    const text = textOf(file)
    expect(text).toContain('未上传平台 非正式发票')
    expect(text).not.toContain(inv.number)
    expect(decodeQr(file)).toBeNull()
  })

  it('puts several invoices in one document for printing, each from a new page', async () => {
    const a = testInvoice(2)
    const b = testInvoice(60, {}, { number: '26442000000000099999' })
    const file = path.join(dir, 'batch.pdf')
    const doc = await renderPdfDocument([{ invoice: a }, { invoice: b }], { fontsDir, title: '打印发票 2 张' })
    fs.writeFileSync(file, doc.bytes)
    const pages = pagesOf(file)
    expect(doc.pages).toBe(pages)
    expect(pages).toBe(1 + pagesOf(await pdfOf(b)))
    expect(textOf(file, 1)).toContain(a.number)
    expect(textOf(file, 2)).toContain(b.number)
  })
})
