// 待上传: reading and moving outbox rows (DESIGN.md §5). A row is sent only when no earlier row of
// the same document is still open, so commands for one document never overtake each other.
import crypto from 'node:crypto'
import type { Ledger } from '../ledger/open'
import { prepared as stmt } from './statements'

export interface OutboxRow {
  id: number
  command: string
  documentType: string
  documentId: number
  idempotencyKey: string
  payload: string
  state: 'pending' | 'sending' | 'done' | 'failed' | 'needs-action'
  attempts: number
  nextAttemptAt: string | null
  lastError: string | null
}

const COLUMNS = `id, command, document_type AS documentType, document_id AS documentId, idempotency_key AS idempotencyKey,
  payload, state, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError`

/** open = still to be accepted by the platform; a row that was being sent when the app stopped is sent again */
const OPEN = `('pending', 'sending')`

/**
 * The rows to send now: the first open row of each document, due unless `ignoreBackoff` (立即同步:
 * the user asked for it now). `afterId` walks a run forward so a row is tried at most once per run.
 */
export function dueRows(ledger: Ledger, q: { now: string; ignoreBackoff: boolean; afterId: number; limit: number }): OutboxRow[] {
  return stmt(
    ledger,
    `SELECT ${COLUMNS} FROM outbox o
     WHERE o.state IN ${OPEN} AND o.id > @afterId
       AND (@ignore = 1 OR o.next_attempt_at IS NULL OR o.next_attempt_at <= @now)
       AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.document_type = o.document_type AND p.document_id = o.document_id
                       AND p.id < o.id AND p.state IN ('pending', 'sending', 'needs-action'))
     ORDER BY o.id LIMIT @limit`,
  ).all({ now: q.now, ignore: q.ignoreBackoff ? 1 : 0, afterId: q.afterId, limit: q.limit }) as OutboxRow[]
}

export function rowByKey(ledger: Ledger, key: string): OutboxRow | undefined {
  return stmt(ledger, `SELECT ${COLUMNS} FROM outbox WHERE idempotency_key = ?`).get(key) as OutboxRow | undefined
}

/** the newest row of each of these documents: the document's sync state */
export function latestRows(ledger: Ledger, documentType: string, ids: number[]): Map<number, OutboxRow> {
  const out = new Map<number, OutboxRow>()
  if (ids.length === 0) return out
  const rows = stmt(
    ledger,
    `SELECT ${COLUMNS} FROM outbox WHERE id IN (
       SELECT MAX(id) FROM outbox WHERE document_type = ? AND document_id IN (SELECT value FROM json_each(?)) GROUP BY document_id)`,
  ).all(documentType, JSON.stringify(ids)) as OutboxRow[]
  for (const r of rows) out.set(r.documentId, r)
  return out
}

export function openCount(ledger: Ledger): number {
  return (stmt(ledger, `SELECT COUNT(*) AS n FROM outbox WHERE state IN ${OPEN}`).get() as { n: number }).n
}

export function needsActionCount(ledger: Ledger): number {
  return (stmt(ledger, `SELECT COUNT(*) AS n FROM outbox WHERE state = 'needs-action'`).get() as { n: number }).n
}

/**
 * A command for the platform, written in the caller's transaction together with the change it
 * belongs to; its idempotency key is fixed here, before any send.
 */
export function enqueue(ledger: Ledger, c: { command: string; documentType: string; documentId: number; payload: unknown; now: string }): void {
  stmt(
    ledger,
    `INSERT INTO outbox (command, document_type, document_id, idempotency_key, payload, state, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
  ).run(c.command, c.documentType, c.documentId, crypto.randomUUID(), JSON.stringify(c.payload), c.now, c.now)
}

/** committed before the request leaves: after a crash the row is known to have maybe reached the platform */
export function markSending(ledger: Ledger, id: number, now: string): void {
  stmt(ledger, `UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?`).run(now, id)
}

export function markDone(ledger: Ledger, id: number, now: string): void {
  stmt(ledger, `UPDATE outbox SET state = 'done', last_error = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ?`).run(now, id)
}

export function markClosed(ledger: Ledger, id: number, state: 'failed' | 'needs-action', error: string, now: string): void {
  stmt(ledger, `UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ?`).run(state, error, now, id)
}

/** a transient failure: back to pending, to be tried again at `nextAt` with the same key */
export function markRetry(ledger: Ledger, id: number, error: string, nextAt: string, now: string): void {
  stmt(ledger, `UPDATE outbox SET state = 'pending', last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?`).run(error, nextAt, now, id)
}

/** 重试: due at once */
export function markDueNow(ledger: Ledger, id: number, now: string): void {
  stmt(ledger, `UPDATE outbox SET next_attempt_at = NULL, updated_at = ? WHERE id = ? AND state IN ${OPEN}`).run(now, id)
}

/** exponential backoff with jitter: 2 s, 4 s, 8 s … at most 10 minutes, each between half and all of it */
export function backoffMs(attempts: number, random = Math.random): number {
  const ceiling = Math.min(2_000 * 2 ** Math.max(0, attempts - 1), 600_000)
  return Math.round(ceiling * (0.5 + random() * 0.5))
}
