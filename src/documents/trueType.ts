// The shipped TrueType font read straight from its tables (glyf, loca, hmtx): a glyph's outline bytes,
// the glyphs a composite glyph is built from, and its horizontal metrics — what a subset copies. Reading
// them costs a few array lookups, where fontkit's subsetter decodes every glyph's outline first (most
// of an OFD's time); the outlines are copied byte for byte, never re-encoded.
import { readTables } from './sfnt'

/** a component of a composite glyph: the glyph it draws and where its glyph index sits in the glyph's bytes */
export interface Component {
  gid: number
  /** byte offset of the uint16 glyphIndex inside the glyph's bytes */
  at: number
}

// composite glyph flags (OpenType "glyf" table)
const ARG_1_AND_2_ARE_WORDS = 0x0001
const WE_HAVE_A_SCALE = 0x0008
const MORE_COMPONENTS = 0x0020
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040
const WE_HAVE_A_TWO_BY_TWO = 0x0080

export class TrueTypeFont {
  /** tag → table bytes, views into the file */
  readonly tables: Map<string, Uint8Array>
  readonly numGlyphs: number
  private glyf: Uint8Array
  private loca: DataView
  private longLoca: boolean
  private hmtx: DataView
  private numberOfHMetrics: number

  constructor(file: Uint8Array) {
    this.tables = readTables(file)
    const need = (tag: string): Uint8Array => {
      const t = this.tables.get(tag)
      if (!t) throw new Error(`发票字体文件缺少 ${tag} 表，不是可用的 TrueType 字体`)
      return t
    }
    const view = (t: Uint8Array) => new DataView(t.buffer, t.byteOffset, t.byteLength)
    this.glyf = need('glyf')
    this.loca = view(need('loca'))
    this.hmtx = view(need('hmtx'))
    this.longLoca = view(need('head')).getInt16(50) === 1
    this.numberOfHMetrics = view(need('hhea')).getUint16(34)
    this.numGlyphs = view(need('maxp')).getUint16(4)
  }

  /** the glyph's bytes in glyf (a view; empty for a glyph without outline, such as the space) */
  glyph(gid: number): Uint8Array {
    const [start, end] = this.longLoca ? [this.loca.getUint32(gid * 4), this.loca.getUint32(gid * 4 + 4)] : [this.loca.getUint16(gid * 2) * 2, this.loca.getUint16(gid * 2 + 2) * 2]
    return this.glyf.subarray(start, end)
  }

  /** the glyphs a composite glyph draws (empty for a simple glyph) */
  components(bytes: Uint8Array): Component[] {
    if (bytes.length < 10) return []
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    if (view.getInt16(0) >= 0) return []
    const out: Component[] = []
    let p = 10
    for (;;) {
      const flags = view.getUint16(p)
      out.push({ gid: view.getUint16(p + 2), at: p + 2 })
      p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2)
      if (flags & WE_HAVE_A_SCALE) p += 2
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4
      else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8
      if (!(flags & MORE_COMPONENTS)) return out
    }
  }

  /** advance width and left side bearing in font units (glyphs past numberOfHMetrics share the last advance) */
  metrics(gid: number): { advance: number; lsb: number } {
    const last = this.numberOfHMetrics - 1
    if (gid <= last) return { advance: this.hmtx.getUint16(gid * 4), lsb: this.hmtx.getInt16(gid * 4 + 2) }
    return { advance: this.hmtx.getUint16(last * 4), lsb: this.hmtx.getInt16(this.numberOfHMetrics * 4 + (gid - this.numberOfHMetrics) * 2) }
  }
}
