/// <reference lib="dom" />
// 发票交付 in the app against the real sandbox and a real SMTP server: from 发票查询's row the 交付
// dialog downloads the platform's PDF, OFD and XML, shows the 交付二维码 (which opens the platform's
// page), saves the mail as .eml and sends it to the address the customer remembers; offline the QR
// is replaced by what to wait for. Several invoices ticked on different pages go out together: one
// mail with every one's files, or one zip. 邮件设置 tests the SMTP login.
import fs from 'node:fs'
import type { Download, Page } from '@playwright/test'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { parseInvoiceXml } from '../../src/documents/xml'
import { startSmtpServer } from '../support/smtp'
import { leaves, parseMime } from '../support/mime'
import { readZip } from '../support/zipRead'
import { expect, test, type AppUnderTest } from './fixtures'

test.use({ platform: true, viewport: { width: 1366, height: 768 } })

const HUAWEI = { name: '华为技术有限公司', taxId: '914403001922038216' }

async function issued(app: AppUnderTest): Promise<{ id: number; number: string }> {
  const { id } = await app.core.call('invoices.saveDraft', { draft: testDraft({ buyer: { ...testDraft().buyer, ...HUAWEI } }) })
  await app.core.call('invoices.issue', { id })
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  return { id, number: (await app.core.call('invoices.get', { id })).number! }
}

async function openDeliver(page: Page, id: number): Promise<void> {
  const row = page.getByTestId('invoices-table').locator('.el-table__body tr', { has: page.getByTestId(`invoice-row-${id}`) })
  await row.getByTestId('invoice-deliver').click()
  await expect(page.getByTestId('deliver-dialog')).toBeVisible()
}

const bytesOf = async (d: Download) => fs.readFileSync((await d.path())!)

test('交付 from 发票查询: the three files, the QR, .eml and e-mail to the remembered address', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  const smtp = await startSmtpServer()
  try {
    await app.createCompany()
    await app.core.call('customers.create', { ...HUAWEI, email: 'caiwu@huawei.example.com' })
    await app.core.call('settings.mail.set', { host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: 'kuaiji@example.com' })
    const { id, number } = await issued(app)
    await app.open(page, '/invoice/list')
    await openDeliver(page, id)
    const dialog = page.getByTestId('deliver-dialog')
    await expect(dialog.getByTestId('deliver-to')).toHaveValue('caiwu@huawei.example.com')

    // the 交付二维码 is the platform's page for this invoice
    const qr = dialog.getByTestId('deliver-qr')
    await expect(qr.locator('svg')).toBeVisible()
    const url = (await qr.getAttribute('data-url'))!
    expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/)
    await expect(dialog.getByTestId('deliver-expiry')).toHaveText(/^有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    // the embedded sandbox is on 127.0.0.1: the dialog says a phone cannot reach it
    await expect(dialog.getByTestId('deliver-local-only')).toHaveText('内置沙箱的链接只能在本机打开')
    const share = await fetch(url)
    expect(share.status).toBe(200)
    expect(await share.text()).toContain(number)
    await page.screenshot({ path: 'docs/screenshots/deliver-1366.png' })

    // 下载: PDF and OFD are ticked; XML too
    await dialog.getByTestId('deliver-format-xml').click()
    const downloads: Download[] = []
    page.on('download', (d) => downloads.push(d))
    await dialog.getByTestId('deliver-download').click()
    await expect.poll(() => downloads.length).toBe(3)
    expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual([`${number}.ofd`, `${number}.pdf`, `${number}.xml`])
    const byName = new Map(await Promise.all(downloads.map(async (d) => [d.suggestedFilename(), await bytesOf(d)] as const)))
    expect(byName.get(`${number}.pdf`)!.subarray(0, 5).toString()).toBe('%PDF-')
    expect(byName.get(`${number}.ofd`)!.subarray(0, 2).toString()).toBe('PK')
    expect(parseInvoiceXml(byName.get(`${number}.xml`)!.toString('utf8')).number).toBe(number)

    // 保存为 .eml: a mail file, nothing sent
    const [eml] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('deliver-eml').click()])
    expect(eml.suggestedFilename()).toBe(`发票${number}.eml`)
    const emlText = (await bytesOf(eml)).toString('latin1')
    expect(emlText).toContain('To: caiwu@huawei.example.com')
    for (const f of ['pdf', 'ofd', 'xml']) expect(emlText).toContain(`${number}.${f}`)
    expect(smtp.messages).toHaveLength(0)

    // 发送邮件 to the prefilled address
    await dialog.getByTestId('deliver-send').click()
    await expect(page.locator('.el-message--success', { hasText: '已发送到 caiwu@huawei.example.com' })).toBeVisible()
    expect(smtp.messages.map((m) => m.to)).toEqual([['caiwu@huawei.example.com']])
  } finally {
    await smtp.close()
  }
})

test('交付 and 打印 of the selection: two invoices ticked on different pages print as one PDF, go out in one mail with both files of each, and as one zip', async ({
  app,
  page,
  consoleErrors,
}) => {
  void consoleErrors
  const smtp = await startSmtpServer()
  try {
    await app.createCompany()
    await app.core.call('settings.mail.set', { host: '127.0.0.1', port: smtp.port, secure: false, fromAddress: 'kuaiji@example.com' })
    await app.core.call('customers.create', { ...HUAWEI, email: 'caiwu@huawei.example.com' })
    // 21 issued invoices: 发票查询 shows 20 a page, so the list has two pages
    for (let i = 0; i < 21; i++) {
      const { id } = await app.core.call('invoices.saveDraft', { draft: testDraft({ buyer: { ...testDraft().buyer, ...HUAWEI } }) })
      await app.core.call('invoices.issue', { id })
    }
    expect((await app.core.call('sync.now', {})).error).toBeNull()
    await app.open(page, '/invoice/list')
    const rows = page.getByTestId('invoices-table').locator('.el-table__body tr')
    await expect(rows).toHaveCount(20)
    // nothing ticked: nothing to hand over or print
    await expect(page.getByTestId('query-deliver')).toBeDisabled()
    await expect(page.getByTestId('query-print')).toBeDisabled()

    const tickFirst = async () => {
      const first = rows.first()
      await first.getByTestId('query-tick').click()
      return Number((await first.locator('[data-testid^="invoice-row-"]').getAttribute('data-testid'))!.replace('invoice-row-', ''))
    }
    const ids = [await tickFirst()]
    await page.getByTestId('invoices-pager').locator('.btn-next').click()
    await expect(rows).toHaveCount(1)
    ids.push(await tickFirst())
    await expect(page.getByTestId('query-selected')).toHaveText('已选择 2 张')
    const numbers = await Promise.all(ids.map(async (id) => (await app.core.call('invoices.get', { id })).number!))

    // 打印 of the selection: one PDF of both, handed to a frame's print() (headless Chromium has no
    // print dialog: the frame's window is stood in for, as in preview.spec.ts)
    await page.evaluate(() => {
      const own = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        get(this: HTMLIFrameElement) {
          if (this.dataset.testid !== 'print-frame') return own.get!.call(this)
          return { focus: () => undefined, print: () => (this.dataset.printed = 'yes') }
        },
      })
    })
    await page.getByTestId('query-print').click()
    const frame = page.locator('iframe[data-testid="print-frame"]')
    await expect(frame).toHaveAttribute('data-name', '打印发票-2张.pdf')
    await expect(frame).toHaveAttribute('data-pages', '2')
    await expect(frame).toHaveAttribute('data-printed', 'yes')

    await page.getByTestId('query-deliver').click()
    const dialog = page.getByRole('dialog', { name: '发票交付 — 已选择 2 张' })
    await expect(dialog.getByTestId('deliver-many')).toContainText('所选的 2 张发票一起交付')
    // a QR code is per invoice: none for several
    await expect(dialog.getByTestId('deliver-share')).toHaveCount(0)
    // all of one customer: its remembered address is filled in
    await expect(dialog.getByTestId('deliver-to')).toHaveValue('caiwu@huawei.example.com')
    await page.screenshot({ path: 'docs/screenshots/deliver-many-1366.png' })

    // 发送邮件: one mail, PDF and OFD (the formats ticked by default) of both invoices
    await dialog.getByTestId('deliver-send').click()
    await expect(page.locator('.el-message--success', { hasText: '已发送到 caiwu@huawei.example.com（4 个附件）' })).toBeVisible()
    expect(smtp.messages).toHaveLength(1)
    expect(smtp.messages[0]!.to).toEqual(['caiwu@huawei.example.com'])
    const attached = leaves(parseMime(smtp.messages[0]!.raw)).filter((p) => p.filename)
    expect(attached.map((p) => p.filename).sort()).toEqual(numbers.flatMap((n) => [`${n}.ofd`, `${n}.pdf`]).sort())

    // 下载压缩包: the same files in one zip
    const [zip] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('deliver-download').click()])
    expect(zip.suggestedFilename()).toMatch(/^发票2张-\d{20}等\.zip$/)
    const entries = await readZip((await zip.path())!)
    expect([...entries.keys()].sort()).toEqual(numbers.flatMap((n) => [`${n}.ofd`, `${n}.pdf`]).sort())
    expect(entries.get(`${numbers[0]}.pdf`)!.subarray(0, 5).toString()).toBe('%PDF-')
  } finally {
    await smtp.close()
  }
})

test('开具成功 opens 交付 with the QR; offline the dialog says the QR appears once the invoice is on the platform', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const { id } = await app.core.call('invoices.saveDraft', { draft: testDraft({ extras: [], lines: [testLine()] }) })
  await app.open(page, `/invoice/issue?id=${id}`)
  await expect(page.getByTestId('line-1-name')).toHaveValue('软件开发服务')
  await page.getByTestId('invoice-issue').click()
  await page.locator('.el-message-box').getByRole('button', { name: '开票' }).click()
  const issuedDialog = page.getByTestId('issued-dialog')
  await expect(issuedDialog.getByTestId('issued-number')).toHaveText(/^\d{20}$/)
  const number = (await issuedDialog.getByTestId('issued-number').textContent())!
  await issuedDialog.getByTestId('issued-deliver').click()
  const dialog = page.getByTestId('deliver-dialog')
  await expect(dialog).toContainText(`发票交付 — ${number}`)
  await expect(dialog.getByTestId('deliver-qr').locator('svg')).toBeVisible()

  await app.sandbox!.stop()
  await app.open(page, '/invoice/list')
  await openDeliver(page, id)
  await expect(page.getByTestId('deliver-no-qr')).toContainText('发票上传平台后显示二维码')
})

test('邮件设置: 测试 logs in to the SMTP server, a wrong password is said in Chinese', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  const smtp = await startSmtpServer({ login: { user: 'kuaiji@example.com', pass: 'auth-code' } })
  try {
    await app.createCompany()
    await app.open(page, '/system/mail')
    await page.getByTestId('mail-host').fill('127.0.0.1')
    await page.getByTestId('mail-port').locator('input').fill(String(smtp.port))
    await page.getByTestId('mail-secure').click()
    await page.getByTestId('mail-user').fill('kuaiji@example.com')
    await page.getByTestId('mail-password').fill('wrong')
    await page.getByTestId('mail-from-address').fill('kuaiji@example.com')
    await page.getByTestId('mail-test').click()
    const result = page.getByTestId('mail-test-result')
    await expect(result).toHaveAttribute('data-ok', 'false')
    await expect(result).toContainText('邮件服务器拒绝登录：用户名或密码（授权码）不正确')
    await page.getByTestId('mail-password').fill('auth-code')
    await page.getByTestId('mail-test').click()
    await expect(result).toHaveAttribute('data-ok', 'true')
    await page.getByTestId('mail-save').click()
    await expect(page.locator('.el-message--success', { hasText: '邮件设置已保存' })).toBeVisible()
    expect(await app.core.call('settings.mail.get', {})).toMatchObject({ host: '127.0.0.1', port: smtp.port, secure: false, hasPassword: true })
  } finally {
    await smtp.close()
  }
})
