// The printed rows of the exported invoices, a slice at a time: 销项 from invoice_lines (written at
// 开票 from the computed draft), 进项 from the platform's document as received. The name is printed
// as *简称*项目名称, 简称 from the ledger's tax-code table.
import { fenOfText, invoiceRows } from '../../../../shared/domain/invoice'
import type { PlatformInvoice } from '../../../../shared/platform/wire'
import type { Ledger } from '../../ledger/open'
import { prepared } from '../../sync/statements'
import type { ExportInvoice, ExportLine } from './columns'
import { rateGroup } from './rateGroup'

export type ShortNames = Map<string, string>

export function shortNames(ledger: Ledger): ShortNames {
  const rows = prepared(ledger, `SELECT code, short_name FROM tax_codes WHERE short_name <> ''`).all() as { code: string; short_name: string }[]
  return new Map(rows.map((r) => [r.code, r.short_name]))
}

/** *简称*名称; a name that already carries its 简称 stays as it is */
export function printedName(name: string, taxCode: string, names: ShortNames): string {
  const short = names.get(taxCode)
  return !short || name.startsWith('*') ? name : `*${short}*${name}`
}

interface SaleLine {
  invoice_id: number
  position: number
  name: string
  tax_code: string
  spec: string
  unit: string
  quantity: string | null
  unit_price: string | null
  amount_fen: number
  tax_rate: string
  tax_fen: number
  policy: string | null
}

/** the rows of a slice of invoices, in the slice's order */
export function linesOf(ledger: Ledger, slice: Pick<ExportInvoice, 'id' | 'number'>[], names: ShortNames): ExportLine[] {
  const ids = slice.filter((i) => i.id !== null).map((i) => i.id!)
  const sale = new Map<number, SaleLine[]>()
  if (ids.length > 0) {
    const rows = prepared(
      ledger,
      `SELECT invoice_id, position, name, tax_code, spec, unit, quantity, unit_price, amount_fen, tax_rate, tax_fen, policy
         FROM invoice_lines WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, position`,
    ).all(JSON.stringify(ids)) as SaleLine[]
    for (const r of rows) {
      const list = sale.get(r.invoice_id)
      if (list) list.push(r)
      else sale.set(r.invoice_id, [r])
    }
  }
  const numbers = slice.filter((i) => i.id === null && i.number !== null).map((i) => i.number!)
  const received = new Map<string, string>()
  if (numbers.length > 0) {
    const docs = prepared(ledger, `SELECT number, document FROM received_invoices WHERE number IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(numbers),
    ) as { number: string; document: string }[]
    for (const d of docs) received.set(d.number, d.document)
  }

  const out: ExportLine[] = []
  for (const inv of slice) {
    if (inv.id !== null) {
      for (const l of sale.get(inv.id) ?? [])
        out.push({
          number: inv.number,
          no: l.position + 1,
          name: printedName(l.name, l.tax_code, names),
          spec: l.spec,
          unit: l.unit,
          quantity: l.quantity,
          unitPrice: l.unit_price,
          amountFen: l.amount_fen,
          rate: rateGroup(l.tax_rate, l.policy),
          taxFen: l.tax_fen,
        })
    } else if (inv.number !== null) {
      const doc = received.get(inv.number)
      if (!doc) continue
      for (const r of invoiceRows((JSON.parse(doc) as PlatformInvoice).draft))
        out.push({
          number: inv.number,
          no: r.no,
          name: printedName(r.name, r.taxCode, names),
          spec: r.spec,
          unit: r.unit,
          quantity: r.quantity,
          unitPrice: r.unitPrice,
          amountFen: fenOfText(r.amount) ?? 0,
          rate: rateGroup(r.taxRate, r.policy),
          taxFen: fenOfText(r.tax) ?? 0,
        })
    }
  }
  return out
}
