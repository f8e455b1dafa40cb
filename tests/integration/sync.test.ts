// The sync engine against the real platform sandbox over HTTP on 127.0.0.1, with real ledger
// files: 开票 → issued with the platform's number, a refusal becomes 开具失败 and can be fixed and
// re-queued, the change feed brings 进项 to the buyer, and the quota reaches the status.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { isWellFormedInvoiceNumber } from '../../src/shared/domain/invoiceNumber'
import type { Core } from '../../src/main/core/app'
import { manualClock } from '../../src/shared/clock'
import { DEMO_COUNTERPARTIES } from '../../src/main/core/sync/connection'
import { rejection, SELLER, tempDir, testCore } from '../support/core'
import { startFaultProxy } from '../support/faultProxy'
import { startTestSandbox, type TestSandbox } from '../support/sandbox'

async function sandbox(): Promise<TestSandbox> {
  const s = await startTestSandbox(path.join(tempDir(), 'platform'))
  onTestFinished(() => s.stop())
  return s
}

async function queue(core: Core, over: Parameters<typeof testDraft>[0] = {}): Promise<number> {
  const { id } = await core.call('invoices.saveDraft', { draft: testDraft(over) })
  await core.call('invoices.issue', { id })
  return id
}

describe('sync: outbox → platform → ledger', () => {
  it('issues a queued invoice through the embedded sandbox: number, QR, quota, and the 进项 of a registered buyer', async () => {
    const platform = await sandbox()
    const dataDir = tempDir()
    const core = await testCore({ dataDir, embeddedPlatform: platform.embedded })
    const buyer = DEMO_COUNTERPARTIES[0]
    const id = await queue(core, { buyer: { ...testDraft().buyer, name: buyer.name, taxId: buyer.taxId } })
    const settled: unknown[] = []
    core.events.on((e) => e.type === 'invoice.settled' && settled.push(e))

    const result = await core.call('sync.now', {})
    expect(result).toMatchObject({ pushed: 1, rejected: 0, pending: 0, error: null })

    const inv = await core.call('invoices.get', { id })
    expect(inv.state).toBe('issued')
    expect(isWellFormedInvoiceNumber(inv.number!)).toBe(true)
    expect(inv.number!.slice(2, 4)).toBe('44') // 广东
    expect(inv.qr).toBe(`01,31,,${inv.number},${inv.totals.total},${inv.issuedAt!.slice(0, 10).replaceAll('-', '')},,${inv.qr!.split(',')[7]}`)
    expect(inv.quotaUsed).toBe('10000.00')
    expect(inv.syncState).toBe('done')
    expect(settled).toEqual([{ type: 'invoice.settled', invoiceId: id, outcome: 'issued', number: inv.number, total: '10600.00', quotaUsed: '10000.00', qr: inv.qr }])

    // the platform holds exactly this invoice
    const held = platform.platform.listInvoices(SELLER.taxId)
    expect(held.rows.map((r) => r.number)).toEqual([inv.number])

    const status = await core.call('sync.status', {})
    expect(status).toMatchObject({ mode: 'embedded', online: true, pending: 0, failed: 0, lastError: null })
    expect(status.quota).toMatchObject({ total: '1000000.00', used: '10000.00', remaining: '990000.00' })

    // the demo counterparty is a company of this app: switch to it and its 进项 arrives by the feed
    const companies = await core.call('companies.list', {})
    expect(companies.map((c) => c.taxId).sort()).toEqual([...DEMO_COUNTERPARTIES.map((d) => d.taxId), SELLER.taxId].sort())
    await core.call('companies.switch', { taxId: buyer.taxId })
    const pulled = await core.call('sync.now', {})
    expect(pulled.error).toBeNull()
    const received = await core.call('received.list', {})
    expect(received.rows).toEqual([expect.objectContaining({ number: inv.number, sellerTaxId: SELLER.taxId, sellerName: SELLER.name, total: '10600.00' })])
  })

  it('a refusal (quota exceeded) makes the invoice 开具失败 with the platform words; fixed and re-queued it is issued', async () => {
    const platform = await sandbox()
    const core = await testCore({ embeddedPlatform: platform.embedded })
    await core.call('sync.now', {}) // registers the company on the sandbox
    const month = (await core.call('sync.status', {})).quota!.month
    platform.platform.setQuota(SELLER.taxId, month, '5000.00')

    const id = await queue(core) // 金额 10,000 > 5,000
    const result = await core.call('sync.now', {})
    expect(result).toMatchObject({ pushed: 0, rejected: 1, pending: 0 })
    const failed = await core.call('invoices.get', { id })
    expect(failed).toMatchObject({ state: 'failed', syncState: 'rejected', number: null })
    expect(failed.failure).toMatch(/额度/)
    // it reopens as typed: 金额 still blank, to be derived from 数量 × 单价 after the fix
    expect(failed.draft.lines[0]).toMatchObject({ quantity: '1', unitPrice: '10000', amount: null })
    expect((await core.call('sync.status', {})).failed).toBe(1)
    expect(platform.platform.listInvoices(SELLER.taxId).total).toBe(0)

    // fix: a smaller amount; the edit makes it a draft, 开票 queues it with a new key
    await core.call('invoices.saveDraft', { id, draft: testDraft({ lines: [{ ...testDraft().lines[0]!, unitPrice: '4000' }] }) })
    await core.call('invoices.issue', { id })
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 1, rejected: 0 })
    expect((await core.call('invoices.get', { id })).state).toBe('issued')
    expect(platform.platform.listInvoices(SELLER.taxId).total).toBe(1)
  })

  it('offline: the invoice stays queued with the reason, and goes out once the platform is back', async () => {
    const platform = await sandbox()
    const core = await testCore({ embeddedPlatform: platform.embedded })
    await core.call('sync.now', {})
    await platform.stop()
    const id = await queue(core)

    const offline = await core.call('sync.now', {})
    expect(offline.pushed).toBe(0)
    expect(offline.pending).toBe(1)
    expect(offline.error).toMatch(/无法连接|不可用|无响应/)
    expect(await core.call('sync.status', {})).toMatchObject({ online: false, pending: 1 })
    expect(await core.call('invoices.get', { id })).toMatchObject({ state: 'queued', syncState: 'retrying', number: null })

    await platform.start()
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 1, pending: 0, error: null })
    expect(await core.call('invoices.get', { id })).toMatchObject({ state: 'issued', syncState: 'done' })
    expect(await core.call('sync.status', {})).toMatchObject({ online: true, pending: 0 })
  })

  it('in the background, a queued invoice goes out on its own and the status follows', async () => {
    const platform = await sandbox()
    const core = await testCore({ embeddedPlatform: platform.embedded, backgroundSync: true })
    const statuses: number[] = []
    core.events.on((e) => e.type === 'sync.status' && statuses.push(e.status.pending))
    const id = await queue(core)
    await expect.poll(async () => (await core.call('invoices.get', { id })).state, { timeout: 10_000 }).toBe('issued')
    await expect.poll(() => statuses.at(-1)).toBe(0)
    expect(statuses).toContain(1)
  })

  it('an invoice queued while a background run is already pulling goes out right after that run, not at the next tick', async () => {
    const platform = await sandbox()
    let pulling: () => void = () => undefined
    const pullStarted = new Promise<void>((r) => (pulling = r))
    let held = 0
    // the first run's feed request is held for a while: the invoice is queued behind its push
    const proxy = await startFaultProxy(platform.url, (req) => {
      if (!req.path.startsWith('/api/v1/changes') || held++ > 0) return 'pass'
      pulling()
      return { delayMs: 1500 }
    })
    onTestFinished(() => proxy.close())
    const core = await testCore({ embeddedPlatform: async () => ({ url: proxy.url, adminToken: platform.adminToken }), backgroundSync: true })
    await pullStarted
    const id = await queue(core)
    // the background tick is 15 s away: within 10 s only the kick can have sent it
    await expect.poll(async () => (await core.call('invoices.get', { id })).state, { timeout: 10_000 }).toBe('issued')
    expect(platform.platform.listInvoices(SELLER.taxId).total).toBe(1)
  })

  it('logs in again when the platform no longer knows its token (expired after 12 hours)', async () => {
    const clock = manualClock(new Date('2026-11-10T09:00:00+08:00'))
    const platform = await startTestSandbox(path.join(tempDir(), 'platform'), { clock })
    onTestFinished(() => platform.stop())
    const core = await testCore({ embeddedPlatform: platform.embedded })
    await queue(core)
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 1, error: null })
    clock.advance(13 * 3600_000)
    expect(await core.call('sync.now', {})).toMatchObject({ error: null }) // pull and quota with a fresh login
    await queue(core)
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 1, error: null })
    expect(platform.platform.listInvoices(SELLER.taxId).total).toBe(2)
  })

  it('keeps the sandbox password and another platform password apart: switching back and forth keeps working', async () => {
    const embedded = await sandbox()
    const remote = await sandbox()
    remote.platform.addTaxpayer({ taxId: SELLER.taxId, name: SELLER.name, region: '44', password: 'remote-password' })
    const core = await testCore({ embeddedPlatform: embedded.embedded })
    expect(await core.call('settings.platform.test', {})).toMatchObject({ ok: true, taxpayerName: SELLER.name }) // registers first
    // the sandbox's generated password is never offered to another platform
    expect((await rejection(core.call('settings.platform.set', { url: remote.url }))).code).toBe('VALIDATION')
    expect(await core.call('settings.platform.test', { url: remote.url })).toMatchObject({ ok: false, message: '请填写平台登录密码' })
    await core.call('settings.platform.set', { url: remote.url, password: 'remote-password' })
    await queue(core)
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 1, error: null })
    await core.call('settings.platform.set', { url: null })
    expect(await core.call('settings.platform.get', {})).toMatchObject({ mode: 'embedded', hasPassword: true })
    await queue(core)
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 1, error: null })
    expect([remote.platform.listInvoices(SELLER.taxId).total, embedded.platform.listInvoices(SELLER.taxId).total]).toEqual([1, 1])
  })

  it('a configured platform needs the password; a wrong one is a clear login refusal that changes nothing', async () => {
    const platform = await sandbox()
    platform.platform.addTaxpayer({ taxId: SELLER.taxId, name: SELLER.name, region: '44', password: 'right-password' })
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    const missing = await rejection(core.call('settings.platform.set', { url: platform.url }))
    expect(missing.code).toBe('VALIDATION')
    expect((await core.call('settings.platform.get', {})).mode).toBe('embedded')

    const bad = await core.call('settings.platform.test', { url: platform.url, password: 'wrong-password' })
    expect(bad.ok).toBe(false)
    expect(bad.message).toMatch(/密码|登录/)
    const good = await core.call('settings.platform.test', { url: platform.url, password: 'right-password' })
    expect(good).toMatchObject({ ok: true, taxpayerName: SELLER.name })

    await core.call('settings.platform.set', { url: platform.url, password: 'right-password' })
    expect(await core.call('settings.platform.get', {})).toMatchObject({ mode: 'remote', url: platform.url, taxId: SELLER.taxId, hasPassword: true })
    // web and CLI mode keep the credentials in a file only its owner can read
    expect(fs.statSync(path.join(dataDir, 'platform.json')).mode & 0o777).toBe(0o600)
    const id = await queue(core)
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 1 })
    expect((await core.call('invoices.get', { id })).state).toBe('issued')
  })
})
