// An invoice of this ledger as the platform's invoice (PlatformInvoice), the one shape every
// drawing of it takes (预览, PDF, OFD, XML): a 销项 invoice from its ledger row and the company as
// seller — provisional while the platform has not issued it (no number, no QR) — and a 进项 one
// from the platform's own document kept in received_invoices.
import { eq, inArray } from 'drizzle-orm'
import type { InvoicePaper } from '../../../../shared/api/invoicePaper'
import type { ParsedInvoiceRef } from '../../../../shared/api/invoiceRef'
import { computeDraft, moneyFromFen, type InvoiceDraft } from '../../../../shared/domain/invoice'
import type { PlatformInvoice, RedStatus } from '../../../../shared/platform/wire'
import { AppError } from '../../errors'
import type { Db, Ledger } from '../../ledger/open'
import { company, invoices, receivedInvoices, taxCodes } from '../../ledger/schema'
import { actorOf } from '../audit/service'

type SalesRow = typeof invoices.$inferSelect

function seller(orm: Db): PlatformInvoice['seller'] {
  const c = orm.select({ taxId: company.taxId, name: company.name, region: company.region }).from(company).where(eq(company.id, 1)).get()
  if (!c) throw new AppError('NO_COMPANY', '尚未设置本企业信息')
  return c
}

function fromSales(orm: Db, r: SalesRow): InvoicePaper['invoice'] {
  const draft = computeDraft(JSON.parse(r.document) as InvoiceDraft)
  const issued = r.state === 'issued' && r.number !== null
  return {
    number: issued ? r.number! : '',
    kind: r.kind,
    colour: r.colour,
    // not issued: the time it was last written, printed as the date of the provisional copy
    issuedAt: (issued ? r.issuedAt : null) ?? r.queuedAt ?? r.updatedAt,
    seller: seller(orm),
    // whether the buyer is a platform taxpayer is the platform's knowledge; nothing drawn depends on it
    buyer: { name: draft.buyer.name, taxId: draft.buyer.taxId, registered: false },
    draft,
    drawer: r.drawer || actorOf(orm),
    amount: draft.totals.amount,
    tax: draft.totals.tax,
    total: draft.totals.total,
    quotaUsed: r.quotaUsedFen === null ? draft.totals.amount : moneyFromFen(r.quotaUsedFen),
    qr: issued ? (r.qr ?? '') : '',
    redStatus: r.redStatus as RedStatus,
    clientRef: null,
    redOf: r.blueNumber && r.redConfirmationNumber ? { blueNumber: r.blueNumber, confirmationNumber: r.redConfirmationNumber } : null,
  }
}

function shortNamesOf(orm: Db, invoice: PlatformInvoice): Record<string, string> {
  const codes = [...new Set(invoice.draft.lines.map((l) => l.taxCode))]
  if (codes.length === 0) return {}
  const rows = orm.select({ code: taxCodes.code, shortName: taxCodes.shortName }).from(taxCodes).where(inArray(taxCodes.code, codes)).all()
  return Object.fromEntries(rows.filter((r) => r.shortName !== '').map((r) => [r.code, r.shortName]))
}

/**
 * The invoice `ref` names: by ledger id (销项, any state), or by 发票号码 — this company's issued
 * invoice first, else a received one. The one way every drawing and 交付 finds an invoice.
 */
export function paperOf(ledger: Ledger, ref: ParsedInvoiceRef): InvoicePaper {
  const orm = ledger.orm
  if ('id' in ref) {
    const r = orm.select().from(invoices).where(eq(invoices.id, ref.id)).get()
    if (!r) throw new AppError('NOT_FOUND', `发票（编号 ${ref.id}）不存在或已被删除`)
    return salesPaper(orm, r)
  }
  const number = ref.number.trim()
  const sale = orm.select().from(invoices).where(eq(invoices.number, number)).get()
  if (sale) return salesPaper(orm, sale)
  const received = orm
    .select({ document: receivedInvoices.document, redStatus: receivedInvoices.redStatus })
    .from(receivedInvoices)
    .where(eq(receivedInvoices.number, number))
    .get()
  if (!received) throw new AppError('NOT_FOUND', `未查询到该发票（发票号码 ${number}）`)
  // the 红冲状态 column follows the platform's later status changes; the document is as received
  const invoice = { ...(JSON.parse(received.document) as PlatformInvoice), redStatus: received.redStatus as RedStatus }
  return { invoice, side: '进项', provisional: false, id: null, shortNames: shortNamesOf(orm, invoice) }
}

function salesPaper(orm: Db, r: SalesRow): InvoicePaper {
  const invoice = fromSales(orm, r)
  return { invoice, side: '销项', provisional: invoice.number === '', id: r.id, shortNames: shortNamesOf(orm, invoice) }
}
