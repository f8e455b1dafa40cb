// 复制 of a red invoice (issue 10 §5): copying it as it stands gave a blue draft of negative lines.
// The core copies the blue invoice it reversed instead, and without that blue invoice in the
// ledger refuses, saying why, and creates nothing. A real ledger, a real sandbox over HTTP.
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { OTHER, rejection, SELLER, tempDir, testCore } from '../support/core'
import { startTestSandbox } from '../support/sandbox'

const PASSWORD = 'copy-test-password'

/** SELLER issues a blue invoice to OTHER and reverses it in full (01: the red invoice at once) */
async function reversedInvoice() {
  const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
  onTestFinished(() => sandbox.stop())
  for (const t of [SELLER, OTHER]) sandbox.platform.addTaxpayer({ taxId: t.taxId, name: t.name, region: t.region, password: PASSWORD })
  const dataDir = tempDir()
  const core = await testCore({ dataDir })
  await core.call('settings.platform.set', { url: sandbox.url, password: PASSWORD })
  const draft = testDraft({
    buyer: { ...testDraft().buyer, name: OTHER.name, taxId: OTHER.taxId },
    lines: [testLine({ name: '软件许可', quantity: '10', unitPrice: '1000', unit: '套' }), testLine({ name: '实施服务', quantity: '1', unitPrice: '3000' })],
    remark: '合同 HT-001',
  })
  const { id: blueId } = await core.call('invoices.saveDraft', { draft })
  await core.call('invoices.issue', { id: blueId })
  expect((await core.call('sync.now', {})).error).toBeNull()
  const blue = await core.call('invoices.get', { id: blueId })
  const form = await core.call('red.create', { blueNumber: blue.number!, reason: '01', as: 'seller' })
  expect((await core.call('sync.now', {})).error).toBeNull()
  const redNumber = (await core.call('red.get', { id: form.id })).redInvoiceNumber!
  const red = (await core.call('invoices.list', { query: redNumber, page: 1, size: 5 })).rows.find((r) => r.number === redNumber)!
  expect(red).toMatchObject({ colour: 'red', blueNumber: blue.number, totals: { total: '-13780.00' } })
  return { core, dataDir, blue, red }
}

const drafts = async (core: Awaited<ReturnType<typeof reversedInvoice>>['core']) => (await core.call('invoices.list', { state: 'draft', page: 1, size: 50 })).total

describe('复制 a red invoice', () => {
  it('copies the blue invoice it reversed: a positive blue draft, never a negative one', async () => {
    const { core, blue, red } = await reversedInvoice()
    const copy = await core.call('invoices.copy', { id: red.id })
    expect(copy).toMatchObject({ state: 'draft', colour: 'blue', number: null, blueNumber: null, buyerName: OTHER.name, totals: { total: '13780.00' }, issues: [] })
    expect(copy.draft.lines.map((l) => [l.name, l.quantity, l.unitPrice])).toEqual([
      ['软件许可', '10', '1000'],
      ['实施服务', '1', '3000'],
    ])
    expect(copy.draft.remark).toBe(blue.draft.remark)
    // a blue invoice still copies as itself
    expect((await core.call('invoices.copy', { id: blue.id })).totals.total).toBe('13780.00')
  })

  it('refuses, saying why, when the ledger does not hold the blue invoice — and creates nothing', async () => {
    const { core, dataDir, red } = await reversedInvoice()
    // a red invoice whose blue invoice this ledger never had (issued before the app was used)
    const db = new Database(path.join(dataDir, 'companies', SELLER.taxId, 'ledger.db'))
    db.prepare('UPDATE invoices SET blue_number = ? WHERE id = ?').run('26440000000000000001', red.id)
    db.close()
    const before = await drafts(core)
    const refused = await rejection(core.call('invoices.copy', { id: red.id }))
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toBe('红字发票不能复制：复制会得到金额为负数的蓝字草稿，而它所冲的蓝字发票 26440000000000000001 不在本账簿中。如需重新开票，请新建发票')
    expect(await drafts(core)).toBe(before)
  })
})
