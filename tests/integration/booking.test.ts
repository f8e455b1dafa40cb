// 发票入账 and 用途确认 between two client ledgers — a seller's and a buyer's — and one platform
// sandbox over HTTP (issue 12): the buyer books from the list and by an uploaded template; the
// result workbook classes good, unknown, duplicate, abnormal and malformed rows; a booked (or
// use-confirmed) invoice's red reversal becomes a 确认单 waiting for the buyer, an unbooked one is
// reversed directly (01). Offline, a request waits as 待处理 and nothing is lost.
import ExcelJS from 'exceljs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { fileToken, OTHER, rejection, tempDir } from '../support/core'
import { syncAll, twoParties } from '../support/twoParties'

/** blue invoices from SELLER to OTHER (专票 unless said), issued and received */
async function issueTo(seller: Core, buyer: Core, kinds: ('81' | '82')[]): Promise<string[]> {
  const ids: number[] = []
  for (const kind of kinds) {
    const draft = testDraft({
      kind,
      buyer: { ...testDraft().buyer, name: OTHER.name, taxId: OTHER.taxId },
      lines: [testLine({ name: '软件许可', quantity: '2', unitPrice: '1000' })],
    })
    const { id } = await seller.call('invoices.saveDraft', { draft })
    await seller.call('invoices.issue', { id })
    ids.push(id)
  }
  await syncAll(seller, buyer)
  return Promise.all(ids.map(async (id) => (await seller.call('invoices.get', { id })).number!))
}

const received = async (buyer: Core, number: string) => (await buyer.call('received.list', { query: number })).rows.find((r) => r.number === number)!

/** the seller's red reversal of the whole invoice, sent: the form as the platform answered */
async function reverse(seller: Core, blue: string) {
  const form = await seller.call('red.create', { blueNumber: blue, reason: '01', as: 'seller' })
  await syncAll(seller)
  return seller.call('red.get', { id: form.id })
}

describe('发票入账 between two ledgers', () => {
  it('from the list: 待处理 until synced, then booked on both sides; a booked invoice needs the buyer to confirm its reversal, an unbooked one is reversed directly', async () => {
    const { seller, buyer } = await twoParties()
    const [booked, undone] = await issueTo(seller, buyer, ['81', '81'])
    const month = (await received(buyer, booked!)).issuedAt.slice(0, 7).replace('-', '')

    const queued = await buyer.call('received.book', { numbers: [booked!, undone!], type: '03', period: month })
    expect(queued).toMatchObject({ invoices: 2, jobs: [expect.any(Number)] })
    expect(await received(buyer, booked!)).toMatchObject({ booking: '01', pending: true })
    expect((await buyer.call('booking.jobs', {})).rows[0]).toMatchObject({ state: 'pending', stateLabel: '待处理', rows: 2, source: 'list' })

    await syncAll(buyer)
    expect((await buyer.call('booking.jobs', {})).rows[0]).toMatchObject({ state: 'done', stateLabel: '处理成功', counts: { success: 2, 'not-found': 0 } })
    expect(await received(buyer, booked!)).toMatchObject({ booking: '03', bookingPeriod: month, pending: false })
    const status = await buyer.call('booking.status', { filter: { status: '03', period: month } })
    expect(status.rows.map((r) => r.number).sort()).toEqual([booked, undone].sort())
    expect(status.rows[0]).toMatchObject({ bookingLabel: '入账（企业所得税不扣除）', period: month })

    // the buyer undoes one (06)
    await buyer.call('received.unbook', { numbers: [undone!] })
    await syncAll(buyer)
    expect(await received(buyer, undone!)).toMatchObject({ booking: '06', bookingPeriod: null })

    await syncAll(seller)
    const waiting = await reverse(seller, booked!)
    expect(waiting).toMatchObject({ status: '02', statusLabel: '销方录入待购方确认', redInvoiceNumber: null })
    const direct = await reverse(seller, undone!)
    expect(direct).toMatchObject({ status: '01', statusLabel: '无需确认', redInvoiceNumber: expect.stringMatching(/^\d{20}$/) })
  })

  it('用途确认: a 专票 confirmed for 抵扣 needs the buyer to confirm its reversal; a 普票 cannot be confirmed', async () => {
    const { seller, buyer } = await twoParties()
    const [special, ordinary] = await issueTo(seller, buyer, ['81', '82'])
    await buyer.call('received.use', { numbers: [special!, ordinary!], use: 'deduct' })
    await syncAll(buyer)
    const [job] = (await buyer.call('booking.jobs', {})).rows
    expect(job).toMatchObject({ kind: 'use', state: 'done', counts: { success: 1, abnormal: 1 } })
    expect(await received(buyer, special!)).toMatchObject({ use: 'deduct', booking: '01' })
    expect(await received(buyer, ordinary!)).toMatchObject({ use: 'unconfirmed' })
    await syncAll(seller)
    expect(await reverse(seller, special!)).toMatchObject({ status: '02' })
  })

  it('by Excel: 模板下载, 上传, 待处理 → 处理成功, and a result workbook with 成功 / 查无此票 / 该票异常无法入账 / 重复入账 / 其他', async () => {
    const { seller, buyer } = await twoParties()
    const [first, second, reversed] = await issueTo(seller, buyer, ['81', '81', '82'])
    const day = (await received(buyer, first!)).issuedAt.slice(0, 10)
    const month = day.slice(0, 7).replace('-', '')
    await buyer.call('received.book', { numbers: [first!], period: month })
    await reverse(seller, reversed!)
    await syncAll(buyer)

    const template = await buyer.call('booking.template', { format: '数电' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(buyer.files.resolve(template.token).path)
    const sheet = wb.worksheets[0]!
    const rows = [
      [second, day, '是', month, '04'],
      ['26442000000000999999', day, '是', month, ''],
      [first, day, '是', month, '02'],
      [reversed, day, '是', month, ''],
      [second, day, '也许', month, ''],
    ]
    rows.forEach((r, i) => (sheet.getRow(2 + i).values = r as ExcelJS.CellValue[]))
    const filled = path.join(tempDir(), '入账.xlsx')
    await wb.xlsx.writeFile(filled)

    const job = await buyer.call('booking.import', { file: fileToken(buyer, filled) })
    expect(job).toMatchObject({ state: 'pending', source: '数电', fileName: '入账.xlsx', rows: 5, counts: { other: 1 } })
    expect((await rejection(buyer.call('booking.result', { id: job.id }))).code).toBe('CONFLICT')
    await syncAll(buyer)
    const done = (await buyer.call('booking.jobs', {})).rows.find((j) => j.id === job.id)!
    expect(done).toMatchObject({ state: 'done', counts: { success: 1, 'not-found': 1, duplicate: 1, abnormal: 1, other: 1 } })
    expect(await received(buyer, second!)).toMatchObject({ booking: '04', bookingPeriod: month })

    const result = new ExcelJS.Workbook()
    await result.xlsx.readFile(buyer.files.resolve((await buyer.call('booking.result', { id: job.id })).token).path)
    const summary = result.getWorksheet('分类汇总')!
    const classes = new Map<string, unknown>()
    summary.eachRow((row) => classes.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(Object.fromEntries(['成功', '查无此票', '该票异常无法入账', '重复入账', '其他'].map((c) => [c, classes.get(c)]))).toEqual({
      成功: 1,
      查无此票: 1,
      该票异常无法入账: 1,
      重复入账: 1,
      其他: 1,
    })
    const detail = result.getWorksheet('明细')!
    const texts: string[] = []
    detail.eachRow((row) => texts.push((row.values as unknown[]).join('|')))
    expect(texts.find((t) => t.includes('重复入账'))).toContain(month)
    expect(texts.find((t) => t.includes('其他'))).toContain('是否入账')
  })

  it('refuses, changing nothing: an invoice not among 进项, a file that is no template', async () => {
    const { buyer } = await twoParties()
    const unknown = await rejection(buyer.call('received.book', { numbers: ['26442000000000999999'], period: '202611' }))
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('26442000000000999999') })
    const customers = await buyer.call('customers.template', {})
    const wrong = await rejection(buyer.call('booking.import', { file: customers.token }))
    expect(wrong.code).toBe('VALIDATION')
    expect(wrong.message).toContain('发票入账模板')
    expect((await buyer.call('booking.jobs', {})).total).toBe(0)
    expect((await rejection(buyer.call('received.book', { numbers: ['26442000000000999999'], period: '2026-13' }))).message).toContain('入账所属期')
  })
})
