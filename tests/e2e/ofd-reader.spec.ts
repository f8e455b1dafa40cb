// An independent OFD reader opens our files: ofd.js (npm, Apache-2.0; its own OFD parser and FreeType
// compiled to WebAssembly) renders the OFD of invoices the real sandbox issued, in Debian's Chromium.
// The reader must parse the package, draw every page, list our text objects (the number, the
// parties, the totals) and read our data tags; the rendering is kept as docs/screenshots/invoice-ofd.png.
//
// ofd.js's core carries a demonstration licence that only opens files while the browser's clock is
// inside its release window (Apr 2025 – Feb 2026; outside it every file fails with "授权信息错误",
// whatever it holds). The page's clock is therefore pinned inside that window; nothing in an OFD
// depends on the reader's time, and the reader stamps its DEMO watermark on the pages it draws.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { renderOfd } from '../../src/documents/ofd'
import { layoutInvoice } from '../../src/shared/domain/invoiceLayout'
import { issueInvoices, type IssuedSet } from '../integration/ofdXmlInvoices'

const READER_CLOCK = new Date('2025-10-01T10:00:00+08:00')
const PAGE_HTML = path.resolve('tests/e2e/ofd-reader/index.html')
const LIBS: Record<string, string> = {
  '/lib/axios.min.js': 'node_modules/axios/dist/axios.min.js',
  '/lib/parser_helper_x.js': 'node_modules/parser_helper_x.js/dist/parser_helper_x.js',
  '/lib/ofd.js': 'node_modules/ofd.js/dist/ofd.js',
}

interface ReaderResult {
  ok: boolean
  error?: string
  pages: number
  textObjects: { id: number; pageId: number; text: string }[]
  customTag: TagNode
}
interface TagNode {
  name: string
  value: string
  attribute: { name: string; value: string }[]
  children: TagNode[]
}

let set: IssuedSet
let server: http.Server
let base: string
const files = new Map<string, Buffer>()

test.beforeAll(async () => {
  set = await issueInvoices(40)
  const fontsDir = path.resolve('resources/fonts')
  files.set('blue', await renderOfd(set.blue, { fontsDir }))
  files.set('many', await renderOfd(set.many, { fontsDir }))
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const lib = LIBS[url.pathname]
    if (url.pathname === '/') res.setHeader('content-type', 'text/html; charset=utf-8').end(fs.readFileSync(PAGE_HTML))
    else if (lib) res.setHeader('content-type', 'text/javascript').end(fs.readFileSync(path.resolve(lib)))
    else if (url.pathname === '/invoice.ofd' && files.has(url.searchParams.get('f') ?? ''))
      res.setHeader('content-type', 'application/ofd').end(files.get(url.searchParams.get('f')!))
    else if (url.pathname === '/favicon.ico') res.writeHead(204).end()
    else res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await set?.close()
})

async function read(page: Page, file: string, width: number): Promise<ReaderResult> {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.clock.setFixedTime(READER_CLOCK)
  // the page fetches /invoice.ofd with its own query: which file, and the width to draw it at
  await page.goto(`${base}/?f=${file}&width=${width}`)
  await page.waitForFunction(() => (window as unknown as { ofdResult: unknown }).ofdResult !== null, null, { timeout: 30_000 })
  const result = await page.evaluate(() => (window as unknown as { ofdResult: ReaderResult }).ofdResult)
  expect(errors).toEqual([])
  expect(result.error ?? null).toBeNull()
  expect(result.ok).toBe(true)
  // the reader's own watermark objects are not ours
  result.textObjects = result.textObjects.filter((t) => t.text !== 'DEMO')
  return result
}

/** the reader's view of CustomTag.xml: element name (without prefix) → the object IDs it refers to */
function tagRefs(node: TagNode, out = new Map<string, string[]>()): Map<string, string[]> {
  for (const c of node.children) {
    const refs = c.children.filter((r) => r.name === 'ofd:ObjectRef').map((r) => r.value)
    if (refs.length) out.set(c.name.replace(/^ofd:/, ''), refs)
    tagRefs(c, out)
  }
  return out
}

test('ofd.js renders our invoice OFD, shows its texts and reads its data tags', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 })
  const inv = set.blue
  const result = await read(page, 'blue', 1300)
  expect(result.pages).toBe(1)
  const texts = result.textObjects.map((t) => t.text)
  expect(texts).toContain(inv.number)
  expect(texts).toContain(inv.buyer.name)
  expect(texts).toContain(inv.seller.name)
  expect(texts).toContain(`¥${inv.total}`)

  const refs = tagRefs(result.customTag)
  const byId = new Map(result.textObjects.map((t) => [String(t.id), t.text]))
  expect(refs.get('InvoiceNo')?.map((id) => byId.get(id))).toEqual([inv.number])
  expect(refs.get('TaxInclusiveTotalAmount')?.map((id) => byId.get(id))).toEqual([`¥${inv.total}`])
  expect(
    refs
      .get('BuyerName')
      ?.map((id) => byId.get(id))
      .join(''),
  ).toBe(inv.buyer.name)

  // drawn: the page holds the reader's SVG with our glyph outlines and rules
  const drawn = page.locator('#pages > div').first()
  await expect(drawn).toBeVisible()
  expect(await page.locator('#pages svg path').count()).toBeGreaterThan(100)
  fs.mkdirSync('docs/screenshots', { recursive: true })
  await drawn.screenshot({ path: 'docs/screenshots/invoice-ofd.png' })
})

test('a long invoice opens with every page the layout made', async ({ page }) => {
  const result = await read(page, 'many', 900)
  expect(result.pages).toBe(layoutInvoice(set.many).length)
  expect(result.pages).toBeGreaterThan(1)
  expect(await page.locator('#pages > div').count()).toBe(result.pages)
  const texts = result.textObjects.map((t) => t.text)
  expect(texts).toContain(`¥${set.many.total}`)
})
