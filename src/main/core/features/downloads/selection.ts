// Which invoices an application covers, through the one filter of 发票查询 (features/query):
// 开票日期 range, side and 票种, oldest first — and issued ones only (an invoice without a 发票号码
// is never in a download).
import type { DownloadApplication, InvoiceSide, InvoiceSummary } from '../../../../shared/api/downloads'
import type { InvoiceRow } from '../../../../shared/api/invoiceQuery'
import { RED_STATUS_LABELS } from '../../../../shared/domain/red'
import type { Ledger } from '../../ledger/open'
import { matchingRows } from '../query/filter'

function toSummary(r: InvoiceRow & { number: string }): InvoiceSummary {
  return {
    side: r.side,
    number: r.number,
    issuedAt: r.issuedAt,
    kind: r.kind,
    colour: r.colour,
    counterpartyName: r.counterpartyName,
    counterpartyTaxId: r.counterpartyTaxId,
    amount: r.amount,
    tax: r.tax,
    total: r.total,
    status: r.colour === 'red' ? '红字发票' : RED_STATUS_LABELS[r.redStatus],
  }
}

const issued = (r: InvoiceRow): r is InvoiceRow & { number: string } => r.state === 'issued' && r.number !== null

/** the invoices of an application, oldest first */
export function selectInvoices(ledger: Ledger, a: Pick<DownloadApplication, 'from' | 'to' | 'side' | 'kind'>): InvoiceSummary[] {
  const out: InvoiceSummary[] = []
  const filter = { side: a.side, from: a.from, to: a.to, kind: a.kind }
  for (const r of matchingRows(ledger, { filter }, { orderBy: { sort: 'issuedAt', order: 'asc' } })) if (issued(r)) out.push(toSummary(r))
  return out
}

/** one invoice by 发票号码 on one side, if its 开票日期 is that day */
export function findInvoice(ledger: Ledger, side: InvoiceSide, number: string, date: string): InvoiceSummary | null {
  for (const r of matchingRows(ledger, { filter: { side, number, from: date, to: date } })) if (issued(r) && r.number === number) return toSummary(r)
  return null
}
