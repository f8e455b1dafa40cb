// 软件更新 settings (updates.json: 0600, a damaged file reported, never a crash) and what an update
// waits for: invoices still on their way to the platform, in every company's ledger.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { OTHER, rejection, SELLER, tempDir, testCore } from '../support/core'
import { startTestSandbox } from '../support/sandbox'

describe('updates.* settings', () => {
  it('has no feed until one is set; stores feed, channel and automatic check 0600', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir, company: false, version: '1.2.0' })
    expect(await core.call('updates.get', {})).toEqual({ feedUrl: null, channel: 'latest', autoCheck: true, skippedVersions: [], version: '1.2.0', damaged: null })
    const saved = await core.call('updates.set', { feedUrl: ' https://updates.example.cn/fapiao/ ', channel: 'beta', autoCheck: false })
    expect(saved).toMatchObject({ feedUrl: 'https://updates.example.cn/fapiao/', channel: 'beta', autoCheck: false })
    const file = path.join(dataDir, 'updates.json')
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    await core.call('updates.skip', { version: '1.3.0' })
    await core.call('updates.skip', { version: '1.3.0' })
    expect((await core.call('updates.get', {})).skippedVersions).toEqual(['1.3.0'])
    // '' = none configured again; the skipped versions stay
    expect(await core.call('updates.set', { feedUrl: '', channel: 'latest', autoCheck: true })).toMatchObject({ feedUrl: null, skippedVersions: ['1.3.0'] })
  })

  it('refuses a feed that is not an http(s) address, in Chinese naming the field, changing nothing', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir, company: false })
    await core.call('updates.set', { feedUrl: 'https://updates.example.cn/', channel: 'latest', autoCheck: true })
    for (const bad of ['ftp://updates.example.cn/', 'updates.example.cn', 'file:///etc/passwd', 'https://', 'javascript:alert(1)']) {
      const e = await rejection(core.call('updates.set', { feedUrl: bad, channel: 'latest', autoCheck: true }))
      expect(e.code, bad).toBe('VALIDATION')
      expect(e.message, bad).toContain('更新地址应为 http:// 或 https:// 开头的网址')
    }
    const e = await rejection(core.call('updates.set', { feedUrl: '', channel: 'nightly' as 'beta', autoCheck: true }))
    expect(e.message).toContain('更新通道')
    expect((await core.call('updates.get', {})).feedUrl).toBe('https://updates.example.cn/')
  })

  it('reports a damaged updates.json and uses no feed, until settings are saved again', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir, company: false })
    const file = path.join(dataDir, 'updates.json')
    for (const [bytes, why] of [
      ['{"feedUrl": "https://x.cn/"', '不是有效的 JSON'],
      ['', '文件是空的'],
      ['{"feedUrl": 42}', '内容不是本软件写入的格式（feedUrl）'],
    ] as const) {
      fs.writeFileSync(file, bytes)
      const got = await core.call('updates.get', {})
      expect(got.feedUrl).toBeNull()
      expect(got.damaged).toContain(why)
      expect(got.damaged).toContain(file)
      // 跳过此版本 does not write the defaults over it
      await core.call('updates.skip', { version: '1.3.0' })
      expect(fs.readFileSync(file, 'utf8')).toBe(bytes)
    }
    await core.call('updates.set', { feedUrl: 'https://updates.example.cn/', channel: 'latest', autoCheck: true })
    expect(await core.call('updates.get', {})).toMatchObject({ damaged: null, feedUrl: 'https://updates.example.cn/' })
  })
})

describe('updates.unsent', () => {
  it('counts invoices on their way in every company, the open one and the others, until they are through', async () => {
    const dataDir = tempDir()
    const offline = await testCore({ dataDir })
    expect(await offline.call('updates.unsent', {})).toEqual({ commands: 0, invoices: 0, companies: [] })
    const { id } = await offline.call('invoices.saveDraft', { draft: testDraft() })
    // a draft is not on its way
    expect((await offline.call('updates.unsent', {})).invoices).toBe(0)
    await offline.call('invoices.issue', { id })
    expect(await offline.call('updates.unsent', {})).toEqual({ commands: 1, invoices: 1, companies: [SELLER.name] })
    // another company is now the open one: the first is read from its file
    await offline.call('companies.create', OTHER)
    expect(await offline.call('updates.unsent', {})).toEqual({ commands: 1, invoices: 1, companies: [SELLER.name] })
    offline.close()

    const platform = await startTestSandbox(path.join(tempDir(), 'platform'))
    const online = await testCore({ dataDir, company: SELLER.taxId, embeddedPlatform: platform.embedded })
    expect((await online.call('sync.now', {})).error).toBeNull()
    expect(await online.call('updates.unsent', {})).toEqual({ commands: 0, invoices: 0, companies: [] })
    online.close()
    await platform.stop()
  })
})

describe('updates.prepareInstall', () => {
  it('backs up every company before an update, and refuses while invoices are on their way', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    await core.call('companies.create', OTHER)
    const ready = await core.call('updates.prepareInstall', {})
    expect(ready.ready).toBe(true)
    expect(ready.backups).toHaveLength(2)
    for (const taxId of [SELLER.taxId, OTHER.taxId]) {
      const dir = path.join(dataDir, 'companies', taxId, 'backups')
      expect(fs.readdirSync(dir).filter((n) => n.endsWith('-before-update.db'))).toHaveLength(1)
    }

    await core.call('companies.switch', { taxId: SELLER.taxId })
    const { id } = await core.call('invoices.saveDraft', { draft: testDraft() })
    await core.call('invoices.issue', { id })
    const refused = await core.call('updates.prepareInstall', {})
    expect(refused).toEqual({ ready: false, unsent: { commands: 1, invoices: 1, companies: [SELLER.name] }, backups: [] })
    expect(fs.readdirSync(path.join(dataDir, 'companies', OTHER.taxId, 'backups')).filter((n) => n.endsWith('-before-update.db'))).toHaveLength(1)
  })
})
