// Which invoices an application covers: issued ones only (an invoice without a 发票号码 is never in a
// download), by 开票日期 range, side and 票种, oldest first. Only the summary columns are read here;
// each invoice's whole document is read when its files are drawn.
// (The general filter of 发票查询 replaces this query once it lands: one filter in the codebase.)
import type { DownloadApplication, InvoiceSide, InvoiceSummary } from '../../../../shared/api/downloads'
import { moneyFromFen } from '../../../../shared/domain/invoice/money'
import { RED_STATUS_LABELS } from '../../../../shared/domain/red'
import type { RedStatus } from '../../../../shared/platform/wire'
import type { Ledger } from '../../ledger/open'

interface SummaryRow {
  number: string
  issuedAt: string
  kind: '81' | '82'
  colour: 'blue' | 'red'
  counterpartyName: string
  counterpartyTaxId: string
  amountFen: number
  taxFen: number
  totalFen: number
  redStatus: RedStatus
}

/** the day after 'YYYY-MM-DD': times are ISO strings with +08:00, so [from, next(to)) is the range */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

const SALES = `SELECT number, issued_at AS issuedAt, kind, colour, buyer_name AS counterpartyName, buyer_tax_id AS counterpartyTaxId,
    amount_fen AS amountFen, tax_fen AS taxFen, total_fen AS totalFen, red_status AS redStatus
  FROM invoices WHERE state = 'issued' AND number IS NOT NULL`
const PURCHASES = `SELECT number, issued_at AS issuedAt, kind, colour, seller_name AS counterpartyName, seller_tax_id AS counterpartyTaxId,
    amount_fen AS amountFen, tax_fen AS taxFen, total_fen AS totalFen, red_status AS redStatus
  FROM received_invoices WHERE 1 = 1`

function toSummary(side: InvoiceSide, r: SummaryRow): InvoiceSummary {
  return {
    side,
    number: r.number,
    issuedAt: r.issuedAt,
    kind: r.kind,
    colour: r.colour,
    counterpartyName: r.counterpartyName,
    counterpartyTaxId: r.counterpartyTaxId,
    amount: moneyFromFen(r.amountFen),
    tax: moneyFromFen(r.taxFen),
    total: moneyFromFen(r.totalFen),
    status: r.colour === 'red' ? '红字发票' : RED_STATUS_LABELS[r.redStatus] ?? r.redStatus,
  }
}

/** the invoices of an application, oldest first */
export function selectInvoices(ledger: Ledger, a: Pick<DownloadApplication, 'from' | 'to' | 'side' | 'kind'>): InvoiceSummary[] {
  const base = a.side === '销项' ? SALES : PURCHASES
  const sql = `${base} AND issued_at >= ? AND issued_at < ? AND (? IS NULL OR kind = ?) ORDER BY issued_at, number`
  const rows = ledger.db.prepare(sql).all(a.from, nextDay(a.to), a.kind ?? null, a.kind ?? null) as SummaryRow[]
  return rows.map((r) => toSummary(a.side, r))
}

/** one invoice by 发票号码 on one side, if its 开票日期 is that day */
export function findInvoice(ledger: Ledger, side: InvoiceSide, number: string, date: string): InvoiceSummary | null {
  const base = side === '销项' ? SALES : PURCHASES
  const row = ledger.db.prepare(`${base} AND number = ? AND issued_at >= ? AND issued_at < ?`).get(number, date, nextDay(date)) as SummaryRow | undefined
  return row ? toSummary(side, row) : null
}
