// The columns 发票查询 reads and the one row shape both sides become (InvoiceRow).
import { sql, type SQL } from 'drizzle-orm'
import type { InvoiceRow, InvoiceSide, QuerySort } from '../../../../shared/api/invoiceQuery'
import type { BookingStatus } from '../../../../shared/platform/booking'
import { moneyFromFen } from '../../../../shared/domain/invoice'
import type { Ledger } from '../../ledger/open'
import { latestRows, type OutboxRow } from '../../sync/outbox'
import { syncStateOf } from '../../sync/syncState'
import { SALES_DATED, SALES_DATED_TEXT } from './where'

/** what a row of either side is read as */
export interface RawRow {
  id: number | null
  number: string | null
  kind: '81' | '82'
  colour: 'blue' | 'red'
  dated: string
  name: string
  taxId: string
  amountFen: number
  taxFen: number
  totalFen: number
  state: InvoiceRow['state']
  redStatus: InvoiceRow['redStatus']
  booking: BookingStatus | null
  drawer: string | null
  lineCount: number
  blueNumber: string | null
  failure: string | null
  queuedAt: string | null
  specialKind: InvoiceRow['specialKind']
}

export const SALES_COLUMNS = sql.raw(`id, number, kind, colour, ${SALES_DATED_TEXT} AS dated, buyer_name AS name,
  buyer_tax_id AS taxId, amount_fen AS amountFen, tax_fen AS taxFen, total_fen AS totalFen, state, red_status AS redStatus,
  NULL AS booking, drawer, line_count AS lineCount, blue_number AS blueNumber, failure, queued_at AS queuedAt, special_kind AS specialKind`)

export const PURCHASE_COLUMNS = sql.raw(`NULL AS id, number, kind, colour, issued_at AS dated, seller_name AS name,
  seller_tax_id AS taxId, amount_fen AS amountFen, tax_fen AS taxFen, total_fen AS totalFen, 'issued' AS state,
  red_status AS redStatus, booking, json_extract(document, '$.drawer') AS drawer, line_count AS lineCount,
  json_extract(document, '$.redOf.blueNumber') AS blueNumber, NULL AS failure, NULL AS queuedAt, special_kind AS specialKind`)

/**
 * The sort column and the tie-break that makes the order total (so pages never repeat or skip a
 * row among equal dates or amounts): the id for 销项, the 发票号码 (unique) for 进项.
 */
export function sortOf(side: InvoiceSide, sort: QuerySort): { by: SQL; tie: SQL } {
  const sales = side === '销项'
  const tie = sql.raw(sales ? 'id' : 'number')
  if (sort === 'total') return { by: sql.raw('total_fen'), tie }
  // a queued invoice has no number yet: it sorts as the empty text
  if (sort === 'number') return { by: sql.raw(sales ? "coalesce(number, '')" : 'number'), tie }
  if (sort === 'counterparty') return { by: sql.raw(sales ? 'buyer_name' : 'seller_name'), tie }
  return { by: sales ? SALES_DATED : sql.raw('issued_at'), tie }
}

function commandError(command: OutboxRow | undefined): string | null {
  return command && command.state !== 'done' ? command.lastError : null
}

export function toRows(ledger: Ledger, side: InvoiceSide, raw: RawRow[]): InvoiceRow[] {
  const commands =
    side === '销项'
      ? latestRows(
          ledger,
          'invoice',
          raw.map((r) => r.id as number),
        )
      : null
  return raw.map((r) => ({
    key: side === '销项' ? `S:${r.id}` : `P:${r.number}`,
    side,
    id: r.id,
    number: r.number,
    kind: r.kind,
    colour: r.colour,
    issuedAt: r.dated,
    counterpartyName: r.name,
    counterpartyTaxId: r.taxId,
    amount: moneyFromFen(r.amountFen),
    tax: moneyFromFen(r.taxFen),
    total: moneyFromFen(r.totalFen),
    state: r.state,
    redStatus: r.redStatus,
    syncState: commands ? syncStateOf(commands.get(r.id as number)) : null,
    syncError: commandError(commands?.get(r.id as number)),
    // as invoices.list says it: an issued invoice never queued here came from the platform's feed
    origin: commands ? (r.state === 'issued' && r.queuedAt === null ? 'platform' : 'local') : null,
    booking: r.booking,
    drawer: r.drawer ?? '',
    lineCount: r.lineCount,
    blueNumber: r.blueNumber,
    failure: r.failure,
    specialKind: r.specialKind,
  }))
}
