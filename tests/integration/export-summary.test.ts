// 发票汇总 on ledgers built through the real issuing path: 开票 → sync to the real sandbox over HTTP
// → issued; a full red reversal through a 确认单; 进项 through the change feed of a demo
// counterparty. The figures by 票种 and by 税率 (免税 and 不征税 apart), blue, red and net.
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { DEMO_COUNTERPARTIES } from '../../src/main/core/sync/connection'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { toShanghaiIso } from '../../src/shared/domain/time'
import { rejection, SELLER, tempDir, testCore } from '../support/core'
import { startTestSandbox } from '../support/sandbox'
import { readXlsx } from '../support/sheets'

const BUYER = DEMO_COUNTERPARTIES[0]
const today = () => toShanghaiIso(new Date()).slice(0, 10)

async function issue(core: Core, draft = testDraft()): Promise<number> {
  const { id } = await core.call('invoices.saveDraft', { draft })
  await core.call('invoices.issue', { id })
  return id
}

/** A: 专票, one 6% line 10,000; B: 普票 to the demo buyer, 13% 1,000 + 免税 2,000 + 不征税 300 */
async function ledger(): Promise<{ core: Core; a: string; b: string }> {
  const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
  onTestFinished(() => sandbox.stop())
  const core = await testCore({ embeddedPlatform: sandbox.embedded })
  const a = await issue(core)
  const b = await issue(
    core,
    testDraft({
      kind: '82',
      buyer: { ...testDraft().buyer, name: BUYER.name, taxId: BUYER.taxId },
      lines: [
        testLine({ name: '木材', taxCode: '1010202020000000000', unit: '立方米', quantity: '2', unitPrice: '500', taxRate: '0.13' }),
        testLine({ name: '学历教育', taxCode: '3070201010000000000', quantity: '1', unitPrice: '2000', taxRate: '0', policy: '03' }),
        testLine({ name: '预付卡充值', taxCode: '6010000000000000000', unit: '', quantity: null, unitPrice: null, amount: '300', taxRate: '0', policy: '04' }),
      ],
    }),
  )
  expect(await core.call('sync.now', {})).toMatchObject({ pushed: 2, rejected: 0, error: null })
  const number = async (id: number) => (await core.call('invoices.get', { id })).number!
  return { core, a: await number(a), b: await number(b) }
}

const figures = (count: number, amount: string, tax: string, total: string) => ({ count, amount, tax, total })

describe('发票汇总', () => {
  it('销项 by 票种 and by 税率 (免税, 不征税 apart), a red reversal negative, net; 进项 from the feed; to .xlsx', { timeout: 60_000 }, async () => {
    const { core, a } = await ledger()
    const period = { from: today(), to: today() }

    const before = await core.call('invoices.summary', { ...period, side: '销项' })
    expect(before.sides.map((s) => s.side)).toEqual(['销项'])
    const out = before.sides[0]!
    expect(out.byKind).toEqual([
      { label: '数电专票', blue: figures(1, '10000.00', '600.00', '10600.00'), red: figures(0, '0.00', '0.00', '0.00'), net: figures(1, '10000.00', '600.00', '10600.00') },
      { label: '数电普票', blue: figures(1, '3300.00', '130.00', '3430.00'), red: figures(0, '0.00', '0.00', '0.00'), net: figures(1, '3300.00', '130.00', '3430.00') },
    ])
    expect(out.total.net).toEqual(figures(2, '13300.00', '730.00', '14030.00'))
    expect(out.byRate.map((r) => [r.label, r.blue])).toEqual([
      ['13%', figures(1, '1000.00', '130.00', '1130.00')],
      ['6%', figures(1, '10000.00', '600.00', '10600.00')],
      ['免税', figures(1, '2000.00', '0.00', '2000.00')],
      ['不征税', figures(1, '300.00', '0.00', '300.00')],
    ])
    // summed a month at a time: a period of many months that holds today's gives the same figures
    const wide = await core.call('invoices.summary', { from: `${Number(period.from.slice(0, 4)) - 1}-01-01`, to: period.to, side: '销项' })
    expect(wide.sides[0]).toEqual(out)

    // 开票有误: the seller reverses A in full; the red invoice comes back through the feed
    await core.call('red.create', { blueNumber: a, reason: '01', as: 'seller' })
    expect((await core.call('sync.now', {})).error).toBeNull()
    // queued, never sent: not issued, so not in the summary
    await issue(core)
    const after = (await core.call('invoices.summary', { ...period, side: '销项' })).sides[0]!
    expect(after.byKind[0]).toEqual({
      label: '数电专票',
      blue: figures(1, '10000.00', '600.00', '10600.00'),
      red: figures(1, '-10000.00', '-600.00', '-10600.00'),
      net: figures(2, '0.00', '0.00', '0.00'),
    })
    expect(after.byRate.find((r) => r.label === '6%')!.net).toEqual(figures(2, '0.00', '0.00', '0.00'))
    expect(after.total).toMatchObject({
      blue: figures(2, '13300.00', '730.00', '14030.00'),
      red: figures(1, '-10000.00', '-600.00', '-10600.00'),
      net: figures(3, '3300.00', '130.00', '3430.00'),
    })

    // another period holds none of it
    const empty = (await core.call('invoices.summary', { from: '2020-01-01', to: '2020-12-31', side: '销项' })).sides[0]!
    expect(empty.total.net).toEqual(figures(0, '0.00', '0.00', '0.00'))
    expect(empty.byRate).toEqual([])

    // the .xlsx carries the same figures as numbers
    const file = await core.call('invoices.summaryExport', { ...period, side: '销项' })
    const rows = await readXlsx(core.files.resolve(file.file.token).path, '发票汇总')
    expect(rows[0]![0]).toBe(`发票汇总（开票日期 ${period.from} 至 ${period.to}）`)
    const special = rows.find((r) => r[0] === '数电专票')!
    expect(special.slice(1)).toEqual(['1', '10000', '600', '10600', '1', '-10000', '-600', '-10600', '2', '0', '0', '0'])
    expect(rows.find((r) => r[0] === '免税')!.slice(1, 5)).toEqual(['1', '2000', '0', '2000'])

    // 进项: the demo buyer's ledger receives B through the feed
    await core.call('companies.switch', { taxId: BUYER.taxId })
    expect((await core.call('sync.now', {})).error).toBeNull()
    const both = await core.call('invoices.summary', period)
    expect(both.sides.map((s) => s.side)).toEqual(['销项', '进项'])
    expect(both.sides[0]!.total.net.count).toBe(0)
    const input = both.sides[1]!
    expect(input.byKind[1]).toMatchObject({ label: '数电普票', net: figures(1, '3300.00', '130.00', '3430.00') })
    expect(input.byRate.map((r) => [r.label, r.net.amount, r.net.tax])).toEqual([
      ['13%', '1000.00', '130.00'],
      ['免税', '2000.00', '0.00'],
      ['不征税', '300.00', '0.00'],
    ])
    await core.call('companies.switch', { taxId: SELLER.taxId })
  })

  it('an invoice with two rows at one rate counts once in that rate, its amounts summed', { timeout: 60_000 }, async () => {
    const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
    onTestFinished(() => sandbox.stop())
    const core = await testCore({ embeddedPlatform: sandbox.embedded })
    const wood = { taxCode: '1010202020000000000', unit: '立方米', quantity: '1', taxRate: '0.13' }
    await issue(core, testDraft({ lines: [testLine({ ...wood, name: '木材', unitPrice: '100' }), testLine({ ...wood, name: '原木', unitPrice: '200' })] }))
    expect(await core.call('sync.now', {})).toMatchObject({ pushed: 1, rejected: 0 })
    const side = (await core.call('invoices.summary', { from: today(), to: today(), side: '销项' })).sides[0]!
    expect(side.byRate.map((r) => [r.label, r.net])).toEqual([['13%', figures(1, '300.00', '39.00', '339.00')]])
  })

  it('refuses a period that ends before it starts, or a day that does not exist, in Chinese', async () => {
    const core = await testCore()
    const backwards = await rejection(core.call('invoices.summary', { from: '2026-12-31', to: '2026-12-01' }))
    expect(backwards).toMatchObject({ code: 'VALIDATION' })
    expect(JSON.stringify(backwards)).toContain('结束日期不能早于开始日期')
    const bad = await rejection(core.call('invoices.summary', { from: '2026-02-30', to: '2026-03-01' }))
    expect(JSON.stringify(bad)).toContain('开始日期「2026-02-30」不是有效日期')
  })
})
