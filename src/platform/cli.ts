// `fapiao platform …`: the sandbox's admin commands (docs/cli.md). They open <DIR>/platform.db
// directly — also while `platform serve` runs on the same directory (WAL, busy timeout) — and
// need no client core. Each declares its arguments and options (src/shared/cli.ts);
// src/main/cli checks a command line against them and hands `platform …` here.
import fs from 'node:fs'
import path from 'node:path'
import type { CliArg, CliCommandSpec, CliOption, CliOptions, CliRawValues, CliValues } from '../shared/cli'
import { regionName } from '../shared/domain/regions'
import { parseTaxpayerType, TAXPAYER_TYPES } from '../shared/domain/taxpayerType'
import { RED_STATUSES, type RedStatusCode } from '../shared/platform/red'
import { BOOKING_STATUSES, type BookingStatus, USE_STATUSES } from '../shared/platform/booking'
import { PlatformError, type PlatformIssue, toPlatformError } from './errors'
import type { Platform } from './platform'

type Flags = CliRawValues

export interface PlatformCommand extends CliCommandSpec {
  /** the result to print; undefined when the command printed its own output (serve) */
  run(args: string[], flags: Flags): Promise<unknown>
}

/** the options every `platform …` command takes */
export const PLATFORM_GLOBAL_OPTIONS = {
  data: { value: 'DIR', description: '平台数据目录（其中的 platform.db）', descriptionEn: "the platform's data folder (its platform.db)", required: true },
  json: {
    type: 'boolean',
    description: '只输出一个 JSON 文档；失败时输出 {"error":{…}} 并以非零状态退出',
    descriptionEn: 'print one JSON document; a failure prints {"error":{…}} and exits non-zero',
  },
  help: { type: 'boolean', description: '显示用法（写在命令后：该命令的参数和选项）', descriptionEn: 'usage (after a command: its arguments, options and examples)' },
} as const satisfies CliOptions

type GlobalValues = CliValues<typeof PLATFORM_GLOBAL_OPTIONS>

/** A command whose run sees exactly the options it declares and the global ones, typed. */
function command<const O extends CliOptions = Record<never, CliOption>>(
  c: CliCommandSpec & { options?: O; run(args: string[], o: CliValues<O> & GlobalValues): Promise<unknown> },
): PlatformCommand {
  return c as unknown as PlatformCommand
}

const TAX_ID = {
  value: '纳税人识别号',
  description: '统一社会信用代码（18 位）',
  descriptionEn: 'tax ID (纳税人识别号): the 18-character unified social credit code',
  required: true,
} as const
const PAGE = { value: 'P', description: '页码', descriptionEn: 'page number', positive: true } as const
const SIZE = { value: 'S', description: '每页条数', descriptionEn: 'rows per page', positive: true } as const
const ROLE = { choices: ['seller', 'buyer'], description: 'seller 销项、buyer 进项', descriptionEn: 'seller: issued, buyer: received' } as const

/** the environment variable that enables /admin/v1 on `platform serve` */
export const ADMIN_TOKEN_ENV = 'FAPIAO_PLATFORM_ADMIN_TOKEN'

/** a value as typed, blank as absent */
const str = (v: string | undefined): string | undefined => (v !== undefined && v.trim() !== '' ? v.trim() : undefined)

/** the store is loaded when a command runs, not to parse a command line or show help */
async function withPlatform<T>(data: string, work: (p: Platform) => T): Promise<T> {
  const { createPlatform } = await import('./platform')
  const platform = createPlatform({ dataDir: path.resolve(data) })
  try {
    return work(platform)
  } finally {
    platform.close()
  }
}

const positiveInt = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v))

async function serve(o: { data: string; host?: string; port?: string; json: boolean }): Promise<undefined> {
  const port = o.port === undefined ? 0 : Number(o.port)
  if (!/^\d{1,5}$/.test(o.port ?? '0') || port > 65535) throw new PlatformError('VALIDATION', `端口应为 0–65535，现为“${String(o.port)}”`)
  const { startPlatformServer } = await import('./server')
  const server = await startPlatformServer({
    dataDir: path.resolve(o.data),
    host: str(o.host) ?? '127.0.0.1',
    port,
    adminToken: process.env[ADMIN_TOKEN_ENV] || undefined,
  })
  process.stdout.write(o.json ? `${JSON.stringify({ url: server.url, port: server.port })}\n` : `FAPIAO_PLATFORM_URL=${server.url}\n`)
  process.stderr.write(`税务平台沙箱已启动：${server.url}（数据：${server.platform.file}），按 Ctrl+C 停止\n`)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await server.close()
  process.stderr.write('税务平台沙箱已停止\n')
  return undefined
}

const sandboxCommands: Record<string, PlatformCommand> = {
  'platform serve': command({
    summary: '启动税务平台沙箱，直到 Ctrl+C（管理接口：设置环境变量 FAPIAO_PLATFORM_ADMIN_TOKEN）',
    summaryEn: 'Run the tax platform sandbox until Ctrl+C (admin API: set FAPIAO_PLATFORM_ADMIN_TOKEN)',
    examples: [{ line: 'platform serve --data ./sandbox --port 8600', zh: '在 8600 端口启动沙箱', en: 'run the sandbox on port 8600' }],
    options: {
      host: { value: '地址', description: '监听地址（默认 127.0.0.1）', descriptionEn: 'address to listen on (default 127.0.0.1)' },
      port: { value: '端口', description: '监听端口（默认 0：任选一个空闲端口）', descriptionEn: 'port to listen on (default 0: any free port)' },
    },
    run: (_a, o) => serve(o),
  }),
  'platform taxpayer add': command({
    summary: '注册纳税人（每月默认总额度）',
    summaryEn: 'Register a taxpayer (with a default monthly quota)',
    examples: [
      {
        line: 'platform taxpayer add --data ./sandbox --tax-id 91440300MA5G0X1U23 --name 深圳市星河数据科技有限公司 --region 44 --password 123456',
        zh: '在沙箱中注册一个纳税人',
        en: 'register a taxpayer on the sandbox',
      },
    ],
    options: {
      'tax-id': TAX_ID,
      name: { value: '名称', description: '纳税人名称', descriptionEn: 'taxpayer name', required: true },
      region: { value: '地区', description: '所在地区：代码（44）或名称（广东）', descriptionEn: 'region: code (44) or name (广东)', required: true },
      password: { value: '密码', description: '登录密码', descriptionEn: 'login password', required: true },
      quota: { value: '金额', description: '每月默认总额度（默认 1000000.00）', descriptionEn: 'default monthly total quota (default 1000000.00)' },
      type: { value: '纳税人类型', description: '纳税人类型（默认 一般纳税人）', descriptionEn: 'taxpayer type (default 一般纳税人)', choices: TAXPAYER_TYPES },
    },
    run: async (_a, o) =>
      withPlatform(o.data, (p) => {
        const taxpayerType = parseTaxpayerType(o.type ?? '') ?? undefined
        const { taxpayer, created } = p.addTaxpayer({
          taxId: o['tax-id'].trim(),
          name: o.name.trim(),
          region: o.region.trim(),
          password: o.password.trim(),
          quota: str(o.quota),
          taxpayerType,
        })
        const { taxpayerType: type, rates } = p.me(taxpayer.taxId)
        return { ...taxpayer, regionName: regionName(taxpayer.region), taxpayerType: type, rates, created, quota: p.quota(taxpayer.taxId) }
      }),
  }),
  'platform taxpayer set': command({
    summary: '修改纳税人类型和可用税率/征收率（客户端下次同步时得知）',
    summaryEn: "Change a taxpayer's type and rates (the client learns it at its next sync)",
    examples: [
      {
        line: 'platform taxpayer set --data ./sandbox --tax-id 91440300MA5G0X1U23 --type 小规模纳税人 --rates 3%,1%',
        zh: '改为小规模纳税人，可用 3% 和 1%',
        en: 'make it a small-scale taxpayer with the 3% and 1% rates',
      },
    ],
    options: {
      'tax-id': TAX_ID,
      type: {
        value: '纳税人类型',
        description: '纳税人类型；改类型而不给 --rates 时，可用该类型的全部税率',
        descriptionEn: "taxpayer type; changing it without --rates allows all of the type's rates",
        choices: TAXPAYER_TYPES,
      },
      rates: {
        value: '税率列表',
        description: '可用的税率/征收率，如 "3%,1%,免税"；空字符串表示该类型的全部',
        descriptionEn: "the allowed tax or levy rates (e.g. 3%,1%,免税); an empty string means all of the type's",
      },
    },
    run: async (_a, o) => withPlatform(o.data, (p) => ({ taxId: o['tax-id'].trim(), ...p.setQualification(o['tax-id'].trim(), { type: o.type, rates: o.rates }) })),
  }),
  'platform quota set': command({
    summary: '设置某月总额度',
    summaryEn: "Set a month's total quota",
    examples: [
      {
        line: 'platform quota set --data ./sandbox --tax-id 91440300MA5G0X1U23 --month 202611 --total 500000',
        zh: '把 2026 年 11 月的总额度设为 50 万元',
        en: "set November 2026's quota to 500,000 yuan",
      },
    ],
    options: {
      'tax-id': TAX_ID,
      month: { value: 'YYYYMM', description: '月份', descriptionEn: 'month', required: true },
      total: { value: '金额', description: '总额度', descriptionEn: 'total quota', required: true },
    },
    run: async (_a, o) => withPlatform(o.data, (p) => p.setQuota(o['tax-id'].trim(), o.month.trim(), o.total.trim())),
  }),
  'platform quota show': command({
    summary: '查看授信额度（默认本月）',
    summaryEn: 'Show the credit quota (this month by default)',
    examples: [{ line: 'platform quota show --data ./sandbox --tax-id 91440300MA5G0X1U23', zh: '查看本月额度', en: "show this month's quota" }],
    options: { 'tax-id': TAX_ID, month: { value: 'YYYYMM', description: '月份（默认本月）', descriptionEn: 'month (default: this month)' } },
    run: async (_a, o) => withPlatform(o.data, (p) => p.quota(o['tax-id'].trim(), str(o.month))),
  }),
  'platform taxcodes import': command({
    summary: '导入商品和服务税收分类编码表（.csv 或 .xml），供客户端下载',
    summaryEn: 'Import the tax classification code table (.csv or .xml) for clients to download',
    examples: [{ line: 'platform taxcodes import 编码表.xml --data ./sandbox', zh: '导入编码表', en: 'import the code table' }],
    args: [{ name: 'FILE', description: '编码表文件（.csv 或 .xml）', descriptionEn: 'the tax code table file (.csv or .xml)' }],
    run: async ([file], o) => {
      const full = path.resolve(file!)
      if (!fs.existsSync(full)) throw new PlatformError('NOT_FOUND', `文件不存在：${full}`)
      return withPlatform(o.data, (p) => p.importTaxcodes(path.basename(full), fs.readFileSync(full)))
    },
  }),
  'platform invoices list': command({
    summary: '平台上的发票（默认销项、全部）',
    summaryEn: 'The invoices on the platform (sales, all by default)',
    examples: [
      {
        line: 'platform invoices list --data ./sandbox --tax-id 91440300MA5G0X1U23 --role buyer --month 202611',
        zh: '该纳税人 2026 年 11 月收到的发票',
        en: 'the invoices the taxpayer received in November 2026',
      },
    ],
    options: {
      'tax-id': TAX_ID,
      role: { ...ROLE, description: 'seller 销项（默认）、buyer 进项', descriptionEn: 'seller: issued (default), buyer: received' },
      month: { value: 'YYYYMM', description: '开票月份', descriptionEn: 'month of issue' },
      page: PAGE,
      size: SIZE,
    },
    run: async (_a, o) =>
      withPlatform(o.data, (p) => {
        const role = o.role === 'buyer' ? 'buyer' : 'seller'
        const page = p.listInvoices(o['tax-id'].trim(), { role, month: str(o.month), page: positiveInt(o.page), size: positiveInt(o.size) })
        return {
          total: page.total,
          rows: page.rows.map((i) => ({
            number: i.number,
            kind: i.kind,
            issuedAt: i.issuedAt,
            sellerTaxId: i.seller.taxId,
            buyerTaxId: i.buyer.taxId,
            buyerName: i.buyer.name,
            amount: i.amount,
            tax: i.tax,
            total: i.total,
            redStatus: i.redStatus,
            clientRef: i.clientRef,
          })),
        }
      }),
  }),
}

const NUMBER: CliArg = { name: 'NUMBER', description: '20 位发票号码', descriptionEn: '20-digit invoice number' }

/** admin commands for 红字发票 and 入账 (issue 5): tests take both the API and these paths */
const redCommands: Record<string, PlatformCommand> = {
  'platform invoice mark-booked': command({
    summary: '以购买方身份为发票入账（默认 02、发票所属月份）',
    summaryEn: "Book an invoice as its buyer (02 and the invoice's month by default)",
    examples: [{ line: 'platform invoice mark-booked 26442000000000000001 --data ./sandbox', zh: '以购买方身份为发票入账', en: 'book the invoice as its buyer' }],
    args: [NUMBER],
    options: {
      status: {
        value: '01…06',
        choices: BOOKING_STATUSES.map((b) => b.code),
        description: `入账状态：${BOOKING_STATUSES.map((b) => `${b.code} ${b.label}`).join('、')}`,
        descriptionEn: 'booking status (入账状态): 01 not booked, 02–05 booked (02 and 03 for corporate, 04 and 05 for individual income tax), 06 booking undone',
      },
      period: { value: 'YYYYMM', description: '入账所属期（默认发票所属月份）', descriptionEn: "booking period (default: the invoice's month)" },
    },
    run: async ([number], o) => {
      if (!/^\d{20}$/.test(number!)) throw new PlatformError('VALIDATION', `发票号码 NUMBER 应为 20 位数字，现为“${number}”`)
      return withPlatform(o.data, (p) => p.markBooked(number!, { status: o.status as BookingStatus | undefined, period: str(o.period) }))
    },
  }),
  'platform invoice confirm-use': command({
    summary: '以购买方身份对收到的专票用途确认：抵扣（--deduct）或不抵扣（--no-deduct）',
    summaryEn: "As the buyer, confirm a special invoice's use: --deduct or --no-deduct",
    examples: [{ line: 'platform invoice confirm-use 26442000000000000001 --data ./sandbox --no-deduct', zh: '确认不抵扣', en: 'confirm it is not deducted' }],
    args: [NUMBER],
    options: {
      deduct: { type: 'boolean', description: '用途：抵扣', descriptionEn: 'use: deduct (抵扣)' },
      'no-deduct': { type: 'boolean', description: '用途：不抵扣', descriptionEn: 'use: do not deduct (不抵扣)' },
    },
    run: async ([number], o) => {
      if (!/^\d{20}$/.test(number!)) throw new PlatformError('VALIDATION', `发票号码 NUMBER 应为 20 位数字，现为“${number}”`)
      if (o.deduct === o['no-deduct']) throw new PlatformError('VALIDATION', '请写明用途：--deduct（抵扣）或 --no-deduct（不抵扣），二选一')
      return withPlatform(o.data, (p) => {
        const row = p.markUse(number!, o.deduct ? 'deduct' : 'no-deduct')
        return { number: row.number, use: row.use, useLabel: USE_STATUSES.find((u) => u.code === row.use)!.label }
      })
    },
  }),
  'platform settings set': command({
    summary: '确认即开票：同意红字确认单时立即开具红字发票（默认 on）',
    summaryEn: 'Issue on confirmation: agreeing to a red confirmation issues the red invoice at once (on by default)',
    examples: [{ line: 'platform settings set --data ./sandbox --confirm-issues off', zh: '关闭确认即开票', en: 'turn issue-on-confirmation off' }],
    options: {
      'confirm-issues': { choices: ['on', 'off'], description: '确认即开票开（on）或关（off）', descriptionEn: 'issue on confirmation (确认即开): on or off', required: true },
    },
    run: async (_a, o) => withPlatform(o.data, (p) => ({ confirmIssues: p.setConfirmIssues(o['confirm-issues'] === 'on') })),
  }),
  'platform red list': command({
    summary: '查看纳税人的红字确认单',
    summaryEn: "A taxpayer's red-letter confirmations",
    examples: [{ line: 'platform red list --data ./sandbox --tax-id 91440300MA5G0X1U23 --role seller', zh: '作为销方的确认单', en: 'the confirmations where it is the seller' }],
    options: {
      'tax-id': TAX_ID,
      role: { ...ROLE, description: 'seller 销方、buyer 购方（默认两方都看）', descriptionEn: 'seller or buyer side (default: both)' },
      status: { value: '01…10', choices: RED_STATUSES.map((s) => s.code), description: '确认单状态', descriptionEn: 'confirmation status' },
      page: PAGE,
      size: SIZE,
    },
    run: async (_a, o) =>
      withPlatform(o.data, (p) => {
        const page = p.listRedConfirmations(o['tax-id'].trim(), {
          role: o.role as 'seller' | 'buyer' | undefined,
          status: o.status as RedStatusCode | undefined,
          page: positiveInt(o.page),
          size: positiveInt(o.size),
        })
        return {
          total: page.total,
          rows: page.rows.map((f) => ({
            number: f.number,
            status: f.status,
            blueNumber: f.blueNumber,
            reason: f.reason,
            initiator: f.initiator,
            sellerTaxId: f.seller.taxId,
            buyerTaxId: f.buyer.taxId,
            amount: f.amount,
            tax: f.tax,
            createdAt: f.createdAt,
            deadline: f.deadline,
            redInvoiceNumber: f.redInvoiceNumber,
          })),
        }
      }),
  }),
}
export const platformCommands: Record<string, PlatformCommand> = { ...sandboxCommands, ...redCommands }

export function platformErrorBody(e: unknown): { code: string; message: string; issues?: PlatformIssue[] } {
  return toPlatformError(e).toBody().error
}

/**
 * Runs a `platform …` command whose command line was checked against its declaration; returns the
 * exit code. With --json exactly one JSON document goes to stdout (the result, or
 * {"error":{code,message}} with exit 1); else `print` shows the result.
 */
export async function runPlatformCli(command: PlatformCommand, args: string[], flags: Flags, print: (result: unknown) => void): Promise<number> {
  try {
    const result = await command.run(args, flags)
    if (result !== undefined) {
      if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`)
      else print(result)
    }
    return 0
  } catch (e) {
    const error = platformErrorBody(e)
    if (flags.json) process.stdout.write(`${JSON.stringify({ error })}\n`)
    else process.stderr.write(`错误（${error.code}）：${error.message}\n`)
    if (error.code === 'INTERNAL') process.stderr.write(`${(e as Error).stack ?? ''}\n`)
    return 1
  }
}
