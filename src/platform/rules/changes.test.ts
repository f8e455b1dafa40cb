import { describe, expect, it } from 'vitest'
import { BUYER, issueRequestFor, SELLER, tempPlatform } from '../testSupport'

describe('change feed', () => {
  it('GET /changes text (changesJson) is byte for byte the page readChanges gives, as JSON', () => {
    const platform = tempPlatform()
    // data that JSON escapes: quotes, backslashes, newlines, U+2028, an astral character
    const over = { remark: '第1行\n"引号" \\ 反斜杠 \u2028 分隔 😀' }
    for (let i = 0; i < 7; i++) platform.issue(SELLER.taxId, issueRequestFor(over), `k${i}`)
    for (const taxId of [SELLER.taxId, BUYER.taxId])
      for (const o of [{}, { after: '0', limit: '3' }, { after: '4', limit: '1000' }, { after: '999999' }]) {
        const text = platform.changesJson(taxId, o)
        expect(text).toBe(JSON.stringify(platform.changes(taxId, o)))
        expect(JSON.parse(text)).toEqual(platform.changes(taxId, o))
      }
    expect(platform.changes(BUYER.taxId).changes.map((c) => c.kind)).toEqual(Array(7).fill('invoice.received'))
  })
})
