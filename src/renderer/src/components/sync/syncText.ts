// How the top bar words the sync status: short enough for one line, exact in the tooltip. Times
// read on the books' clock (src/shared/timeText.ts).
import type { SyncStatus } from '../../../../shared/api/sync'
import { formatShortTime, formatTime } from '../../../../shared/timeText'

export type Tone = 'online' | 'offline' | 'unknown'

/** 在线 / 离线 / 未连接 (null: no attempt has answered yet) */
export function connection(online: boolean | null): { text: string; tone: Tone } {
  if (online === true) return { text: '在线', tone: 'online' }
  if (online === false) return { text: '离线', tone: 'offline' }
  return { text: '未连接', tone: 'unknown' }
}

/** '14:05' today, '11-27 14:05' another day, '—' never */
export function lastSyncShort(iso: string | null, now?: Date): string {
  return formatShortTime(iso, now) || '—'
}

/** '2026-11-28 14:05:09', or that no sync has succeeded yet */
export function lastSyncFull(iso: string | null): string {
  return formatTime(iso) || '尚未成功同步'
}

export function modeLabel(mode: SyncStatus['mode']): string {
  return mode === 'embedded' ? '内置沙箱' : '外部平台'
}
