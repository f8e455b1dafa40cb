// `invoices list`: the app's own invoices by 状态 (--state, drafts included) or keyword (--query),
// as before; with any 发票查询 option it is 发票查询 itself (invoices.query): 销项 or 进项, every
// filter, sorted and paged in the core, with the count and totals of everything that matches.
import type { Core } from '../../core/app'
import { AppError } from '../../core/errors'
import type { Input } from '../../../shared/api'
import { INVOICE_STATE_CODES } from '../../../shared/api/invoices'
import type { CliOptions, CliValues } from '../../../shared/cli'
import type { Command } from '../command'
import { filterFromOptions, hasFilterOption, invoiceFilterOptions, invoiceSortOptions, sortFromOptions } from './invoiceFilterOptions'

const options = {
  state: {
    choices: INVOICE_STATE_CODES,
    description: '状态：draft 草稿、queued 待开具、issuing 开具中、issued 已开具、failed 开具失败（不与查询条件同用）',
    descriptionEn: 'state: draft, queued, issuing, issued, failed (not with the filter options)',
  },
  query: {
    value: 'Q',
    description: '按购买方名称、税号或发票号码查询（不与查询条件同用）',
    descriptionEn: 'search by buyer name, tax ID or invoice number (not with the filter options)',
  },
  ...invoiceFilterOptions,
  ...invoiceSortOptions,
  page: { value: 'P', description: '页码（默认 1）', descriptionEn: 'page number (default 1)', positive: true },
  size: { value: 'S', description: '每页条数（默认 20，最多 500）', descriptionEn: 'rows per page (default 20, at most 500)', positive: true },
} as const satisfies CliOptions

async function run(core: Core, _args: string[], o: CliValues<typeof options>): Promise<unknown> {
  const paging = { page: Number(o.page ?? 1), size: Number(o.size ?? 20) }
  const querying = hasFilterOption(o) || o.sort !== undefined || o.order !== undefined
  if (!querying) return core.call('invoices.list', { query: o.query, state: o.state as Input<'invoices.list'>['state'], ...paging })
  if (o.state !== undefined || o.query !== undefined)
    throw new AppError(
      'VALIDATION',
      '--state 和 --query 不能与发票查询条件同时使用：状态请用 --red-status（正常、部分红冲、全额红冲、待开具、开具失败），购买方请用 --counterparty，发票号码请用 --number',
      { issues: [{ path: o.state !== undefined ? 'state' : 'query', message: '请改用发票查询条件' }] },
    )
  return core.call('invoices.query', { ...filterFromOptions(o), ...sortFromOptions(o), ...paging })
}

export const invoiceListCommands: Record<string, Command> = {
  'invoices list': {
    summary: '列出发票；带任一查询条件（--from --to --side --counterparty --kind --red-status --min --max --item …）时为发票查询，附合计',
    summaryEn: 'List invoices; with any query option (--from --to --side --counterparty --kind --red-status --min --max --item …) it is the invoice query, with totals',
    examples: [
      { line: 'invoices list --state draft', zh: '列出草稿', en: 'list the drafts' },
      {
        line: 'invoices list --from 2026-11-01 --to 2026-11-30 --counterparty hwjs --json',
        zh: '11 月开给拼音首字母为 hwjs 的购买方的发票，附合计',
        en: "November's invoices to buyers whose initials are hwjs, with totals",
      },
    ],
    options,
    // the parser has checked the line against these options
    run: (core, args, values) => run(core, args, values as CliValues<typeof options>),
  },
}
