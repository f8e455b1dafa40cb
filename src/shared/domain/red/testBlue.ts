// A blue invoice for the red rules' tests: three lines — goods with 数量, a service without, and a
// discounted line (merged with its 折扣行 for reversal).
import { computeDraft, type ComputedDraft } from '../invoice'
import { testDraft, testLine } from '../invoice/testDraft'

export function testBlue(): ComputedDraft {
  return computeDraft(
    testDraft({
      lines: [
        // 金额 1000.00, 税额 130.00
        testLine({ name: '办公椅', taxCode: '1060512990000000000', unit: '把', quantity: '10', unitPrice: '100', taxRate: '0.13' }),
        // 金额 500.00, 税额 30.00, no 数量/单价
        testLine({ name: '安装服务', unit: '次', quantity: null, unitPrice: null, amount: '500', taxRate: '0.06' }),
        // 金额 1000.00 − 折扣 100.00 = 900.00; 税额 130.00 − 13.00 = 117.00; net 单价 225
        testLine({ name: '办公桌', taxCode: '1060512990000000000', unit: '张', quantity: '4', unitPrice: '250', taxRate: '0.13', discount: '100' }),
      ],
    }),
  )
}

/** A 差额开票 blue invoice: 含税销售额 10,600.00 less 扣除额 5,000.00 at 6% → 金额 10283.02, 税额 316.98. */
export function testDifferenceBlue(): ComputedDraft {
  return computeDraft(
    testDraft({
      taxMode: '差额征税',
      differenceMode: '02',
      priceIncludesTax: true,
      lines: [testLine({ name: '旅游服务', quantity: null, unitPrice: null, amount: '10600', deduction: '5000', taxRate: '0.06' })],
    }),
  )
}
