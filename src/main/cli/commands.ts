// The CLI's commands: each declares its arguments and its own options (src/shared/cli.ts) beside
// what it does — one or more core calls. src/main/cli/parse.ts refuses anything not declared, so
// a command's run reads only its own options, typed.
import fs from 'node:fs'
import path from 'node:path'
import type { Core } from '../core/app'
import { AppError } from '../core/errors'
import type { CallName, Input } from '../../shared/api'
import { EXTRA_TYPES } from '../../shared/api/extras'
import type { CliArg, CliOptions } from '../../shared/cli'
import { parseRegion } from '../../shared/domain/regions'
import { DEFAULT_TAXPAYER_TYPE, parseTaxpayerType, TAXPAYER_TYPES } from '../../shared/domain/taxpayerType'
import { RED_REASON_CODES, RED_STATUSES } from '../../shared/platform/red'
import { RED_STATUS_LABELS } from '../../shared/domain/red'
import { invoiceExportCommands } from './commands/invoiceExport'
import { downloadCommands } from './commands/downloads'
import { invoiceListCommands } from './commands/invoiceList'
import { deliveryCommands } from './commands/delivery'
import { bookingCommands } from './commands/booking'
import { batchCommands } from './commands/batch'
import { backupCommands } from './commands/backups'
import { command, type Command } from './command'
import { saveTo, inputFile } from './files'

/** the options every command takes (src/main/cli/index.ts acts on them) */
export const GLOBAL_OPTIONS = {
  data: { value: 'DIR', description: '数据目录（默认 FAPIAO_DATA 或用户目录）', descriptionEn: 'data folder (default: FAPIAO_DATA or the user folder)' },
  company: {
    value: '纳税人识别号',
    description: '操作哪家企业（默认：唯一的企业，或上次使用的企业）',
    descriptionEn: 'which company, by tax ID (default: the only one, or the last used)',
  },
  json: {
    type: 'boolean',
    description: '只输出一个 JSON 文档；失败时输出 {"error":{…}} 并以非零状态退出',
    descriptionEn: 'print one JSON document; a failure prints {"error":{…}} and exits non-zero',
  },
  help: { type: 'boolean', description: '显示用法（写在命令后：该命令的参数和选项）', descriptionEn: 'usage (after a command: its arguments, options and examples)' },
} as const satisfies CliOptions

const FILE = (description: string, descriptionEn: string): CliArg => ({ name: 'FILE', description, descriptionEn })
const page = { value: 'P', description: '页码（默认 1）', descriptionEn: 'page number (default 1)', positive: true } as const
const size = { value: 'S', description: '每页条数（默认 20，最多 500）', descriptionEn: 'rows per page (default 20, at most 500)', positive: true } as const

function jsonFile(file: string, what: string): unknown {
  const p = path.resolve(file)
  if (!fs.existsSync(p)) throw new AppError('NOT_FOUND', `文件不存在：${p}`)
  try {
    return JSON.parse(fs.readFileSync(p, 'utf8'))
  } catch (e) {
    throw new AppError('VALIDATION', `${what}不是有效的 JSON：${(e as Error).message}`)
  }
}

/** The four spreadsheet commands items and customers share. */
function tableCommands(entity: 'items' | 'customers', label: string, labelEn: string, query: string, queryEn: string, sample: string): Record<string, Command> {
  const call = <N extends CallName>(core: Core, name: N, input: Input<N>) => core.call(name, input)
  return {
    [`${entity} list`]: command({
      summary: `查询${label}`,
      summaryEn: `Search the ${labelEn}`,
      examples: [{ line: `${entity} list --query ${sample} --size 50`, zh: `查询“${sample}”，每页 50 条`, en: `search for ${sample}, 50 a page` }],
      options: { query: { value: 'Q', description: query, descriptionEn: queryEn }, page, size },
      run: (core, _a, o) => call(core, `${entity}.list`, { query: o.query, page: o.page ?? 1, size: o.size ?? 20 } as Input<`${typeof entity}.list`>),
    }),
    [`${entity} import`]: command({
      summary: `导入${label}（.xlsx / .xls / .csv）；有错误行时在文件旁写出“<文件名>-错误报告.xlsx”`,
      summaryEn: `Import ${labelEn} (.xlsx / .xls / .csv); rows with errors go to "<file>-错误报告.xlsx" beside the file`,
      examples: [{ line: `${entity} import ${label}.xlsx`, zh: `导入填好的${label}表格`, en: `import a filled-in sheet of ${labelEn}` }],
      args: [FILE('要导入的表格文件', 'the spreadsheet to import')],
      async run(core, [file]) {
        const r = await call(core, `${entity}.import`, { file: inputFile(core, file!) })
        const { errorReport, ...rest } = r
        if (!errorReport) return rest
        const report = path.join(path.dirname(path.resolve(file!)), `${path.parse(file!).name}-错误报告.xlsx`)
        return { ...rest, errorReport: saveTo(core, errorReport, report) }
      },
    }),
    [`${entity} template`]: command({
      summary: `下载${label}导入模板`,
      summaryEn: `Download the import template for ${labelEn}`,
      examples: [{ line: `${entity} template ${label}模板.xlsx`, zh: '保存导入模板', en: 'save the import template' }],
      args: [FILE('模板保存到哪里（.xlsx）', 'where to save the template (.xlsx)')],
      run: async (core, [target]) => ({ file: saveTo(core, await call(core, `${entity}.template`, {}), target!) }),
    }),
    [`${entity} export`]: command({
      summary: `导出${label}（全部页）`,
      summaryEn: `Export ${labelEn} (every page)`,
      examples: [{ line: `${entity} export ${label}.xlsx`, zh: `导出全部${label}`, en: `export every one of the ${labelEn}` }],
      args: [FILE('导出到哪里（.xlsx）', 'where to export to (.xlsx)')],
      options: { query: { value: 'Q', description: query, descriptionEn: queryEn } },
      async run(core, [target], o) {
        const r = await call(core, `${entity}.export`, { query: o.query })
        return { file: saveTo(core, r.file, target!), count: r.count }
      },
    }),
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

function invoiceId(ref: string): number {
  const id = Number(ref)
  if (!Number.isInteger(id) || id <= 0) throw new AppError('VALIDATION', `发票编号应为正整数：${ref}`)
  return id
}

/** a 红字确认单 by its local id or its 20-character 确认单编号 (the number both parties know) */
async function redFormId(core: Core, ref: string): Promise<number> {
  if (/^\d{20}$/.test(ref)) return (await core.call('red.get', { number: ref })).id
  const id = Number(ref)
  if (!Number.isInteger(id) || id <= 0) throw new AppError('VALIDATION', `确认单应为本地编号或 20 位确认单编号：${ref}`)
  return id
}

const FORM: CliArg = { name: 'ID', description: '确认单的本地编号或 20 位确认单编号', descriptionEn: 'local ID or 20-digit number of the red-letter confirmation (红字确认单)' }

const redCommands: Record<string, Command> = {
  'red create': command({
    summary: '录入红字确认单（保存并排队，sync 时提交平台）',
    summaryEn: 'Enter a red-letter confirmation (saved and queued; sync submits it)',
    examples: [
      {
        line: 'red create --blue 26442000000000000001 --reason 02 --as seller',
        zh: '销售方为销货退回录入确认单，红冲全部剩余金额',
        en: 'as the seller, a confirmation for returned goods reversing all that remains',
      },
    ],
    options: {
      blue: { value: '发票号码', description: '蓝字发票的 20 位发票号码', descriptionEn: '20-digit number of the blue invoice (蓝字发票)', required: true },
      reason: {
        choices: RED_REASON_CODES,
        description: '红冲原因：01 开票有误、02 销货退回、03 服务中止、04 销售折让',
        descriptionEn: 'reason: 01 issued in error, 02 goods returned, 03 service stopped, 04 sales discount',
        required: true,
      },
      as: { choices: ['seller', 'buyer'], description: '录入方身份：seller 销售方、buyer 购买方', descriptionEn: 'who enters the form: seller or buyer', required: true },
      lines: {
        value: 'FILE.json',
        description: '红字明细（缺省：剩余可红冲的全部；格式见 docs/cli.md）',
        descriptionEn: 'the red lines (default: all that can still be reversed; format in docs/cli.md)',
      },
    },
    run: (core, _a, o) =>
      core.call('red.create', {
        blueNumber: o.blue,
        reason: o.reason as Input<'red.create'>['reason'],
        as: o.as as Input<'red.create'>['as'],
        lines: (o.lines === undefined ? undefined : jsonFile(o.lines, '红字明细文件')) as Input<'red.create'>['lines'],
      }),
  }),
  'red list': command({
    summary: '红字确认单列表',
    summaryEn: 'List red-letter confirmations',
    examples: [{ line: 'red list --status 01', zh: '列出“无需确认”的确认单', en: 'list confirmations with status 01 (no confirmation needed)' }],
    options: {
      status: {
        value: '01…10',
        choices: RED_STATUSES.map((s) => s.code),
        description: '确认单状态（01 无需确认 … 10 作废（异常凭证））',
        descriptionEn: 'confirmation status (01 no confirmation needed … 10 void, abnormal voucher)',
      },
      blue: { value: '发票号码', description: '只看这张蓝字发票的确认单', descriptionEn: 'only the confirmations of this blue invoice' },
      page,
      size,
    },
    run: (core, _a, o) => core.call('red.list', { status: o.status as Input<'red.list'>['status'], blueNumber: o.blue, page: o.page ?? 1, size: o.size ?? 20 }),
  }),
  'red show': command({
    summary: '红字确认单详情',
    summaryEn: "A red-letter confirmation's details",
    examples: [{ line: 'red show 3', zh: '按本地编号查看确认单', en: 'show confirmation 3' }],
    args: [FORM],
    run: async (core, [ref]) => core.call('red.get', { id: await redFormId(core, ref!) }),
  }),
  'red decide': command({
    summary: '同意或拒绝对方录入的确认单',
    summaryEn: 'Agree to or reject a confirmation the other party entered',
    examples: [
      { line: 'red decide 3 agree', zh: '同意确认单 3', en: 'agree to confirmation 3' },
      { line: 'red decide 3 reject --opinion 金额有误', zh: '拒绝，并写明意见', en: 'reject it, saying why' },
    ],
    args: [FORM, { name: 'CHOICE', choices: ['agree', 'reject'], description: 'agree 同意、reject 拒绝', descriptionEn: 'agree or reject' }],
    options: { opinion: { value: '意见', description: '处理意见（拒绝时必填）', descriptionEn: 'your opinion (required to reject)' } },
    run: async (core, [ref, choice], o) => core.call('red.decide', { id: await redFormId(core, ref!), agree: choice === 'agree', opinion: o.opinion ?? '' }),
  }),
  'red withdraw': command({
    summary: '撤销确认单',
    summaryEn: 'Withdraw a confirmation',
    examples: [{ line: 'red withdraw 3', zh: '撤销确认单 3', en: 'withdraw confirmation 3' }],
    args: [FORM],
    run: async (core, [ref]) => core.call('red.withdraw', { id: await redFormId(core, ref!) }),
  }),
  'red issue': command({
    summary: '开具红字发票（平台的确认即开票关闭时）',
    summaryEn: 'Issue the red-letter invoice (when the platform does not issue it on confirmation)',
    examples: [{ line: 'red issue 3', zh: '按确认单 3 开具红字发票', en: 'issue the red invoice of confirmation 3' }],
    args: [FORM],
    run: async (core, [ref]) => core.call('red.issue', { id: await redFormId(core, ref!) }),
  }),
}

export const commands: Record<string, Command> = {
  'company add': command({
    summary: '创建企业（销售方）并设为当前企业',
    summaryEn: 'Create a company (the seller) and make it the current one',
    examples: [
      {
        line: 'company add --name 深圳市星河数据科技有限公司 --tax-id 91440300MA5G0X1U23 --region 广东 --operator 王会计',
        zh: '创建一家广东的企业，开票员王会计',
        en: 'create a company in Guangdong whose invoices 王会计 issues',
      },
    ],
    options: {
      name: { value: '名称', description: '企业名称', descriptionEn: 'company name', required: true },
      'tax-id': {
        value: '纳税人识别号',
        description: '统一社会信用代码（18 位）',
        descriptionEn: 'tax ID (纳税人识别号): the 18-character unified social credit code',
        required: true,
      },
      region: { value: '地区', description: '所在地区：代码（44）或名称（广东、广东省）', descriptionEn: 'region: code (44) or name (广东, 广东省)', required: true },
      address: { value: '地址', description: '地址', descriptionEn: 'address' },
      phone: { value: '电话', description: '电话', descriptionEn: 'phone' },
      bank: { value: '开户银行', description: '开户银行', descriptionEn: 'bank' },
      account: { value: '银行账号', description: '银行账号', descriptionEn: 'bank account number' },
      operator: { value: '开票员', description: '开票员姓名', descriptionEn: 'name of the invoicing clerk (开票员)', required: true },
      type: {
        value: '纳税人类型',
        description: '纳税人类型（默认 一般纳税人；与平台同步后以平台核定为准）',
        descriptionEn: "taxpayer type (default 一般纳税人); after a sync the platform's record decides",
        choices: TAXPAYER_TYPES,
      },
    },
    run: (core, _a, o) =>
      core.call('companies.create', {
        name: o.name,
        taxId: o['tax-id'],
        // the region may be typed as 广东 / 广东省 / 44; an unknown one reaches validation as typed
        region: (parseRegion(o.region) ?? o.region) as Input<'companies.create'>['region'],
        address: o.address,
        phone: o.phone,
        bank: o.bank,
        account: o.account,
        operator: o.operator,
        taxpayerType: parseTaxpayerType(o.type ?? '') ?? DEFAULT_TAXPAYER_TYPE,
      }),
  }),
  'company list': command({
    summary: '列出企业',
    summaryEn: 'List the companies',
    examples: [{ line: 'company list --json', zh: '以 JSON 列出全部企业', en: 'list every company as JSON' }],
    async run(core) {
      const rows = await core.call('companies.list', {})
      return { total: rows.length, rows }
    },
  }),
  'taxcodes info': command({
    summary: '当前使用的税收分类编码表：版本、来源、条数',
    summaryEn: 'The tax classification code table in use: version, source, count',
    examples: [{ line: 'taxcodes info', zh: '查看编码表的版本和条数', en: "show the code table's version and size" }],
    run: (core) => core.call('taxcodes.info', {}),
  }),
  'taxcodes import': command({
    summary: '导入税收分类编码表（CSV 或 XML）',
    summaryEn: 'Import a tax classification code table (CSV or XML)',
    examples: [{ line: 'taxcodes import 编码表.xml', zh: '导入税务局发布的 XML 编码表', en: "import the tax bureau's XML code table" }],
    args: [FILE('编码表文件（.csv 或 .xml）', 'the tax code table file (.csv or .xml)')],
    run: async (core, [file]) => core.call('taxcodes.import', { file: inputFile(core, file!) }),
  }),
  'taxcodes search': command({
    summary: '搜索税收分类编码',
    summaryEn: 'Search the tax classification codes',
    examples: [{ line: 'taxcodes search 办公用品 --top 5', zh: '搜索“办公用品”，列出前 5 条', en: 'search for 办公用品 (office supplies), first 5 hits' }],
    args: [{ name: 'TEXT', description: '编码、名称、简称或关键字', descriptionEn: 'a code, name, short name or keyword' }],
    options: { top: { value: 'N', description: '最多列出几条（默认 20）', descriptionEn: 'list at most N (default 20)', positive: true } },
    run: (core, [text], o) => core.call('taxcodes.search', { text: text!, top: o.top ?? 20 }),
  }),
  'taxcodes match': command({
    summary: '智能匹配：按项目名称推荐税收分类编码',
    summaryEn: 'Smart match: tax codes suggested for an item name',
    examples: [{ line: 'taxcodes match 打印纸', zh: '为“打印纸”推荐税收分类编码', en: 'suggest tax codes for 打印纸 (printing paper)' }],
    args: [{ name: 'NAME', description: '项目名称', descriptionEn: 'the item name' }],
    options: { top: { value: 'N', description: '最多推荐几条（默认 10）', descriptionEn: 'suggest at most N (default 10)', positive: true } },
    run: (core, [name], o) => core.call('taxcodes.match', { name: name!, top: o.top ?? 10 }),
  }),
  ...tableCommands('items', '项目', 'items', '按项目名称或编码前缀查询', 'search by item name or the start of its code', '打印纸'),
  ...tableCommands('customers', '客户', 'customers', '按名称、拼音首字母（hwjs）或税号前缀查询', 'search by name, pinyin initials (hwjs) or the start of the tax ID', 'hwjs'),
  'extras add': command({
    summary: '新增附加要素',
    summaryEn: 'Add an extra field (附加要素)',
    examples: [{ line: 'extras add --name 合同编号 --type 文本', zh: '新增文本型附加要素“合同编号”', en: 'add a text field 合同编号 (contract number)' }],
    options: {
      name: { value: '名称', description: '附加要素名称（不能叫“备注”）', descriptionEn: 'name of the extra field (附加要素); it cannot be remarks (备注)', required: true },
      type: { choices: EXTRA_TYPES, description: '数据类型', descriptionEn: 'data type', required: true },
    },
    run: (core, _a, o) => core.call('extras.create', { name: o.name, dataType: o.type as (typeof EXTRA_TYPES)[number] }),
  }),
  'extras list': command({
    summary: '列出附加要素（含使用它的场景模板）',
    summaryEn: 'List the extra fields (with the scene templates that use them)',
    examples: [{ line: 'extras list', zh: '列出附加要素', en: 'list the extra fields' }],
    run: (core) => core.call('extras.list', {}),
  }),
  'extras delete': command({
    summary: '删除附加要素（被场景模板使用时拒绝）',
    summaryEn: 'Delete extra fields (refused while a scene template uses one)',
    examples: [{ line: 'extras delete 合同编号 项目代码', zh: '删除两个附加要素', en: 'delete two extra fields' }],
    args: [{ name: 'NAME', variadic: true, description: '附加要素名称，可写多个', descriptionEn: 'extra field names (附加要素), one or more' }],
    run: async (core, names) => core.call('extras.delete', { ids: await idsByName(core, 'extras.list', names, '附加要素') }),
  }),
  'scenes add': command({
    summary: '新增场景模板',
    summaryEn: 'Add a scene template',
    examples: [{ line: 'scenes add --name 工程项目 --extras 合同编号,项目代码', zh: '新增场景模板，含两个附加要素', en: 'add a scene template with two extra fields' }],
    options: {
      name: { value: '名称', description: '场景模板名称', descriptionEn: 'scenario template name (场景模板)', required: true },
      extras: { value: 'A,B,…', description: '附加要素名称，用逗号分隔，按此顺序', descriptionEn: 'extra field names, comma-separated, in this order' },
    },
    run: async (core, _a, o) => core.call('scenes.create', { name: o.name, extraIds: await idsByName(core, 'extras.list', splitList(o.extras), '附加要素') }),
  }),
  'scenes list': command({
    summary: '列出场景模板',
    summaryEn: 'List the scene templates',
    examples: [{ line: 'scenes list', zh: '列出场景模板', en: 'list the scene templates' }],
    run: (core) => core.call('scenes.list', {}),
  }),
  'scenes delete': command({
    summary: '删除场景模板',
    summaryEn: 'Delete scene templates',
    examples: [{ line: 'scenes delete 工程项目', zh: '删除场景模板“工程项目”', en: 'delete the scene template 工程项目' }],
    args: [{ name: 'NAME', variadic: true, description: '场景模板名称，可写多个', descriptionEn: 'scenario template names (场景模板), one or more' }],
    run: async (core, names) => core.call('scenes.delete', { ids: await idsByName(core, 'scenes.list', names, '场景模板') }),
  }),
  'invoices draft': command({
    summary: '保存草稿 / 校验草稿（草稿格式见 docs/cli.md）',
    summaryEn: 'Save or validate a draft (the draft format is in docs/cli.md)',
    examples: [
      { line: 'invoices draft validate --file 草稿.json', zh: '只校验草稿，不保存', en: 'check a draft without saving it' },
      { line: 'invoices draft create --file 草稿.json --json', zh: '保存草稿，输出它的编号', en: 'save the draft and print its id' },
    ],
    args: [
      {
        name: 'ACTION',
        choices: ['create', 'validate'],
        description: 'create 保存草稿；validate 只校验，不保存',
        descriptionEn: 'create saves a draft; validate only checks and saves nothing',
      },
    ],
    options: { file: { value: 'DRAFT.json', description: '草稿文件', descriptionEn: 'the draft file', required: true } },
    async run(core, [action], o) {
      const draft = jsonFile(o.file, '草稿文件') as Input<'invoices.validate'>['draft']
      if (action === 'create') return core.call('invoices.saveDraft', { draft })
      const { valid, errors } = await core.call('invoices.validate', { draft })
      return { valid, errors }
    },
  }),
  ...invoiceListCommands,
  'invoices show': command({
    summary: '发票详情',
    summaryEn: "An invoice's details",
    examples: [
      { line: 'invoices show 26442000000000000001', zh: '按 20 位发票号码查看发票', en: 'show an invoice by its 20-digit number' },
      { line: 'invoices show 12', zh: '按本地编号查看', en: 'show an invoice by its local id' },
    ],
    args: [{ name: 'ID', description: '发票的本地编号或 20 位发票号码', descriptionEn: "the invoice's local ID or its 20-digit number" }],
    async run(core, [ref]) {
      let id: number
      if (/^\d{20}$/.test(ref!)) {
        const { rows } = await core.call('invoices.list', { query: ref, state: 'issued', page: 1, size: 1 })
        const hit = rows.find((r) => r.number === ref)
        if (!hit) throw new AppError('NOT_FOUND', `没有发票号码为 ${ref} 的发票`)
        id = hit.id
      } else id = invoiceId(ref!)
      const invoice = await core.call('invoices.get', { id })
      return { ...invoice, redStatusLabel: RED_STATUS_LABELS[invoice.redStatus] }
    },
  }),
  'invoices issue': command({
    summary: '开票（校验后排队等待上传至平台）',
    summaryEn: 'Issue a draft (validated, then queued for the platform)',
    examples: [{ line: 'invoices issue 12', zh: '开具草稿 12，下次 sync 时上传', en: 'issue draft 12; the next sync uploads it' }],
    args: [{ name: 'ID', description: '草稿的本地编号', descriptionEn: "the draft's local ID" }],
    run: (core, [ref]) => core.call('invoices.issue', { id: invoiceId(ref!) }),
  }),
  sync: command({
    summary: '同步：上传待开具发票并拉取平台变更',
    summaryEn: "Sync: upload queued invoices and pull the platform's changes",
    examples: [{ line: 'sync --json', zh: '立即同步并以 JSON 输出结果', en: 'sync now and print the result as JSON' }],
    run: (core) => core.call('sync.now', {}),
  }),
  'sync status': command({
    summary: '同步状态（在线、待上传、上次同步、授信额度）',
    summaryEn: 'Sync status (online, waiting to upload, last sync, credit quota)',
    examples: [{ line: 'sync status', zh: '查看同步状态', en: 'show the sync status' }],
    run: (core) => core.call('sync.status', {}),
  }),
  'settings platform': command({
    summary: '设置税务平台地址和登录密码',
    summaryEn: "Set the tax platform's address and login password",
    examples: [
      {
        line: 'settings platform --url https://platform.example.cn --tax-id 91440300MA5G0X1U23 --password 密码',
        zh: '改用远程平台，并保存该企业的登录密码',
        en: "use a remote platform and save the company's password",
      },
      { line: 'settings platform --url embedded', zh: '改回内置沙箱', en: 'go back to the built-in sandbox' },
    ],
    options: {
      url: {
        value: 'URL|embedded',
        description: '平台地址；embedded 改回内置沙箱（缺省：不变）',
        descriptionEn: 'platform address; embedded goes back to the built-in sandbox (default: unchanged)',
      },
      'tax-id': {
        value: '纳税人识别号',
        description: '为哪家企业保存密码（缺省：当前企业）',
        descriptionEn: 'which company the password is for, by tax ID (default: the current one)',
      },
      password: { value: '密码', description: '该企业在平台的登录密码', descriptionEn: "the company's login password on the platform" },
    },
    async run(core, _a, o) {
      if (o['tax-id']) await core.call('companies.switch', { taxId: o['tax-id'] })
      const current = await core.call('settings.platform.get', {})
      // a damaged file named some platform: which one is the user's to say, never a default
      if (o.url === undefined && current.damaged)
        throw new AppError('VALIDATION', `${current.damaged.message}（请用 --url 指明）`, { issues: [{ path: 'url', message: '请用 --url 指明平台地址或 embedded' }] })
      const target = o.url === undefined ? (current.mode === 'remote' ? current.url : null) : o.url === 'embedded' || o.url === '' ? null : o.url
      return core.call('settings.platform.set', { url: target, password: o.password })
    },
  }),
  ...redCommands,
  ...invoiceExportCommands,
  ...downloadCommands,
  ...deliveryCommands,
  ...bookingCommands,
  ...batchCommands,
  ...backupCommands,
}
