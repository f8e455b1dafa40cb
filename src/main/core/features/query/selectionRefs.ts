// 发票查询's selection (ticked rows, or all that match) as the invoice refs 打印 and 交付 take — a
// 销项 by its ledger id (it may have no number yet), a 进项 by its 发票号码 — newest first. A
// selection larger than the action takes is refused with the count before any row is read.
import type { InvoiceRow, InvoiceSelection } from '../../../../shared/api/invoiceQuery'
import type { ParsedInvoiceRef } from '../../../../shared/api/invoiceRef'
import { AppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import { matchingRows, selectionTotals } from './filter'

export function selectionRefs(ledger: Ledger, selection: InvoiceSelection, max: number, tooMany: string): { ref: ParsedInvoiceRef; row: InvoiceRow }[] {
  const count = selectionTotals(ledger, selection).total
  if (count === 0) throw new AppError('NOT_FOUND', '所选发票已不在查询结果中：请刷新列表后重新选择')
  if (count > max) throw new AppError('VALIDATION', `${tooMany}（已选择 ${count.toLocaleString('en')} 张）`)
  const out: { ref: ParsedInvoiceRef; row: InvoiceRow }[] = []
  for (const row of matchingRows(ledger, selection, { batch: Math.min(max, 1000) })) out.push({ ref: row.side === '销项' ? { id: row.id! } : { number: row.number! }, row })
  return out
}
