// A valid draft of any size, for the benchmarks (`prepareDraft(sampleDraft(2000))`) and for tests
// that need a realistic invoice (leaf codes of the 2018 tax-code table). Lines mix the ways people enter them: 数量 + 单价, 金额 only,
// 数量 + 金额, and several rates, 免税 included.
import type { DraftLine, InvoiceDraft } from './types'

const ITEMS = [
  { name: '软件开发服务', taxCode: '3040201010000000000', unit: '项', taxRate: '0.06', policy: null },
  { name: '台式计算机', taxCode: '1090509010000000000', unit: '台', taxRate: '0.13', policy: null },
  { name: '大米', taxCode: '1030102010100000000', unit: '千克', taxRate: '0.09', policy: null },
  { name: '稻谷', taxCode: '1010101010000000000', unit: '千克', taxRate: '0', policy: '03' },
  // 简易计税 at 3% on a code the table marks 简易征收 (a 一般纳税人's 3% carries 01)
  { name: '装卸搬运服务', taxCode: '3040408000000000000', unit: '次', taxRate: '0.03', policy: '01' },
] as const

function sampleLine(i: number): DraftLine {
  const item = ITEMS[i % ITEMS.length]!
  const quantity = String((i % 7) + 1)
  const unitPrice = `${(i % 97) + 1}.${String(i % 100).padStart(2, '0')}`
  const amount = `${(i % 89) * 10 + 100}.${String((i * 7) % 100).padStart(2, '0')}`
  const entry = i % 3
  return {
    name: item.name,
    taxCode: item.taxCode,
    spec: i % 2 === 0 ? `型号-${i}` : '',
    unit: item.unit,
    quantity: entry === 1 ? null : quantity,
    unitPrice: entry === 0 ? unitPrice : null,
    amount: entry === 0 ? null : amount,
    taxRate: item.taxRate,
    policy: item.policy,
    discount: null,
  }
}

/** A 数电普票 to an enterprise: a 专票 could not carry the 免税 lines. */
export function sampleDraft(lines: number, opts: { priceIncludesTax?: boolean } = {}): InvoiceDraft {
  return {
    kind: '82',
    taxMode: '普通征税',
    priceIncludesTax: opts.priceIncludesTax ?? false,
    buyer: {
      type: '企业',
      name: '华为技术有限公司',
      taxId: '914403001922038216',
      address: '深圳市龙岗区坂田华为基地',
      phone: '0755-28780808',
      bank: '中国银行深圳分行',
      account: '777057943281',
      showAddressPhone: true,
      showBank: true,
    },
    lines: Array.from({ length: lines }, (_, i) => sampleLine(i)),
    extras: [{ name: '项目编号', value: 'P-001' }],
    remark: '',
    agent: null,
    payee: '',
    reviewer: '',
  }
}
