// The embedded font of one OFD document: the shipped font cut down to the characters this document
// uses (src/documents/font.ts's subset, a complete TrueType file; never the whole font). Text objects
// carry the subset's glyph indices (CGTransform) and each character's advance (DeltaX), so a reader
// needs no shaping of its own.
import { subsetFont, type FontSubset } from '../font'
import { deflateFont } from './fontDeflate'

export interface GlyphRun {
  glyphs: number[]
  /** each character's advance in mm at the run's size */
  advances: number[]
  /** the sum of the advances */
  width: number
}

export class OfdFont {
  private subset: FontSubset

  /**
   * `text`: every character the document shows; `leading`: those of them that every document of its
   * kind shows (the labels), placed first in the font so that their part of it deflates once per process
   */
  constructor(fontsDir: string, text: string, leading = '') {
    this.subset = subsetFont(fontsDir, text, leading)
  }

  run(text: string, size: number): GlyphRun {
    const scale = size / this.subset.unitsPerEm
    const glyphs: number[] = []
    const advances: number[] = []
    let width = 0
    for (const ch of text) {
      const gid = this.subset.glyphs.get(ch.codePointAt(0)!) ?? 0
      const advance = (this.subset.advances[gid] ?? 0) * scale
      glyphs.push(gid)
      advances.push(advance)
      width += advance
    }
    return { glyphs, advances, width }
  }

  get bytes(): Uint8Array {
    return this.subset.bytes
  }

  /** the font file's raw deflate stream, for the zip */
  deflated(): Buffer {
    return deflateFont(this.subset)
  }
}
