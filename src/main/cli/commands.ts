// The CLI's commands: each maps its words and flags onto one or more core calls.
import fs from 'node:fs'
import path from 'node:path'
import type { Core } from '../core/app'
import { AppError } from '../core/errors'
import type { CallName, Input } from '../../shared/api'
import type { FileRef } from '../../shared/api/define'
import { parseRegion } from '../../shared/domain/regions'

export type Flags = Record<string, string | boolean | undefined>

interface Command {
  help: string
  run(core: Core, args: string[], flags: Flags): Promise<unknown>
}

const str = (flags: Flags, name: string): string | undefined => {
  const v = flags[name]
  return typeof v === 'string' ? v : undefined
}

function need(args: string[], what: string): string {
  const v = args[0]
  if (!v) throw new AppError('VALIDATION', `缺少参数：${what}`)
  return v
}

/** Copies a core-produced file to where the user asked for it. */
function saveTo(core: Core, file: FileRef, target: string): string {
  const dest = path.resolve(target)
  fs.mkdirSync(path.dirname(dest), { recursive: true })
  fs.copyFileSync(core.files.resolve(file.token).path, dest)
  return dest
}

function inputFile(core: Core, file: string): string {
  const p = path.resolve(file)
  if (!fs.existsSync(p)) throw new AppError('NOT_FOUND', `文件不存在：${p}`)
  return core.files.register(p).token
}

function paging(flags: Flags) {
  return { query: str(flags, 'query'), page: str(flags, 'page') ?? 1, size: str(flags, 'size') ?? 20 }
}

/** The four spreadsheet commands items and customers share. */
function tableCommands(entity: 'items' | 'customers', label: string): Record<string, Command> {
  const call = <N extends CallName>(core: Core, name: N, input: Input<N>) => core.call(name, input)
  return {
    [`${entity} list`]: {
      help: `${entity} list [--query Q] [--page P] [--size S]    查询${label}`,
      run: (core, _a, flags) => call(core, `${entity}.list`, paging(flags) as Input<`${typeof entity}.list`>),
    },
    [`${entity} import`]: {
      help: `${entity} import FILE                             导入${label}（.xlsx / .xls / .csv）`,
      async run(core, args) {
        const file = need(args, 'FILE')
        const r = await call(core, `${entity}.import`, { file: inputFile(core, file) })
        const { errorReport, ...rest } = r
        if (!errorReport) return rest
        const report = path.join(path.dirname(path.resolve(file)), `${path.parse(file).name}-错误报告.xlsx`)
        return { ...rest, errorReport: saveTo(core, errorReport, report) }
      },
    },
    [`${entity} template`]: {
      help: `${entity} template FILE                           下载${label}导入模板`,
      async run(core, args) {
        const target = need(args, 'FILE')
        return { file: saveTo(core, await call(core, `${entity}.template`, {}), target) }
      },
    },
    [`${entity} export`]: {
      help: `${entity} export FILE [--query Q]                 导出${label}（全部页）`,
      async run(core, args, flags) {
        const target = need(args, 'FILE')
        const r = await call(core, `${entity}.export`, { query: str(flags, 'query') })
        return { file: saveTo(core, r.file, target), count: r.count }
      },
    },
  }
}

/** Names → ids for the commands that take names (extras delete, scenes add/delete). */
async function idsByName(core: Core, list: 'extras.list' | 'scenes.list', names: string[], label: string): Promise<number[]> {
  const { rows } = await core.call(list, {})
  return names.map((n) => {
    const hit = rows.find((r) => r.name === n)
    if (!hit) throw new AppError('NOT_FOUND', `没有名为“${n}”的${label}`)
    return hit.id
  })
}

const splitList = (s: string | undefined) =>
  (s ?? '')
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter(Boolean)

function draftFile(args: string[]): unknown {
  const file = path.resolve(need(args, 'FILE'))
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `文件不存在：${file}`)
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    throw new AppError('VALIDATION', `草稿文件不是有效的 JSON：${(e as Error).message}`)
  }
}

function invoiceId(args: string[]): number {
  const id = Number(need(args, 'ID'))
  if (!Number.isInteger(id) || id <= 0) throw new AppError('VALIDATION', `发票编号应为正整数：${args[0]}`)
  return id
}

const RED_STATUS_LABELS = { normal: '正常', 'partly-reversed': '部分红冲', 'fully-reversed': '全额红冲' } as const

/** a 红字确认单 by its local id or its 20-character 确认单编号 (the number both parties know) */
async function redFormId(core: Core, args: string[]): Promise<number> {
  const ref = need(args, 'ID 或 确认单编号')
  if (/^\d{20}$/.test(ref)) return (await core.call('red.get', { number: ref })).id
  const id = Number(ref)
  if (!Number.isInteger(id) || id <= 0) throw new AppError('VALIDATION', `确认单应为本地编号或 20 位确认单编号：${ref}`)
  return id
}

function redLinesFile(file: string | undefined): unknown {
  if (!file) return undefined
  const p = path.resolve(file)
  if (!fs.existsSync(p)) throw new AppError('NOT_FOUND', `文件不存在：${p}`)
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8'))
  } catch (e) {
    throw new AppError('VALIDATION', `红字明细文件不是有效的 JSON：${(e as Error).message}`)
  }
}

const redCommands: Record<string, Command> = {
  'red create': {
    help: 'red create --blue 发票号码 --reason 01|02|03|04 --as seller|buyer [--lines FILE.json]   录入红字确认单',
    run: (core, _a, flags) =>
      core.call('red.create', {
        blueNumber: str(flags, 'blue') ?? '',
        reason: str(flags, 'reason') as Input<'red.create'>['reason'],
        as: str(flags, 'as') as Input<'red.create'>['as'],
        lines: redLinesFile(str(flags, 'lines')) as Input<'red.create'>['lines'],
      }),
  },
  'red list': {
    help: 'red list [--status 01…10] [--blue 发票号码] [--page P] [--size S]   红字确认单列表',
    run: (core, _a, flags) =>
      core.call('red.list', { status: str(flags, 'status') as Input<'red.list'>['status'], blueNumber: str(flags, 'blue'), page: str(flags, 'page') ?? 1, size: str(flags, 'size') ?? 20 }),
  },
  'red show': { help: 'red show ID|确认单编号                            红字确认单详情', run: async (core, args) => core.call('red.get', { id: await redFormId(core, args) }) },
  'red decide': {
    help: 'red decide ID|确认单编号 agree|reject [--opinion 意见]   同意或拒绝对方录入的确认单',
    async run(core, args, flags) {
      const choice = args[1]
      if (choice !== 'agree' && choice !== 'reject') throw new AppError('VALIDATION', '请写 agree（同意）或 reject（拒绝）')
      return core.call('red.decide', { id: await redFormId(core, args), agree: choice === 'agree', opinion: str(flags, 'opinion') ?? '' })
    },
  },
  'red withdraw': { help: 'red withdraw ID|确认单编号                        撤销', run: async (core, args) => core.call('red.withdraw', { id: await redFormId(core, args) }) },
  'red issue': { help: 'red issue ID|确认单编号                           开具红字发票（确认即开票关闭时）', run: async (core, args) => core.call('red.issue', { id: await redFormId(core, args) }) },
}

export const commands: Record<string, Command> = {
  ...redCommands,
  'company add': {
    help: 'company add --name N --tax-id T [--region R] [--address A] [--phone P] [--bank B] [--account C] [--operator O]',
    run: (core, _a, flags) =>
      core.call('companies.create', {
        name: str(flags, 'name') ?? '',
        taxId: str(flags, 'tax-id') ?? '',
        // the region may be typed as 广东 / 广东省 / 44; an unknown one reaches validation as typed
        region: (parseRegion(str(flags, 'region') ?? '') ?? str(flags, 'region') ?? '') as Input<'companies.create'>['region'],
        address: str(flags, 'address'),
        phone: str(flags, 'phone'),
        bank: str(flags, 'bank'),
        account: str(flags, 'account'),
        operator: str(flags, 'operator') ?? '',
      }),
  },
  'company list': {
    help: 'company list                                       列出企业',
    async run(core) {
      const rows = await core.call('companies.list', {})
      return { total: rows.length, rows }
    },
  },
  'taxcodes info': {
    help: 'taxcodes info                                      当前使用的税收分类编码表：版本、来源、条数',
    run: (core) => core.call('taxcodes.info', {}),
  },
  'taxcodes import': {
    help: 'taxcodes import FILE                               导入税收分类编码表（CSV 或 XML）',
    run: async (core, args) => core.call('taxcodes.import', { file: inputFile(core, need(args, 'FILE')) }),
  },
  'taxcodes search': {
    help: 'taxcodes search TEXT [--top N]                     搜索税收分类编码',
    run: (core, args, flags) => core.call('taxcodes.search', { text: need(args, 'TEXT'), top: str(flags, 'top') ?? 20 }),
  },
  'taxcodes match': {
    help: 'taxcodes match NAME [--top N]                      智能匹配：按项目名称推荐税收分类编码',
    run: (core, args, flags) => core.call('taxcodes.match', { name: need(args, 'NAME'), top: str(flags, 'top') ?? 10 }),
  },
  ...tableCommands('items', '项目'),
  ...tableCommands('customers', '客户'),
  'extras add': {
    help: 'extras add --name N --type 文本|数值|日期            新增附加要素',
    run: (core, _a, flags) =>
      core.call('extras.create', { name: str(flags, 'name') ?? '', dataType: (str(flags, 'type') ?? '') as '文本' }),
  },
  'extras list': { help: 'extras list                                        列出附加要素', run: (core) => core.call('extras.list', {}) },
  'extras delete': {
    help: 'extras delete NAME…                                删除附加要素',
    run: async (core, args) => core.call('extras.delete', { ids: await idsByName(core, 'extras.list', args, '附加要素') }),
  },
  'scenes add': {
    help: 'scenes add --name N --extras A,B,…                 新增场景模板',
    run: async (core, _a, flags) =>
      core.call('scenes.create', {
        name: str(flags, 'name') ?? '',
        extraIds: await idsByName(core, 'extras.list', splitList(str(flags, 'extras')), '附加要素'),
      }),
  },
  'invoices draft': {
    help: 'invoices draft create|validate --file DRAFT.json     保存草稿 / 校验草稿（格式见 docs/cli.md）',
    async run(core, args, flags) {
      const file = str(flags, 'file')
      if (!file) throw new AppError('VALIDATION', '缺少参数：--file DRAFT.json')
      const draft = draftFile([file]) as Input<'invoices.validate'>['draft']
      if (args[0] === 'create') return core.call('invoices.saveDraft', { draft })
      if (args[0] === 'validate') {
        const { valid, errors } = await core.call('invoices.validate', { draft })
        return { valid, errors }
      }
      throw new AppError('VALIDATION', '用法：invoices draft create|validate --file DRAFT.json')
    },
  },
  'invoices list': {
    help: 'invoices list [--state draft|queued|issuing|issued|failed] [--query Q]   列出发票',
    run: (core, _a, flags) => core.call('invoices.list', { ...paging(flags), state: str(flags, 'state') as Input<'invoices.list'>['state'] }),
  },
  'invoices show': {
    help: 'invoices show ID|发票号码                           发票详情',
    async run(core, args) {
      let id: number
      if (/^\d{20}$/.test(args[0] ?? '')) {
        const { rows } = await core.call('invoices.list', { query: args[0], state: 'issued', page: 1, size: 1 })
        const hit = rows.find((r) => r.number === args[0])
        if (!hit) throw new AppError('NOT_FOUND', `没有发票号码为 ${args[0]} 的发票`)
        id = hit.id
      } else id = invoiceId(args)
      const invoice = await core.call('invoices.get', { id })
      return { ...invoice, redStatusLabel: RED_STATUS_LABELS[invoice.redStatus] }
    },
  },
  'invoices issue': { help: 'invoices issue ID                                  开票（校验后排队等待上传至平台）', run: (core, args) => core.call('invoices.issue', { id: invoiceId(args) }) },
  sync: { help: 'sync                                               同步：上传待开具发票并拉取平台变更', run: (core) => core.call('sync.now', {}) },
  'sync status': { help: 'sync status                                        同步状态（在线、待上传、上次同步、授信额度）', run: (core) => core.call('sync.status', {}) },
  'settings platform': {
    help: 'settings platform [--url U|embedded] [--tax-id T] [--password P]   设置税务平台地址和登录密码',
    async run(core, _a, flags) {
      const taxId = str(flags, 'tax-id')
      if (taxId) await core.call('companies.switch', { taxId })
      const current = await core.call('settings.platform.get', {})
      const url = str(flags, 'url')
      const target = url === undefined ? (current.mode === 'remote' ? current.url : null) : url === 'embedded' || url === '' ? null : url
      return core.call('settings.platform.set', { url: target, password: str(flags, 'password') })
    },
  },
  'scenes list': { help: 'scenes list                                        列出场景模板', run: (core) => core.call('scenes.list', {}) },
  'scenes delete': {
    help: 'scenes delete NAME…                                删除场景模板',
    run: async (core, args) => core.call('scenes.delete', { ids: await idsByName(core, 'scenes.list', args, '场景模板') }),
  },
}

export function usage(): string {
  return `票税通 命令行

用法：npm run cli -- [--data DIR] [--company 纳税人识别号] <命令> [--json]

${Object.values(commands)
  .map((c) => `  ${c.help}`)
  .join('\n')}

--data DIR     数据目录（默认 FAPIAO_DATA 或用户目录）
--company T    操作哪家企业（默认：唯一的企业，或上次使用的企业）
--json         只输出一个 JSON 文档；失败时输出 {"error":{…}} 并以非零状态退出
`
}
