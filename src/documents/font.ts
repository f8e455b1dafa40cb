// The one font an invoice file is set in (resources/fonts, OFL — see its README): opened once per
// process, and cut down to the characters a file uses. The PDF hands the font to pdfkit, which
// embeds its own subset; the OFD embeds `subsetFont`'s — a complete TrueType file (its own cmap,
// OS/2, name and post), so a reader that loads it as a font (ofd.js through the browser) finds each
// character by its code.
import fs from 'node:fs'
import path from 'node:path'
import * as fontkit from 'fontkit'
import { cmapTable, postFormat3, writeSfnt } from './sfnt'
import { TrueTypeFont } from './trueType'

export const INVOICE_FONT_FILE = 'LXGWWenKai-Regular.ttf'
/** the family name inside the file (a PDF or OFD names its font by it) */
export const INVOICE_FONT_FAMILY = 'LXGW WenKai'

export function fontPath(fontsDir: string): string {
  return path.join(fontsDir, INVOICE_FONT_FILE)
}

interface Loaded {
  font: fontkit.Font
  /** the same file read as tables, for subsets */
  trueType: TrueTypeFont
  /**
   * code point → glyph id in the shipped font, as looked up so far. One per process, so a batch asks
   * fontkit's cmap once per character, not once per character per file; bounded by the characters
   * the font has (the map holds one small entry per character ever drawn).
   */
  gids: Map<number, number>
  /** the subset's post table, the same for every subset */
  post: Uint8Array
}
const loaded = new Map<string, Loaded>()

function load(fontsDir: string): Loaded {
  const file = fontPath(fontsDir)
  let f = loaded.get(file)
  if (!f) {
    if (!fs.existsSync(file)) throw new Error(`找不到发票字体文件：${file}（应随程序安装在 resources/fonts 中）`)
    const bytes = fs.readFileSync(file)
    const trueType = new TrueTypeFont(bytes)
    const post = trueType.tables.get('post')
    if (!post) throw new Error(`发票字体文件缺少 post 表，不是可用的 TrueType 字体：${file}`)
    f = { font: fontkit.create(bytes) as fontkit.Font, trueType, gids: new Map(), post: postFormat3(post) }
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
  /**
   * where the outlines lie in `bytes`: the glyf table ends the file and starts at `at`, with .notdef
   * and the glyphs of the `leading` characters first, up to `leadingEnd`
   */
  outlines: { at: number; leadingEnd: number }
}

/** four zero bytes: a glyph's padding to the 4-byte alignment glyf asks for */
const PAD = new Uint8Array(4)

/**
 * The subset of the shipped font for `text` (every character it needs, once): the glyphs' outlines
 * copied from the font's glyf (a composite glyph brings the glyphs it is built from, renumbered), with
 * their metrics, a long loca, and the original's OS/2 and name. The characters of `leading` come
 * first, whether `text` has them or not: the same `leading` gives the same first outlines, byte for
 * byte, whatever the rest of the text (see `outlines`).
 */
export function subsetFont(fontsDir: string, text: string, leading = ''): FontSubset {
  const { font, trueType, gids, post } = load(fontsDir)
  /** subset glyph id → glyph id in the shipped font; .notdef stays glyph 0 */
  const order = [0]
  const index = new Map<number, number>([[0, 0]])
  const include = (gid: number): number => {
    let id = index.get(gid)
    if (id === undefined) {
      id = order.length
      order.push(gid)
      index.set(gid, id)
    }
    return id
  }
  const glyphs = new Map<number, number>()
  const map = (chars: string) => {
    for (const ch of chars) {
      const cp = ch.codePointAt(0)!
      if (cp < 0x20 || glyphs.has(cp)) continue
      let gid = gids.get(cp)
      if (gid === undefined) {
        gid = font.glyphForCodePoint(cp).id
        gids.set(cp, gid)
      }
      glyphs.set(cp, gid === 0 ? 0 : include(gid))
    }
  }
  map(leading)
  const leadingCount = order.length
  map(text)
  // `order` grows while it is walked: a composite glyph's components join the subset at its end
  const glyf: Uint8Array[] = []
  const offsets: number[] = []
  const advances: number[] = []
  const lsbs: number[] = []
  let offset = 0
  for (let i = 0; i < order.length; i++) {
    let bytes = trueType.glyph(order[i]!)
    const components = trueType.components(bytes)
    if (components.length > 0) {
      bytes = bytes.slice()
      const view = new DataView(bytes.buffer)
      for (const c of components) view.setUint16(c.at, include(c.gid))
    }
    const { advance, lsb } = trueType.metrics(order[i]!)
    offsets.push(offset)
    advances.push(advance)
    lsbs.push(lsb)
    glyf.push(bytes)
    const pad = (4 - (bytes.length % 4)) % 4
    if (pad > 0) glyf.push(PAD.subarray(0, pad))
    offset += bytes.length + pad
  }
  offsets.push(offset)
  const count = order.length
  const locaTable = new DataView(new ArrayBuffer(offsets.length * 4))
  offsets.forEach((o, i) => locaTable.setUint32(i * 4, o))
  const hmtx = new DataView(new ArrayBuffer(count * 4))
  for (let i = 0; i < count; i++) {
    hmtx.setUint16(i * 4, advances[i]!)
    hmtx.setInt16(i * 4 + 2, lsbs[i]!)
  }
  const copy = (tag: string, edit: (v: DataView) => void): Uint8Array => {
    const t = trueType.tables.get(tag)!.slice()
    edit(new DataView(t.buffer))
    return t
  }
  const tables = new Map<string, Uint8Array | Uint8Array[]>([
    ['glyf', glyf],
    ['loca', new Uint8Array(locaTable.buffer)],
    ['hmtx', new Uint8Array(hmtx.buffer)],
    ['head', copy('head', (v) => v.setInt16(50, 1))], // indexToLocFormat: long offsets
    ['hhea', copy('hhea', (v) => v.setUint16(34, count))], // numberOfHMetrics: every glyph has its own
    ['maxp', copy('maxp', (v) => v.setUint16(4, count))],
    ['post', post],
    ['cmap', cmapTable([...glyphs].filter(([, gid]) => gid !== 0))],
  ])
  for (const tag of ['OS/2', 'name']) {
    const t = trueType.tables.get(tag)
    if (t) tables.set(tag, t)
  }
  const file = writeSfnt(tables, 'glyf')
  const at = file.at.get('glyf')!
  return { bytes: file.bytes, glyphs, unitsPerEm: font.unitsPerEm, advances, outlines: { at, leadingEnd: at + offsets[leadingCount]! } }
}
