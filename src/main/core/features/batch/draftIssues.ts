// The issuing screen's own rules (validateDraft on the computed draft) said at the template's cells:
// each issue's path ('lines.3.amount', 'buyer.taxId') names the sheet, row and column the bookkeeper
// fixes. The "第 N 行：" of a line's message is dropped: the error's row says where.
import type { DraftIssue } from '../../../../shared/domain/invoice'
import type { ErrorLog } from './errorLog'
import type { SheetRow } from './sheetRows'
import { EXTRA_SHEET, INVOICE_SHEET, LINE_SHEET, type BatchColumn, type BatchSheet } from './templateSpec'

/** the draft's fields → sheet-1 column keys; an invoice-wide issue lands on 发票流水号 */
const HEAD_KEYS: Record<string, string> = {
  'buyer.type': 'naturalPerson',
  'buyer.name': 'buyerName',
  'buyer.taxId': 'buyerTaxId',
  'buyer.idType': 'buyerIdType',
  'buyer.idNumber': 'buyerIdNumber',
  'buyer.address': 'buyerAddress',
  'buyer.phone': 'buyerPhone',
  'buyer.bank': 'buyerBank',
  'buyer.account': 'buyerAccount',
  remark: 'remark',
  reducedReason: 'reducedReason',
  'agent.idType': 'agentIdType',
  'agent.idNumber': 'agentIdNumber',
  'agent.taxId': 'agentTaxId',
}

/** a line's fields → sheet-2 column keys (税额 and the 折扣行's are computed from these cells) */
const LINE_KEYS: Record<string, string> = {
  name: 'name',
  taxCode: 'taxCode',
  spec: 'spec',
  unit: 'unit',
  quantity: 'quantity',
  unitPrice: 'unitPrice',
  amount: 'amount',
  tax: 'amount',
  taxRate: 'taxRate',
  policy: 'policyType',
  discount: 'discount',
  discountTax: 'discount',
}

const column = (sheet: BatchSheet, key: string): BatchColumn => sheet.columns.find((c) => c.key === key)!
const stripPlace = (message: string) => message.replace(/^第 \d+ (行|个附加要素)：/, '')

export interface InvoiceRows {
  serial: string
  head: SheetRow
  lines: SheetRow[]
  extras: SheetRow[]
}

export function reportDraftIssues(issues: DraftIssue[], inv: InvoiceRows, log: ErrorLog): void {
  const say = (sheet: BatchSheet, row: SheetRow, col: BatchColumn, message: string) => {
    if (!log.has(sheet, row, col)) log.at(sheet, row, col, message, inv.serial)
  }
  for (const issue of issues) {
    const [first, index, field] = issue.path.split('.')
    const line = first === 'lines' && index !== undefined ? inv.lines[Number(index)] : undefined
    const extra = first === 'extras' && index !== undefined ? inv.extras[Number(index)] : undefined
    if (line && field) say(LINE_SHEET, line, column(LINE_SHEET, LINE_KEYS[field] ?? 'amount'), stripPlace(issue.message))
    else if (extra && field) say(EXTRA_SHEET, extra, column(EXTRA_SHEET, field === 'name' ? 'name' : 'value'), stripPlace(issue.message))
    else if (issue.path === 'lines' && inv.lines[0]) say(LINE_SHEET, inv.lines[0], column(LINE_SHEET, 'serial'), `发票「${inv.serial}」：${issue.message}`)
    else {
      const key = HEAD_KEYS[issue.path]
      say(INVOICE_SHEET, inv.head, column(INVOICE_SHEET, key ?? 'serial'), key ? issue.message : `发票「${inv.serial}」：${issue.message}`)
    }
  }
}
