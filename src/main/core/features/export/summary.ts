// 发票汇总: a period's issued invoices by 票种 and by 税率/征收率 (免税 and 不征税 apart), blue and red
// apart and net — the figures a bookkeeper carries to the VAT return. 销项 come from the ledger's
// invoices and their printed rows (invoice_lines, 折扣行 included, red rows negative); 进项 from
// the platform's documents as received. Sums stay in integer 分 until the answer.
import type { InvoiceTotalsReport, SideSummary, SummaryFigures, SummaryRow, SummarySide } from '../../../../shared/api/invoiceExport'
import { SUMMARY_SIDES } from '../../../../shared/api/invoiceExport'
import { fenOfText, INVOICE_KINDS, invoiceRows, moneyFromFen } from '../../../../shared/domain/invoice'
import { RATE_LABELS } from '../../../../shared/domain/rates'
import type { PlatformInvoice } from '../../../../shared/platform/wire'
import type { Ledger } from '../../ledger/open'
import { prepared } from '../../sync/statements'
import { nextDay, SALES_DATED_TEXT } from '../query/where'
import { rateGroup } from './rateGroup'

type Colour = 'blue' | 'red'

interface Sums {
  invoices: Set<string>
  amountFen: number
  taxFen: number
}

/** group key → colour → sums; a group's 份数 counts each invoice once */
class Groups {
  private readonly map = new Map<string, Record<Colour, Sums>>()

  add(key: string, colour: Colour, invoice: string, amountFen: number, taxFen: number): void {
    let g = this.map.get(key)
    if (!g) this.map.set(key, (g = { blue: emptySums(), red: emptySums() }))
    const s = g[colour]
    s.invoices.add(invoice)
    s.amountFen += amountFen
    s.taxFen += taxFen
  }

  keys(): string[] {
    return [...this.map.keys()]
  }

  row(key: string, label = key): SummaryRow {
    const g = this.map.get(key) ?? { blue: emptySums(), red: emptySums() }
    return summaryRow(label, g.blue, g.red)
  }
}

const emptySums = (): Sums => ({ invoices: new Set(), amountFen: 0, taxFen: 0 })

function figures(s: { count: number; amountFen: number; taxFen: number }): SummaryFigures {
  return { count: s.count, amount: moneyFromFen(s.amountFen), tax: moneyFromFen(s.taxFen), total: moneyFromFen(s.amountFen + s.taxFen) }
}

function summaryRow(label: string, blue: Sums, red: Sums): SummaryRow {
  const b = { count: blue.invoices.size, amountFen: blue.amountFen, taxFen: blue.taxFen }
  const r = { count: red.invoices.size, amountFen: red.amountFen, taxFen: red.taxFen }
  return {
    label,
    blue: figures(b),
    red: figures(r),
    net: figures({ count: b.count + r.count, amountFen: b.amountFen + r.amountFen, taxFen: b.taxFen + r.taxFen }),
  }
}

/** the rates in the order of the choices a bookkeeper knows; others after them */
function rateOrder(a: string, b: string): number {
  const ia = (RATE_LABELS as readonly string[]).indexOf(a)
  const ib = (RATE_LABELS as readonly string[]).indexOf(b)
  if (ia >= 0 && ib >= 0) return ia - ib
  if (ia >= 0 || ib >= 0) return ia >= 0 ? -1 : 1
  return a.localeCompare(b)
}

const kindLabel = (code: string) => INVOICE_KINDS.find((k) => k.code === code)?.short ?? code

function sideSummary(side: SummarySide, byKind: Groups, byRate: Groups): SideSummary {
  const totalBlue = emptySums()
  const totalRed = emptySums()
  const kinds = INVOICE_KINDS.map((k) => byKind.row(k.code, k.short))
  for (const key of byKind.keys()) if (!INVOICE_KINDS.some((k) => k.code === key)) kinds.push(byKind.row(key, kindLabel(key)))
  for (const k of kinds) {
    totalBlue.amountFen += fenOfText(k.blue.amount) ?? 0
    totalBlue.taxFen += fenOfText(k.blue.tax) ?? 0
    totalRed.amountFen += fenOfText(k.red.amount) ?? 0
    totalRed.taxFen += fenOfText(k.red.tax) ?? 0
  }
  const total = summaryRow('合计', totalBlue, totalRed)
  const count = (c: Colour) => kinds.reduce((n, k) => n + k[c].count, 0)
  total.blue.count = count('blue')
  total.red.count = count('red')
  total.net.count = total.blue.count + total.red.count
  return { side, byKind: kinds, byRate: byRate.keys().sort(rateOrder).map((k) => byRate.row(k)), total }
}

// written as 发票查询 writes it, so SQLite reads the period from its index (an issued invoice's is its issued_at)
const DATED = SALES_DATED_TEXT

/** 销项: issued invoices of this company; kinds from the invoice, rates from its printed rows */
function issuedSide(ledger: Ledger, from: string, until: string): SideSummary {
  const byKind = new Groups()
  const byRate = new Groups()
  const invoices = prepared(
    ledger,
    `SELECT id, kind, colour, amount_fen, tax_fen FROM invoices WHERE ${DATED} >= ? AND ${DATED} < ? AND state = 'issued'`,
  ).iterate(from, until) as Iterable<{ id: number; kind: string; colour: Colour; amount_fen: number; tax_fen: number }>
  for (const i of invoices) byKind.add(i.kind, i.colour, String(i.id), i.amount_fen, i.tax_fen)
  const lines = prepared(
    ledger,
    `SELECT i.id, i.colour, l.tax_rate, l.policy, SUM(l.amount_fen) AS amount_fen, SUM(l.tax_fen) AS tax_fen
       FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
      WHERE ${DATED} >= ? AND ${DATED} < ? AND i.state = 'issued'
      GROUP BY i.id, l.tax_rate, l.policy`,
  ).iterate(from, until) as Iterable<{ id: number; colour: Colour; tax_rate: string; policy: string | null; amount_fen: number; tax_fen: number }>
  for (const l of lines) byRate.add(rateGroup(l.tax_rate, l.policy), l.colour, String(l.id), l.amount_fen, l.tax_fen)
  return sideSummary('销项', byKind, byRate)
}

/** 进项: what the platform delivered; the rows are read from its document, as it printed them */
function receivedSide(ledger: Ledger, from: string, until: string): SideSummary {
  const byKind = new Groups()
  const byRate = new Groups()
  const rows = prepared(
    ledger,
    `SELECT number, kind, colour, amount_fen, tax_fen, document FROM received_invoices WHERE issued_at >= ? AND issued_at < ?`,
  ).iterate(from, until) as Iterable<{ number: string; kind: string; colour: Colour; amount_fen: number; tax_fen: number; document: string }>
  for (const r of rows) {
    byKind.add(r.kind, r.colour, r.number, r.amount_fen, r.tax_fen)
    const inv = JSON.parse(r.document) as PlatformInvoice
    for (const row of invoiceRows(inv.draft)) {
      byRate.add(rateGroup(row.taxRate, row.policy), r.colour, r.number, fenOfText(row.amount) ?? 0, fenOfText(row.tax) ?? 0)
    }
  }
  return sideSummary('进项', byKind, byRate)
}

export function invoiceTotals(ledger: Ledger, period: { from: string; to: string; side?: SummarySide }): InvoiceTotalsReport {
  const from = period.from
  const until = nextDay(period.to)
  const sides = period.side ? [period.side] : [...SUMMARY_SIDES]
  return {
    from: period.from,
    to: period.to,
    sides: sides.map((s) => (s === '销项' ? issuedSide(ledger, from, until) : receivedSide(ledger, from, until))),
  }
}
