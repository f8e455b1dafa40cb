// What a sync run reports (issue 10 §4): a push the platform answered 503 leaves its invoice
// queued, and the run says so — it is not a success even though the feed and the quota answered.
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { SELLER, tempDir, testCore } from '../support/core'
import { startFaultProxy, type Fault } from '../support/faultProxy'
import { startTestSandbox } from '../support/sandbox'

const PASSWORD = 'sandbox-password'

describe('sync reports', () => {
  it('the error of its only push answered 503; the next run, answered, reports none', async () => {
    const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
    onTestFinished(() => sandbox.stop())
    sandbox.platform.addTaxpayer({ taxId: SELLER.taxId, name: SELLER.name, region: '44', password: PASSWORD })
    let fault: Fault = '503'
    const proxy = await startFaultProxy(sandbox.url, (req) => (req.method === 'POST' && req.path.startsWith('/api/v1/invoices') ? fault : 'pass'))
    onTestFinished(() => proxy.close())
    const core = await testCore()
    await core.call('settings.platform.set', { url: proxy.url, password: PASSWORD })
    const { id } = await core.call('invoices.saveDraft', { draft: testDraft() })
    await core.call('invoices.issue', { id })

    const first = await core.call('sync.now', {})
    expect(proxy.counts['503']).toBe(1)
    expect(first).toMatchObject({ pushed: 0, rejected: 0, pending: 1 })
    expect(first.error).toBe('1 张单据未送达税务平台：税务平台暂时不可用（HTTP 503），稍后自动重试')
    const status = await core.call('sync.status', {})
    expect(status).toMatchObject({ lastError: first.error, lastSuccessAt: null, pending: 1 })
    expect((await core.call('invoices.get', { id })).state).toBe('queued')

    fault = 'pass'
    const second = await core.call('sync.now', {})
    expect(second).toMatchObject({ pushed: 1, pending: 0, error: null })
    expect(await core.call('sync.status', {})).toMatchObject({ lastError: null, lastSuccessAt: expect.any(String) })
  })
})
