import { describe, expect, it } from 'vitest'
import { connection, lastSyncFull, lastSyncShort, modeLabel } from './syncText'

describe('the top bar’s sync wording', () => {
  it('names the connection', () => {
    expect(connection(true)).toEqual({ text: '在线', tone: 'online' })
    expect(connection(false)).toEqual({ text: '离线', tone: 'offline' })
    expect(connection(null)).toEqual({ text: '未连接', tone: 'unknown' })
  })

  it('gives the time alone for today (in Shanghai), the date too for another day', () => {
    // 2026-11-28 01:30 in Shanghai is still 11-27 in UTC
    const now = new Date('2026-11-27T17:30:00Z')
    expect(lastSyncShort('2026-11-28T00:05:09+08:00', now)).toBe('00:05')
    expect(lastSyncShort('2026-11-27T23:59:00+08:00', now)).toBe('11-27 23:59')
    expect(lastSyncShort(null, now)).toBe('—')
  })

  it('spells out the full time and the mode in the tooltip', () => {
    expect(lastSyncFull('2026-11-28T14:05:09+08:00')).toBe('2026-11-28 14:05:09')
    expect(lastSyncFull(null)).toBe('尚未成功同步')
    expect(modeLabel('embedded')).toBe('内置沙箱')
    expect(modeLabel('remote')).toBe('外部平台')
  })
})
