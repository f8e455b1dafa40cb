// 同步状态 in the bookkeeper's words, for every screen and test: where this company's newest
// command for the platform stands (the outbox, DESIGN.md §5) — or, when it never sent one, what is
// true of the document: 未上传 if it was made here, 平台开具 / 对方录入 if it came from the platform
// (the core says which: DocumentOrigin).
import type { DocumentOrigin, SyncState } from './api/sync'

/** the tag colour, as Element Plus names them */
type Tone = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** the outbox's view of a document, in the bookkeeper's words */
export const SYNC_STATES: Record<SyncState, { label: string; tag: Tone }> = {
  local: { label: '未上传', tag: 'info' },
  pending: { label: '待上传', tag: 'warning' },
  sending: { label: '上传中', tag: 'primary' },
  retrying: { label: '等待重试', tag: 'warning' },
  done: { label: '已同步', tag: 'success' },
  rejected: { label: '被拒绝', tag: 'danger' },
  'needs-action': { label: '需处理', tag: 'danger' },
}

/** a document this company never sent, made on the platform: what is true instead of 未上传 */
const NOT_OURS: Record<Exclude<DocumentOrigin, 'local'>, { label: string; tag: Tone; hint: string }> = {
  platform: { label: '平台开具', tag: 'success', hint: '由税务平台开具，已同步到本机，无需上传' },
  counterparty: { label: '对方录入', tag: 'info', hint: '由对方在税务平台录入，已同步到本机，无需上传' },
}

/**
 * 同步状态 as a person reads it: where this company's newest command stands — or, with none, 未上传
 * for what was made here, 平台开具 / 对方录入 for what came from the platform. `key` names it for
 * tests (data-sync), `hint` explains it in the tooltip.
 */
export function syncLabel(d: { syncState: SyncState; origin: DocumentOrigin }): { key: string; label: string; tag: Tone; hint: string } {
  if (d.syncState === 'local' && d.origin !== 'local') return { key: d.origin, ...NOT_OURS[d.origin] }
  return { key: d.syncState, ...SYNC_STATES[d.syncState], hint: '' }
}
