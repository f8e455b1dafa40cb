import { describe, expect, it } from 'vitest'
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs'
import { decodeText, looksLikeText } from './decodeText'

const gbk = (text: string): Uint8Array => (cpexcel as unknown as { utils: { encode(cp: number, s: string): Uint8Array } }).utils.encode(936, text)

describe('decodeText', () => {
  const text = '名称,税号\n上海𠀀甲公司,0012\n'

  it.each([
    ['UTF-8', new TextEncoder().encode(text)],
    ['UTF-8 with BOM', new TextEncoder().encode(`\ufeff${text}`)],
    ['UTF-16LE with BOM', new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'))],
    ['UTF-16BE with BOM', new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le').swap16())],
  ])('decodes %s', (_name, bytes) => {
    expect(decodeText(bytes)).toBe(text)
  })

  it('falls back to GB18030 for GBK bytes', () => {
    expect(decodeText(gbk('名称,税号\n上海甲公司,0012\n'))).toBe('名称,税号\n上海甲公司,0012\n')
  })

  it('tells text from binary', () => {
    expect(looksLikeText('名称\t税号\r\n')).toBe(true)
    expect(looksLikeText('PK\u0003\u0004')).toBe(false)
  })
})
