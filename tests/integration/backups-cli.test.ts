// 账簿备份 and 软件更新 settings from the command line: one JSON document each, Chinese refusals.
import { describe, expect, it } from 'vitest'
import { tempDir, testCore } from '../support/core'
import { cliJson } from '../support/cliChild'

describe('backups and updates CLI', { timeout: 180_000 }, () => {
  it('手动备份, lists it with its reason in words, compares it before a restore', async () => {
    const data = tempDir()
    ;(await testCore({ dataDir: data })).close()
    const made = await cliJson(data, 'backups', 'create')
    expect(made.status).toBe(0)
    expect(made.json).toMatchObject({ reason: 'manual' })
    const listed = await cliJson(data, 'backups', 'list')
    // the books existed and had no backup yet: opening them took the day's backup first
    expect((listed.json as unknown as { reason: string; reasonText: string }[]).map((b) => [b.reason, b.reasonText])).toEqual([
      ['manual', '手动'],
      ['daily', '每日'],
    ])
    const cmp = await cliJson(data, 'backups', 'inspect', made.json.name as string)
    expect(cmp.json).toMatchObject({ current: { customers: 0, invoices: 0 }, backup: { customers: 0, invoices: 0 } })
    const missing = await cliJson(data, 'backups', 'inspect', 'ledger-20200101-000000-manual.db')
    expect(missing.status).not.toBe(0)
    expect(JSON.stringify(missing.json)).toContain('没有找到备份')
  })

  it('sets the update feed, channel and automatic check; refuses an address that is not http(s)', async () => {
    const data = tempDir()
    const set = await cliJson(data, 'updates', 'set', '--feed', 'https://updates.example.cn/', '--channel', 'beta', '--auto', 'off')
    expect(set.json).toMatchObject({ feedUrl: 'https://updates.example.cn/', channel: 'beta', autoCheck: false })
    expect((await cliJson(data, 'updates', 'set', '--auto', 'on')).json).toMatchObject({ feedUrl: 'https://updates.example.cn/', channel: 'beta', autoCheck: true })
    const bad = await cliJson(data, 'updates', 'set', '--feed', 'ftp://x.cn/')
    expect(bad.status).not.toBe(0)
    expect(JSON.stringify(bad.json)).toContain('更新地址应为 http:// 或 https:// 开头的网址')
    expect((await cliJson(data, 'updates', 'set', '--feed', 'none')).json).toMatchObject({ feedUrl: null })
    expect((await cliJson(data, 'updates', 'show')).json).toMatchObject({ feedUrl: null, channel: 'beta' })
  })
})
