import Database from 'better-sqlite3'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { rejection, SELLER, tempDir, testCore } from '../support/core'

const SOFTWARE = { name: '软件定制开发', taxCode: '3040201010000000000', unit: '项', unitPrice: '10000', rate: '6%' as const }

describe('项目信息维护', () => {
  it('creates an item with the code’s 简称 and today’s rate, and finds it', async () => {
    const core = await testCore()
    const item = await core.call('items.create', { ...SOFTWARE, spec: '标准版', category: '软件' })
    expect(item).toMatchObject({ name: '软件定制开发', taxCodeShortName: '信息技术服务', taxRate: '0.06', rate: '6%', unitPrice: '10000', priceIncludesTax: false, policy: null })
    expect((await core.call('items.list', { query: '定制' })).rows.map((r) => r.id)).toEqual([item.id])
    expect((await core.call('items.list', { query: '30402010' })).total).toBe(1)
    expect((await core.call('items.list', { query: '硬件' })).total).toBe(0)
    expect(await core.call('items.categories', {})).toEqual(['软件'])
  })

  it('takes % and _ in a search literally', async () => {
    const core = await testCore()
    await core.call('items.create', { ...SOFTWARE, name: '服务费_月度' })
    await core.call('items.create', { ...SOFTWARE, name: '服务费A月度' })
    expect((await core.call('items.list', { query: '费_月' })).rows.map((r) => r.name)).toEqual(['服务费_月度'])
    expect((await core.call('items.list', { query: '%' })).total).toBe(0)
  })

  it('stores 免税 as rate 0 with policy 03', async () => {
    const core = await testCore()
    const item = await core.call('items.create', { name: '学历教育', taxCode: '3070201010000000000', rate: '免税' })
    expect(item).toMatchObject({ taxRate: '0', policy: '03', rate: '免税' })
  })

  it.each([
    [{ name: '' }, 'name', '请填写项目名称'],
    [{ name: '项'.repeat(101) }, 'name', '不能超过 100 个字符'],
    [{ spec: 'x'.repeat(41) }, 'spec', '规格型号不能超过 40'],
    [{ unit: '单'.repeat(23) }, 'unit', '单位不能超过 22'],
    [{ unitPrice: '1.12345678901234' }, 'unitPrice', '最多保留 13 位小数'],
    [{ unitPrice: '-5' }, 'unitPrice', '不小于 0'],
    [{ unitPrice: '12345678901234567' }, 'unitPrice', '16 个字符'],
    [{ taxCode: '30402' }, 'taxCode', '19 位数字'],
    [{ rate: '17%' }, 'rate', '请选择税率/征收率'],
    [{ rate: '13%', policy: '03' }, 'policy', '税率应选择“免税”'],
  ])('refuses %o next to %s', async (change, field, message) => {
    const core = await testCore()
    const e = await rejection(core.call('items.create', { ...SOFTWARE, ...change } as never))
    expect(e.code).toBe('VALIDATION')
    expect((e.details as { issues: { path: string; message: string }[] }).issues).toContainEqual({ path: field, message: expect.stringContaining(message) })
    expect((await core.call('items.list', {})).total).toBe(0)
  })

  it('refuses a code that is not a leaf, or not in the table', async () => {
    const core = await testCore()
    const parent = await rejection(core.call('items.create', { ...SOFTWARE, taxCode: '3040201000000000000' }))
    expect(parent.message).toContain('不是末级编码')
    const unknown = await rejection(core.call('items.create', { ...SOFTWARE, taxCode: '1090509030000000000' })) // 19 digits, in no edition of the table we ship
    expect(unknown.message).toContain('不在本企业的税收分类编码表中')
    expect((await core.call('items.list', {})).total).toBe(0)
  })

  it('identifies an item by 项目名称 + 规格型号', async () => {
    const core = await testCore()
    await core.call('items.create', { ...SOFTWARE, spec: 'A' })
    await core.call('items.create', { ...SOFTWARE, spec: 'B' })
    const dup = await rejection(core.call('items.create', { ...SOFTWARE, spec: 'A' }))
    expect(dup.code).toBe('CONFLICT')
    expect((await core.call('items.list', {})).total).toBe(2)
  })

  it('updates and deletes with an audit trail', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    const a = await core.call('items.create', { ...SOFTWARE, spec: 'A' })
    const b = await core.call('items.create', { ...SOFTWARE, spec: 'B' })
    const updated = await core.call('items.update', { ...SOFTWARE, id: a.id, spec: 'A', unitPrice: '12000.50', priceIncludesTax: true })
    expect(updated).toMatchObject({ unitPrice: '12000.5', priceIncludesTax: true })
    expect((await rejection(core.call('items.update', { ...SOFTWARE, id: a.id, spec: 'B' }))).code).toBe('CONFLICT')
    expect((await rejection(core.call('items.update', { ...SOFTWARE, id: 9999 }))).code).toBe('NOT_FOUND')

    expect((await rejection(core.call('items.delete', { ids: [a.id, 9999] }))).code).toBe('NOT_FOUND')
    expect((await core.call('items.list', {})).total).toBe(2)
    expect(await core.call('items.delete', { ids: [a.id, b.id] })).toEqual({ deleted: 2 })
    expect((await core.call('items.list', {})).total).toBe(0)

    const db = new Database(path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db'), { readonly: true })
    const log = db.prepare("SELECT action, entity_id AS item, actor FROM audit_log WHERE entity = 'item' ORDER BY rowid").all()
    db.close()
    expect(log).toEqual([
      { action: 'create', item: String(a.id), actor: SELLER.operator },
      { action: 'create', item: String(b.id), actor: SELLER.operator },
      { action: 'update', item: String(a.id), actor: SELLER.operator },
      { action: 'delete', item: String(a.id), actor: SELLER.operator },
      { action: 'delete', item: String(b.id), actor: SELLER.operator },
    ])
  })

  it('pages in the core', async () => {
    const core = await testCore()
    for (let i = 1; i <= 25; i++) await core.call('items.create', { ...SOFTWARE, spec: `V${i}` })
    const p2 = await core.call('items.list', { page: 2, size: 10 })
    expect(p2.total).toBe(25)
    expect(p2.rows).toHaveLength(10)
    expect((await core.call('items.list', { page: 3, size: 10 })).rows).toHaveLength(5)
    expect((await rejection(core.call('items.list', { size: 1000 }))).code).toBe('VALIDATION')
  })
})
