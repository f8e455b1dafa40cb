// 发票查询's filter as SQL: 销项 over `invoices` (never drafts — the 草稿箱 has them), 进项 over
// `received_invoices`. Every condition is one an index of migration 0005 serves; the counterparty
// and 项目名称 searches first find the few distinct names that match, then the invoices by name.
import { sql, type SQL } from 'drizzle-orm'
import type { InvoiceFilter, InvoiceSide } from '../../../../shared/api/invoiceQuery'
import { fenOfText } from '../../../../shared/domain/invoice'
import { likeContains } from '../../ledger/like'

/** the expression of invoices_dated (schema.ts): 开票日期, or the queued day until there is one */
export const SALES_DATED_TEXT = 'coalesce(issued_at, queued_at)'
export const SALES_DATED = sql.raw(SALES_DATED_TEXT)

/** the day after a YYYY-MM-DD day: `to` includes its whole day */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** `col` starts with `prefix`, as a range an index can serve (LIKE would not, case-sensitively) */
function startsWith(col: SQL, prefix: string): SQL {
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
  return sql`(${col} >= ${prefix} AND ${col} < ${upper})`
}

/** FTS5 phrase of the user's text, taken literally */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}

/**
 * The 项目名称 that contain `text`. 3+ characters: the trigram index. 1–2 characters are below any
 * trigram, so a LIKE over the distinct names (thousands, not millions of lines) finds them.
 */
function itemNamesContaining(text: string): SQL {
  if ([...text].length >= 3)
    return sql`SELECT name FROM item_names WHERE id IN (SELECT rowid FROM item_names_fts WHERE item_names_fts MATCH ${phrase(text)})`
  return sql`SELECT name FROM item_names WHERE ${likeContains(sql.raw('name'), text)}`
}

/**
 * 项目名称 contains: the invoices whose lines carry one of the names that match. A name of 3+
 * characters is selective (the trigram index), so the invoices are found from it. 1–2 characters
 * match many names: when other conditions narrow the list (本月, a buyer…), each of those
 * invoices' own lines is checked instead, bounded by them.
 */
function itemCondition(f: InvoiceFilter, lines: string, key: string, outer: string, col: SQL): SQL {
  const names = itemNamesContaining(f.item!)
  const bounded = Object.entries(f).some(([k, v]) => v !== undefined && k !== 'side' && k !== 'item')
  if (bounded && [...f.item!].length < 3)
    return sql`EXISTS (SELECT 1 FROM ${sql.raw(lines)} l WHERE l.${sql.raw(key)} = ${sql.raw(outer)} AND l.name IN (${names}))`
  return sql`${col} IN (SELECT ${sql.raw(key)} FROM ${sql.raw(lines)} WHERE name IN (${names}))`
}

/** 名称 contains (case-blind), 拼音首字母, or 纳税人识别号 starts with */
function counterpartyMatches(side: 'S' | 'P', nameCol: SQL, taxIdCol: SQL, text: string): SQL {
  const byName = sql`${nameCol} IN (SELECT name FROM counterparties WHERE side = ${side} AND ${likeContains(sql.raw('search_key'), text.toLowerCase())})`
  return /^[0-9A-Za-z]+$/.test(text) ? sql`(${byName} OR ${startsWith(taxIdCol, text.toUpperCase())})` : byName
}

/**
 * 同步状态 from the newest outbox row of each invoice, as features/sync/syncState.ts words it; found
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
  if (f.item) c.push(itemCondition(f, 'invoice_lines', 'invoice_id', 'invoices.id', sql.raw('id')))
  if (f.drawer) c.push(sql`drawer = ${f.drawer}`)
  if (f.syncState) c.push(syncStateIs(f.syncState))
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
  if (f.item) c.push(itemCondition(f, 'received_lines', 'number', 'received_invoices.number', sql.raw('number')))
  if (f.drawer) c.push(sql`json_extract(document, '$.drawer') = ${f.drawer}`)
  if (f.booking) c.push(sql`booking = ${f.booking}`)
  return c
}

export function whereOf(f: InvoiceFilter): SQL {
  const c = f.side === '销项' ? salesWhere(f) : purchasesWhere(f)
  return c.length ? sql.join(c, sql` AND `) : sql`1`
}

export function tableOf(side: InvoiceSide): SQL {
  return sql.raw(side === '销项' ? 'invoices' : 'received_invoices')
}
