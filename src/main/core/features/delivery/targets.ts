// Which invoices a 交付 (mail, .eml or zip) hands over: the refs named, or 发票查询's selection —
// the ticked rows or all that match, walked with the query's own iterator. Only issued invoices go
// to a buyer; a selection larger than one 交付 takes is refused before any file is fetched.
import { DELIVERY_MAX, TOO_MANY, type DeliveryFormat } from '../../../../shared/api/delivery'
import type { InvoiceSelection } from '../../../../shared/api/invoiceQuery'
import type { InvoicePaper } from '../../../../shared/api/invoicePaper'
import type { ParsedInvoiceRef } from '../../../../shared/api/invoiceRef'
import type { CoreContext } from '../../context'
import { AppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import type { Connector } from '../../sync/connection'
import { drawnFile } from './files'
import type { Delivered } from './message'
import { paperOf } from '../paper/paperOf'
import { selectionRefs } from '../query/selectionRefs'

export interface DeliveryTarget {
  refs?: ParsedInvoiceRef[]
  selection?: InvoiceSelection
}

function refsOfSelection(ledger: Ledger, selection: InvoiceSelection): ParsedInvoiceRef[] {
  return selectionRefs(ledger, selection, DELIVERY_MAX, TOO_MANY).map(({ ref, row }) => {
    if (row.state !== 'issued' || row.number === null)
      throw new AppError('CONFLICT', `所选发票中有尚未开具成功的发票（${row.counterpartyName || '未填购买方'}，价税合计 ¥${row.total}），不能交付：请取消勾选后再交付`)
    return ref
  })
}

/** the invoices to hand over, each once (by 发票号码), in the order named or listed */
export function papersToDeliver(ledger: Ledger, target: DeliveryTarget): InvoicePaper[] {
  const refs = target.selection ? refsOfSelection(ledger, target.selection) : (target.refs ?? [])
  const papers: InvoicePaper[] = []
  for (const ref of refs) {
    const p = paperOf(ledger, ref)
    if (p.provisional) throw new AppError('CONFLICT', `发票（编号 ${p.id}）尚未开具成功，不能交付：开具成功后再发送`)
    if (!papers.some((q) => q.invoice.number === p.invoice.number)) papers.push(p)
  }
  return papers
}

/** each invoice's chosen files (each format once): the platform's, else the 本地副本 drawn here */
export async function deliveredFiles(ctx: CoreContext, connector: Connector, ledger: Ledger, papers: InvoicePaper[], formats: DeliveryFormat[]): Promise<Delivered[]> {
  const items: Delivered[] = []
  for (const paper of papers) {
    const files = []
    for (const f of new Set(formats)) files.push(await drawnFile(ctx, connector, ledger, paper, f))
    items.push({ paper, files })
  }
  return items
}
