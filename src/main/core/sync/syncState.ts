// 同步状态 of a document, read from its newest outbox row.
import type { SyncState } from '../../../shared/api/sync'
import type { OutboxRow } from './outbox'

/** an invoice's 同步状态 from its newest outbox row */
export function syncStateOf(row: OutboxRow | undefined): SyncState {
  if (!row) return 'local'
  if (row.state === 'done') return 'done'
  if (row.state === 'failed') return 'rejected'
  if (row.state === 'needs-action') return 'needs-action'
  if (row.state === 'sending') return 'sending'
  return row.lastError ? 'retrying' : 'pending'
}
