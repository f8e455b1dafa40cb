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

/**
 * A 销项 line as the statement returns it: an array, not an object (raw mode), since the 发票明细
 * of a 100,000-invoice export reads 300,000 of them and named rows took twice as long.
 */
type SaleLine = [
  invoiceId: number,
  position: number,
  name: string,
  taxCode: string,
  spec: string,
  unit: string,
  quantity: string | null,
  unitPrice: string | null,
  amountFen: number,
  taxRate: string,
  taxFen: number,
  policy: string | null,
]

/** the rows of a slice of invoices, in the slice's order */
export function linesOf(ledger: Ledger, slice: Pick<ExportInvoice, 'id' | 'number'>[], names: ShortNames): ExportLine[] {
  const ids = slice.filter((i) => i.id !== null).map((i) => i.id!)
  const sale = new Map<number, SaleLine[]>()
  if (ids.length > 0) {
    const rows = prepared(
      ledger,
      `SELECT invoice_id, position, name, tax_code, spec, unit, quantity, unit_price, amount_fen, tax_rate, tax_fen, policy
         FROM invoice_lines WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, position`,
    )
      .raw(true)
      .all(JSON.stringify(ids)) as SaleLine[]
    for (const r of rows) {
      const list = sale.get(r[0])
      if (list) list.push(r)
      else sale.set(r[0], [r])
    }
  }
  const numbers = slice.filter((i) => i.id === null && i.number !== null).map((i) => i.number!)
  const received = new Map<string, string>()
  if (numbers.length > 0) {
    const docs = prepared(ledger, `SELECT number, document FROM received_invoices WHERE number IN (SELECT value FROM json_each(?))`).all(JSON.stringify(numbers)) as {
      number: string
      document: string
    }[]
    for (const d of docs) received.set(d.number, d.document)
  }

  const out: ExportLine[] = []
  for (const inv of slice) {
    if (inv.id !== null) {
      for (const [, position, name, taxCode, spec, unit, quantity, unitPrice, amountFen, taxRate, taxFen, policy] of sale.get(inv.id) ?? [])
        out.push({
          number: inv.number,
          no: position + 1,
          name: printedName(name, taxCode, names),
          spec,
          unit,
          quantity,
          unitPrice,
          amountFen,
          rate: rateGroup(taxRate, policy),
          taxFen,
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
