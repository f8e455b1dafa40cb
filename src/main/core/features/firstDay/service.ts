// 开票默认值 and the 新手引导's state, kept in the company's own ledger (its settings table): a
// second company starts with its own defaults and its own guide.
import type { GuideStatus, InvoiceDefaults } from '../../../../shared/api/firstDay'
import { INVOICE_KINDS, type InvoiceKind } from '../../../../shared/domain/invoice/kinds'
import type { Ledger } from '../../ledger/open'
import { recordAudit } from '../audit/service'

const KEY = {
  kind: 'defaults.kind',
  priceIncludesTax: 'defaults.priceIncludesTax',
  guideDismissed: 'guide.dismissed',
  queryViewed: 'guide.queryViewed',
}

/** what a new company's first invoice starts as: the manual's flow begins with 数电普票, 不含税 */
const FACTORY: InvoiceDefaults = { kind: '82', priceIncludesTax: false }

function read(ledger: Ledger, key: string): string | undefined {
  return (ledger.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value
}

function write(ledger: Ledger, key: string, value: string): void {
  ledger.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
}

const kindName = (kind: InvoiceKind): string => INVOICE_KINDS.find((k) => k.code === kind)!.short

export function invoiceDefaults(ledger: Ledger): InvoiceDefaults {
  const kind = read(ledger, KEY.kind)
  const inclusive = read(ledger, KEY.priceIncludesTax)
  return {
    kind: kind === '81' || kind === '82' ? kind : FACTORY.kind,
    priceIncludesTax: inclusive === undefined ? FACTORY.priceIncludesTax : inclusive === '1',
  }
}

export function setInvoiceDefaults(ledger: Ledger, input: InvoiceDefaults, now: string): InvoiceDefaults {
  const before = invoiceDefaults(ledger)
  ledger.db.transaction(() => {
    write(ledger, KEY.kind, input.kind)
    write(ledger, KEY.priceIncludesTax, input.priceIncludesTax ? '1' : '0')
    recordAudit(ledger.orm, now, {
      action: 'update',
      entity: 'company',
      summary: `修改开票默认值：票种 ${kindName(input.kind)}，${input.priceIncludesTax ? '含税' : '不含税'}`,
      details: { before, after: input },
    })
  })()
  return invoiceDefaults(ledger)
}

export function guideStatus(ledger: Ledger): GuideStatus {
  const count = (sql: string): number => (ledger.db.prepare(sql).get() as { n: number }).n
  const issued = count("SELECT count(*) AS n FROM invoices WHERE state = 'issued'") > 0
  return {
    dismissed: read(ledger, KEY.guideDismissed) === '1',
    done: {
      customers: count('SELECT count(*) AS n FROM customers') > 0,
      issue: issued,
      // seen only counts once there was an issued invoice to see
      query: issued && read(ledger, KEY.queryViewed) === '1',
    },
  }
}

export function setGuide(ledger: Ledger, input: { dismissed?: boolean; queryViewed?: true }): GuideStatus {
  if (input.dismissed !== undefined) write(ledger, KEY.guideDismissed, input.dismissed ? '1' : '0')
  if (input.queryViewed && guideStatus(ledger).done.issue) write(ledger, KEY.queryViewed, '1')
  return guideStatus(ledger)
}
