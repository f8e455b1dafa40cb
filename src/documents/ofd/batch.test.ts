// A batch of OFDs in one process, as 交付 and 发票下载 make them: what the per-process caches keep
// (the font's code points, its labels' outlines deflated once — fontDeflate.ts) must never put one
// invoice's glyphs into another's file. Each OFD is unzipped, its embedded font parsed on its own, and
// every character every page shows must be in that font, drawn as the shipped font draws it.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import * as fontkit from 'fontkit'
import yauzl from 'yauzl'
import { describe, expect, it } from 'vitest'
import { testInvoice, testRedInvoice } from '../../shared/domain/invoiceLayout/testInvoice'
import type { PlatformInvoice } from '../../shared/platform/wire'
import { invoiceFont } from '../font'
import { renderOfd } from '../ofd'

const OPTS = { fontsDir: path.resolve('resources/fonts') }

function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err)
      const files = new Map<string, Buffer>()
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        }),
      )
      zip.on('end', () => resolve(files))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'TextObject',
})
interface TextObject {
  TextCode: { '#text': string }
  CGTransform: { Glyphs: string }
}

/** every text object of every page: its characters and the glyph ids it names */
async function opened(inv: PlatformInvoice, provisional = false): Promise<{ font: fontkit.Font; texts: { text: string; glyphs: number[] }[] }> {
  const files = await unzip(await renderOfd(inv, { ...OPTS, provisional }))
  const fontFile = [...files.keys()].find((k) => k.startsWith('Doc_0/Res/font_'))!
  const texts = [...files.keys()]
    .filter((k) => k.endsWith('/Content.xml'))
    .flatMap((k) => (parser.parse(files.get(k)!.toString('utf8')) as { Page: { Content: { Layer: { TextObject: TextObject[] } } } }).Page.Content.Layer.TextObject)
    .map((t) => ({ text: String(t.TextCode['#text']), glyphs: String(t.CGTransform.Glyphs).split(' ').map(Number) }))
  return { font: fontkit.create(files.get(fontFile)!) as fontkit.Font, texts }
}

describe('a batch of OFDs in one process', () => {
  const name = (n: string) => ({ buyer: { ...testInvoice(1).draft.buyer, name: n } })
  const a = testInvoice(2, name('㐂堃喆贸易有限公司'), { number: '26442000000000010001' })
  const b = testInvoice(5, name('燊犇淼科技有限公司'), { number: '26442000000000010002' })
  const long = testInvoice(60, name('龘䶮实业有限公司'), { number: '26442000000000010003' })

  it('gives each invoice a font with its own characters, drawn as the shipped font draws them', async () => {
    const full = invoiceFont(OPTS.fontsDir)
    // one after another, as a batch runs: different buyers, a provisional copy and a long invoice
    // (their labels differ: 非正式发票, 共…页), a red one, and the first again
    const batch: [PlatformInvoice, boolean][] = [
      [a, false],
      [b, false],
      [a, true],
      [long, false],
      [testRedInvoice(b), false],
      [a, false],
    ]
    for (const [inv, provisional] of batch) {
      const { font, texts } = await opened(inv, provisional)
      const shown = texts.map((t) => t.text).join('')
      expect(shown, inv.number).toContain(inv.buyer.name)
      for (const { text, glyphs } of texts) {
        expect(glyphs, text).toHaveLength([...text].length)
        ;[...text].forEach((ch, i) => {
          const cp = ch.codePointAt(0)!
          const g = font.glyphForCodePoint(cp)
          expect(g.id, `${inv.buyer.name}: ${text}[${i}]`).toBe(glyphs[i])
          expect(g.path.toSVG(), `${inv.buyer.name}: ${text}[${i}] ${ch}`).toBe(full.glyphForCodePoint(cp).path.toSVG())
        })
      }
    }
  })

  it('passes an independent unzip (Info-ZIP: every CRC, and the font deflate stream joined from its pieces)', async () => {
    for (const inv of [a, b]) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ofd-batch-')), `${inv.number}.ofd`)
      fs.writeFileSync(file, await renderOfd(inv, OPTS))
      const out = execFileSync('unzip', ['-t', file], { encoding: 'utf8' })
      expect(out).toMatch(/testing: Doc_0\/Res\/font_\d+\.ttf\s+OK/)
      expect(out).toContain('No errors detected')
    }
  })

  it('makes the same bytes for the same invoice, first in the process or after others', async () => {
    const first = await renderOfd(b, OPTS)
    await renderOfd(a, OPTS)
    await renderOfd(a, { ...OPTS, provisional: true })
    expect((await renderOfd(b, OPTS)).equals(first)).toBe(true)
  })
})
