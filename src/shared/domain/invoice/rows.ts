// The rows printed on the invoice. A draft line with a discount becomes two rows (DOMAIN.md §2):
// the 被折扣行 and, directly after it, a 折扣行 with the same code, name and rate, negative 金额/税额
// and no 数量/单价. Totals, rendering and the platform read rows, so the expansion lives in one place.
import type { PolicyCode } from '../rates'
import { isBlank } from './money'
import type { InvoiceDraft } from './types'

/** 发票行性质 */
export const ROW_NATURES = [
  { code: '00', label: '正常行' },
  { code: '01', label: '折扣行' },
  { code: '02', label: '被折扣行' },
] as const
export type RowNature = (typeof ROW_NATURES)[number]['code']

export interface InvoiceRow {
  /** 序号, from 1 */
  no: number
  nature: RowNature
  /** index of the draft line the row comes from */
  line: number
  name: string
  taxCode: string
  spec: string
  unit: string
  quantity: string | null
  unitPrice: string | null
  amount: string
  taxRate: string
  tax: string
  policy: PolicyCode | null
}

/** The 折扣行 shows the discount negated; blank and zero have no sign. */
function negate(amount: string): string {
  if (amount.startsWith('-')) return amount.slice(1)
  return amount === '' || /^[0.]+$/.test(amount) ? amount : `-${amount}`
}

/**
 * The invoice rows of a computed draft. Values are copied as they stand: an amount not yet
 * computed stays as typed ('' when blank), and validation reports it.
 */
export function invoiceRows(draft: InvoiceDraft): InvoiceRow[] {
  const rows: InvoiceRow[] = []
  draft.lines.forEach((l, i) => {
    const discounted = !isBlank(l.discount)
    rows.push({
      no: rows.length + 1,
      nature: discounted ? '02' : '00',
      line: i,
      name: l.name,
      taxCode: l.taxCode,
      spec: l.spec,
      unit: l.unit,
      quantity: isBlank(l.quantity) ? null : l.quantity.trim(),
      unitPrice: isBlank(l.unitPrice) ? null : l.unitPrice.trim(),
      amount: l.amount?.trim() ?? '',
      taxRate: l.taxRate,
      tax: l.tax?.trim() ?? '',
      policy: l.policy,
    })
    if (discounted) {
      rows.push({
        no: rows.length + 1,
        nature: '01',
        line: i,
        name: l.name,
        taxCode: l.taxCode,
        spec: '',
        unit: '',
        quantity: null,
        unitPrice: null,
        amount: negate((l.discount ?? '').trim()),
        taxRate: l.taxRate,
        tax: negate(l.discountTax?.trim() ?? ''),
        policy: l.policy,
      })
    }
  })
  return rows
}
