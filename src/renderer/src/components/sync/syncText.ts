// How the top bar words the sync status: short enough for one line, exact in the tooltip.
import type { SyncStatus } from '../../../../shared/api/sync'
import { toShanghaiIso } from '../../../../shared/domain/time'

export type Tone = 'online' | 'offline' | 'unknown'

/** 在线 / 离线 / 未连接 (null: no attempt has answered yet) */
export function connection(online: boolean | null): { text: string; tone: Tone } {
  if (online === true) return { text: '在线', tone: 'online' }
  if (online === false) return { text: '离线', tone: 'offline' }
  return { text: '未连接', tone: 'unknown' }
}

/** '14:05' today, '11-27 14:05' another day, '—' never (times are Shanghai, as the books keep them) */
export function shortTime(iso: string | null, now: Date = new Date()): string {
  if (!iso) return '—'
  const today = toShanghaiIso(now).slice(0, 10)
  return iso.slice(0, 10) === today ? iso.slice(11, 16) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`
}

/** '2026-11-28 14:05:09' */
export function fullTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : '尚未成功同步'
}

export function modeLabel(mode: SyncStatus['mode']): string {
  return mode === 'embedded' ? '内置沙箱' : '外部平台'
}
