// 纳税人类型 and rates on the client, against the real sandbox over HTTP: the company's own choice
// decides until the platform answers; then the platform's type and granted rates, cached on the
// company with their time, decide 开票 — the same rules and words on both sides.
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { REDUCED_REASONS } from '../../src/shared/domain/rateRules'
import type { Core } from '../../src/main/core/app'
import { rejection, SELLER, tempDir, testCore } from '../support/core'
import { startTestSandbox } from '../support/sandbox'

async function saved(core: Core, over: Parameters<typeof testDraft>[0]): Promise<number> {
  return (await core.call('invoices.saveDraft', { draft: testDraft(over) })).id
}

describe('纳税人类型 and rates on the client', () => {
  it('a 小规模纳税人 cannot queue a 6% line; its 3% 专票 needs the reason; 1% goes through', async () => {
    const core = await testCore({ company: false })
    const company = await core.call('companies.create', { ...SELLER, taxpayerType: '小规模纳税人' })
    expect(company).toMatchObject({ taxpayerType: '小规模纳税人', platformRates: null, ratesReadAt: null })

    const six = await saved(core, {})
    const refused = await rejection(core.call('invoices.issue', { id: six }))
    expect(refused.code).toBe('VALIDATION')
    expect(refused.message).toContain('小规模纳税人不能使用税率 6%')
    expect((await core.call('invoices.get', { id: six })).state).toBe('draft')

    const three = await saved(core, { lines: [testLine({ taxRate: '0.03' })] })
    const noReason = await core.call('invoices.get', { id: three })
    expect(noReason.issues).toEqual([{ path: 'reducedReason', message: '小规模纳税人以 3% 征收率开具专票，须选择“放弃享受减按1%征收率原因”' }])
    const withReason = await saved(core, { lines: [testLine({ taxRate: '0.03' })], reducedReason: REDUCED_REASONS[0] })
    expect(await core.call('invoices.issue', { id: withReason })).toEqual({ id: withReason, state: 'queued' })
    const one = await saved(core, { lines: [testLine({ taxRate: '0.01' })] })
    expect(await core.call('invoices.issue', { id: one })).toEqual({ id: one, state: 'queued' })
  })

  it("takes the platform's type and rates at sync, with their time; the admin's change reaches the client", async () => {
    const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
    onTestFinished(() => sandbox.stop())
    const core = await testCore({ embeddedPlatform: sandbox.embedded })
    expect(await core.call('companies.current', {})).toMatchObject({ taxpayerType: '一般纳税人', ratesReadAt: null })

    await core.call('sync.now', {})
    const read = (await core.call('companies.current', {}))!
    expect(read).toMatchObject({ taxpayerType: '一般纳税人', platformRates: ['13%', '9%', '6%', '5%', '3%', '1.5%', '0%', '免税', '不征税'] })
    expect(read.ratesReadAt).toMatch(/\+08:00$/)

    // the platform's answer wins: the admin makes the company 小规模 with 3% only
    sandbox.platform.setQualification(SELLER.taxId, { type: '小规模纳税人', rates: '3%' })
    await core.call('sync.now', {})
    expect(await core.call('companies.current', {})).toMatchObject({ taxpayerType: '小规模纳税人', platformRates: ['3%'] })
    const one = await saved(core, { kind: '82', lines: [testLine({ taxRate: '0.01' })] })
    expect((await rejection(core.call('invoices.issue', { id: one }))).message).toContain('税务平台未给本企业核定税率/征收率“1%”')
    const three = await saved(core, { kind: '82', lines: [testLine({ taxRate: '0.03' })] })
    await core.call('invoices.issue', { id: three })
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 1, rejected: 0, error: null })
    expect((await core.call('invoices.get', { id: three })).state).toBe('issued')
  })

  it('the sandbox refuses what a stale client let through, in the same words', async () => {
    const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
    onTestFinished(() => sandbox.stop())
    const core = await testCore({ embeddedPlatform: sandbox.embedded })
    await core.call('sync.now', {})
    const id = await saved(core, { kind: '82', lines: [testLine({ taxRate: '0.13' })] })
    // 13% on a 6% service is refused here before it is queued …
    expect((await rejection(core.call('invoices.issue', { id }))).message).toContain('适用税率 6%，不能使用 13%')
    // … and the platform refuses a 6% line once the admin made the company 小规模 behind the client's back
    const six = await saved(core, { kind: '82' })
    await core.call('invoices.issue', { id: six })
    sandbox.platform.setQualification(SELLER.taxId, { type: '小规模纳税人' })
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 0, rejected: 1 })
    const failed = await core.call('invoices.get', { id: six })
    expect(failed.state).toBe('failed')
    expect(failed.failure).toContain('小规模纳税人不能使用税率 6%，请选择征收率 3%（或减按 1%）或 5%')
  })
})
