import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { encodeGbk, gbkText } from './gbk'

describe('GBK text for the .csv', () => {
  it('keeps what GBK holds (GB2312 and beyond, 镕), maps compatibility forms (ｶ → カ, ™ → TM), and makes only the rest "?"', () => {
    expect(gbkText('朱镕基 深圳市测试科技有限公司')).toEqual({ text: '朱镕基 深圳市测试科技有限公司', replaced: 0 })
    expect(gbkText('ｶｽ商店™')).toEqual({ text: 'カス商店TM', replaced: 0 })
    expect(gbkText('𠮷野家😀')).toEqual({ text: '?野家?', replaced: 2 })
    expect(iconv.decode(encodeGbk(gbkText('镕𠮷').text), 'gbk')).toBe('镕?')
  })
})
