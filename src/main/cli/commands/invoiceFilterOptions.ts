// 发票查询's filter as command-line options, shared by `invoices list` and `invoices export`: the
// declarations (each with its Chinese description and, where it has them, its choices) and the
// filter they make. Dates, amounts and numbers are checked by the contract's schema in the core,
// which refuses them in Chinese naming the option's field (开始日期「2026-13-01」不是有效日期…).
import type { InvoiceFilterInput, QuerySort } from '../../../shared/api/invoiceQuery'
import { INVOICE_SIDES, QUERY_SORTS, QUERY_STATUSES, SYNC_STATE_CODES } from '../../../shared/api/invoiceQuery'
import type { CliOptions, CliValues } from '../../../shared/cli'
import { BOOKING_STATUSES } from '../../../shared/platform/booking'
import { parseSpecialKind, SPECIAL_KINDS } from '../../../shared/domain/specialBusiness'

export const invoiceFilterOptions = {
  side: { choices: INVOICE_SIDES, description: '方向：销项（默认）或 进项', descriptionEn: 'side: 销项 issued (default) or 进项 received' },
  from: {
    value: 'YYYY-MM-DD',
    description: '开票日期起（含当天）；待开具/开具失败的发票按排队开票的日期',
    descriptionEn: 'issue date from (inclusive); a queued or failed invoice counts by the day it was queued',
  },
  to: { value: 'YYYY-MM-DD', description: '开票日期止（含当天）', descriptionEn: 'issue date to (inclusive)' },
  number: { value: '发票号码', description: '发票号码（可只写开头几位）', descriptionEn: 'invoice number (its first digits are enough)' },
  counterparty: {
    value: 'TEXT',
    description: '购买方（销项）或销售方（进项）：名称包含、税号开头或拼音首字母，如 hwjs',
    descriptionEn: 'buyer (issued) or seller (received): name contains, tax ID starts with, or pinyin initials such as hwjs',
  },
  kind: {
    choices: ['81', '82'],
    description: '票种：81 数电专票、82 数电普票',
    descriptionEn: 'invoice kind: 81 special VAT e-invoice (数电专票), 82 ordinary e-invoice (数电普票)',
  },
  colour: { choices: ['blue', 'red'], description: '蓝字（blue）或红字（red）', descriptionEn: 'blue (蓝字) or red (红字) invoices' },
  'red-status': {
    choices: QUERY_STATUSES.map((s) => s.label),
    description: '状态：正常、部分红冲、全额红冲、待开具、开具失败',
    descriptionEn: 'status: 正常 normal, 部分红冲 partly reversed, 全额红冲 fully reversed, 待开具 queued, 开具失败 failed',
  },
  min: { value: '元', description: '价税合计下限（含）；负数写成 --min=-100', descriptionEn: 'lowest total incl. tax (价税合计), inclusive; write a negative one as --min=-100' },
  max: { value: '元', description: '价税合计上限（含）', descriptionEn: 'highest total incl. tax (价税合计), inclusive' },
  item: { value: 'TEXT', description: '项目名称包含（任一行）', descriptionEn: 'item name contains (on any line)' },
  drawer: { value: '姓名', description: '开票人', descriptionEn: 'drawer (开票人)' },
  'sync-state': {
    choices: SYNC_STATE_CODES,
    description: '同步状态（销项）：local 未上传、pending 待上传、sending、retrying、done 已上传、rejected、needs-action',
    descriptionEn: 'sync state (issued): local not uploaded, pending, sending, retrying, done uploaded, rejected, needs-action',
  },
  booking: {
    choices: BOOKING_STATUSES.map((b) => b.code),
    description: '入账状态（进项）：01 未入账、02–05 已入账、06 入账撤销',
    descriptionEn: 'booking status (received): 01 not booked, 02–05 booked, 06 booking undone',
  },
  special: {
    value: 'KIND',
    description: `特定业务（销项、进项）：${SPECIAL_KINDS.map((k) => `${k.kind}（${k.code}）`).join('、')}；也可写特定要素类型代码或模板的简称，如 03、不动产租赁`,
    descriptionEn:
      "special business (特定业务), issued or received: 03 construction, 04 goods transport, 05 real-estate sale, 06 real-estate lease, 09 passenger transport; or a special-element type code or a template's short name (e.g. 03, 不动产租赁)",
  },
} as const satisfies CliOptions

export const invoiceSortOptions = {
  sort: {
    choices: QUERY_SORTS.map((s) => s.code),
    description: '排序：issuedAt 开票日期（默认）、total 价税合计、number 发票号码、counterparty 购买方/销售方',
    descriptionEn: 'sort by: issuedAt issue date (default), total incl. tax, number invoice number, counterparty buyer/seller',
  },
  order: { choices: ['desc', 'asc'], description: '排序方向：desc 从大到小（默认）、asc 从小到大', descriptionEn: 'sort order: desc largest first (default), asc smallest first' },
} as const satisfies CliOptions

export type InvoiceFilterValues = CliValues<typeof invoiceFilterOptions>

/** the filter the options give (absent options: no condition) */
export function filterFromOptions(o: InvoiceFilterValues): InvoiceFilterInput {
  return {
    side: o.side as InvoiceFilterInput['side'],
    from: o.from,
    to: o.to,
    number: o.number,
    counterparty: o.counterparty,
    kind: o.kind as InvoiceFilterInput['kind'],
    colour: o.colour as InvoiceFilterInput['colour'],
    status: o['red-status'] as InvoiceFilterInput['status'],
    min: o.min,
    max: o.max,
    item: o.item,
    drawer: o.drawer,
    syncState: o['sync-state'] as InvoiceFilterInput['syncState'],
    booking: o.booking as InvoiceFilterInput['booking'],
    // a name the domain does not know goes on as typed: the contract refuses it, naming 特定业务
    specialKind: o.special === undefined ? undefined : ((parseSpecialKind(o.special) ?? o.special) as InvoiceFilterInput['specialKind']),
  }
}

/** whether any filter option was given */
export function hasFilterOption(o: Partial<InvoiceFilterValues>): boolean {
  return Object.keys(invoiceFilterOptions).some((k) => o[k as keyof InvoiceFilterValues] !== undefined)
}

export function sortFromOptions(o: CliValues<typeof invoiceSortOptions>): { sort?: QuerySort; order?: 'asc' | 'desc' } {
  return { sort: o.sort as QuerySort | undefined, order: o.order as 'asc' | 'desc' | undefined }
}
