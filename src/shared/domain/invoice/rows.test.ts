import { describe, expect, it } from 'vitest'
import { computeDraft } from './compute'
import { invoiceRows } from './rows'
import { testDraft, testLine } from './testDraft'

describe('invoice rows', () => {
  it('puts the 折扣行 right after its 被折扣行, same code, name and rate, negative, without 数量/单价', () => {
    const draft = computeDraft(
      testDraft({
        lines: [
          testLine({ name: '台式计算机', taxCode: '1090509010000000000', spec: 'X1', unit: '台', quantity: '2', unitPrice: '500', taxRate: '0.13', discount: '100' }),
          testLine(),
        ],
      }),
    )
    const rows = invoiceRows(draft)
    expect(rows.map((r) => [r.no, r.nature, r.line, r.name, r.taxCode, r.spec, r.unit, r.quantity, r.unitPrice, r.amount, r.taxRate, r.tax])).toEqual([
      [1, '02', 0, '台式计算机', '1090509010000000000', 'X1', '台', '2', '500', '1000.00', '0.13', '130.00'],
      [2, '01', 0, '台式计算机', '1090509010000000000', '', '', null, null, '-100.00', '0.13', '-13.00'],
      [3, '00', 1, '软件开发服务', '3040201010000000000', '', '项', '1', '10000', '10000.00', '0.06', '600.00'],
    ])
  })

  it('copies values not yet computed as they stand', () => {
    const rows = invoiceRows(testDraft({ lines: [testLine({ quantity: '', unitPrice: null, amount: 'abc', discount: '5' })] }))
    expect(rows.map((r) => [r.quantity, r.unitPrice, r.amount, r.tax])).toEqual([
      [null, null, 'abc', ''],
      [null, null, '-5', ''],
    ])
  })
})
