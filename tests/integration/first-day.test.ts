// The first day through the real core: 开票默认值 per company, and the 新手引导's steps ticking from
// what the ledger holds (not from clicks), with a real sandbox issuing the invoice.
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { OTHER, rejection, SELLER, tempDir, testCore } from '../support/core'
import { startTestSandbox } from '../support/sandbox'

describe('开票默认值', () => {
  it('starts as 数电普票 不含税, is kept per company in its ledger, and audited', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    expect(await core.call('settings.defaults.get', {})).toEqual({ kind: '82', priceIncludesTax: false })
    expect(await core.call('settings.defaults.set', { kind: '81', priceIncludesTax: true })).toEqual({ kind: '81', priceIncludesTax: true })
    expect(await core.call('settings.defaults.get', {})).toEqual({ kind: '81', priceIncludesTax: true })

    const db = new Database(path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db'), { readonly: true })
    expect(db.prepare("SELECT summary FROM audit_log WHERE entity = 'company' AND action = 'update'").all()).toEqual([{ summary: '修改开票默认值：票种 数电专票，含税' }])
    db.close()

    // another company has its own
    await core.call('companies.create', OTHER)
    expect(await core.call('settings.defaults.get', {})).toEqual({ kind: '82', priceIncludesTax: false })
    await core.call('companies.switch', { taxId: SELLER.taxId })
    expect(await core.call('settings.defaults.get', {})).toEqual({ kind: '81', priceIncludesTax: true })
  })

  it('refuses a bad 票种 in Chinese and changes nothing', async () => {
    const core = await testCore()
    const bad = await rejection(core.call('settings.defaults.set', { kind: '99' as '81', priceIncludesTax: true }))
    expect(bad.code).toBe('VALIDATION')
    expect(bad.message).toContain('默认票种应为 数电专票 或 数电普票')
    expect(await core.call('settings.defaults.get', {})).toEqual({ kind: '82', priceIncludesTax: false })
  })
})

describe('新手引导', { timeout: 60_000 }, () => {
  it('ticks each step from the ledger: customers exist, an invoice issued, 发票查询 seen after it', async () => {
    const platform = await startTestSandbox(path.join(tempDir(), 'platform'))
    onTestFinished(() => platform.stop())
    const core = await testCore({ embeddedPlatform: platform.embedded })
    const none = { customers: false, issue: false, query: false }
    expect(await core.call('guide.status', {})).toEqual({ dismissed: false, done: none })

    // 发票查询 opened before anything was issued does not count
    expect((await core.call('guide.set', { queryViewed: true })).done).toEqual(none)

    await core.call('customers.create', { name: '华为技术有限公司', taxId: '914403001922038216' })
    expect((await core.call('guide.status', {})).done).toEqual({ ...none, customers: true })

    // a draft is not an issued invoice
    const { id } = await core.call('invoices.saveDraft', { draft: testDraft() })
    expect((await core.call('guide.status', {})).done.issue).toBe(false)
    await core.call('invoices.issue', { id })
    expect((await core.call('sync.now', {})).error).toBeNull()
    expect((await core.call('guide.status', {})).done).toEqual({ customers: true, issue: true, query: false })

    expect((await core.call('guide.set', { queryViewed: true })).done).toEqual({ customers: true, issue: true, query: true })
  })

  it('remembers 不再显示 per company, and can be shown again', async () => {
    const core = await testCore()
    expect((await core.call('guide.set', { dismissed: true })).dismissed).toBe(true)
    await core.call('companies.create', OTHER)
    expect((await core.call('guide.status', {})).dismissed).toBe(false)
    await core.call('companies.switch', { taxId: SELLER.taxId })
    expect((await core.call('guide.status', {})).dismissed).toBe(true)
    expect((await core.call('guide.set', { dismissed: false })).dismissed).toBe(false)
  })
})
