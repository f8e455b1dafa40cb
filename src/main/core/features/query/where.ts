// 发票查询's filter as SQL: 销项 over `invoices` (never drafts — the 草稿箱 has them), 进项 over
// `received_invoices`. Every condition is one an index of migration 0005 (特定业务: 0009) serves;
// the counterparty and 项目名称 searches first find the few distinct names that match, then the
// invoices by name.
import { sql, type SQL } from 'drizzle-orm'
import type { InvoiceFilter, InvoiceSide } from '../../../../shared/api/invoiceQuery'
import { fenOfText } from '../../../../shared/domain/invoice'
import { likeContains } from '../../ledger/like'
import { nextDay } from './dates'
import { beyondItems, itemNamesContaining, itemsWhere } from './items'

/** the expression of invoices_dated (schema.ts): 开票日期, or the queued day until there is one */
export const SALES_DATED_TEXT = 'coalesce(issued_at, queued_at)'
export const SALES_DATED = sql.raw(SALES_DATED_TEXT)

/** `col` starts with `prefix`, as a range an index can serve (LIKE would not, case-sensitively) */
function startsWith(col: SQL, prefix: string): SQL {
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
  return sql`(${col} >= ${prefix} AND ${col} < ${upper})`
}

/**
 * 项目名称 contains: the invoices whose lines carry one of the names that match. 1–2 characters
 * match many names (invoices by the hundred thousand): when a condition bounds the list (a buyer,
 * an amount…), each of those invoices' own lines is checked instead. On 销项 the others come from
 * invoice_items, narrowed there by the filter's dates, 票种, 红蓝字 and 状态 (which bound nothing
 * else then); on 进项 from its lines by name.
 */
function itemCondition(f: InvoiceFilter): SQL {
  const short = [...f.item!].length < 3
  const names = itemNamesContaining(f.item!, 'name')
  if (f.side === '进项') {
    const bounded = Object.entries(f).some(([k, v]) => v !== undefined && k !== 'side' && k !== 'item')
    if (bounded && short) return sql`EXISTS (SELECT 1 FROM received_lines l WHERE l.number = received_invoices.number AND l.name IN (${names}))`
    return sql`number IN (SELECT number FROM received_lines WHERE name IN (${names}))`
  }
  if (short && beyondItems(f)) return sql`EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = invoices.id AND l.name IN (${names}))`
  return sql`id IN (SELECT invoice_id FROM invoice_items WHERE ${itemsWhere(f)})`
}

/** 名称 contains (case-blind), 拼音首字母, or 纳税人识别号 starts with */
function counterpartyMatches(side: 'S' | 'P', nameCol: SQL, taxIdCol: SQL, text: string): SQL {
  const byName = sql`${nameCol} IN (SELECT name FROM counterparties WHERE side = ${side} AND ${likeContains(sql.raw('search_key'), text.toLowerCase())})`
  return /^[0-9A-Za-z]+$/.test(text) ? sql`(${byName} OR ${startsWith(taxIdCol, text.toUpperCase())})` : byName
}

/**
 * 同步状态 from the newest outbox row of each invoice, as sync/syncState.ts words it; found
 * from the outbox side (outbox_pending), so 待上传 among a million done invoices is a few rows read.
 */
const OUTBOX_STATES: Record<string, string> = { pending: 'pending', retrying: 'pending', sending: 'sending', done: 'done', rejected: 'failed', 'needs-action': 'needs-action' }

function syncStateIs(state: string): SQL {
  if (state === 'local') return sql`NOT EXISTS (SELECT 1 FROM outbox o WHERE o.document_type = 'invoice' AND o.document_id = invoices.id)`
  const error = state === 'retrying' ? sql` AND o.last_error IS NOT NULL` : state === 'pending' ? sql` AND o.last_error IS NULL` : sql``
  // `+o.document_type`: no index for that term, so SQLite starts from outbox_pending (the state)
  // rather than from every invoice command of the ledger
  return sql`id IN (SELECT o.document_id FROM outbox o WHERE o.state = ${OUTBOX_STATES[state]} AND +o.document_type = 'invoice'${error}
    AND o.id = (SELECT max(n.id) FROM outbox n WHERE n.document_type = 'invoice' AND n.document_id = o.document_id))`
}

function money(text: string): number {
  return fenOfText(text) ?? 0
}

function salesWhere(f: InvoiceFilter): SQL[] {
  const c: SQL[] = [sql`state <> 'draft'`]
  if (f.from) c.push(sql`${SALES_DATED} >= ${f.from}`)
  if (f.to) c.push(sql`${SALES_DATED} < ${nextDay(f.to)}`)
  if (f.number) c.push(startsWith(sql.raw('number'), f.number))
  if (f.counterparty) c.push(counterpartyMatches('S', sql.raw('buyer_name'), sql.raw('buyer_tax_id'), f.counterparty))
  if (f.kind) c.push(sql`kind = ${f.kind}`)
  if (f.colour) c.push(sql`colour = ${f.colour}`)
  if (f.status === 'queued') c.push(sql`state IN ('queued', 'issuing')`)
  else if (f.status === 'failed') c.push(sql`state = 'failed'`)
  else if (f.status) c.push(sql`state = 'issued' AND red_status = ${f.status}`)
  if (f.min !== undefined) c.push(sql`total_fen >= ${money(f.min)}`)
  if (f.max !== undefined) c.push(sql`total_fen <= ${money(f.max)}`)
  if (f.item) c.push(itemCondition(f))
  if (f.drawer) c.push(sql`drawer = ${f.drawer}`)
  if (f.syncState) c.push(syncStateIs(f.syncState))
  if (f.specialKind) c.push(sql`special_kind = ${f.specialKind}`)
  return c
}

function purchasesWhere(f: InvoiceFilter): SQL[] {
  const c: SQL[] = []
  if (f.from) c.push(sql`issued_at >= ${f.from}`)
  if (f.to) c.push(sql`issued_at < ${nextDay(f.to)}`)
  if (f.number) c.push(startsWith(sql.raw('number'), f.number))
  if (f.counterparty) c.push(counterpartyMatches('P', sql.raw('seller_name'), sql.raw('seller_tax_id'), f.counterparty))
  if (f.kind) c.push(sql`kind = ${f.kind}`)
  if (f.colour) c.push(sql`colour = ${f.colour}`)
  // the schema refuses 待开具 / 开具失败 on this side: every received invoice is issued
  if (f.status) c.push(sql`red_status = ${f.status}`)
  if (f.min !== undefined) c.push(sql`total_fen >= ${money(f.min)}`)
  if (f.max !== undefined) c.push(sql`total_fen <= ${money(f.max)}`)
  if (f.item) c.push(itemCondition(f))
  if (f.drawer) c.push(sql`json_extract(document, '$.drawer') = ${f.drawer}`)
  if (f.booking) c.push(sql`booking = ${f.booking}`)
  if (f.specialKind) c.push(sql`special_kind = ${f.specialKind}`)
  return c
}

export function whereOf(f: InvoiceFilter): SQL {
  const c = f.side === '销项' ? salesWhere(f) : purchasesWhere(f)
  return c.length ? sql.join(c, sql` AND `) : sql`1`
}

export function tableOf(side: InvoiceSide): SQL {
  return sql.raw(side === '销项' ? 'invoices' : 'received_invoices')
}
