// Chinese users find a customer by typing the 拼音首字母 of its name: `hwkj` finds 华为科技….
// The key is computed when a customer is written, so a search is a plain LIKE.
import type * as PinyinPro from 'pinyin-pro'
import { lazyRequire } from '../../lazyRequire'

// pinyin-pro's dictionary is half a megabyte of code: loaded when a name is first keyed, not
// whenever a ledger opens — a command that only reads never needs it
const loadPinyin = lazyRequire<typeof PinyinPro>('pinyin-pro')

export function initialsOf(name: string): string {
  // pinyin-pro reads words in context, so 重庆 gives cq and 银行 gives yh
  return loadPinyin()
    .pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
}

/** lower-case name, then the initials, separated so a match cannot span both */
export function customerSearchKey(name: string): string {
  return `${name.toLowerCase()}\n${initialsOf(name)}`
}
