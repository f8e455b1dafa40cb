import { describe, expect, it } from 'vitest'
import type { SyncState } from './api/sync'
import { SYNC_STATES, syncLabel } from './syncLabels'

describe('同步状态 as a person reads it', () => {
  it('says 未上传 only of what was made here and never sent', () => {
    expect(syncLabel({ syncState: 'local', origin: 'local' })).toMatchObject({ key: 'local', label: '未上传', tag: 'info' })
  })

  it('says 平台开具 / 对方录入 of what came from the platform, with why nothing is to upload', () => {
    expect(syncLabel({ syncState: 'local', origin: 'platform' })).toEqual({ key: 'platform', label: '平台开具', tag: 'success', hint: '由税务平台开具，已同步到本机，无需上传' })
    expect(syncLabel({ syncState: 'local', origin: 'counterparty' })).toEqual({
      key: 'counterparty',
      label: '对方录入',
      tag: 'info',
      hint: '由对方在税务平台录入，已同步到本机，无需上传',
    })
  })

  it('follows this company’s own command whatever the origin, once there is one', () => {
    for (const state of Object.keys(SYNC_STATES).filter((s) => s !== 'local') as SyncState[])
      for (const origin of ['local', 'platform', 'counterparty'] as const) expect(syncLabel({ syncState: state, origin })).toEqual({ key: state, ...SYNC_STATES[state], hint: '' })
    expect(syncLabel({ syncState: 'pending', origin: 'counterparty' }).label).toBe('待上传')
  })
})
