// The buyer's e-mail is remembered with the customer (客户信息维护's 邮箱): the 交付 dialog is
// prefilled from the customer matching the buyer — by 纳税人识别号, else by the exact name — and a
// send to a new address for a known customer keeps that address.
import { eq } from 'drizzle-orm'
import type { InvoicePaper } from '../../../../shared/api/invoicePaper'
import type { DeliveryInfo } from '../../../../shared/api/delivery'
import type { Ledger } from '../../ledger/open'
import { customers } from '../../ledger/schema'
import { recordAudit } from '../audit/service'

interface Match {
  id: number
  name: string
  email: string
}

export function customerOf(ledger: Ledger, buyer: { name: string; taxId: string }): Match | null {
  const taxId = buyer.taxId.trim()
  const name = buyer.name.trim()
  const byTaxId = taxId ? (ledger.db.prepare('SELECT id, name, email FROM customers WHERE tax_id = ? ORDER BY id LIMIT 1').get(taxId) as Match | undefined) : undefined
  if (byTaxId) return byTaxId
  if (!name) return null
  // by name only when the name is not ambiguous, and for a buyer without 税号 or a customer without one
  const byName = ledger.db.prepare("SELECT id, name, email FROM customers WHERE name = ? AND (? = '' OR tax_id = '') LIMIT 2").all(name, taxId) as Match[]
  return byName.length === 1 ? byName[0]! : null
}

export function deliveryInfo(ledger: Ledger, paper: InvoicePaper): DeliveryInfo {
  // a 进项's counterparty is its seller, who is not a customer: nothing to prefill
  const customer = paper.side === '销项' ? customerOf(ledger, paper.invoice.buyer) : null
  return {
    number: paper.provisional ? null : paper.invoice.number,
    issued: !paper.provisional,
    side: paper.side,
    buyerName: paper.invoice.buyer.name,
    email: customer?.email ?? '',
    customerId: customer?.id ?? null,
    invoices: 1,
  }
}

/** after a send: a customer that had no or another address keeps the first one sent to; its name, or null */
export function rememberAddress(ledger: Ledger, papers: InvoicePaper[], to: string, now: string): string | null {
  const buyers = new Map<number, Match>()
  for (const p of papers) {
    if (p.side !== '销项') continue
    const c = customerOf(ledger, p.invoice.buyer)
    if (c) buyers.set(c.id, c)
  }
  // several customers on one mail: the address is nobody's in particular
  if (buyers.size !== 1) return null
  const customer = [...buyers.values()][0]!
  if (customer.email.toLowerCase() === to.toLowerCase() || to.length > 100) return null
  ledger.orm.transaction((tx) => {
    tx.update(customers).set({ email: to, updatedAt: now }).where(eq(customers.id, customer.id)).run()
    recordAudit(tx, now, {
      action: 'update',
      entity: 'customer',
      entityId: customer.id,
      summary: `记住客户 ${customer.name} 的邮箱 ${to}（发票交付）`,
      details: { before: { email: customer.email } },
    })
  })
  return customer.name
}

/**
 * The 交付 dialog for several invoices: one buyer's remembered address when they are all one
 * customer's (the usual case: a month of one customer's invoices), else nothing to prefill.
 */
export function deliveryInfoOfMany(ledger: Ledger, papers: InvoicePaper[]): DeliveryInfo {
  const first = papers[0]!
  const sales = papers.every((p) => p.side === '销项')
  const matched = sales ? papers.map((p) => customerOf(ledger, p.invoice.buyer)) : []
  const one = matched.length > 0 && matched.every((c) => c !== null && c.id === matched[0]!.id) ? matched[0]! : null
  const buyers = new Set(papers.map((p) => p.invoice.buyer.name))
  return {
    number: null,
    issued: true,
    side: first.side,
    buyerName: buyers.size === 1 ? first.invoice.buyer.name : '',
    email: one?.email ?? '',
    customerId: one?.id ?? null,
    invoices: papers.length,
  }
}
