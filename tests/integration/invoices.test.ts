// 蓝字发票 drafts and 开票 against real ledgers: autosave, the platform's rules, 待开具 with its
// outbox row in one transaction, and the states that lock an invoice.
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { sampleDraft } from '../../src/shared/domain/invoice'
import type { InvoiceDraftInput } from '../../src/shared/api/invoices'
import { rejection, SELLER, tempDir, testCore } from '../support/core'
import { openLedgerConnection } from '../../src/main/core/ledger/open'

const DRAFT: InvoiceDraftInput = {
  kind: '82',
  taxMode: '普通征税',
  priceIncludesTax: false,
  buyer: { type: '企业', name: '华为技术有限公司', taxId: '914403001922038216', address: '', phone: '', bank: '', account: '', showAddressPhone: false, showBank: false },
  lines: [
    { name: '软件开发服务', taxCode: '3040201010000000000', spec: '', unit: '项', quantity: '1', unitPrice: '10000', amount: null, taxRate: '0.06', policy: null, discount: null },
    { name: '信息系统运维', taxCode: '3040203000000000000', spec: '', unit: '月', quantity: '3', unitPrice: null, amount: '1500', taxRate: '0.06', policy: null, discount: '100' },
  ],
  extras: [{ name: '项目编号', value: 'P-001' }],
  remark: '',
  agent: null,
  payee: '',
  reviewer: '',
}

describe('蓝字发票: drafts and 开票', () => {
  it('saves a draft as typed, with totals and warnings, and never refuses it for mistakes', async () => {
    const core = await testCore()
    const saved = await core.call('invoices.saveDraft', { draft: DRAFT })
    expect(saved.totals).toEqual({ amount: '11400.00', tax: '684.00', total: '12084.00', totalInWords: '壹万贰仟零捌拾肆圆整' })
    expect(saved.warnings).toEqual([])

    const broken = await core.call('invoices.saveDraft', { id: saved.id, draft: { ...DRAFT, buyer: { ...DRAFT.buyer, taxId: '' }, kind: '81' } })
    expect(broken.warnings.map((w) => w.path)).toContain('buyer.taxId')
    const got = await core.call('invoices.get', { id: saved.id })
    expect(got).toMatchObject({ state: 'draft', kind: '81', buyerTaxId: '', drawer: SELLER.operator })
    expect(got.issues.map((i) => i.path)).toContain('buyer.taxId')
    expect(got.draft.lines[1]).toMatchObject({ quantity: '3', amount: '1500', discount: '100' })
  })

  it('issues: checks the rules, then 待开具 with computed lines and one outbox row, in one transaction', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    const { id } = await core.call('invoices.saveDraft', { draft: DRAFT })
    expect(await core.call('invoices.issue', { id })).toEqual({ id, state: 'queued' })

    const db = new Database(path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db'), { readonly: true })
    const lines = db
      .prepare('SELECT nature, name, quantity, unit_price AS unitPrice, amount_fen AS amount, tax_fen AS tax FROM invoice_lines WHERE invoice_id = ? ORDER BY position')
      .all(id)
    expect(lines).toEqual([
      { nature: '00', name: '软件开发服务', quantity: '1', unitPrice: '10000', amount: 1_000_000, tax: 60_000 },
      { nature: '02', name: '信息系统运维', quantity: '3', unitPrice: '500', amount: 150_000, tax: 9_000 },
      { nature: '01', name: '信息系统运维', quantity: null, unitPrice: null, amount: -10_000, tax: -600 },
    ])
    const out = db.prepare('SELECT command, document_id AS doc, state, attempts, idempotency_key AS key, payload FROM outbox').all() as { key: string; payload: string }[]
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({ command: 'issue-invoice', doc: id, state: 'pending', attempts: 0 })
    expect(out[0]!.key).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.parse(out[0]!.payload)).toMatchObject({ drawer: SELLER.operator, draft: { priceIncludesTax: false, totals: { total: '12084.00' } } })
    db.close()

    const queued = await core.call('invoices.get', { id })
    expect(queued).toMatchObject({ state: 'queued', number: null, drawer: SELLER.operator, issues: [] })
    expect(queued.queuedAt).toMatch(/\+08:00$/)
    expect((await core.call('invoices.list', { state: 'queued' })).rows.map((r) => r.id)).toEqual([id])
  })

  it('refuses to queue a draft with mistakes, naming them, and changes nothing', async () => {
    const core = await testCore()
    const bad: InvoiceDraftInput = {
      ...DRAFT,
      kind: '81',
      buyer: { ...DRAFT.buyer, taxId: '' },
      lines: [
        { ...DRAFT.lines[0]!, quantity: '1', unitPrice: null, amount: null },
        { ...DRAFT.lines[0]!, taxCode: '3040201000000000000' },
      ],
    }
    const { id } = await core.call('invoices.saveDraft', { draft: bad })
    const e = await rejection(core.call('invoices.issue', { id }))
    expect(e.code).toBe('VALIDATION')
    const paths = (e.details as { issues: { path: string; message: string }[] }).issues.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['buyer.taxId', 'lines.0.unitPrice', 'lines.1.taxCode']))
    expect((e.details as { issues: { message: string }[] }).issues.find((i) => i.message.includes('不是末级编码'))?.message).toMatch(/^第 2 行/)
    expect((await core.call('invoices.get', { id })).state).toBe('draft')
  })

  it('locks a queued invoice: no edit, no delete, no second queueing; a copy is a new draft', async () => {
    const core = await testCore()
    const { id } = await core.call('invoices.saveDraft', { draft: DRAFT })
    await core.call('invoices.issue', { id })
    expect((await rejection(core.call('invoices.saveDraft', { id, draft: DRAFT }))).message).toContain('不能修改')
    expect((await rejection(core.call('invoices.deleteDrafts', { ids: [id] }))).code).toBe('CONFLICT')
    expect((await rejection(core.call('invoices.issue', { id }))).code).toBe('CONFLICT')

    const copy = await core.call('invoices.copy', { id })
    expect(copy).toMatchObject({ state: 'draft', buyerName: '华为技术有限公司', issues: [] })
    expect(copy.id).not.toBe(id)
    expect(await core.call('invoices.deleteDrafts', { ids: [copy.id] })).toEqual({ deleted: 1 })
    expect((await core.call('invoices.list', {})).rows.map((r) => [r.id, r.state])).toEqual([[id, 'queued']])
  })

  it('validates a draft without saving it, with the full table and a 2,000-line invoice', async () => {
    const core = await testCore()
    expect((await core.call('taxcodes.info', {})).leaves).toBe(3534) // every company starts with the full table
    const big = sampleDraft(2000)
    const r = await core.call('invoices.validate', { draft: big })
    expect(r.errors).toEqual([])
    expect(r.valid).toBe(true)
    const { id, warnings } = await core.call('invoices.saveDraft', { draft: big })
    expect(warnings).toEqual([])
    await core.call('invoices.issue', { id })
    expect((await core.call('invoices.get', { id })).lineCount).toBe(2000)
    expect((await core.call('invoices.list', {})).total).toBe(1)
  })

  it('lists several states at once, and makes an invoice the platform refused a draft again when edited', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    const a = await core.call('invoices.saveDraft', { draft: DRAFT })
    const b = await core.call('invoices.saveDraft', { draft: DRAFT })
    const c = await core.call('invoices.saveDraft', { draft: DRAFT })
    await core.call('invoices.issue', { id: c.id })
    // what the sync engine does when the platform refuses an invoice (next issue)
    // the app's own second connection: the ledger's triggers need its SQL functions (ledger/functions.ts)
    const db = openLedgerConnection(path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db')).db
    db.prepare("UPDATE invoices SET state = 'failed', failure = '本月授信额度不足' WHERE id = ?").run(b.id)
    db.close()

    const box = await core.call('invoices.list', { state: ['draft', 'failed'] })
    expect(box.rows.map((r) => [r.id, r.state, r.failure]).sort()).toEqual([
      [a.id, 'draft', null],
      [b.id, 'failed', '本月授信额度不足'],
    ])
    await core.call('invoices.saveDraft', { id: b.id, draft: { ...DRAFT, remark: '改后重开' } })
    expect(await core.call('invoices.get', { id: b.id })).toMatchObject({ state: 'draft', failure: null })
    expect((await rejection(core.call('invoices.list', { state: [] }))).code).toBe('VALIDATION')
  })
})
