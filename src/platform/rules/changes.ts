// Each taxpayer's change feed: what happened to it, in commit order. The cursor is the row's
// AUTOINCREMENT id (never reused), global across taxpayers, so a taxpayer's cursors only grow but
// are not consecutive — clients treat them as opaque.
import { CHANGES_MAX_LIMIT, type Change, type ChangeKind, type ChangesPage } from '../../shared/platform/wire'
import { PlatformError } from '../errors'
import { stmt } from '../store/statements'
import type { Ctx } from './context'

export const CHANGES_DEFAULT_LIMIT = 100

export function appendChange(ctx: Ctx, taxId: string, kind: ChangeKind, at: string, data: unknown): void {
  stmt(ctx.db, 'INSERT INTO changes (tax_id, kind, at, data) VALUES (?, ?, ?, ?)').run(taxId, kind, at, JSON.stringify(data))
}

/** `after` and `limit` as the query string gives them (absent, or decimal text). */
export function parseFeedQuery(after: string | undefined, limit: string | undefined): { after: number; limit: number } {
  const a = after === undefined || after === '' ? 0 : /^\d{1,15}$/.test(after) ? Number(after) : NaN
  if (Number.isNaN(a)) throw new PlatformError('VALIDATION', `游标（after）应为数字，现为“${after}”`, [{ path: 'after', message: '游标格式不正确' }])
  const l = limit === undefined || limit === '' ? CHANGES_DEFAULT_LIMIT : /^\d{1,5}$/.test(limit) ? Number(limit) : NaN
  if (!(l >= 1 && l <= CHANGES_MAX_LIMIT))
    throw new PlatformError('VALIDATION', `每页条数（limit）应为 1–${CHANGES_MAX_LIMIT}，现为“${limit}”`, [{ path: 'limit', message: '每页条数超出范围' }])
  return { after: a, limit: l }
}

interface ChangeRow {
  cursor: number
  kind: string
  at: string
  data: string
}

function changeRows(ctx: Ctx, taxId: string, after: number, limit: number): { rows: ChangeRow[]; hasMore: boolean; cursor: string } {
  const rows = stmt(ctx.db, 'SELECT cursor, kind, at, data FROM changes WHERE tax_id = ? AND cursor > ? ORDER BY cursor LIMIT ?').all(taxId, after, limit + 1) as ChangeRow[]
  const hasMore = rows.length > limit
  const page = hasMore ? rows.slice(0, limit) : rows
  return { rows: page, hasMore, cursor: page.length > 0 ? String(page[page.length - 1]!.cursor) : String(after) }
}

export function readChanges(ctx: Ctx, taxId: string, after: number, limit: number): ChangesPage {
  const { rows, hasMore, cursor } = changeRows(ctx, taxId, after, limit)
  const changes: Change<string>[] = rows.map((r) => ({ cursor: String(r.cursor), kind: r.kind, at: r.at, data: JSON.parse(r.data) as unknown }))
  return { changes, cursor, hasMore }
}

/**
 * The same page as the JSON text GET /changes answers, byte for byte what JSON.stringify(readChanges(…))
 * gives — but each change's data goes out as stored (it was written by JSON.stringify), not parsed
 * and written again: a page of 500 invoices is megabytes of JSON.
 */
export function readChangesJson(ctx: Ctx, taxId: string, after: number, limit: number): string {
  const { rows, hasMore, cursor } = changeRows(ctx, taxId, after, limit)
  const changes = rows.map((r) => `{"cursor":${JSON.stringify(String(r.cursor))},"kind":${JSON.stringify(r.kind)},"at":${JSON.stringify(r.at)},"data":${r.data}}`)
  return `{"changes":[${changes.join(',')}],"cursor":${JSON.stringify(cursor)},"hasMore":${hasMore}}`
}
