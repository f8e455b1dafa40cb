import { describe, expect, it } from 'vitest'
import { amountInWords } from './amountInWords'
import { Dec } from './money'
import { prepareDraft } from './prepare'
import { invoiceRows } from './rows'
import { sampleDraft } from './sample'

// Timing belongs to the benchmarks (`prepareDraft(sampleDraft(2000))`); this checks what they time.
describe('prepareDraft on the 2,000-line sample the benchmarks time', () => {
  it.each([false, true])('priceIncludesTax %s: valid, and its totals are the sum of its rows', (priceIncludesTax) => {
    const { draft, issues } = prepareDraft(sampleDraft(2000, { priceIncludesTax }), { operator: '张三' })
    expect(issues).toEqual([])
    expect(draft.lines).toHaveLength(2000)
    const rows = invoiceRows(draft)
    const amount = rows.reduce((s, r) => s.plus(r.amount), new Dec(0))
    const tax = rows.reduce((s, r) => s.plus(r.tax), new Dec(0))
    expect(draft.totals).toEqual({
      amount: amount.toFixed(2),
      tax: tax.toFixed(2),
      total: amount.plus(tax).toFixed(2),
      totalInWords: amountInWords(amount.plus(tax)),
    })
    for (const line of draft.lines) {
      expect(line.amount).toMatch(/^\d+\.\d\d$/)
      expect(line.tax).toMatch(/^\d+\.\d\d$/)
    }
  })

  it('returns the issues with the computed draft', () => {
    const input = sampleDraft(3)
    input.lines[1] = { ...input.lines[1]!, taxCode: '123' }
    const { draft, issues } = prepareDraft(input)
    expect(draft.totals.total).not.toBe('0.00')
    expect(issues).toEqual([{ path: 'lines.1.taxCode', message: '第 2 行：商品和服务税收分类编码应为 19 位数字' }])
  })
})
