// 批量开具 as the review and results screens read it: a batch's counts by invoice state, its totals
// against the cached 可用额度, its repeated 发票流水号, and its invoices in sheet order with each one's
// state, 发票号码 or refusal. Everything is read from the ledger as it is now: the sync engine moves
// each invoice on, the batch row only records the import and 批量开具.
import { count, desc, eq } from 'drizzle-orm'
import { BATCH_STATES, type BatchInvoiceRow, type BatchRepeat, type BatchSummary } from '../../../../shared/api/batch'
import type { Page } from '../../../../shared/api/define'
import type { QuotaReading } from '../../../../shared/api/sync'
import { Dec, formatMoney, moneyFromFen } from '../../../../shared/domain/invoice'
import { quotaLeft } from '../../../../shared/domain/quota'
import { INVOICE_STATES, type InvoiceState } from '../../../../shared/domain/lifecycle/issue'
import { AppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import { batches } from '../../ledger/schema'
import { prepared } from '../../sync/statements'

export type BatchRow = typeof batches.$inferSelect
/** the 可用额度 last read from the platform with what is left of it after the queued invoices, or null when unknown */
export type QuotaOf = (ledger: Ledger) => BatchQuota | null
interface BatchQuota {
  reading: QuotaReading
  left: Dec
}

/**
 * The cached reading, judged by the same rule as single 开票 (`quotaLeft`): a reading from an earlier
 * month says nothing, and the 金额 queued here and not yet issued is taken off. `now` is the ledger's
 * time (ISO with +08:00), whose month is the platform's.
 */
export function batchQuota(reading: QuotaReading | null, ledger: Ledger, now: string): BatchQuota | null {
  const queued = prepared(ledger, `SELECT COALESCE(SUM(amount_fen), 0) AS fen FROM invoices WHERE state = 'queued'`).get() as { fen: number }
  const left = quotaLeft(reading, moneyFromFen(queued.fen), now.slice(0, 7).replace('-', ''))
  return reading && left ? { reading, left } : null
}

const BATCH_LABEL = new Map<string, string>(BATCH_STATES.map((s) => [s.code, s.label]))
/** 待开具 / 已提交开具 / 已放弃 */
export const batchStateLabel = (state: string): string => BATCH_LABEL.get(state) ?? state
const INVOICE_LABEL = new Map<string, string>(INVOICE_STATES.map((s) => [s.code, s.label]))
/** an invoice whose 流水号 a later batch repeats: it went, or is going, to the platform */
const SENT_STATES = `('queued', 'issuing', 'issued')`

const moneyTotals = (amountFen: number, taxFen: number, totalFen: number) => ({ amount: moneyFromFen(amountFen), tax: moneyFromFen(taxFen), total: moneyFromFen(totalFen) })

export function batchRow(ledger: Ledger, id: number): BatchRow {
  const row = ledger.orm.select().from(batches).where(eq(batches.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', `批次（编号 ${id}）不存在`)
  return row
}

/**
 * Each 发票流水号 of the batch that an earlier batch's invoice already carries while 待开具, 开具中
 * or 已开具 — the newest such invoice per 流水号. A discarded batch's or a refused invoice's does not count.
 */
export function batchRepeats(ledger: Ledger, id: number): BatchRepeat[] {
  const rows = prepared(
    ledger,
    `SELECT mine.serial AS serial, i.number AS number, MAX(e.batch_id) AS batchId
     FROM batch_invoices mine
     JOIN batch_invoices e ON e.serial = mine.serial AND e.batch_id < mine.batch_id
     JOIN invoices i ON i.id = e.invoice_id AND i.state IN ${SENT_STATES}
     WHERE mine.batch_id = ?
     GROUP BY mine.serial
     ORDER BY MIN(mine.position)`,
  ).all(id) as BatchRepeat[]
  return rows
}

type Counts = Record<InvoiceState, number>
const emptyCounts = (): Counts => Object.fromEntries(INVOICE_STATES.map((s) => [s.code, 0])) as Counts

function countsOf(ledger: Ledger, id: number): Counts {
  const counts = emptyCounts()
  const rows = prepared(ledger, `SELECT i.state AS state, COUNT(*) AS n FROM batch_invoices b JOIN invoices i ON i.id = b.invoice_id WHERE b.batch_id = ? GROUP BY i.state`).all(
    id,
  ) as { state: InvoiceState; n: number }[]
  for (const r of rows) counts[r.state] = r.n
  return counts
}

function quotaCheck(quota: BatchQuota | null, amountFen: number): BatchSummary['quota'] {
  if (!quota) return null
  // 授信额度 is consumed by 金额 (不含税), as the platform counts it
  return { reading: quota.reading, left: formatMoney(quota.left), enough: new Dec(moneyFromFen(amountFen)).lte(quota.left) }
}

export function summaryOf(ledger: Ledger, b: BatchRow, quotaOf: QuotaOf): BatchSummary {
  return {
    id: b.id,
    fileName: b.fileName,
    state: b.state,
    stateLabel: batchStateLabel(b.state),
    createdAt: b.createdAt,
    queuedAt: b.queuedAt,
    invoices: b.invoiceCount,
    lines: b.lineCount,
    totals: moneyTotals(b.amountFen, b.taxFen, b.totalFen),
    quota: b.state === 'review' ? quotaCheck(quotaOf(ledger), b.amountFen) : null,
    repeats: b.state === 'discarded' ? [] : batchRepeats(ledger, b.id),
    counts: countsOf(ledger, b.id),
  }
}

export function getBatch(ledger: Ledger, id: number, quotaOf: QuotaOf): BatchSummary {
  return summaryOf(ledger, batchRow(ledger, id), quotaOf)
}

export function listBatches(ledger: Ledger, page: number, size: number, quotaOf: QuotaOf): Page<BatchSummary> {
  const total = ledger.orm.select({ n: count() }).from(batches).get()?.n ?? 0
  const rows = ledger.orm
    .select()
    .from(batches)
    .orderBy(desc(batches.id))
    .limit(size)
    .offset((page - 1) * size)
    .all()
  // the 可用额度 is read from the platform settings file and the ledger: once for the page, not per batch under review
  let quota: BatchQuota | null | undefined
  const once: QuotaOf = (l) => (quota === undefined ? (quota = quotaOf(l)) : quota)
  return { total, rows: rows.map((b) => summaryOf(ledger, b, once)) }
}

interface JoinedRow {
  position: number
  serial: string
  sheetRow: number
  invoiceId: number | null
  kind: '81' | '82' | null
  buyerName: string | null
  buyerTaxId: string | null
  lineCount: number | null
  amountFen: number | null
  taxFen: number | null
  totalFen: number | null
  specialKind: BatchInvoiceRow['specialKind']
  state: InvoiceState | null
  number: string | null
  failure: string | null
}

const ROWS_SQL = `SELECT b.position AS position, b.serial AS serial, b.sheet_row AS sheetRow, b.invoice_id AS invoiceId,
  i.kind AS kind, i.buyer_name AS buyerName, i.buyer_tax_id AS buyerTaxId, i.line_count AS lineCount,
  i.amount_fen AS amountFen, i.tax_fen AS taxFen, i.total_fen AS totalFen, i.special_kind AS specialKind,
  i.state AS state, i.number AS number, i.failure AS failure
  FROM batch_invoices b LEFT JOIN invoices i ON i.id = b.invoice_id
  WHERE b.batch_id = @id ORDER BY b.position LIMIT @limit OFFSET @offset`

/** a discarded batch's row has lost its draft: it keeps its 流水号 and says 已放弃 */
const DISCARDED = '已放弃'

function toRow(r: JoinedRow, repeats: Map<string, BatchRepeat>): BatchInvoiceRow {
  const state = r.state ?? 'draft'
  return {
    position: r.position,
    serial: r.serial,
    sheetRow: r.sheetRow,
    invoiceId: r.invoiceId,
    kind: r.kind ?? '82',
    buyerName: r.buyerName ?? '',
    buyerTaxId: r.buyerTaxId ?? '',
    lines: r.lineCount ?? 0,
    totals: moneyTotals(r.amountFen ?? 0, r.taxFen ?? 0, r.totalFen ?? 0),
    specialKind: r.specialKind ?? null,
    state,
    stateLabel: r.state ? (INVOICE_LABEL.get(state) ?? state) : DISCARDED,
    number: r.number,
    failure: r.failure,
    repeatOf: repeats.get(r.serial) ?? null,
  }
}

/** rows in sheet order, `size` at a time from `offset`: the page, the export and 批量开具 read them so */
export function batchInvoiceRows(ledger: Ledger, id: number, offset: number, limit: number, repeats: Map<string, BatchRepeat>): BatchInvoiceRow[] {
  const rows = prepared(ledger, ROWS_SQL).all({ id, limit, offset }) as JoinedRow[]
  return rows.map((r) => toRow(r, repeats))
}

export function batchInvoicePage(ledger: Ledger, id: number, page: number, size: number): Page<BatchInvoiceRow> {
  const b = batchRow(ledger, id)
  const repeats = new Map(b.state === 'discarded' ? [] : batchRepeats(ledger, id).map((r) => [r.serial, r]))
  return { total: b.invoiceCount, rows: batchInvoiceRows(ledger, id, (page - 1) * size, size, repeats) }
}
