// The one font an invoice file is set in (resources/fonts, OFL — see its README): opened once per
// process, and cut down to the characters a file uses. The PDF hands the font to pdfkit, which
// embeds its own subset; the OFD embeds `subsetFont`'s — a complete TrueType file (its own cmap,
// OS/2, name and post), so a reader that loads it as a font (ofd.js through the browser) finds each
// character by its code.
import fs from 'node:fs'
import path from 'node:path'
import * as fontkit from 'fontkit'

export const INVOICE_FONT_FILE = 'LXGWWenKai-Regular.ttf'
/** the family name inside the file (a PDF or OFD names its font by it) */
export const INVOICE_FONT_FAMILY = 'LXGW WenKai'

export function fontPath(fontsDir: string): string {
  return path.join(fontsDir, INVOICE_FONT_FILE)
}

interface Loaded {
  font: fontkit.Font
  bytes: Uint8Array
}
const loaded = new Map<string, Loaded>()

function load(fontsDir: string): Loaded {
  const file = fontPath(fontsDir)
  let f = loaded.get(file)
  if (!f) {
    if (!fs.existsSync(file)) throw new Error(`找不到发票字体文件：${file}（应随程序安装在 resources/fonts 中）`)
    const bytes = fs.readFileSync(file)
    f = { font: fontkit.create(bytes) as fontkit.Font, bytes }
    loaded.set(file, f)
  }
  return f
}

/** the shipped font, parsed once per process (parsing is lazy, glyphs are cached) */
export function invoiceFont(fontsDir: string): fontkit.Font {
  return load(fontsDir).font
}

export interface FontSubset {
  /** a standalone TrueType font with only the glyphs of the text (and .notdef as glyph 0) */
  bytes: Uint8Array
  /** code point → glyph id in the subset (a character the font lacks maps to 0, .notdef) */
  glyphs: Map<number, number>
  unitsPerEm: number
  /** glyph id in the subset → advance width in font units */
  advances: number[]
}

/** The subset of the shipped font for `text` (every character it needs, once). */
export function subsetFont(fontsDir: string, text: string): FontSubset {
  const { font, bytes } = load(fontsDir)
  const subset = font.createSubset()
  const glyphs = new Map<number, number>()
  const advances: number[] = [font.getGlyph(0).advanceWidth]
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x20) continue
    const glyph = font.glyphForCodePoint(cp)
    if (glyph.id === 0) {
      glyphs.set(cp, 0)
      continue
    }
    // fontkit's typing says boolean; it returns the glyph's id in the subset
    const id = subset.includeGlyph(glyph) as unknown as number
    glyphs.set(cp, id)
    advances[id] = glyph.advanceWidth
  }
  const tables = readTables(subset.encode())
  const original = readTables(bytes)
  for (const tag of ['OS/2', 'name'] as const) {
    const t = original.get(tag)
    if (t) tables.set(tag, t)
  }
  tables.set('post', postFormat3(original.get('post')!))
  tables.set('cmap', cmapTable([...glyphs].filter(([, gid]) => gid !== 0)))
  return { bytes: writeSfnt(tables), glyphs, unitsPerEm: font.unitsPerEm, advances }
}

// ── sfnt plumbing (OpenType spec, "Organization of an OpenType Font") ────────────────────────────

function readTables(buf: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const count = view.getUint16(4)
  const tables = new Map<string, Uint8Array>()
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16
    const tag = String.fromCharCode(buf[rec]!, buf[rec + 1]!, buf[rec + 2]!, buf[rec + 3]!)
    const offset = view.getUint32(rec + 8)
    const length = view.getUint32(rec + 12)
    tables.set(tag, buf.slice(offset, offset + length))
  }
  return tables
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3)
  padded.set(data)
  const view = new DataView(padded.buffer)
  let sum = 0
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0
  return sum
}

function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort()
  const n = tags.length
  const entrySelector = Math.floor(Math.log2(n))
  const searchRange = 2 ** entrySelector * 16
  let offset = 12 + n * 16
  const placed = tags.map((tag) => {
    const data = tables.get(tag)!
    const at = offset
    offset += (data.length + 3) & ~3
    return { tag, data, at }
  })
  const out = new Uint8Array(offset)
  const view = new DataView(out.buffer)
  view.setUint32(0, 0x00010000)
  view.setUint16(4, n)
  view.setUint16(6, searchRange)
  view.setUint16(8, entrySelector)
  view.setUint16(10, n * 16 - searchRange)
  let headAt = -1
  placed.forEach(({ tag, data, at }, i) => {
    if (tag === 'head') {
      headAt = at
      new DataView(data.buffer, data.byteOffset, data.byteLength).setUint32(8, 0) // checkSumAdjustment is summed as 0
    }
    const rec = 12 + i * 16
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k)
    view.setUint32(rec + 4, checksum(data))
    view.setUint32(rec + 8, at)
    view.setUint32(rec + 12, data.length)
    out.set(data, at)
  })
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0)
  return out
}

/** post version 3: the metrics of the original without glyph names (they index the full font) */
function postFormat3(post: Uint8Array): Uint8Array {
  const out = post.slice(0, 32)
  new DataView(out.buffer).setUint32(0, 0x00030000)
  return out
}

/** cmap with a format 4 subtable (BMP, Windows Unicode) and a format 12 one (every code point) */
function cmapTable(pairs: [number, number][]): Uint8Array {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0])
  const bmp = sorted.filter(([cp]) => cp <= 0xfffe)
  // format 4: runs of consecutive code points with consecutive glyph ids share one segment
  const segs: { start: number; end: number; delta: number }[] = []
  for (const [cp, gid] of bmp) {
    const last = segs[segs.length - 1]
    if (last && cp === last.end + 1 && ((gid - cp) & 0xffff) === last.delta) last.end = cp
    else segs.push({ start: cp, end: cp, delta: (gid - cp) & 0xffff })
  }
  segs.push({ start: 0xffff, end: 0xffff, delta: 1 })
  const segX2 = segs.length * 2
  const f4len = 16 + segX2 * 4
  const f4 = new DataView(new ArrayBuffer(f4len))
  const sel = Math.floor(Math.log2(segs.length))
  f4.setUint16(0, 4)
  f4.setUint16(2, f4len)
  f4.setUint16(6, segX2)
  f4.setUint16(8, 2 ** sel * 2)
  f4.setUint16(10, sel)
  f4.setUint16(12, segX2 - 2 ** sel * 2)
  segs.forEach((s, i) => {
    f4.setUint16(14 + i * 2, s.end)
    f4.setUint16(16 + segX2 + i * 2, s.start)
    f4.setUint16(16 + segX2 * 2 + i * 2, s.delta)
    f4.setUint16(16 + segX2 * 3 + i * 2, 0)
  })
  // format 12: runs of consecutive code points and glyph ids
  const groups: { start: number; end: number; gid: number }[] = []
  for (const [cp, gid] of sorted) {
    const last = groups[groups.length - 1]
    if (last && cp === last.end + 1 && gid === last.gid + (cp - last.start)) last.end = cp
    else groups.push({ start: cp, end: cp, gid })
  }
  const f12len = 16 + groups.length * 12
  const f12 = new DataView(new ArrayBuffer(f12len))
  f12.setUint16(0, 12)
  f12.setUint32(4, f12len)
  f12.setUint32(12, groups.length)
  groups.forEach((g, i) => {
    f12.setUint32(16 + i * 12, g.start)
    f12.setUint32(20 + i * 12, g.end)
    f12.setUint32(24 + i * 12, g.gid)
  })
  const head = new DataView(new ArrayBuffer(4 + 2 * 8))
  head.setUint16(2, 2)
  head.setUint16(4, 3)
  head.setUint16(6, 1)
  head.setUint32(8, 20)
  head.setUint16(12, 3)
  head.setUint16(14, 10)
  head.setUint32(16, 20 + f4len)
  const out = new Uint8Array(20 + f4len + f12len)
  out.set(new Uint8Array(head.buffer), 0)
  out.set(new Uint8Array(f4.buffer), 20)
  out.set(new Uint8Array(f12.buffer), 20 + f4len)
  return out
}
