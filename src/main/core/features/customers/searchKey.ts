// Chinese users find a customer by typing the 拼音首字母 of its name: `hwkj` finds 华为科技….
// The key is computed when a customer is written, so a search is a plain LIKE.
import { createRequire } from 'node:module'
import type * as PinyinPro from 'pinyin-pro'

// pinyin-pro's dictionary is half a megabyte of code: loaded (synchronously, its CommonJS build) when
// a name is first keyed, not whenever a ledger opens — a command that only reads never needs it
let pinyinPro: typeof PinyinPro | undefined
const loadPinyin = () => (pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as typeof PinyinPro)

export function initialsOf(name: string): string {
  // pinyin-pro reads words in context, so 重庆 gives cq and 银行 gives yh
  return loadPinyin().pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
}

/** lower-case name, then the initials, separated so a match cannot span both */
export function customerSearchKey(name: string): string {
  return `${name.toLowerCase()}\n${initialsOf(name)}`
}
