// GBK (code page 936) for the .csv old tools read. Most Chinese text fits; what does not is first
// tried in its compatibility form (NFKC: a half-width ｶ becomes カ, ™ becomes TM), and only
// a character GBK has no form of at all (𠮷, an emoji) becomes '?', counted so the caller can say so.
import type * as Iconv from 'iconv-lite'
import { lazyRequire } from '../../lazyRequire'

const iconv = lazyRequire<typeof Iconv>('iconv-lite')

const fits = new Map<number, boolean>()

function inGbk(ch: string): boolean {
  const cp = ch.codePointAt(0)!
  let ok = fits.get(cp)
  if (ok === undefined) {
    // iconv-lite writes '?' for what GBK cannot hold
    const bytes = iconv().encode(ch, 'gbk')
    ok = !(bytes.length === 1 && bytes[0] === 0x3f)
    fits.set(cp, ok)
  }
  return ok
}

/** the text with every character GBK can hold, and how many became '?' */
export function gbkText(text: string): { text: string; replaced: number } {
  if (/^[\x00-\x7f]*$/.test(text)) return { text, replaced: 0 }
  let out = ''
  let replaced = 0
  for (const ch of text) {
    if (inGbk(ch)) out += ch
    else {
      const compat = ch.normalize('NFKC')
      if (compat !== ch && [...compat].every(inGbk)) out += compat
      else {
        out += '?'
        replaced++
      }
    }
  }
  return { text: out, replaced }
}

export function encodeGbk(text: string): Buffer {
  return iconv().encode(text, 'gbk')
}
