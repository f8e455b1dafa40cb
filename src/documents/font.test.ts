import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as fontkit from 'fontkit'
import { describe, expect, it } from 'vitest'
import { ASCII_ADVANCES } from '../shared/domain/invoiceLayout/metrics'
import { fontPath, invoiceFont, subsetFont } from './font'

const FONTS = path.resolve('resources/fonts')
const RARE = '㐂堃喆燊犇淼䶮龘𠀾'

describe('the shipped invoice font', () => {
  it('is an OFL font with its license beside it', () => {
    expect(fs.readFileSync(path.join(FONTS, 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1')
    expect(invoiceFont(FONTS).postscriptName).toBe('LXGWWenKai-Regular')
  })

  it('has the glyphs of rare characters in company names, and the invoice signs', () => {
    const font = invoiceFont(FONTS)
    for (const ch of `${RARE}⊗¥（）：；`) expect(font.glyphForCodePoint(ch.codePointAt(0)!).id, ch).not.toBe(0)
  })

  it("gives the layout's ASCII width table its real advances", () => {
    const font = invoiceFont(FONTS)
    const real = Array.from({ length: 0x7f - 0x20 }, (_, i) => font.glyphForCodePoint(0x20 + i).advanceWidth)
    expect([...ASCII_ADVANCES]).toEqual(real)
  })
})

describe('subsetFont', () => {
  const text = `发票号码：26442000000000012345 华为技术有限公司 ${RARE} ¥1130.00`

  it('is a standalone TrueType font with the same glyphs, found by code point', () => {
    const s = subsetFont(FONTS, text)
    const full = invoiceFont(FONTS)
    const sub = fontkit.create(Buffer.from(s.bytes)) as fontkit.Font
    expect(sub.numGlyphs).toBe(new Set([...text].filter((c) => c !== ' ')).size + 2) // .notdef and the space
    for (const ch of new Set(text)) {
      const cp = ch.codePointAt(0)!
      const g = sub.glyphForCodePoint(cp)
      expect(g.id, ch).toBe(s.glyphs.get(cp))
      expect(g.advanceWidth, ch).toBe(full.glyphForCodePoint(cp).advanceWidth)
      expect(g.path.toSVG(), ch).toBe(full.glyphForCodePoint(cp).path.toSVG())
    }
    expect(s.bytes.length).toBeLessThan(fs.statSync(fontPath(FONTS)).size / 100)
  })

  it('reads as a font to FreeType (fontconfig), with every character in its charset', () => {
    const s = subsetFont(FONTS, text)
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'subset-')), 'subset.ttf')
    fs.writeFileSync(file, s.bytes)
    const out = execFileSync('fc-query', ['--format', '%{family}\n%{charset}\n', file], { encoding: 'utf8' })
    const [family, charset] = out.split('\n') as [string, string]
    expect(family).toContain('LXGW WenKai')
    // charset: hex ranges "4e00-4e01 5e02 ..."
    const ranges = charset
      .trim()
      .split(/\s+/)
      .map((r) => r.split('-').map((h) => parseInt(h, 16)))
    const has = (cp: number) => ranges.some(([a, b]) => cp >= a! && cp <= (b ?? a)!)
    for (const ch of new Set(text.replace(/ /g, ''))) expect(has(ch.codePointAt(0)!), ch).toBe(true)
  })

  it('brings the glyphs a composite glyph is built from, renumbered, so it draws as in the whole font', () => {
    // ¨ ´ − ∕ are composite glyphs in the shipped font (each one component: a glyph no character maps to)
    const composite = '¨´−∕'
    const s = subsetFont(FONTS, `发票${composite}`)
    const full = invoiceFont(FONTS)
    const sub = fontkit.create(Buffer.from(s.bytes)) as fontkit.Font
    expect(sub.numGlyphs).toBe(1 + 2 + composite.length + composite.length) // .notdef, 发票, the composites, their parts
    for (const ch of composite) {
      const g = sub.glyphForCodePoint(ch.codePointAt(0)!)
      expect(g.path.commands.length, ch).toBeGreaterThan(0)
      expect(g.path.toSVG(), ch).toBe(full.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG())
    }
  })

  it('puts the leading characters first: their outlines are the same bytes whatever the rest of the text', () => {
    const leading = '发票号码开票日期0123456789'
    const one = subsetFont(FONTS, '华为技术有限公司 ¥1130.00', leading)
    const two = subsetFont(FONTS, `${RARE} 号码 42`, leading)
    const outlines = (s: ReturnType<typeof subsetFont>) => Buffer.from(s.bytes.subarray(s.outlines.at, s.outlines.leadingEnd))
    expect(outlines(one).length).toBeGreaterThan(1000)
    expect(outlines(one).equals(outlines(two))).toBe(true)
    // and the rest differs, each font drawing its own text
    expect(Buffer.from(one.bytes.subarray(one.outlines.leadingEnd)).equals(Buffer.from(two.bytes.subarray(two.outlines.leadingEnd)))).toBe(false)
    const sub = fontkit.create(Buffer.from(two.bytes)) as fontkit.Font
    for (const ch of `${leading}${RARE}`)
      expect(sub.glyphForCodePoint(ch.codePointAt(0)!).path.toSVG(), ch).toBe(invoiceFont(FONTS).glyphForCodePoint(ch.codePointAt(0)!).path.toSVG())
  })

  it('maps a character the font lacks to glyph 0', () => {
    expect(subsetFont(FONTS, '\u{E000}').glyphs.get(0xe000)).toBe(0)
  })
})
