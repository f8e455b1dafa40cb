// 交付 from the client: an invoice's files from the real sandbox (kept, then served offline), the
// local copy when the platform is out of reach, the 交付二维码, and e-mail through a real SMTP
// server on 127.0.0.1 — the message parsed back part by part.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { parseInvoiceXml } from '../../src/documents/xml'
import { rejection, SELLER, tempDir, testCore } from '../support/core'
import { leaves, parseMime } from '../support/mime'
import { decodeQrSvg } from '../support/qrSvg'
import { startTestSandbox, type TestSandbox } from '../support/sandbox'
import { startSmtp } from '../support/smtpForTest'

const BUYER = { name: '华为技术有限公司', taxId: '914403001922038216' }

async function sandbox(): Promise<TestSandbox> {
  const s = await startTestSandbox(path.join(tempDir(), 'platform'))
  onTestFinished(() => s.stop())
  return s
}

/** an invoice to BUYER, issued through the sandbox; its id and number */
async function issued(core: Core): Promise<{ id: number; number: string }> {
  const { id } = await core.call('invoices.saveDraft', { draft: testDraft({ buyer: { ...testDraft().buyer, ...BUYER } }) })
  await core.call('invoices.issue', { id })
  expect((await core.call('sync.now', {})).error).toBeNull()
  const inv = await core.call('invoices.get', { id })
  expect(inv.state).toBe('issued')
  return { id, number: inv.number! }
}

const read = (core: Core, token: string) => core.files.read(token).bytes

describe('交付: files, the share link and e-mail', { timeout: 120_000 }, () => {
  it('an issued invoice’s file is the platform’s, kept after the first fetch so it is the platform’s offline too', async () => {
    const platform = await sandbox()
    const core = await testCore({ embeddedPlatform: platform.embedded })
    const { id, number } = await issued(core)
    const first = await core.call('invoices.file', { ref: { id }, format: 'xml' })
    expect(first).toMatchObject({ name: `${number}.xml`, format: 'xml', source: 'platform', provisional: false })
    expect(first.note).toBeUndefined()
    const bytes = read(core, first.token)
    expect(parseInvoiceXml(bytes.toString('utf8')).number).toBe(number)
    // the platform's bytes: what the sandbox serves for this invoice
    const kept = path.join(core.dataDir, 'companies', SELLER.taxId, 'invoice-files', `${number}.xml`)
    expect(fs.readFileSync(kept)).toEqual(bytes)
    expect(fs.statSync(kept).mode & 0o777).toBe(0o600)

    await platform.stop()
    const offline = await core.call('invoices.file', { ref: { number }, format: 'xml' })
    expect(offline).toMatchObject({ name: `${number}.xml`, source: 'platform' })
    expect(read(core, offline.token)).toEqual(bytes)
  })

  it('offline, an issued invoice not fetched before is drawn here as <号码>-本地副本, saying why; a draft is provisional', async () => {
    const platform = await sandbox()
    const core = await testCore({ embeddedPlatform: platform.embedded })
    const { id, number } = await issued(core)
    await platform.stop()
    const local = await core.call('invoices.file', { ref: { id }, format: 'xml' })
    expect(local).toMatchObject({ name: `${number}-本地副本.xml`, source: 'local', provisional: false })
    expect(local.note).toMatch(/无法连接到税务平台/)
    expect(parseInvoiceXml(read(core, local.token).toString('utf8')).number).toBe(number)
    const pdf = await core.call('invoices.file', { ref: { id }, format: 'pdf' })
    expect(pdf).toMatchObject({ name: `${number}-本地副本.pdf`, source: 'local' })
    // poppler reads the copy: the number and the *简称* from this ledger's table
    const text = execFileSync('pdftotext', [core.files.resolve(pdf.token).path, '-'], { encoding: 'utf8' })
    for (const t of [number, BUYER.name, '*信息技术服务*软件开发服务']) expect(text).toContain(t)
    // nothing was kept: back online the platform's file is fetched
    expect(fs.existsSync(path.join(core.dataDir, 'companies', SELLER.taxId, 'invoice-files', `${number}.xml`))).toBe(false)
    await platform.start()
    expect(await core.call('invoices.file', { ref: { id }, format: 'xml' })).toMatchObject({ name: `${number}.xml`, source: 'platform' })

    const { id: draft } = await core.call('invoices.saveDraft', { draft: testDraft() })
    expect(await core.call('invoices.file', { ref: { id: draft }, format: 'pdf' })).toMatchObject({ name: `未开具发票-${draft}.pdf`, source: 'local', provisional: true })
    expect(await rejection(core.call('invoices.file', { ref: { id: draft }, format: 'xml' }))).toMatchObject({
      code: 'CONFLICT',
      message: '发票尚未开具成功，没有 XML 数据文件：可下载 PDF 或 OFD 预览件',
    })
    expect(await rejection(core.call('invoices.file', { ref: { number: '26442000000099999999' }, format: 'xml' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: '未查询到该发票（发票号码 26442000000099999999）',
    })
    expect((await rejection(core.call('invoices.file', { ref: { id }, format: 'doc' } as never))).message).toMatch(/文件格式/)
  })

  it('the 交付二维码 opens the platform’s page for this invoice; not before it is issued, and says so offline', async () => {
    const platform = await sandbox()
    const core = await testCore({ embeddedPlatform: platform.embedded })
    const { id: draft } = await core.call('invoices.saveDraft', { draft: testDraft() })
    expect(await rejection(core.call('invoices.shareLink', { ref: { id: draft } }))).toMatchObject({
      code: 'CONFLICT',
      message: '发票上传平台后才能生成交付二维码：这张发票尚未开具成功',
    })
    const { id, number } = await issued(core)
    const link = await core.call('invoices.shareLink', { ref: { id } })
    expect(link.url).toMatch(new RegExp(`^${platform.url}/share/[A-Za-z0-9_-]{43}$`))
    expect(decodeQrSvg(link.qrSvg)).toBe(link.url)
    const page = await fetch(link.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(number)
    await platform.stop()
    const offline = await rejection(core.call('invoices.shareLink', { ref: { id } }))
    expect(offline.code).toBe('OFFLINE')
    expect(offline.message).toMatch(/^暂时无法连接税务平台.*联网后再生成交付二维码$/)
  })

  it('mail settings: saved 0600, 测试 logs in; a wrong password, a closed port and TLS on a plain server are said in Chinese', async () => {
    const smtp = await startSmtp({ login: { user: 'kuaiji', pass: 'right' } })
    const core = await testCore()
    const settings = { host: '127.0.0.1', port: smtp.port, secure: false, user: 'kuaiji', password: 'right', fromName: '深圳测试', fromAddress: 'kuaiji@example.com' }
    const saved = await core.call('settings.mail.set', settings)
    expect(saved).toMatchObject({ host: '127.0.0.1', port: smtp.port, hasPassword: true, configured: true, passwordProtection: 'file' })
    expect(fs.statSync(path.join(core.dataDir, 'mail.json')).mode & 0o777).toBe(0o600)
    expect(await core.call('settings.mail.test', {})).toEqual({ ok: true, message: `已连接邮件服务器 127.0.0.1:${smtp.port}，并以 kuaiji 登录成功` })

    const wrong = await rejection(core.call('settings.mail.test', { password: 'wrong' }))
    expect(wrong.code).toBe('MAIL_REJECTED')
    expect(wrong.message).toMatch(/^邮件服务器拒绝登录：用户名或密码（授权码）不正确/)
    const closed = await startSmtp()
    await closed.close()
    const refused = await rejection(core.call('settings.mail.test', { port: closed.port }))
    expect(refused).toMatchObject({ code: 'OFFLINE', message: `邮件服务器 127.0.0.1:${closed.port} 拒绝连接：请核对服务器地址和端口` })
    const tls = await rejection(core.call('settings.mail.test', { secure: true }))
    expect(tls).toMatchObject({
      code: 'OFFLINE',
      message: `与邮件服务器 127.0.0.1:${smtp.port} 建立加密连接失败：该端口不使用 SSL/TLS。请核对端口与“SSL/TLS”选项（465 端口一般勾选，25/587 端口一般不勾选）`,
    })
    // a server offering STARTTLS with a certificate nobody vouches for is refused, not trusted
    const selfSigned = await startSmtp({ starttls: true })
    expect((await rejection(core.call('settings.mail.test', { port: selfSigned.port, user: '' }))).message).toMatch(/建立加密连接失败：服务器证书不受信任/)
    // 测试 saved nothing; a set without password keeps the saved one
    expect(await core.call('settings.mail.get', {})).toMatchObject({ port: smtp.port, secure: false, hasPassword: true })
    const { password: _p, ...noPassword } = settings
    expect(await core.call('settings.mail.set', { ...noPassword, fromName: '会计' })).toMatchObject({ hasPassword: true, fromName: '会计' })
    expect((await rejection(core.call('settings.mail.set', { ...settings, fromAddress: 'no-at' }))).message).toMatch(/发件人邮箱格式不正确/)
  })

  it('sends the chosen files to the buyer, remembers the address with the customer, and writes the same mail as .eml', async () => {
    const platform = await sandbox()
    const smtp = await startSmtp()
    const core = await testCore({ embeddedPlatform: platform.embedded })
    const customer = await core.call('customers.create', BUYER)
    const { id, number } = await issued(core)
    expect(await core.call('invoices.deliveryInfo', { ref: { id } })).toMatchObject({ number, issued: true, buyerName: BUYER.name, email: '', customerId: customer.id })

    expect((await rejection(core.call('invoices.send', { refs: [{ id }], to: 'buyer@example.com', formats: ['xml'] }))).message).toMatch(/^尚未设置发件邮箱/)
    // an .eml needs no mail settings (the mail program fills in the sender)
    expect(await core.call('invoices.send', { refs: [{ id }], to: 'buyer@example.com', formats: ['xml'], eml: true })).toMatchObject({ sent: false })
    await core.call('settings.mail.set', { host: '127.0.0.1', port: smtp.port, secure: false, fromName: '', fromAddress: 'kuaiji@example.com' })
    const sent = await core.call('invoices.send', { refs: [{ id }], to: 'buyer@example.com', formats: ['xml'] })
    expect(sent).toMatchObject({ sent: true, to: ['buyer@example.com'], attachments: [`${number}.xml`], rememberedFor: BUYER.name })

    expect(smtp.messages).toHaveLength(1)
    const mail = parseMime(smtp.messages[0]!.raw)
    expect(smtp.messages[0]!.to).toEqual(['buyer@example.com'])
    expect(mail.headers.get('subject')).toBe(`【发票】${SELLER.name}开具的数电专票 ${number}（价税合计 ¥10600.00）`)
    expect(mail.headers.get('from')).toContain('kuaiji@example.com')
    const parts = leaves(mail)
    const text = parts.find((p) => (p.headers.get('content-type') ?? '').startsWith('text/plain'))!.body.toString('utf8')
    expect(text).toContain(`${BUYER.name}：`)
    expect(text).toContain(`数电专票 ${number}，开票日期`)
    const files = parts.filter((p) => p.filename)
    expect(files.map((p) => p.filename)).toEqual([`${number}.xml`])
    expect(parseInvoiceXml(files[0]!.body.toString('utf8')).number).toBe(number)

    // remembered with the customer, and prefilled next time
    expect((await core.call('customers.list', {})).rows[0]!.email).toBe('buyer@example.com')
    expect((await core.call('invoices.deliveryInfo', { ref: { number } })).email).toBe('buyer@example.com')

    // .eml: the same message, nothing sent
    const eml = await core.call('invoices.send', { refs: [{ number }], to: 'buyer@example.com', formats: ['xml'], eml: true })
    expect(eml).toMatchObject({ sent: false, eml: { name: `发票${number}.eml` } })
    if (eml.sent) throw new Error('unreachable')
    const saved = parseMime(read(core, eml.eml.token))
    expect(saved.headers.get('to')).toBe('buyer@example.com')
    expect(
      leaves(saved)
        .filter((p) => p.filename)
        .map((p) => p.filename),
    ).toEqual([`${number}.xml`])
    expect(smtp.messages).toHaveLength(1)

    // offline: the file not kept yet goes as the local copy, and the mail says it is not the platform's
    await platform.stop()
    await core.call('invoices.send', { refs: [{ id }], to: 'buyer@example.com', formats: ['xml', 'pdf'] })
    const offline = leaves(parseMime(smtp.messages[1]!.raw))
    expect(offline.filter((p) => p.filename).map((p) => p.filename)).toEqual([`${number}.xml`, `${number}-本地副本.pdf`])
    expect(offline.find((p) => !p.filename)!.body.toString('utf8')).toContain(`注意：${number}-本地副本.pdf 是开票方在无法连接税务平台时本地生成的副本，并非税务平台文件`)

    // a draft is not sent; bad addresses are named
    const { id: draft } = await core.call('invoices.saveDraft', { draft: testDraft() })
    expect((await rejection(core.call('invoices.send', { refs: [{ id: draft }], to: 'buyer@example.com', formats: ['xml'] }))).message).toMatch(/尚未开具成功，不能交付/)
    expect((await rejection(core.call('invoices.send', { refs: [{ id }], to: 'buyer@', formats: ['xml'] }))).message).toMatch(/收件人邮箱格式不正确/)
  })
})

describe('邮件设置 with a keychain', () => {
  it('seals the SMTP password when the host gives a SecretSeal: the file never holds it as typed', async () => {
    const seal = { seal: (p: string) => `sealed:${Buffer.from(p).toString('base64')}`, open: (s: string) => Buffer.from(s.slice(7), 'base64').toString() }
    const smtp = await startSmtp({ login: { user: 'kuaiji', pass: 'secret-授权码' } })
    const core = await testCore({ secretSeal: seal })
    const saved = await core.call('settings.mail.set', {
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: 'kuaiji',
      password: 'secret-授权码',
      fromAddress: 'a@example.com',
    })
    expect(saved.passwordProtection).toBe('keychain')
    const file = fs.readFileSync(path.join(core.dataDir, 'mail.json'), 'utf8')
    expect(file).not.toContain('secret-授权码')
    // the sealed password still logs in
    expect((await core.call('settings.mail.test', {})).ok).toBe(true)
  })
})
