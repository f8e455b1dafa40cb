// The platform's invoice (PlatformInvoice) for an issued invoice of this ledger — what the files are
// drawn from. 进项 keep the platform's own copy; a 销项 invoice is put back together from its row
// (the computed draft the platform issued, its number, date, QR and figures) and the company.
import type { InvoiceSide } from '../../../../shared/api/downloads'
import type { ComputedDraft } from '../../../../shared/domain/invoice'
import { moneyFromFen } from '../../../../shared/domain/invoice/money'
import type { PlatformInvoice, RedStatus } from '../../../../shared/platform/wire'
import { AppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import { readCompany } from '../companies/service'

interface SalesRow {
  number: string
  kind: '81' | '82'
  colour: 'blue' | 'red'
  issuedAt: string
  buyerName: string
  buyerTaxId: string
  document: string
  drawer: string
  amountFen: number
  taxFen: number
  totalFen: number
  quotaUsedFen: number | null
  qr: string | null
  redStatus: RedStatus
  blueNumber: string | null
  redConfirmationNumber: string | null
}

export function platformInvoiceOf(ledger: Ledger, side: InvoiceSide, number: string): PlatformInvoice {
  if (side === '进项') {
    const doc = ledger.db.prepare('SELECT document FROM received_invoices WHERE number = ?').pluck().get(number) as string | undefined
    if (!doc) throw new AppError('NOT_FOUND', `没有找到进项发票 ${number}`)
    return JSON.parse(doc) as PlatformInvoice
  }
  const r = ledger.db
    .prepare(
      `SELECT number, kind, colour, issued_at AS issuedAt, buyer_name AS buyerName, buyer_tax_id AS buyerTaxId, document, drawer,
         amount_fen AS amountFen, tax_fen AS taxFen, total_fen AS totalFen, quota_used_fen AS quotaUsedFen, qr, red_status AS redStatus,
         blue_number AS blueNumber, red_confirmation_number AS redConfirmationNumber
       FROM invoices WHERE number = ? AND state = 'issued'`,
    )
    .get(number) as SalesRow | undefined
  if (!r) throw new AppError('NOT_FOUND', `没有找到已开具的发票 ${number}`)
  const company = readCompany(ledger.orm)
  if (!company) throw new AppError('NO_COMPANY', '请先创建企业')
  return {
    number: r.number,
    kind: r.kind,
    colour: r.colour,
    issuedAt: r.issuedAt,
    seller: { taxId: company.taxId, name: company.name, region: company.region },
    buyer: { name: r.buyerName, taxId: r.buyerTaxId, registered: false },
    draft: JSON.parse(r.document) as ComputedDraft,
    drawer: r.drawer,
    amount: moneyFromFen(r.amountFen),
    tax: moneyFromFen(r.taxFen),
    total: moneyFromFen(r.totalFen),
    quotaUsed: moneyFromFen(r.quotaUsedFen ?? 0),
    qr: r.qr ?? '',
    redStatus: r.redStatus,
    clientRef: null,
    redOf: r.blueNumber ? { blueNumber: r.blueNumber, confirmationNumber: r.redConfirmationNumber ?? '' } : null,
  }
}
