// 交付 on the command line: a file of an issued invoice written where asked, the .eml, the mail
// settings and their 测试 — the real CLI in a child process, the embedded sandbox, a real SMTP server.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { parseInvoiceXml } from '../../src/documents/xml'
import { SELLER, tempDir } from '../support/core'
import { leaves, parseMime } from '../support/mime'
import { cliJson as cli } from '../support/cliChild'
import { startSmtp } from '../support/smtpForTest'

describe('CLI: invoices file, invoices send, settings mail', { timeout: 180_000 }, () => {
  it('writes the platform’s file, sends it (one or several in one mail) or writes an .eml, and tests the SMTP login', async () => {
    const data = tempDir()
    const out = tempDir()
    const smtp = await startSmtp({ login: { user: 'kuaiji', pass: 'pw' } })
    expect((await cli(data, 'company', 'add', '--name', SELLER.name, '--tax-id', SELLER.taxId, '--region', '广东', '--operator', SELLER.operator)).status).toBe(0)
    const draftFile = path.join(out, 'draft.json')
    fs.writeFileSync(draftFile, JSON.stringify(testDraft()))
    const { id } = (await cli(data, 'invoices', 'draft', 'create', '--file', draftFile)).json as { id: number }
    await cli(data, 'invoices', 'issue', String(id))
    expect((await cli(data, 'sync')).json).toMatchObject({ pushed: 1, error: null })
    const { number } = (await cli(data, 'invoices', 'show', String(id))).json as { number: string }

    const file = await cli(data, 'invoices', 'file', number, '--format', 'xml', '--out', out)
    expect(file.json).toMatchObject({ name: `${number}.xml`, source: 'platform', file: path.join(out, `${number}.xml`) })
    expect(parseInvoiceXml(fs.readFileSync(path.join(out, `${number}.xml`), 'utf8')).number).toBe(number)
    expect((await cli(data, 'invoices', 'file', number, '--format', 'docx')).status).toBe(2)

    const notSet = await cli(data, 'invoices', 'send', number, '--to', 'buyer@example.com', '--formats', 'xml')
    expect((notSet.json.error as { message: string }).message).toMatch(/^尚未设置发件邮箱/)
    const set = await cli(
      data,
      'settings',
      'mail',
      '--host',
      '127.0.0.1',
      '--port',
      String(smtp.port),
      '--secure',
      'no',
      '--user',
      'kuaiji',
      '--password',
      'wrong',
      '--from',
      'kuaiji@example.com',
    )
    expect(set.json).toMatchObject({ host: '127.0.0.1', port: smtp.port, secure: false, hasPassword: true, configured: true })
    const wrong = await cli(data, 'settings', 'mail', '--test')
    expect(wrong.status).toBe(1)
    expect((wrong.json.error as { message: string }).message).toMatch(/^邮件服务器拒绝登录/)
    expect((await cli(data, 'settings', 'mail', '--test', '--password', 'pw')).json).toMatchObject({ ok: true })
    await cli(data, 'settings', 'mail', '--password', 'pw')

    const sent = await cli(data, 'invoices', 'send', number, '--to', 'buyer@example.com', '--formats', 'xml')
    expect(sent.json).toMatchObject({ sent: true, to: ['buyer@example.com'], attachments: [`${number}.xml`] })
    expect(
      leaves(parseMime(smtp.messages[0]!.raw))
        .map((p) => p.filename)
        .filter(Boolean),
    ).toEqual([`${number}.xml`])

    const emlPath = path.join(out, 'x.eml')
    const eml = await cli(data, 'invoices', 'send', number, '--to', 'buyer@example.com', '--formats', 'xml', '--eml', emlPath)
    expect(eml.json).toMatchObject({ sent: false, eml: { file: emlPath } })
    expect(parseMime(fs.readFileSync(emlPath)).headers.get('to')).toBe('buyer@example.com')
    expect(smtp.messages).toHaveLength(1)
    expect((await cli(data, 'invoices', 'send', number, '--to', 'buyer@example.com', '--formats', 'xml,doc')).json.error).toMatchObject({
      message: '--formats 应为 pdf、ofd、xml 中的一个或几个（逗号分隔），现为“xml,doc”',
    })

    // several invoices in one message
    const { id: second } = (await cli(data, 'invoices', 'draft', 'create', '--file', draftFile)).json as { id: number }
    await cli(data, 'invoices', 'issue', String(second))
    expect((await cli(data, 'sync')).json).toMatchObject({ pushed: 1, error: null })
    const { number: number2 } = (await cli(data, 'invoices', 'show', String(second))).json as { number: string }
    const both = await cli(data, 'invoices', 'send', number, number2, '--to', 'buyer@example.com', '--formats', 'xml,pdf', '--eml', out)
    expect(both.json).toMatchObject({ sent: false, attachments: [`${number}.xml`, `${number}.pdf`, `${number2}.xml`, `${number2}.pdf`] })
    const bothFile = (both.json as { eml: { file: string } }).eml.file
    expect(path.basename(bothFile)).toBe(`发票2张-${number}等.eml`)
    expect(
      leaves(parseMime(fs.readFileSync(bothFile)))
        .map((p) => p.filename)
        .filter(Boolean),
    ).toHaveLength(4)
  })
})
