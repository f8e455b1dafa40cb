// A small valid draft for the tests of this folder: 数电专票 to an enterprise, one 6% service line.
import type { DraftLine, InvoiceDraft } from './types'

export function testLine(over: Partial<DraftLine> = {}): DraftLine {
  return {
    name: '软件开发服务',
    taxCode: '3040201010000000000',
    spec: '',
    unit: '项',
    quantity: '1',
    unitPrice: '10000',
    amount: null,
    taxRate: '0.06',
    policy: null,
    discount: null,
    ...over,
  }
}

export function testDraft(over: Partial<InvoiceDraft> = {}): InvoiceDraft {
  return {
    kind: '81',
    taxMode: '普通征税',
    priceIncludesTax: false,
    buyer: {
      type: '企业',
      name: '华为技术有限公司',
      taxId: '914403001922038216',
      address: '',
      phone: '',
      bank: '',
      account: '',
      showAddressPhone: false,
      showBank: false,
    },
    lines: [testLine()],
    extras: [{ name: '项目编号', value: 'P-001' }],
    remark: '',
    agent: null,
    payee: '',
    reviewer: '',
    ...over,
  }
}
