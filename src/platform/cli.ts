// `fapiao platform …`: the sandbox's admin commands (docs/cli.md). They open <DIR>/platform.db
// directly — also while `platform serve` runs on the same directory (WAL, busy timeout) — and
// need no client core. src/main/cli/index.ts hands `platform …` here.
import fs from 'node:fs'
import path from 'node:path'
import { regionName } from '../shared/domain/regions'
import { BOOKING_STATUSES, type BookingStatus, RED_STATUSES, type RedStatusCode } from '../shared/platform/red'
import { PlatformError, type PlatformIssue, toPlatformError } from './errors'
import { createPlatform, type Platform } from './platform'
import { startPlatformServer } from './server'

export type Flags = Record<string, string | boolean | undefined>

interface Command {
  help: string
  /** the result to print; undefined when the command printed its own output (serve) */
  run(args: string[], flags: Flags): Promise<unknown>
}

/** the environment variable that enables /admin/v1 on `platform serve` */
export const ADMIN_TOKEN_ENV = 'FAPIAO_PLATFORM_ADMIN_TOKEN'

const str = (flags: Flags, name: string): string | undefined => {
  const v = flags[name]
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
}

function need(flags: Flags, name: string, what: string): string {
  const v = str(flags, name)
  if (v === undefined) throw new PlatformError('VALIDATION', `缺少参数 --${name}（${what}）`, [{ path: name, message: `请填写${what}` }])
  return v
}

function withPlatform<T>(flags: Flags, work: (p: Platform) => T): T {
  const platform = createPlatform({ dataDir: path.resolve(need(flags, 'data', '平台数据目录')) })
  try {
    return work(platform)
  } finally {
    platform.close()
  }
}

function positiveInt(flags: Flags, name: string): number | undefined {
  const v = str(flags, name)
  if (v === undefined) return undefined
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1) throw new PlatformError('VALIDATION', `--${name} 应为正整数，现为“${v}”`)
  return Number(v)
}

async function serve(flags: Flags): Promise<undefined> {
  const port = flags.port === undefined ? 0 : Number(flags.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PlatformError('VALIDATION', `端口应为 0–65535，现为“${String(flags.port)}”`)
  const server = await startPlatformServer({
    dataDir: path.resolve(need(flags, 'data', '平台数据目录')),
    host: str(flags, 'host') ?? '127.0.0.1',
    port,
    adminToken: process.env[ADMIN_TOKEN_ENV] || undefined,
  })
  process.stdout.write(flags.json ? `${JSON.stringify({ url: server.url, port: server.port })}\n` : `FAPIAO_PLATFORM_URL=${server.url}\n`)
  process.stderr.write(`税务平台沙箱已启动：${server.url}（数据：${server.platform.file}），按 Ctrl+C 停止\n`)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await server.close()
  process.stderr.write('税务平台沙箱已停止\n')
  return undefined
}

const sandboxCommands: Record<string, Command> = {
  serve: {
    help: 'platform serve --data DIR [--host 127.0.0.1] [--port P]     启动税务平台沙箱（管理接口：设置环境变量 FAPIAO_PLATFORM_ADMIN_TOKEN）',
    run: (_a, flags) => serve(flags),
  },
  'taxpayer add': {
    help: 'platform taxpayer add --data DIR --tax-id T --name N --region R --password P [--quota AMOUNT]   注册纳税人（每月默认总额度）',
    run: async (_a, flags) =>
      withPlatform(flags, (p) => {
        const { taxpayer, created } = p.addTaxpayer({
          taxId: need(flags, 'tax-id', '纳税人识别号'),
          name: need(flags, 'name', '纳税人名称'),
          region: need(flags, 'region', '所在地区'),
          password: need(flags, 'password', '登录密码'),
          quota: str(flags, 'quota'),
        })
        return { ...taxpayer, regionName: regionName(taxpayer.region), created, quota: p.quota(taxpayer.taxId) }
      }),
  },
  'quota set': {
    help: 'platform quota set --data DIR --tax-id T --month YYYYMM --total AMOUNT   设置某月总额度',
    run: async (_a, flags) =>
      withPlatform(flags, (p) => p.setQuota(need(flags, 'tax-id', '纳税人识别号'), need(flags, 'month', '月份 YYYYMM'), need(flags, 'total', '总额度'))),
  },
  'quota show': {
    help: 'platform quota show --data DIR --tax-id T [--month YYYYMM]   查看授信额度（默认本月）',
    run: async (_a, flags) => withPlatform(flags, (p) => p.quota(need(flags, 'tax-id', '纳税人识别号'), str(flags, 'month'))),
  },
  'taxcodes import': {
    help: 'platform taxcodes import --data DIR FILE   导入商品和服务税收分类编码表（.csv 或 .xml），供客户端下载',
    run: async (args, flags) => {
      const file = args[0] ?? str(flags, 'file')
      if (!file) throw new PlatformError('VALIDATION', '缺少参数：编码表文件 FILE')
      const full = path.resolve(file)
      if (!fs.existsSync(full)) throw new PlatformError('NOT_FOUND', `文件不存在：${full}`)
      return withPlatform(flags, (p) => p.importTaxcodes(path.basename(full), fs.readFileSync(full)))
    },
  },
  'invoices list': {
    help: 'platform invoices list --data DIR --tax-id T [--role seller|buyer] [--month YYYYMM] [--page P --size S]   平台上的发票（默认销项、全部）',
    run: async (_a, flags) =>
      withPlatform(flags, (p) => {
        const role = str(flags, 'role') ?? 'seller'
        if (role !== 'seller' && role !== 'buyer') throw new PlatformError('VALIDATION', `--role 应为 seller（销项）或 buyer（进项），现为“${role}”`)
        const size = positiveInt(flags, 'size')
        const page = p.listInvoices(need(flags, 'tax-id', '纳税人识别号'), { role, month: str(flags, 'month'), page: positiveInt(flags, 'page'), size })
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
  },
}

function onOff(flags: Flags, name: string): boolean {
  const v = need(flags, name, 'on 或 off')
  if (v !== 'on' && v !== 'off') throw new PlatformError('VALIDATION', `--${name} 应为 on 或 off，现为“${v}”`)
  return v === 'on'
}

/** the 入账 status flag: one of BOOKING_STATUSES' codes */
function bookingStatus(flags: Flags): BookingStatus | undefined {
  const v = str(flags, 'status')
  if (v === undefined) return undefined
  const hit = BOOKING_STATUSES.find((b) => b.code === v)
  if (!hit) throw new PlatformError('VALIDATION', `--status 应为 ${BOOKING_STATUSES.map((b) => `${b.code}（${b.label}）`).join('、')}，现为“${v}”`)
  return hit.code
}

function redStatus(flags: Flags): RedStatusCode | undefined {
  const v = str(flags, 'status')
  if (v === undefined) return undefined
  const hit = RED_STATUSES.find((s) => s.code === v)
  if (!hit) throw new PlatformError('VALIDATION', `--status 应为 01–10 的红字确认单状态，现为“${v}”`)
  return hit.code
}

/** admin commands for 红字发票 and 入账 (issue 5): tests take both the API and these paths */
const redCommands: Record<string, Command> = {
  'invoice mark-booked': {
    help: 'platform invoice mark-booked --data DIR NUMBER [--status 02] [--period YYYYMM]   以购买方身份为发票入账（默认 02、发票所属月份）',
    run: async (args, flags) => {
      const number = args[0] ?? ''
      if (!/^\d{20}$/.test(number)) throw new PlatformError('VALIDATION', `缺少参数或格式不正确：发票号码 NUMBER（20 位数字），现为“${number}”`)
      return withPlatform(flags, (p) => p.markBooked(number, { status: bookingStatus(flags), period: str(flags, 'period') }))
    },
  },
  'settings set': {
    help: 'platform settings set --data DIR --confirm-issues on|off   确认即开票：同意红字确认单时立即开具红字发票（默认 on）',
    run: async (_a, flags) => withPlatform(flags, (p) => ({ confirmIssues: p.setConfirmIssues(onOff(flags, 'confirm-issues')) })),
  },
  'red list': {
    help: 'platform red list --data DIR --tax-id T [--role seller|buyer] [--status S] [--page P --size S]   查看纳税人的红字确认单',
    run: async (_a, flags) =>
      withPlatform(flags, (p) => {
        const role = str(flags, 'role')
        if (role !== undefined && role !== 'seller' && role !== 'buyer') throw new PlatformError('VALIDATION', `--role 应为 seller 或 buyer，现为“${role}”`)
        const page = p.listRedConfirmations(need(flags, 'tax-id', '纳税人识别号'), {
          role,
          status: redStatus(flags),
          page: positiveInt(flags, 'page'),
          size: positiveInt(flags, 'size'),
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
  },
}
export const platformCommands: Record<string, Command> = { ...sandboxCommands, ...redCommands }

export function platformUsage(): string {
  return `税务平台沙箱命令：\n${Object.values(platformCommands)
    .map((c) => `  ${c.help}`)
    .join('\n')}\n`
}

export function platformErrorBody(e: unknown): { code: string; message: string; issues?: PlatformIssue[] } {
  return toPlatformError(e).toBody().error
}

/**
 * Runs `platform <words…>`; returns the exit code. With --json exactly one JSON document goes to
 * stdout (the result, or {"error":{code,message}} with exit 1); else `print` shows the result.
 */
export async function runPlatformCli(words: string[], flags: Flags, print: (result: unknown) => void): Promise<number> {
  const two = words.slice(0, 2).join(' ')
  const [command, args] = platformCommands[two] ? [platformCommands[two], words.slice(2)] : [platformCommands[words[0] ?? ''], words.slice(1)]
  if (flags.help || !command) {
    process.stdout.write(platformUsage())
    return flags.help ? 0 : 2
  }
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
