// 发票交付 on the command line: one file of an invoice, one or several invoices in one e-mail (or as
// .eml), and the SMTP settings with their 测试 (docs/cli.md).
import { AppError } from '../../core/errors'
import { DELIVERY_FORMATS, type DeliveryFormat } from '../../../shared/api/delivery'
import type { InvoiceRef } from '../../../shared/api/invoiceRef'
import { command, type Command } from '../command'
import { saveTo } from '../files'

const NUMBER = { name: 'NUMBER', description: '20 位发票号码（或销项发票的本地编号）', descriptionEn: '20-digit invoice number (or the local ID of an issued invoice)' }

function refOf(text: string): InvoiceRef {
  if (/^\d{20}$/.test(text)) return { number: text }
  if (/^[1-9]\d{0,9}$/.test(text)) return { id: Number(text) }
  throw new AppError('VALIDATION', `发票应为 20 位发票号码或本地编号，现为“${text}”`, { issues: [{ path: 'ref', message: '发票号码应为 20 位数字' }] })
}

function formatsOf(text: string | undefined): DeliveryFormat[] | undefined {
  if (text === undefined) return undefined
  const list = text
    .split(/[,，\s]+/)
    .filter((f) => f !== '')
    .map((f) => f.toLowerCase())
  const bad = list.filter((f) => !(DELIVERY_FORMATS as readonly string[]).includes(f))
  if (bad.length > 0 || list.length === 0)
    throw new AppError('VALIDATION', `--formats 应为 pdf、ofd、xml 中的一个或几个（逗号分隔），现为“${text}”`, { issues: [{ path: 'formats', message: '文件格式不正确' }] })
  return list as DeliveryFormat[]
}

export const deliveryCommands: Record<string, Command> = {
  'invoices file': command({
    summary: '取得一张发票的 PDF / OFD / XML 文件（已开具：税务平台的文件；无法连接平台时为本地副本）',
    summaryEn: "An invoice's PDF / OFD / XML file (issued: the platform's file; offline: the local copy)",
    examples: [{ line: 'invoices file 26442000000000000001 --format pdf --out 发票.pdf', zh: '保存一张发票的 PDF', en: "save an invoice's PDF" }],
    args: [NUMBER],
    options: {
      format: { value: 'pdf|ofd|xml', description: '文件格式', descriptionEn: 'file format', required: true, choices: DELIVERY_FORMATS },
      out: {
        value: 'PATH',
        description: '写到哪个文件或文件夹（缺省：当前文件夹，文件名为 <发票号码>.<格式>）',
        descriptionEn: 'file or folder to write to (default: the current folder, as <number>.<format>)',
      },
    },
    async run(core, [ref], o) {
      const file = await core.call('invoices.file', { ref: refOf(ref!), format: o.format as DeliveryFormat })
      const { token: _t, ...rest } = file
      return { ...rest, file: saveTo(core, file, o.out ?? '.') }
    },
  }),
  'invoices send': command({
    summary: '把一张或几张发票的文件放在一封邮件里发送给购买方（系统设置 › 邮件设置），或用 --eml 保存为 .eml 邮件文件',
    summaryEn: 'Mail the files of one or more invoices to the buyer in one message (系统设置 › 邮件设置), or save it as an .eml file',
    examples: [
      { line: 'invoices send 26442000000000000001 --to buyer@example.cn', zh: '把发票的 PDF 等文件发送给购买方', en: "mail the invoice's files to the buyer" },
      {
        line: 'invoices send 26442000000000000001 --to buyer@example.cn --formats pdf --eml 发票.eml',
        zh: '只保存为 .eml 邮件文件，不发送',
        en: 'save the message as an .eml file instead of sending it',
      },
    ],
    args: [
      {
        ...NUMBER,
        variadic: true,
        description: '20 位发票号码（或销项发票的本地编号），可写多个（一封邮件最多 100 张）',
        descriptionEn: '20-digit invoice numbers (or local IDs of issued invoices), one or more (at most 100 in one email)',
      },
    ],
    options: {
      to: { value: 'ADDRESS', description: '收件人邮箱（多个用逗号分隔）', descriptionEn: 'recipient email addresses (comma-separated)', required: true },
      formats: { value: 'pdf,ofd,xml', description: '附哪些文件（缺省 pdf,ofd）', descriptionEn: 'which files to attach (default pdf,ofd)' },
      eml: { value: 'PATH', description: '不发送，写成 .eml 文件（文件或文件夹）', descriptionEn: 'do not send; write an .eml file instead (a file or a folder)' },
    },
    async run(core, refs, o) {
      const r = await core.call('invoices.send', { refs: refs.map(refOf), to: o.to, formats: formatsOf(o.formats), eml: o.eml !== undefined })
      if (r.sent) return r
      const { token: _t, ...eml } = r.eml
      return { ...r, eml: { ...eml, file: saveTo(core, r.eml, o.eml!) } }
    },
  }),
  'settings mail': command({
    summary: '设置发送发票的邮箱（SMTP）；不带选项时显示当前设置，--test 测试连接和登录',
    summaryEn: 'Set the mailbox (SMTP) that sends invoices; without options shows the settings, --test tests the connection and login',
    examples: [
      {
        line: 'settings mail --host smtp.qq.com --port 465 --secure yes --user 123456@qq.com --password 授权码 --from 123456@qq.com',
        zh: '设置 QQ 邮箱（密码处填授权码）',
        en: 'use a QQ mailbox (the password is its authorisation code)',
      },
      { line: 'settings mail --test', zh: '测试连接和登录', en: 'test the connection and the login' },
    ],
    options: {
      host: { value: 'HOST', description: 'SMTP 服务器地址，例如 smtp.qq.com', descriptionEn: 'SMTP server, e.g. smtp.qq.com' },
      port: { value: 'PORT', description: '端口（465：SSL/TLS；25 或 587：STARTTLS）', descriptionEn: 'port (465: SSL/TLS; 25 or 587: STARTTLS)', positive: true },
      secure: {
        value: 'yes|no',
        description: '是否一开始就使用 SSL/TLS（465 端口为 yes）',
        descriptionEn: 'use SSL/TLS from the start (yes for port 465)',
        choices: ['yes', 'no'],
      },
      user: { value: 'USER', description: '登录用户名（一般为邮箱地址）', descriptionEn: 'login user name (usually the email address)' },
      password: {
        value: 'PASSWORD',
        description: '密码或授权码（QQ、163 等邮箱为授权码）',
        descriptionEn: 'password or authorisation code (QQ, 163 and similar mailboxes need the code)',
      },
      from: { value: 'ADDRESS', description: '发件人邮箱', descriptionEn: 'sender email address' },
      'from-name': { value: 'NAME', description: '发件人名称（缺省：销售方名称）', descriptionEn: "sender name (default: the seller's name)" },
      test: {
        type: 'boolean',
        description: '用已保存的设置（及本次给出的选项）连接并登录，不保存、不发送',
        descriptionEn: 'connect and log in with the saved settings (and the options given); saves and sends nothing',
      },
    },
    async run(core, _a, o) {
      const given = {
        ...(o.host !== undefined ? { host: o.host } : {}),
        ...(o.port !== undefined ? { port: Number(o.port) } : {}),
        ...(o.secure !== undefined ? { secure: o.secure === 'yes' } : {}),
        ...(o.user !== undefined ? { user: o.user } : {}),
        ...(o.password !== undefined ? { password: o.password } : {}),
        ...(o.from !== undefined ? { fromAddress: o.from } : {}),
        ...(o['from-name'] !== undefined ? { fromName: o['from-name'] } : {}),
      }
      if (o.test) return core.call('settings.mail.test', given)
      const current = await core.call('settings.mail.get', {})
      if (Object.keys(given).length === 0) return current
      const { hasPassword: _h, passwordProtection: _p, configured: _c, ...saved } = current
      return core.call('settings.mail.set', { ...saved, ...given })
    },
  }),
}
