// A blue invoice's 红冲状态 after its red invoices (DOMAIN.md §4): 正常 → 部分红冲 → 全额红冲.
import type { ComputedDraft } from '../invoice'
import type { RedLine } from '../../platform/red'
import type { RedStatus } from '../../platform/wire'
import { nothingLeft, reversible } from './reversible'

export const RED_STATUS_LABELS: Record<RedStatus, string> = { normal: '正常', 'partly-reversed': '部分红冲', 'fully-reversed': '全额红冲' }

export function redStatusAfter(blue: ComputedDraft, reds: readonly (readonly RedLine[])[]): RedStatus {
  const r = reversible(blue, reds)
  if (!r.reversedAny) return 'normal'
  return nothingLeft(r) ? 'fully-reversed' : 'partly-reversed'
}
