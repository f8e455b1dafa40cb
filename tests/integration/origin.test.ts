// 同步状态 tells the truth about where a document came from: a red invoice the platform issued
// itself (the 01 direct path) and a 红字确认单 the counterparty entered were never this company's to
// upload — the core says so (`origin`) and the screens' label follows (平台开具 / 对方录入), while
// what this company made or did reads as its outbox command stands. Two ledgers, one sandbox over HTTP.
import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { syncLabel } from '../../src/shared/syncLabels'
import { OTHER } from '../support/core'
import { syncAll, twoParties } from '../support/twoParties'

async function issuedBlue(seller: Core, buyer: Core): Promise<{ id: number; number: string }> {
  const draft = testDraft({ buyer: { ...testDraft().buyer, name: OTHER.name, taxId: OTHER.taxId }, lines: [testLine({ quantity: '2', unitPrice: '500' })] })
  const { id } = await seller.call('invoices.saveDraft', { draft })
  await seller.call('invoices.issue', { id })
  await syncAll(seller, buyer)
  return { id, number: (await seller.call('invoices.get', { id })).number! }
}

async function listed(core: Core, number: string) {
  const row = (await core.call('invoices.list', { query: number, state: 'issued', page: 1, size: 5 })).rows.find((r) => r.number === number)
  if (!row) throw new Error(`${number} not in the list`)
  return row
}

const label = (d: Parameters<typeof syncLabel>[0]) => syncLabel(d).label

describe('where a document came from, in the list rows and the detail', () => {
  it('the 01 path: the platform’s red invoice reads 平台开具, the buyer’s copy of the form 对方录入', async () => {
    const { seller, buyer } = await twoParties()
    // a draft typed here is truly 未上传
    const { id: draftId } = await seller.call('invoices.saveDraft', { draft: testDraft() })
    const draft = await seller.call('invoices.get', { id: draftId })
    expect(draft).toMatchObject({ syncState: 'local', origin: 'local' })
    expect(label(draft)).toBe('未上传')

    const blue = await issuedBlue(seller, buyer)
    expect(await listed(seller, blue.number)).toMatchObject({ origin: 'local', syncState: 'done' })

    const form = await seller.call('red.create', { blueNumber: blue.number, reason: '01', as: 'seller' })
    expect(form).toMatchObject({ origin: 'local', syncState: 'pending' })
    expect(label(form)).toBe('待上传')
    await syncAll(seller, buyer)

    const mine = await seller.call('red.get', { id: form.id })
    expect(mine).toMatchObject({ status: '01', origin: 'local', syncState: 'done' })
    expect(label(mine)).toBe('已同步')
    // the red invoice was issued by the platform in the same step: no command of ours, not 未上传
    const red = await listed(seller, mine.redInvoiceNumber!)
    expect(red).toMatchObject({ colour: 'red', origin: 'platform', syncState: 'local' })
    expect(syncLabel(red)).toMatchObject({ key: 'platform', label: '平台开具', hint: expect.stringContaining('无需上传') })
    expect(await seller.call('invoices.get', { id: red.id })).toMatchObject({ origin: 'platform' })

    // the buyer's side: the seller entered it
    const theirs = await buyer.call('red.get', { number: mine.number! })
    expect(theirs).toMatchObject({ role: 'buyer', initiator: 'seller', origin: 'counterparty', syncState: 'local' })
    expect(label(theirs)).toBe('对方录入')
    const rows = (await buyer.call('red.list', { page: 1, size: 20 })).rows
    expect(rows.map((r) => [r.number, r.origin])).toEqual([[mine.number, 'counterparty']])
  })

  it('a form the counterparty entered reads 对方录入 until this company acts on it, then as its command stands', async () => {
    const { sandbox, seller, buyer } = await twoParties()
    const blue = await issuedBlue(seller, buyer)
    // booked by the buyer: the seller's form waits for the buyer (02)
    sandbox.platform.markBooked(blue.number, {})
    await syncAll(buyer)
    await seller.call('red.create', { blueNumber: blue.number, reason: '01', as: 'seller' })
    await syncAll(seller, buyer)

    const [form] = (await buyer.call('red.list', { page: 1, size: 20 })).rows
    expect(form).toMatchObject({ status: '02', origin: 'counterparty', syncState: 'local', can: { decide: true } })
    expect(label(form!)).toBe('对方录入')
    const decided = await buyer.call('red.decide', { id: form!.id, agree: true, opinion: '' })
    expect(label(decided)).toBe('待上传')
    await syncAll(buyer)
    const done = await buyer.call('red.get', { id: form!.id })
    expect(done).toMatchObject({ status: '04', origin: 'counterparty', syncState: 'done' })
    expect(label(done)).toBe('已同步')

    // the red invoice the platform issued on agreement (确认即开票), on the seller's side
    await syncAll(seller)
    const red = await listed(seller, (await seller.call('red.get', { number: form!.number! })).redInvoiceNumber!)
    expect(label(red)).toBe('平台开具')
  })
})
