// invoices.paper and invoices.printPdf through a real core: a 销项 draft drawn as a provisional copy,
// an issued invoice from the seller's ledger and the same invoice as the buyer's 进项 (a real
// platform sandbox between two ledgers), and one PDF of several for 打印 — read back with pdftotext
// and the QR decoded by jsQR.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { OTHER, rejection, SELLER, testCore } from '../support/core'
import { twoParties } from '../support/twoParties'

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })
const textOf = (file: string) => run('pdftotext', ['-layout', file, '-']).replace(/[ \t]+/g, ' ')

function decodeQr(file: string): string | null {
  const prefix = path.join(path.dirname(file), `qr-${Math.random().toString(36).slice(2)}`)
  run('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '530', '-H', '450', '-singlefile', file, prefix])
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

const draft = () =>
  testDraft({
    buyer: { ...testDraft().buyer, name: OTHER.name, taxId: OTHER.taxId },
    lines: [
      testLine({ name: '软件开发服务', quantity: '2', unitPrice: '5000' }),
      testLine({ name: '台式计算机', taxCode: '1090509010000000000', unit: '台', quantity: '3', unitPrice: '4000', taxRate: '0.13' }),
    ],
  })

async function printed(core: Core, refs: ({ id: number } | { number: string })[]): Promise<{ file: string; pages: number }> {
  const ref = await core.call('invoices.printPdf', { refs })
  return { file: core.files.resolve(ref.token).path, pages: ref.pages }
}

describe('invoices.paper', () => {
  it('draws a draft as a provisional copy: the company as seller, no number, no QR, marked', async () => {
    const core = await testCore()
    const { id } = await core.call('invoices.saveDraft', { draft: draft() })
    const paper = await core.call('invoices.paper', { id })
    expect(paper).toMatchObject({ side: '销项', provisional: true, invoice: { number: '', qr: '', seller: { name: SELLER.name, taxId: SELLER.taxId }, drawer: SELLER.operator } })
    expect(paper.invoice.total).toBe('24160.00')
    expect(paper.shortNames).toEqual({ '3040201010000000000': '信息技术服务', '1090509010000000000': '电子计算机' })

    const { file } = await printed(core, [{ id }])
    const text = textOf(file)
    expect(text).toContain('未上传平台 非正式发票')
    expect(text).toContain(OTHER.name)
    expect(text).toContain('*信息技术服务*软件开发服务')
    expect(text).toContain('¥24160.00')
    expect(decodeQr(file)).toBeNull()
  })

  it('gives an issued invoice to its seller (by id or number) and to its buyer as 进项, with the platform QR', async () => {
    const { seller, buyer } = await twoParties()
    const { id } = await seller.call('invoices.saveDraft', { draft: draft() })
    await seller.call('invoices.issue', { id })
    expect((await seller.call('sync.now', {})).error).toBeNull()
    expect((await buyer.call('sync.now', {})).error).toBeNull()
    const issued = await seller.call('invoices.get', { id })

    const byId = await seller.call('invoices.paper', { id })
    expect(byId).toMatchObject({ side: '销项', provisional: false, invoice: { number: issued.number, qr: issued.qr, colour: 'blue', total: '24160.00' } })
    expect(await seller.call('invoices.paper', { number: issued.number! })).toEqual(byId)

    const received = await buyer.call('invoices.paper', { number: issued.number! })
    expect(received).toMatchObject({ side: '进项', provisional: false, invoice: { number: issued.number, qr: issued.qr, seller: { taxId: SELLER.taxId } } })

    for (const core of [seller, buyer]) {
      const { file } = await printed(core, [{ number: issued.number! }])
      const text = textOf(file)
      expect(text).toContain(`发票号码： ${issued.number}`)
      expect(text).toContain(SELLER.name)
      expect(text).toContain(OTHER.name)
      expect(text).toContain('贰万肆仟壹佰陆拾圆整')
      expect(text).not.toContain('未上传平台')
      expect(decodeQr(file)).toBe(issued.qr)
    }
  })

  it('prints several invoices as one PDF, each from a new page', async () => {
    const core = await testCore()
    const a = await core.call('invoices.saveDraft', { draft: draft() })
    const long = testDraft({ lines: Array.from({ length: 30 }, (_, i) => testLine({ name: `服务${i + 1}`, quantity: '1', unitPrice: `${100 + i}` })) })
    const b = await core.call('invoices.saveDraft', { draft: long })
    const { file, pages } = await printed(core, [{ id: a.id }, { id: b.id }])
    expect(pages).toBeGreaterThan(2)
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1])).toBe(pages)
  })

  it('refuses an unknown invoice, an ambiguous reference, and a print with any unknown invoice', async () => {
    const core = await testCore()
    expect(await rejection(core.call('invoices.paper', { number: '26442000000000000001' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: '未查询到该发票（发票号码 26442000000000000001）',
    })
    expect(await rejection(core.call('invoices.paper', { id: 999 }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('不存在') })
    expect(await rejection(core.call('invoices.paper', { id: 1, number: '26442000000000000001' }))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('二选一'),
    })
    expect(await rejection(core.call('invoices.paper', { number: '123' }))).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('发票号码应为 20 位数字') })
    const { id } = await core.call('invoices.saveDraft', { draft: draft() })
    expect(await rejection(core.call('invoices.printPdf', { refs: [{ id }, { id: id + 1 }] }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await rejection(core.call('invoices.printPdf', { refs: [] }))).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('请至少选择一张发票') })
  })
})

describe('invoices.paper of a draft just begun', () => {
  it('draws a blank draft (no lines, no buyer) as one provisional page', async () => {
    const core = await testCore()
    const blank = { ...testDraft(), buyer: { ...testDraft().buyer, name: '', taxId: '' }, lines: [], extras: [] }
    const { id } = await core.call('invoices.saveDraft', { draft: blank })
    const paper = await core.call('invoices.paper', { id })
    expect(paper).toMatchObject({ provisional: true, invoice: { total: '0.00', buyer: { name: '' } } })
    const { file, pages } = await printed(core, [{ id }])
    expect(pages).toBe(1)
    expect(textOf(file)).toContain('未上传平台 非正式发票')
  })

  it('draws a draft whose figures are still being typed (blank and unreadable amounts)', async () => {
    const core = await testCore()
    const typing = testDraft({ lines: [testLine({ quantity: '3', unitPrice: null, amount: null }), testLine({ quantity: 'abc', unitPrice: '1x', amount: null })] })
    const { id } = await core.call('invoices.saveDraft', { draft: typing })
    const { file } = await printed(core, [{ id }])
    expect(textOf(file)).toContain('软件开发服务')
  })
})
