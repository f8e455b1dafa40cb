// 交付 of several invoices: 发票查询's selection (ticked rows, or all that match) or a list of refs
// goes out as ONE mail with every invoice's chosen files, through a real SMTP server on 127.0.0.1,
// or as one zip read back with yauzl. Offline, each invoice not fetched before goes as its own
// 本地副本. Too many, or an invoice not yet issued, is refused before anything is fetched or sent.
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { DELIVERY_MAX } from '../../src/shared/api/delivery'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { parseInvoiceXml } from '../../src/documents/xml'
import { rejection, tempDir, testCore } from '../support/core'
import { leaves, parseMime } from '../support/mime'
import { startTestSandbox } from '../support/sandbox'
import { startSmtp } from '../support/smtpForTest'
import { readZip } from '../support/zipRead'

const BUYER = { name: '华为技术有限公司', taxId: '914403001922038216' }

async function setUp(): Promise<{ core: Core; stopPlatform: () => Promise<void> }> {
  const platform = await startTestSandbox(path.join(tempDir(), 'platform'))
  onTestFinished(() => platform.stop())
  const core = await testCore({ embeddedPlatform: platform.embedded })
  return { core, stopPlatform: () => platform.stop() }
}

/** n invoices to BUYER issued through the sandbox: id and number of each */
async function issueMany(core: Core, n: number): Promise<{ id: number; number: string }[]> {
  const ids: number[] = []
  for (let i = 0; i < n; i++) {
    const { id } = await core.call('invoices.saveDraft', { draft: testDraft({ buyer: { ...testDraft().buyer, ...BUYER } }) })
    await core.call('invoices.issue', { id })
    ids.push(id)
  }
  expect((await core.call('sync.now', {})).error).toBeNull()
  return Promise.all(ids.map(async (id) => ({ id, number: (await core.call('invoices.get', { id })).number! })))
}

const attachmentsOf = (raw: Buffer | string) => leaves(parseMime(raw)).filter((p) => p.filename)

describe('交付 of several invoices', { timeout: 120_000 }, () => {
  it('the ticked invoices of 发票查询 go out in one mail, each with the chosen files; the same as a zip', async () => {
    const { core } = await setUp()
    const smtp = await startSmtp()
    await core.call('settings.mail.set', { host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: 'kuaiji@example.com' })
    const [a, b, c] = await issueMany(core, 3)
    const selection = { filter: { side: '销项' as const }, keys: [`S:${a!.id}`, `S:${c!.id}`] }
    // the dialog's prefill: one buyer, a customer without an address yet
    const customer = await core.call('customers.create', BUYER)
    expect(await core.call('invoices.deliveryInfo', { selection })).toEqual({
      number: null,
      issued: true,
      side: '销项',
      buyerName: BUYER.name,
      email: '',
      customerId: customer.id,
      invoices: 2,
    })

    const sent = await core.call('invoices.send', { selection, to: 'caiwu@huawei.example.com', formats: ['pdf', 'xml'] })
    expect(sent).toMatchObject({ sent: true, to: ['caiwu@huawei.example.com'] })
    expect(smtp.messages).toHaveLength(1)
    const files = attachmentsOf(smtp.messages[0]!.raw)
    // newest first, as 发票查询 lists them; b was not ticked
    expect(files.map((p) => p.filename).sort()).toEqual([`${a!.number}.pdf`, `${a!.number}.xml`, `${c!.number}.pdf`, `${c!.number}.xml`].sort())
    for (const p of files.filter((f) => f.filename!.endsWith('.xml'))) expect([a!.number, c!.number]).toContain(parseInvoiceXml(p.body.toString('utf8')).number)
    for (const p of files.filter((f) => f.filename!.endsWith('.pdf'))) expect(p.body.subarray(0, 5).toString()).toBe('%PDF-')
    expect(parseMime(smtp.messages[0]!.raw).headers.get('subject')).toMatch(/开具的 2 张发票/)
    expect(JSON.stringify(files.map((p) => p.filename))).not.toContain(b!.number)
    // one customer's invoices: the address is remembered with it, and filled in next time
    expect(sent).toMatchObject({ rememberedFor: BUYER.name })
    expect(await core.call('invoices.deliveryInfo', { selection: { filter: { side: '销项' } } })).toMatchObject({ email: 'caiwu@huawei.example.com', invoices: 3 })

    // 所有页全选: the filter alone — all three
    const all = await core.call('invoices.send', { selection: { filter: { side: '销项' } }, to: 'caiwu@huawei.example.com', formats: ['xml'] })
    expect(all.attachments.sort()).toEqual([a!.number, b!.number, c!.number].map((n) => `${n}.xml`).sort())
    expect(attachmentsOf(smtp.messages[1]!.raw)).toHaveLength(3)

    // the same choice as a zip, read back by an independent reader
    const zip = await core.call('invoices.deliveryZip', { selection, formats: ['pdf', 'ofd', 'xml'] })
    expect(zip).toMatchObject({ name: `发票2张-${zip.entries[0]!.slice(0, 20)}等.zip`, invoices: 2, localCopies: [] })
    const entries = await readZip(core.files.resolve(zip.token).path)
    expect([...entries.keys()].sort()).toEqual([a!, c!].flatMap(({ number }) => ['pdf', 'ofd', 'xml'].map((f) => `${number}.${f}`)).sort())
    expect(entries.get(`${a!.number}.ofd`)!.subarray(0, 2).toString()).toBe('PK')
    expect(parseInvoiceXml(entries.get(`${c!.number}.xml`)!.toString('utf8')).number).toBe(c!.number)

    // a few refs named directly (the CLI, the 开具 dialog) take the same path
    const byRefs = await core.call('invoices.deliveryZip', { refs: [{ id: b!.id }, { number: a!.number }], formats: ['xml'] })
    expect(byRefs.entries).toEqual([`${b!.number}.xml`, `${a!.number}.xml`])
  })

  it('offline, each invoice not fetched before goes as its own 本地副本, and the mail and the zip say so', async () => {
    const { core, stopPlatform } = await setUp()
    const smtp = await startSmtp()
    await core.call('settings.mail.set', { host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: 'kuaiji@example.com' })
    const [a, b] = await issueMany(core, 2)
    // a's PDF was fetched (and kept) while online; b's never was
    await core.call('invoices.file', { ref: { id: a!.id }, format: 'pdf' })
    await stopPlatform()
    const selection = { filter: { side: '销项' as const }, keys: [`S:${a!.id}`, `S:${b!.id}`] }
    await core.call('invoices.send', { selection, to: 'caiwu@huawei.example.com', formats: ['pdf'] })
    const parts = leaves(parseMime(smtp.messages[0]!.raw))
    expect(
      parts
        .filter((p) => p.filename)
        .map((p) => p.filename)
        .sort(),
    ).toEqual([`${a!.number}.pdf`, `${b!.number}-本地副本.pdf`].sort())
    expect(parts.find((p) => !p.filename)!.body.toString('utf8')).toContain(`注意：${b!.number}-本地副本.pdf 是开票方在无法连接税务平台时本地生成的副本`)

    const zip = await core.call('invoices.deliveryZip', { selection, formats: ['pdf'] })
    expect(zip.localCopies).toEqual([{ name: `${b!.number}-本地副本.pdf`, note: expect.stringMatching(/无法连接到税务平台/) }])
    expect([...(await readZip(core.files.resolve(zip.token).path)).keys()].sort()).toEqual([`${a!.number}.pdf`, `${b!.number}-本地副本.pdf`].sort())
  })

  it('refuses, in Chinese and before anything is sent: more than one 交付 takes, an invoice not yet issued, both or neither target', async () => {
    const { core } = await setUp()
    const smtp = await startSmtp()
    await core.call('settings.mail.set', { host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: 'kuaiji@example.com' })
    const [a] = await issueMany(core, 1)

    // ticked rows that are no longer there (deleted, another company's): said, nothing sent
    const gone = { filter: { side: '销项' as const }, keys: ['S:9001', 'S:9002'] }
    expect(await rejection(core.call('invoices.send', { selection: gone, to: 'a@example.com', formats: ['pdf'] }))).toMatchObject({
      code: 'NOT_FOUND',
      message: '所选发票已不在查询结果中：请刷新列表后重新选择',
    })
    const refs = Array.from({ length: DELIVERY_MAX + 1 }, () => ({ id: a!.id }))
    expect((await rejection(core.call('invoices.send', { refs, to: 'a@example.com', formats: ['pdf'] }))).message).toMatch(/一次最多交付 100 张发票/)

    // a queued invoice in the selection: named, nothing sent
    const queue = async () => {
      const { id } = await core.call('invoices.saveDraft', { draft: testDraft({ buyer: { ...testDraft().buyer, ...BUYER } }) })
      await core.call('invoices.issue', { id })
      return id
    }
    const queued = await queue()
    const mixed = { filter: { side: '销项' as const }, keys: [`S:${a!.id}`, `S:${queued}`] }
    const conflict = await rejection(core.call('invoices.send', { selection: mixed, to: 'a@example.com', formats: ['pdf'] }))
    expect(conflict.code).toBe('CONFLICT')
    expect(conflict.message).toMatch(/^所选发票中有尚未开具成功的发票（华为技术有限公司，价税合计 ¥10600.00），不能交付/)
    expect((await rejection(core.call('invoices.deliveryZip', { selection: mixed, formats: ['pdf'] }))).code).toBe('CONFLICT')
    // the dialog says so as it opens
    expect((await rejection(core.call('invoices.deliveryInfo', { selection: mixed }))).message).toBe(conflict.message)

    // 所有页全选 over more than one 交付 takes: the count is said, and where to go instead
    for (let i = 0; i < DELIVERY_MAX; i++) await queue()
    const tooMany = await rejection(core.call('invoices.deliveryZip', { selection: { filter: { side: '销项' } }, formats: ['pdf'] }))
    expect(tooMany).toMatchObject({ code: 'VALIDATION', message: '一次最多交付 100 张发票：请减少勾选，更多发票请用“发票下载”打包下载（已选择 102 张）' })

    for (const input of [{ formats: ['pdf'] }, { refs: [{ id: a!.id }], selection: { filter: { side: '销项' } }, formats: ['pdf'] }])
      expect((await rejection(core.call('invoices.deliveryZip', input as never))).message).toMatch(/请指定要交付的发票：发票列表（refs）或查询的选择（selection）二选一/)
    expect(smtp.messages).toHaveLength(0)
  })
})
