// 红字发票 between two client ledgers — a seller's and a buyer's, each its own data directory — and
// one platform sandbox over HTTP (issue 5 §4): the direct path (01), seller- and buyer-started
// confirmations agreed and refused, the 72-hour expiry, withdrawal, and the manual 开票 step.
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { manualClock } from '../../src/shared/clock'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { OTHER, rejection, SELLER, tempDir, testCore } from '../support/core'
import { startFaultProxy } from '../support/faultProxy'
import { startTestSandbox } from '../support/sandbox'

const PASSWORD = 'two-party-password'

async function twoParties(opts: { clock?: ReturnType<typeof manualClock> } = {}) {
  const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'), { clock: opts.clock })
  onTestFinished(() => sandbox.stop())
  for (const t of [SELLER, OTHER]) sandbox.platform.addTaxpayer({ taxId: t.taxId, name: t.name, region: t.region, password: PASSWORD })
  const seller = await testCore({ clock: opts.clock })
  const buyer = await testCore({ company: false, clock: opts.clock })
  await buyer.call('companies.create', OTHER)
  for (const core of [seller, buyer]) await core.call('settings.platform.set', { url: sandbox.url, password: PASSWORD })
  return { sandbox, seller, buyer }
}

/** a blue invoice from SELLER to OTHER: two lines, 10 × 1,000 and a 3,000 service, 6% */
async function blueInvoice(seller: Core, buyer: Core): Promise<string> {
  const draft = testDraft({
    buyer: { ...testDraft().buyer, name: OTHER.name, taxId: OTHER.taxId },
    lines: [testLine({ name: '软件许可', quantity: '10', unitPrice: '1000', unit: '套' }), testLine({ name: '实施服务', quantity: '1', unitPrice: '3000' })],
  })
  const { id } = await seller.call('invoices.saveDraft', { draft })
  await seller.call('invoices.issue', { id })
  expect(await seller.call('sync.now', {})).toMatchObject({ pushed: 1, error: null })
  await buyer.call('sync.now', {})
  return (await seller.call('invoices.get', { id })).number!
}

const sync = async (...cores: Core[]) => {
  for (const c of cores) expect((await c.call('sync.now', {})).error).toBeNull()
}

async function blueOf(core: Core, number: string) {
  const { rows } = await core.call('invoices.list', { query: number, state: 'issued', page: 1, size: 5 })
  return rows.find((r) => r.number === number)!
}

describe('红字确认单 between two ledgers', () => {
  it('direct path: the buyer has not booked it, the seller reverses it in full — 01 无需确认, the red invoice at once', async () => {
    const { seller, buyer } = await twoParties()
    const blue = await blueInvoice(seller, buyer)
    const form = await seller.call('red.create', { blueNumber: blue, reason: '01', as: 'seller' })
    expect(form).toMatchObject({
      status: null,
      statusLabel: '待上传',
      pendingAction: 'create',
      total: '-13780.00',
      lines: [expect.objectContaining({ blueLine: 1, quantity: '-10', amount: '-10000.00' }), expect.anything()],
    })

    await sync(seller)
    const done = await seller.call('red.get', { id: form.id })
    expect(done).toMatchObject({ status: '01', statusLabel: '无需确认', pendingAction: null, redInvoiceNumber: expect.stringMatching(/^\d{20}$/) })
    expect(done.number).toHaveLength(20)
    const red = await blueOf(seller, done.redInvoiceNumber!)
    expect(red).toMatchObject({ colour: 'red', blueNumber: blue, redConfirmationNumber: done.number, totals: { total: '-13780.00' } })
    expect((await blueOf(seller, blue)).redStatus).toBe('fully-reversed')
    // 选择蓝字发票 asks for blue ones only: the list filters by colour
    const issuedBlue = await seller.call('invoices.list', { state: 'issued', colour: 'blue', page: 1, size: 100 })
    expect(issuedBlue.rows.map((r) => r.number)).toContain(blue)
    expect(issuedBlue.rows.map((r) => r.colour)).not.toContain('red')

    await sync(buyer)
    expect(await buyer.call('red.get', { number: done.number! })).toMatchObject({ status: '01', role: 'buyer', initiator: 'seller' })
    const received = (await buyer.call('received.list', {})).rows
    expect(received.find((r) => r.number === blue)).toMatchObject({ redStatus: 'fully-reversed' })
    expect(received.find((r) => r.number === done.redInvoiceNumber)).toMatchObject({ colour: 'red', total: '-13780.00' })
    expect((await buyer.call('received.list', { colour: 'red' })).rows.map((r) => r.number)).toEqual([done.redInvoiceNumber])
    // nothing left: a second form is refused before anything is saved
    const again = await rejection(seller.call('red.create', { blueNumber: blue, reason: '04', as: 'seller' }))
    expect(again).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('全额红冲') })
  })

  it('seller-started after the buyer booked it: 02 waits for the buyer, who agrees — 04 and the red invoice; the blue is 部分红冲', async () => {
    const { sandbox, seller, buyer } = await twoParties()
    const blue = await blueInvoice(seller, buyer)
    sandbox.platform.markBooked(blue)
    await sync(seller)
    const form = await seller.call('red.create', { blueNumber: blue, reason: '02', as: 'seller', lines: [{ blueLine: 1, quantity: '-4', amount: '-4000' }] })
    await sync(seller)
    const waiting = await seller.call('red.get', { id: form.id })
    expect(waiting).toMatchObject({ status: '02', redInvoiceNumber: null, can: { decide: false, withdraw: true, issue: false } })
    expect(waiting.deadline).not.toBeNull()

    await sync(buyer)
    const todo = await buyer.call('red.list', { state: 'todo' })
    expect(todo.rows.map((r) => r.number)).toEqual([waiting.number])
    expect(todo.rows[0]!.can.decide).toBe(true)
    await buyer.call('red.decide', { id: todo.rows[0]!.id, agree: true, opinion: '同意退货' })
    await sync(buyer, seller)
    const agreed = await seller.call('red.get', { id: form.id })
    expect(agreed).toMatchObject({ status: '04', opinion: '同意退货', redInvoiceNumber: expect.stringMatching(/^\d{20}$/), total: '-4240.00' })
    expect(agreed.history.map((h) => h.action)).toEqual(['create', 'agree', 'issue'])
    expect((await blueOf(seller, blue)).redStatus).toBe('partly-reversed')
    // what remains: 6 of the 10 licences and all of the service
    const left = await seller.call('red.candidate', { blueNumber: blue })
    expect(left.lines.map((l) => [l.blueLine, l.quantity, l.amount])).toEqual([
      [1, '6', '6000.00'],
      [2, '1', '3000.00'],
    ])
    // 开票有误 reverses only a whole invoice: after a part, the core says so for that reason alone
    expect(left.reasonRefusals['01']).toContain('已部分红冲')
    expect([left.reasonRefusals['02'], left.reasonRefusals['03'], left.reasonRefusals['04']]).toEqual([null, null, null])
    expect(left).toMatchObject({ blueRefusal: null, sellerNeedsConfirmation: true, starterRefusals: { seller: null } })
    // the buyer's copy got the same 红冲状态, and having booked it the buyer may start a form too
    const bought = await buyer.call('red.candidate', { blueNumber: blue })
    expect(bought).toMatchObject({ role: 'buyer', redStatus: 'partly-reversed', starterRefusals: { buyer: null } })
  })

  it('the buyer may not start on an invoice it has not booked: refused here, saying why, with nothing queued', async () => {
    const { seller, buyer } = await twoParties()
    const blue = await blueInvoice(seller, buyer)
    // step ① already says so, before anything is typed
    const asBuyer = await buyer.call('red.candidate', { blueNumber: blue })
    expect(asBuyer.starterRefusals.buyer).toContain('只能由销售方发起红冲')
    expect(asBuyer.starterRefusals.seller).toBe('您是该发票的购买方，录入方身份应选择购买方')
    const asSeller = await seller.call('red.candidate', { blueNumber: blue })
    expect(asSeller.starterRefusals).toEqual({ seller: null, buyer: '您是该发票的销售方，录入方身份应选择销售方' })
    // nobody has booked it: the seller's form is issued at once (01 无需确认), any reason will do
    expect(asSeller).toMatchObject({ sellerNeedsConfirmation: false, blueRefusal: null, reasonRefusals: { '01': null, '02': null, '03': null, '04': null } })
    const refused = await rejection(buyer.call('red.create', { blueNumber: blue, reason: '01', as: 'buyer' }))
    expect(refused).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('只能由销售方发起红冲') })
    expect((await buyer.call('red.list', {})).total).toBe(0)
    expect((await buyer.call('sync.status', {})).pending).toBe(0)
  })

  it('buyer-started, refused by the seller with an opinion — 06, on both sides', async () => {
    const { sandbox, seller, buyer } = await twoParties()
    const blue = await blueInvoice(seller, buyer)
    sandbox.platform.markBooked(blue)
    await sync(buyer, seller)
    expect((await buyer.call('red.candidate', { blueNumber: blue })).starterRefusals.buyer).toBeNull()
    // the seller's copy knows the buyer booked it: a form of its own would now wait for the buyer
    expect(await seller.call('red.candidate', { blueNumber: blue })).toMatchObject({ role: 'seller', sellerNeedsConfirmation: true })
    const form = await buyer.call('red.create', { blueNumber: blue, reason: '03', as: 'buyer', lines: [{ blueLine: 2, quantity: '-1', amount: '-3000' }] })
    await sync(buyer, seller)
    const mine = (await seller.call('red.list', { state: 'todo' })).rows
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ status: '03', initiator: 'buyer', role: 'seller' })
    const noOpinion = await rejection(seller.call('red.decide', { id: mine[0]!.id, agree: false }))
    expect(noOpinion.code).toBe('VALIDATION')
    await seller.call('red.decide', { id: mine[0]!.id, agree: false, opinion: '服务已完成，不同意红冲' })
    await sync(seller, buyer)
    expect(await buyer.call('red.get', { id: form.id })).toMatchObject({ status: '06', opinion: '服务已完成，不同意红冲', redInvoiceNumber: null })
    expect((await blueOf(seller, blue)).redStatus).toBe('normal')
  })

  it('seller-started refused by the buyer (05); then buyer-started agreed by the seller (04) — the red invoice restores the seller quota', async () => {
    const { sandbox, seller, buyer } = await twoParties()
    const blue = await blueInvoice(seller, buyer)
    sandbox.platform.markBooked(blue, { status: '03' })
    const refused = await seller.call('red.create', { blueNumber: blue, reason: '02', as: 'seller', lines: [{ blueLine: 1, quantity: '-1', amount: '-1000' }] })
    await sync(seller, buyer)
    const todo = (await buyer.call('red.list', { state: 'todo' })).rows[0]!
    await buyer.call('red.decide', { id: todo.id, agree: false, opinion: '货物未退回' })
    await sync(buyer, seller)
    expect(await seller.call('red.get', { id: refused.id })).toMatchObject({ status: '05', statusLabel: '作废（销方录入购方否认）', opinion: '货物未退回' })

    const usedBefore = (await seller.call('sync.status', {})).quota!.used
    const asked = await buyer.call('red.create', { blueNumber: blue, reason: '03', as: 'buyer', lines: [{ blueLine: 2, quantity: '-1', amount: '-3000' }] })
    await sync(buyer, seller)
    const mine = (await seller.call('red.list', { state: 'todo' })).rows[0]!
    expect(mine).toMatchObject({ initiator: 'buyer', status: '03' })
    await seller.call('red.decide', { id: mine.id, agree: true, opinion: '' })
    await sync(seller, buyer)
    const agreed = await buyer.call('red.get', { id: asked.id })
    expect(agreed).toMatchObject({ status: '04', redInvoiceNumber: expect.stringMatching(/^\d{20}$/), total: '-3180.00' })
    // 服务中止 in the same month gives its 金额 back to the seller's 授信额度
    const usedAfter = (await seller.call('sync.status', {})).quota!.used
    expect(Number(usedBefore) - Number(usedAfter)).toBe(3000)
    expect((await buyer.call('received.list', {})).rows.find((r) => r.number === agreed.redInvoiceNumber)).toMatchObject({ colour: 'red', total: '-3180.00' })
  })

  it('unconfirmed for 72 hours it lapses (07) by the clock; a late decision shows the platform words', async () => {
    const clock = manualClock(new Date('2026-11-10T09:00:00+08:00'))
    const { sandbox, seller, buyer } = await twoParties({ clock })
    const blue = await blueInvoice(seller, buyer)
    sandbox.platform.markBooked(blue)
    const form = await seller.call('red.create', { blueNumber: blue, reason: '04', as: 'seller', lines: [{ blueLine: 1, amount: '-500' }] })
    await sync(seller, buyer)
    const pending = (await buyer.call('red.list', { state: 'todo' })).rows[0]!
    clock.advance(72 * 3600_000)
    // the buyer decides offline, not knowing it lapsed: the platform refuses, in its words, on the form
    await buyer.call('red.decide', { id: pending.id, agree: true, opinion: '' })
    await sync(buyer)
    const late = await buyer.call('red.get', { id: pending.id })
    expect(late.status).toBe('07')
    expect(late.failure).toMatch(/72|过期|作废/)
    await sync(seller)
    expect(await seller.call('red.get', { id: form.id })).toMatchObject({
      status: '07',
      statusLabel: '作废（超72小时未确认）',
      can: { decide: false, withdraw: false, issue: false },
    })
  })

  it('withdrawn by the seller before the buyer decides (08); with 确认即开票 off, an agreed form waits for the seller’s 开票', async () => {
    const { sandbox, seller, buyer } = await twoParties()
    const blue = await blueInvoice(seller, buyer)
    sandbox.platform.markBooked(blue)
    const first = await seller.call('red.create', { blueNumber: blue, reason: '04', as: 'seller', lines: [{ blueLine: 2, amount: '-300' }] })
    await sync(seller)
    await seller.call('red.withdraw', { id: first.id })
    await sync(seller, buyer)
    expect(await seller.call('red.get', { id: first.id })).toMatchObject({ status: '08' })
    expect((await buyer.call('red.list', {})).rows[0]).toMatchObject({ status: '08' })

    sandbox.platform.setConfirmIssues(false)
    const second = await seller.call('red.create', { blueNumber: blue, reason: '04', as: 'seller', lines: [{ blueLine: 2, amount: '-300' }] })
    await sync(seller, buyer)
    const todo = (await buyer.call('red.list', { state: 'todo' })).rows[0]!
    await buyer.call('red.decide', { id: todo.id, agree: true, opinion: '' })
    await sync(buyer, seller)
    const agreed = await seller.call('red.get', { id: second.id })
    expect(agreed).toMatchObject({ status: '04', redInvoiceNumber: null, can: { issue: true, withdraw: true } })
    await seller.call('red.issue', { id: second.id })
    await sync(seller)
    const issued = await seller.call('red.get', { id: second.id })
    expect(issued.redInvoiceNumber).toMatch(/^\d{20}$/)
    expect((await blueOf(seller, issued.redInvoiceNumber!)).totals.total).toBe('-318.00')
  })

  it('a lost answer to 提交 is sent again with the same key: one form, one red invoice', async () => {
    const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'))
    onTestFinished(() => sandbox.stop())
    for (const t of [SELLER, OTHER]) sandbox.platform.addTaxpayer({ taxId: t.taxId, name: t.name, region: t.region, password: PASSWORD })
    let cut = 0
    const proxy = await startFaultProxy(sandbox.url, (req) => (req.method === 'POST' && req.path.includes('/red-confirmations') && cut++ < 2 ? 'cut-after' : 'pass'))
    onTestFinished(() => proxy.close())
    const seller = await testCore()
    const buyer = await testCore({ company: false })
    await buyer.call('companies.create', OTHER)
    await seller.call('settings.platform.set', { url: proxy.url, password: PASSWORD })
    await buyer.call('settings.platform.set', { url: sandbox.url, password: PASSWORD })
    const blue = await blueInvoice(seller, buyer)

    const form = await seller.call('red.create', { blueNumber: blue, reason: '01', as: 'seller' })
    expect(await seller.call('sync.now', {})).toMatchObject({ pushed: 0, pending: 1 })
    expect((await seller.call('red.get', { id: form.id })).syncState).toBe('retrying')
    expect(await seller.call('sync.now', {})).toMatchObject({ pushed: 0, pending: 1 })
    expect(await seller.call('sync.now', {})).toMatchObject({ pushed: 1, pending: 0, error: null })
    const done = await seller.call('red.get', { id: form.id })
    expect(done).toMatchObject({ status: '01', syncState: 'done', redInvoiceNumber: expect.stringMatching(/^\d{20}$/) })
    expect(cut).toBe(3)
    expect(sandbox.platform.listRedConfirmations(SELLER.taxId).total).toBe(1)
    const reds = sandbox.platform.listInvoices(SELLER.taxId, { role: 'seller' }).rows.filter((r) => r.number !== blue)
    expect(reds.map((r) => r.number)).toEqual([done.redInvoiceNumber])
    expect((await seller.call('red.list', {})).total).toBe(1)
  })
})
