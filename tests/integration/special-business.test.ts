// 特定业务 (issue 13) through the ledger: a draft's 特定业务 is stored as typed and its kind in
// invoices.special_kind on every write (保存, 复制, 开票, the platform's answer); issued through the
// real sandbox, the seller's 销项 and the buyer's 进项 both carry it, 发票查询 filters by it on both
// sides through migration 0009's indexes, and the CLI's --special reaches that filter.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { whereOf, tableOf } from '../../src/main/core/features/query/where'
import { openLedgerConnection } from '../../src/main/core/ledger/open'
import { sql } from 'drizzle-orm'
import { invoiceFilter, type InvoiceFilterInput, type InvoiceQueryResult } from '../../src/shared/api/invoiceQuery'
import type { InvoiceDraft } from '../../src/shared/domain/invoice'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import type { SpecialBusiness } from '../../src/shared/domain/specialBusiness'
import { GOOD } from '../../src/shared/domain/specialBusiness/testSpecial'
import { makeLedger } from '../../bench/ledger1m'
import { OTHER, SELLER, tempDir, testCore } from '../support/core'
import { syncAll, twoParties } from '../support/twoParties'

const construction: SpecialBusiness = { kind: '建筑服务', rows: [GOOD.建筑服务.row] }
const freight: SpecialBusiness = {
  kind: '货物运输服务',
  rows: [GOOD.货物运输服务.row, { ...GOOD.货物运输服务.row, from: '天津市滨海新区天津港', to: '北京市朝阳区', vehicleNo: '津B54321', goods: '集装箱' }],
}

/** a draft to OTHER with one 9% line of the kind's code (or a plain 6% service line) */
function draftOf(special: SpecialBusiness | null, over: Partial<InvoiceDraft> = {}): InvoiceDraft {
  const line = special ? testLine({ name: '特定业务服务', taxCode: GOOD[special.kind].code, taxRate: '0.09' }) : testLine()
  return testDraft({ buyer: { ...testDraft().buyer, name: OTHER.name, taxId: OTHER.taxId }, lines: [line], specialBusiness: special, ...over })
}

function specialKindOf(dataDir: string, taxId: string, table: 'invoices' | 'received_invoices', key: number | string): string | null {
  const ledger = openLedgerConnection(path.join(dataDir, 'companies', taxId, 'ledger.db'))
  try {
    const where = table === 'invoices' ? 'id' : 'number'
    return (ledger.db.prepare(`SELECT special_kind FROM ${table} WHERE ${where} = ?`).pluck().get(key) as string | null | undefined) ?? null
  } finally {
    ledger.close()
  }
}

const keysOf = async (core: Core, filter: InvoiceFilterInput) => (await core.call('invoices.query', { ...filter, size: 100 })).rows.map((r) => [r.key, r.specialKind])

describe('特定业务 in the ledger', { timeout: 120_000 }, () => {
  it('保存 stores the kind beside the draft, 读取 gives the draft back whole, 复制 keeps it, clearing it clears the column', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    const { id } = await core.call('invoices.saveDraft', { draft: draftOf(construction) })
    expect(specialKindOf(dataDir, SELLER.taxId, 'invoices', id)).toBe('建筑服务')
    const got = await core.call('invoices.get', { id })
    expect(got.draft.specialBusiness).toEqual(construction)
    // a good 建筑服务 draft has nothing left to fix
    expect(got.issues).toEqual([])

    const copy = await core.call('invoices.copy', { id })
    expect(copy.draft.specialBusiness).toEqual(construction)
    expect(specialKindOf(dataDir, SELLER.taxId, 'invoices', copy.id)).toBe('建筑服务')

    await core.call('invoices.saveDraft', { id, draft: draftOf(freight) })
    expect(specialKindOf(dataDir, SELLER.taxId, 'invoices', id)).toBe('货物运输服务')
    await core.call('invoices.saveDraft', { id, draft: draftOf(null) })
    expect(specialKindOf(dataDir, SELLER.taxId, 'invoices', id)).toBeNull()
    expect((await core.call('invoices.get', { id })).draft.specialBusiness).toBeNull()
  })

  it('开票 refuses a 建筑服务 draft that misses a required-if field, naming it, and queues nothing', async () => {
    const core = await testCore()
    const bad: SpecialBusiness = { kind: '建筑服务', rows: [{ ...GOOD.建筑服务.row, crossCity: '是', crossRegionNo: '' }] }
    const { id, warnings } = await core.call('invoices.saveDraft', { draft: draftOf(bad) })
    expect(warnings).toContainEqual({ path: 'specialBusiness.rows.0.crossRegionNo', message: '建筑服务：跨地市标志为“是”时，请填写跨区域涉税事项报验管理编号' })
    await expect(core.call('invoices.issue', { id })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('跨区域涉税事项报验管理编号') })
    expect((await core.call('invoices.get', { id })).state).toBe('draft')
  })

  it('issued through the sandbox: 销项 and the buyer’s 进项 carry the kind, and 发票查询 filters by it on both sides', async () => {
    const { seller, buyer } = await twoParties()
    const ids: number[] = []
    for (const special of [construction, freight, null]) {
      const { id } = await seller.call('invoices.saveDraft', { draft: draftOf(special) })
      await seller.call('invoices.issue', { id })
      ids.push(id)
    }
    await syncAll(seller, buyer)
    const [build, cargo, plain] = await Promise.all(ids.map((id) => seller.call('invoices.get', { id })))
    expect([build!.state, cargo!.state, plain!.state]).toEqual(['issued', 'issued', 'issued'])
    // the document is now the platform's computed draft: the 特定业务 survived the round trip
    expect(build!.draft.specialBusiness).toEqual(construction)
    expect(cargo!.draft.specialBusiness).toEqual(freight)

    expect(await keysOf(seller, { specialKind: '建筑服务' })).toEqual([[`S:${build!.id}`, '建筑服务']])
    expect(await keysOf(seller, { specialKind: '货物运输服务' })).toEqual([[`S:${cargo!.id}`, '货物运输服务']])
    expect(await keysOf(seller, { specialKind: '旅客运输服务' })).toEqual([])
    expect((await seller.call('invoices.query', { size: 100 })).rows.find((r) => r.id === plain!.id)!.specialKind).toBeNull()

    expect(await keysOf(buyer, { side: '进项', specialKind: '建筑服务' })).toEqual([[`P:${build!.number}`, '建筑服务']])
    expect(await keysOf(buyer, { side: '进项', specialKind: '货物运输服务', kind: '81' })).toEqual([[`P:${cargo!.number}`, '货物运输服务']])
    const all = await buyer.call('invoices.query', { side: '进项', size: 100 })
    expect(all.total).toBe(3)
    expect(all.rows.find((r) => r.number === plain!.number)!.specialKind).toBeNull()
    // the totals follow the filter
    const totals = await buyer.call('invoices.query', { side: '进项', specialKind: '建筑服务' })
    expect(totals.totals.total).toBe(build!.totals.total)
  })

  it('a red invoice reversing a 建筑服务 one keeps its 特定业务, in the draft, the column and the filter', async () => {
    const { seller, buyer } = await twoParties()
    const { id } = await seller.call('invoices.saveDraft', { draft: draftOf(construction) })
    await seller.call('invoices.issue', { id })
    await syncAll(seller, buyer)
    const blue = await seller.call('invoices.get', { id })
    await seller.call('red.create', { blueNumber: blue.number!, reason: '01', as: 'seller' })
    await syncAll(seller, seller)
    const reds = (await seller.call('invoices.query', { colour: 'red', specialKind: '建筑服务' })).rows
    expect(reds).toHaveLength(1)
    const red = await seller.call('invoices.get', { id: reds[0]!.id! })
    expect(red.draft.specialBusiness).toEqual(construction)
    expect(red.totals.total).toBe(`-${blue.totals.total}`)
  })

  it('an invoice the seller issued elsewhere reaches its ledger through the feed with its kind', async () => {
    const { sandbox, seller } = await twoParties()
    const other = await testCore({ company: false, dataDir: tempDir() })
    await other.call('companies.create', SELLER)
    await other.call('settings.platform.set', { url: sandbox.url, password: 'two-party-password' })
    const { id } = await other.call('invoices.saveDraft', { draft: draftOf(construction) })
    await other.call('invoices.issue', { id })
    await syncAll(other, seller)
    const rows = (await seller.call('invoices.query', { specialKind: '建筑服务' })).rows
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ origin: 'platform', specialKind: '建筑服务' })
  })
})

describe('发票查询 by 特定业务 reads migration 0009’s indexes', () => {
  it('plans the count and the page through invoices_special_kind and received_special_kind', async () => {
    const dataDir = tempDir()
    await testCore({ dataDir })
    const ledger = openLedgerConnection(path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db'))
    try {
      const plan = (query: ReturnType<typeof sql>) =>
        ledger.orm
          .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)
          .map((r) => r.detail)
          .join(' | ')
      for (const [side, index] of [
        ['销项', 'invoices_special_kind'],
        ['进项', 'received_special_kind'],
      ] as const) {
        const f = invoiceFilter.parse({ side, specialKind: '建筑服务' })
        expect(plan(sql`SELECT count(*) FROM ${tableOf(side)} WHERE ${whereOf(f)}`)).toContain(index)
        const dated = f.side === '销项' ? sql.raw('coalesce(issued_at, queued_at)') : sql.raw('issued_at')
        expect(plan(sql`SELECT * FROM ${tableOf(side)} WHERE ${whereOf(f)} ORDER BY ${dated} DESC LIMIT 20`)).toContain(index)
      }
    } finally {
      ledger.close()
    }
  })
})

describe('CLI: --special', { timeout: 120_000 }, () => {
  const cli = (dataDir: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', '--data', dataDir, ...args, '--json'], { encoding: 'utf8' })

  it('filters invoices list and received list by kind, name or code, and refuses an unknown kind in Chinese', async () => {
    const data = tempDir()
    const { file } = await makeLedger(data, { count: 40, purchases: 10, days: 10, end: new Date('2026-11-30T00:00:00Z') })
    const ledger = openLedgerConnection(file)
    const sale = ledger.db.prepare("SELECT id FROM invoices WHERE state <> 'draft' ORDER BY id LIMIT 1").pluck().get() as number
    const purchase = ledger.db.prepare('SELECT number FROM received_invoices ORDER BY number LIMIT 1').pluck().get() as string
    ledger.db.prepare("UPDATE invoices SET special_kind = '建筑服务' WHERE id = ?").run(sale)
    ledger.db.prepare("UPDATE received_invoices SET special_kind = '不动产经营租赁服务' WHERE number = ?").run(purchase)
    ledger.close()

    const sales = JSON.parse(cli(data, 'invoices', 'list', '--special', '03').stdout) as InvoiceQueryResult
    expect(sales.rows.map((r) => [r.key, r.specialKind])).toEqual([[`S:${sale}`, '建筑服务']])
    // the template's short name of the kind
    const bought = JSON.parse(cli(data, 'received', 'list', '--special', '不动产租赁').stdout) as InvoiceQueryResult
    expect(bought.rows.map((r) => [r.key, r.specialKind])).toEqual([[`P:${purchase}`, '不动产经营租赁服务']])

    const bad = cli(data, 'invoices', 'list', '--special', '农产品收购')
    expect(bad.status).not.toBe(0)
    expect(bad.stdout + bad.stderr).toContain('特定业务应为 建筑服务、货物运输服务')
  })
})
