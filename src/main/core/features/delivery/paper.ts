// Which invoice a 交付 is about, and the invoice as a PlatformInvoice for drawing it here: a 销项
// from this ledger's invoices (a draft or queued one drawn provisionally), a 进项 as the platform
// delivered it. (The files helper's paperOf, features/paper/, replaces the drawing part once merged.)
import { eq, inArray } from 'drizzle-orm'
import type { InvoiceRef } from '../../../../shared/api/delivery'
import { computeDraft, type InvoiceDraft } from '../../../../shared/domain/invoice'
import type { PlatformInvoice, RedStatus } from '../../../../shared/platform/wire'
import { AppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import { invoices, receivedInvoices, taxCodes } from '../../ledger/schema'
import { readCompany } from '../companies/service'

export interface Paper {
  invoice: PlatformInvoice
  /** the platform has issued it (it has a number): its files are the platform's */
  issued: boolean
  side: '销项' | '进项'
  /** the 销项 row's id (a name for a file of an invoice without a number) */
  id: number | null
  /** tax code → 简称 from this ledger's table, for the printed `*简称*名称` */
  shortNames: Record<string, string>
}

function shortNamesOf(ledger: Ledger, invoice: PlatformInvoice): Record<string, string> {
  const codes = [...new Set(invoice.draft.lines.map((l) => l.taxCode))]
  if (codes.length === 0) return {}
  const rows = ledger.orm.select({ code: taxCodes.code, shortName: taxCodes.shortName }).from(taxCodes).where(inArray(taxCodes.code, codes)).all()
  return Object.fromEntries(rows.filter((r) => r.shortName !== '').map((r) => [r.code, r.shortName]))
}

function withShortNames(ledger: Ledger, p: Omit<Paper, 'shortNames'>): Paper {
  return { ...p, shortNames: shortNamesOf(ledger, p.invoice) }
}

function sales(ledger: Ledger, r: typeof invoices.$inferSelect, now: string): Omit<Paper, 'shortNames'> {
  const company = readCompany(ledger.orm)
  if (!company) throw new AppError('NO_COMPANY', '请先创建企业')
  const draft = computeDraft(JSON.parse(r.document) as InvoiceDraft)
  const issued = r.state === 'issued' && r.number !== null
  return {
    issued,
    side: '销项',
    id: r.id,
    invoice: {
      number: r.number ?? '',
      kind: r.kind,
      colour: r.colour,
      issuedAt: r.issuedAt ?? now,
      seller: { taxId: company.taxId, name: company.name, region: company.region },
      buyer: { name: draft.buyer.name, taxId: draft.buyer.taxId, registered: false },
      draft,
      drawer: r.drawer,
      amount: draft.totals.amount,
      tax: draft.totals.tax,
      total: draft.totals.total,
      quotaUsed: draft.totals.amount,
      qr: r.qr ?? '',
      redStatus: r.redStatus as RedStatus,
      clientRef: null,
      redOf: r.blueNumber && r.redConfirmationNumber ? { blueNumber: r.blueNumber, confirmationNumber: r.redConfirmationNumber } : null,
    },
  }
}

export function findPaper(ledger: Ledger, ref: InvoiceRef, now: string): Paper {
  if ('id' in ref) {
    const r = ledger.orm.select().from(invoices).where(eq(invoices.id, ref.id)).get()
    if (!r) throw new AppError('NOT_FOUND', `发票（编号 ${ref.id}）不存在或已被删除`)
    return withShortNames(ledger, sales(ledger, r, now))
  }
  const number = ref.number.trim()
  const own = ledger.orm.select().from(invoices).where(eq(invoices.number, number)).get()
  if (own) return withShortNames(ledger, sales(ledger, own, now))
  const received = ledger.orm.select().from(receivedInvoices).where(eq(receivedInvoices.number, number)).get()
  if (received)
    return withShortNames(ledger, {
      issued: true,
      side: '进项',
      id: null,
      invoice: { ...(JSON.parse(received.document) as PlatformInvoice), redStatus: received.redStatus as RedStatus },
    })
  throw new AppError('NOT_FOUND', `本企业的销项和进项中没有发票号码为 ${number} 的发票`)
}

/** `<号码>` for an issued invoice; `未开具发票-<编号>` for one without a number */
export const fileStem = (p: Paper): string => (p.issued ? p.invoice.number : `未开具发票-${p.id ?? 0}`)
