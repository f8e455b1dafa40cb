// The red invoice a 确认单 leads to (DOMAIN.md §4): the blue invoice's buyer and kind, one negative
// line per red line (a discounted line merged: no 折扣行), and the 备注 that names the blue invoice
// and the 确认单.
import { charLength } from '../text'
import { computeDraft, formatMoney, isDifferenceSale, parseMoney } from '../invoice'
import type { ComputedDraft, DraftLine } from '../invoice'
import type { RedLine } from '../../platform/red'
import { RED_REMARK_MAX } from './policy'

/** `被红冲蓝字数电发票号码：{号码} 红字发票信息确认单编号：{编号}` — what a red invoice's 备注 begins with */
export function redRemark(blueNumber: string, confirmationNumber: string): string {
  return `被红冲蓝字数电发票号码：${blueNumber} 红字发票信息确认单编号：${confirmationNumber}`
}

/** a red 备注 over the limit, as a message; null when it fits */
export function redRemarkProblem(remark: string): string | null {
  const n = charLength(remark)
  return n > RED_REMARK_MAX ? `红字发票备注不能超过 ${RED_REMARK_MAX} 个字符（现为 ${n} 个）` : null
}

export interface RedRefs {
  blueNumber: string
  confirmationNumber: string
}

/**
 * The red invoice's computed draft. `extraRemark` follows the required prefix (the platform passes
 * none); check the result with redRemarkProblem. The blue line's 优惠政策 carries over.
 */
export function redInvoiceDraft(blue: ComputedDraft, lines: readonly RedLine[], refs: RedRefs, extraRemark = ''): ComputedDraft {
  const difference = isDifferenceSale(blue)
  const draftLines: DraftLine[] = lines.map((l) => {
    const source = blue.lines[l.blueLine - 1]
    return {
      name: l.name,
      taxCode: l.taxCode,
      spec: l.spec,
      unit: l.unit,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
      taxRate: l.taxRate,
      policy: source?.policy ?? null,
      tax: l.tax,
      discount: null,
      discountTax: null,
      // 差额开票 is reversed whole (DIFFERENCE_WHOLE_ONLY): each red line carries its blue 扣除额, negated
      deduction: difference ? negatedMoney(source?.deduction) : null,
    }
  })
  const extra = extraRemark.trim()
  const remark = extra === '' ? redRemark(refs.blueNumber, refs.confirmationNumber) : `${redRemark(refs.blueNumber, refs.confirmationNumber)} ${extra}`
  // 全额开票 taxes the whole sale like 普通征税 (its 扣除额 only recorded): the red lines carry plain
  // negative 金额/税额; 差额开票 keeps its mode, so the 税额 follows 金额 − 扣除额 as on the blue invoice
  const mode = difference ? {} : { taxMode: '普通征税' as const, differenceMode: null }
  return computeDraft({ ...blue, ...mode, lines: draftLines, remark })
}

function negatedMoney(text: string | null | undefined): string | null {
  const d = parseMoney(text)
  return d === null ? null : formatMoney(d.negated())
}
