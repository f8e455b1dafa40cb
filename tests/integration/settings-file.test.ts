// A damaged <dataDir>/platform.json (issue 10 §4): it may have named a real platform, so sync
// refuses — through the core and the CLI — with SETTINGS_DAMAGED, saying where the file is; no
// invoice is issued anywhere (not on the remote platform, not on an embedded sandbox started in
// its place), the file stays byte for byte, and only saving 平台连接 again replaces it, keeping
// the damaged one beside the new.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { rejection, SELLER, tempDir, testCore } from '../support/core'
import { startTestSandbox, type TestSandbox } from '../support/sandbox'

const PASSWORD = 'remote-password'

async function sandbox(): Promise<TestSandbox> {
  const s = await startTestSandbox(path.join(tempDir(), 'platform'))
  onTestFinished(() => s.stop())
  return s
}

function cli(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', '--data', dataDir, ...args, '--json'], { encoding: 'utf8' })
  return { status: r.status, json: JSON.parse(r.stdout.trim()) as Record<string, unknown> & { error?: { code: string; message: string } } }
}

/** a company set up for a remote platform, one invoice queued, then its platform.json damaged */
async function damagedSetUp(damage: (file: string) => void) {
  const remote = await sandbox()
  remote.platform.addTaxpayer({ taxId: SELLER.taxId, name: SELLER.name, region: '44', password: PASSWORD })
  // an embedded sandbox is at hand, as in the app: a damaged file must not send anything there
  const local = await sandbox()
  let embeddedStarted = 0
  const dataDir = tempDir()
  const core = await testCore({ dataDir, embeddedPlatform: async () => (embeddedStarted++, local.embedded()) })
  await core.call('settings.platform.set', { url: remote.url, password: PASSWORD })
  const { id } = await core.call('invoices.saveDraft', { draft: testDraft() })
  await core.call('invoices.issue', { id })
  const file = path.join(dataDir, 'platform.json')
  damage(file)
  const bytes = fs.statSync(file).isFile() ? fs.readFileSync(file) : null
  return {
    remote,
    local,
    core,
    dataDir,
    file,
    id,
    embeddedStarted: () => embeddedStarted,
    /** nothing issued anywhere, the invoice still queued, the file as it was */
    async nothingDone(c: Core = core) {
      expect(remote.platform.listInvoices(SELLER.taxId).total).toBe(0)
      expect(local.platform.listInvoices(SELLER.taxId).total).toBe(0)
      expect(embeddedStarted).toBe(0)
      expect((await c.call('invoices.get', { id })).state).toBe('queued')
      if (bytes) expect(fs.readFileSync(file).equals(bytes)).toBe(true)
      expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('platform.json'))).toEqual(['platform.json'])
    },
  }
}

const halfWritten = (file: string) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 40))

describe('a damaged platform.json', { timeout: 60_000 }, () => {
  it('sync refuses with SETTINGS_DAMAGED, issues nothing anywhere and leaves the file byte for byte', async () => {
    const s = await damagedSetUp(halfWritten)
    const refused = await rejection(s.core.call('sync.now', {}))
    expect(refused.code).toBe('SETTINGS_DAMAGED')
    expect(refused.message).toContain('平台连接设置文件已损坏')
    expect(refused.message).toContain(s.file)
    // a background run refuses the same way
    expect((await rejection(s.core.sync.run({ manual: false }))).code).toBe('SETTINGS_DAMAGED')

    const status = await s.core.call('sync.status', {})
    expect(status.blocked).toEqual({ code: 'SETTINGS_DAMAGED', message: refused.message })
    expect(status.lastError).toBe(refused.message)
    expect(status.pending).toBe(1)

    const settings = await s.core.call('settings.platform.get', {})
    expect(settings.damaged).toEqual({ file: s.file, message: refused.message })
    expect(settings.hasPassword).toBe(false)
    const tested = await s.core.call('settings.platform.test', {})
    expect(tested).toMatchObject({ ok: false, message: refused.message })
    await s.nothingDone()
  })

  it('every kind of damage refuses: not JSON, empty, another shape, a folder', async () => {
    const damages: [string, (file: string) => void, string][] = [
      ['not JSON', (f) => fs.writeFileSync(f, '{"url": "https://platform.exa'), '不是有效的 JSON'],
      ['empty', (f) => fs.writeFileSync(f, ''), '文件是空的'],
      ['another shape', (f) => fs.writeFileSync(f, JSON.stringify({ url: 42, passwords: [] })), '格式'],
      ['a folder', (f) => (fs.rmSync(f), fs.mkdirSync(f)), '无法读取'],
    ]
    for (const [label, damage, reason] of damages) {
      const s = await damagedSetUp(damage)
      const e = await rejection(s.core.call('sync.now', {}))
      expect(e.code, label).toBe('SETTINGS_DAMAGED')
      expect(e.message, label).toContain(reason)
      await s.nothingDone()
    }
  })

  it('the CLI: sync and sync status say so, settings platform without --url refuses; nothing is issued, no sandbox starts', async () => {
    const s = await damagedSetUp(halfWritten)
    s.core.close()
    const sync = cli(s.dataDir, 'sync')
    expect(sync.status).toBe(1)
    expect(sync.json.error).toMatchObject({ code: 'SETTINGS_DAMAGED', message: expect.stringContaining(s.file) })
    const status = cli(s.dataDir, 'sync', 'status')
    expect(status.status).toBe(0)
    expect(status.json.blocked).toMatchObject({ code: 'SETTINGS_DAMAGED' })
    // the CLI's own embedded sandbox (in <dataDir>/platform-sandbox) never started
    expect(fs.existsSync(path.join(s.dataDir, 'platform-sandbox'))).toBe(false)
    const guessed = cli(s.dataDir, 'settings', 'platform', '--password', 'x')
    expect(guessed.status).toBe(1)
    expect(guessed.json.error?.message).toContain('--url')
    const again = await testCore({ dataDir: s.dataDir, company: SELLER.taxId })
    await s.nothingDone(again)
  })

  it('saving 平台连接 again replaces it, keeping the damaged file beside; then the invoice goes to the platform chosen', async () => {
    const s = await damagedSetUp(halfWritten)
    const damagedBytes = fs.readFileSync(s.file)
    const saved = await s.core.call('settings.platform.set', { url: s.remote.url, password: PASSWORD })
    expect(saved.damaged).toBeNull()
    expect(saved.keptDamagedAs).toMatch(/platform\.json\.damaged-\d{8}-\d{6}$/)
    expect(fs.readFileSync(saved.keptDamagedAs!).equals(damagedBytes)).toBe(true)
    expect(JSON.parse(fs.readFileSync(s.file, 'utf8'))).toMatchObject({ url: s.remote.url })
    if (process.platform !== 'win32') expect(fs.statSync(s.file).mode & 0o777).toBe(0o600)
    expect((await s.core.call('sync.status', {})).blocked).toBeNull()

    expect(await s.core.call('sync.now', {})).toMatchObject({ pushed: 1, error: null })
    expect(s.remote.platform.listInvoices(SELLER.taxId).total).toBe(1)
    expect(s.local.platform.listInvoices(SELLER.taxId).total).toBe(0)
    expect(s.embeddedStarted()).toBe(0)
  })

  it('a missing file is the embedded sandbox, as before', async () => {
    const local = await sandbox()
    const core = await testCore({ embeddedPlatform: local.embedded })
    expect((await core.call('settings.platform.get', {})).damaged).toBeNull()
    const { id } = await core.call('invoices.saveDraft', { draft: testDraft() })
    await core.call('invoices.issue', { id })
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 1, error: null })
  })
})
