import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/app'
import { OTHER, rejection, SELLER, tempDir, testCore } from '../support/core'

describe('companies', () => {
  it('asks for a company before anything else', async () => {
    const core = await testCore({ company: false })
    expect(await core.call('companies.current', {})).toBeNull()
    expect((await rejection(core.call('items.list', {}))).code).toBe('NO_COMPANY')
  })

  it('creates a company with its own ledger, the full tax-code table shipped with the app and an audit entry', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    const current = await core.call('companies.current', {})
    expect(current).toMatchObject({ ...SELLER, regionName: '广东省', address: '' })
    expect(current?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)

    const file = path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db')
    const db = new Database(file, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.prepare('SELECT count(*) AS total, sum(is_leaf) AS leaves FROM tax_codes').get()).toEqual({ total: 4204, leaves: 3534 })
    expect(db.prepare('SELECT actor, action, entity, summary FROM audit_log').all()).toEqual([
      { actor: SELLER.operator, action: 'create', entity: 'company', summary: `创建企业 ${SELLER.name}` },
    ])
    db.close()
    expect(await core.call('taxcodes.info', {})).toMatchObject({ total: 4204, leaves: 3534, source: 'builtin', version: '2018-01' })
  })

  it('refuses a bad 统一社会信用代码 next to the field, and a company that exists', async () => {
    const core = await testCore()
    const bad = await rejection(core.call('companies.create', { ...OTHER, taxId: '91110108551385082R' }))
    expect(bad.code).toBe('VALIDATION')
    expect(bad.details).toEqual({ issues: [{ path: 'taxId', message: expect.stringContaining('校验位不正确') }] })
    const missing = await rejection(core.call('companies.create', { ...OTHER, name: '  ', operator: '' }))
    expect((missing.details as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['name', 'operator'])
    expect((await rejection(core.call('companies.create', SELLER))).code).toBe('CONFLICT')
    expect(await core.call('companies.list', {})).toHaveLength(1)
  })

  it('updates the company but never its tax ID', async () => {
    const core = await testCore()
    const updated = await core.call('companies.update', { ...SELLER, address: '深圳市南山区科技园', phone: '0755-12345678' })
    expect(updated).toMatchObject({ address: '深圳市南山区科技园', phone: '0755-12345678' })
    const e = await rejection(core.call('companies.update', { ...SELLER, taxId: OTHER.taxId }))
    expect(e.code).toBe('VALIDATION')
    expect((await core.call('companies.current', {}))?.taxId).toBe(SELLER.taxId)
  })

  it('keeps each company in its own ledger, switches, and reopens the last one used', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    await core.call('extras.create', { name: '项目编号', dataType: '文本' })
    await core.call('companies.create', OTHER)
    expect((await core.call('companies.current', {}))?.taxId).toBe(OTHER.taxId)
    expect((await core.call('extras.list', {})).total).toBe(0)
    expect(await core.call('companies.list', {})).toEqual([
      { taxId: OTHER.taxId, name: OTHER.name, current: true },
      { taxId: SELLER.taxId, name: SELLER.name, current: false },
    ])
    await core.call('companies.switch', { taxId: SELLER.taxId })
    expect((await core.call('extras.list', {})).total).toBe(1)
    expect((await rejection(core.call('companies.switch', { taxId: '91310000132200821H' }))).code).toBe('NOT_FOUND')
    core.close()

    // a later run (a CLI without --company) works for the last company used
    const again = createCore({ dataDir })
    expect((await again.call('companies.current', {}))?.taxId).toBe(SELLER.taxId)
    again.close()
    const chosen = createCore({ dataDir, company: OTHER.taxId })
    expect((await chosen.call('companies.current', {}))?.taxId).toBe(OTHER.taxId)
    chosen.close()
    expect(fs.existsSync(path.join(dataDir, 'companies', OTHER.taxId, 'ledger.db'))).toBe(true)
  })
})
