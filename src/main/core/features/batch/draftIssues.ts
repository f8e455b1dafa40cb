// The issuing screen's own rules (validateDraft on the computed draft) said at the template's cells:
// each issue's path ('lines.3.amount', 'buyer.taxId', 'specialBusiness.rows.0.site') names the
// sheet, row and column the bookkeeper fixes. The "第 N 行：" of a line's message is dropped (and
// the 特定业务's "旅客运输服务第 N 行：" made "旅客运输服务："): the error's row says where.
import type { DraftIssue } from '../../../../shared/domain/invoice'
import type { ErrorLog } from './errorLog'
import type { SheetRow } from './sheetRows'
import { columnOf, EXTRA_SHEET, INVOICE_SHEET, LINE_SHEET, specialColumnOf, SPECIAL_SHEET, type BatchColumn, type BatchSheet, type SpecialKind } from './templateSpec'

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

const stripPlace = (message: string) => message.replace(/^第 \d+ (行|个附加要素)：/, '')
const stripSpecialPlace = (message: string) => message.replace(/^(\S+?)第 \d+ 行：/, '$1：')

export interface InvoiceRows {
  serial: string
  head: SheetRow
  lines: SheetRow[]
  extras: SheetRow[]
  /** sheet 3's rows, the draft's specialBusiness.rows in order */
  specials: SheetRow[]
  kind: SpecialKind | null
}

export function reportDraftIssues(issues: DraftIssue[], inv: InvoiceRows, log: ErrorLog): void {
  const say = (sheet: BatchSheet, row: SheetRow, col: BatchColumn, message: string) => log.first(sheet, row, col, message, inv.serial)
  for (const issue of issues) {
    if (issue.path.startsWith('specialBusiness.')) {
      saySpecial(issue, inv, say)
      continue
    }
    const [first, index, field] = issue.path.split('.')
    const line = first === 'lines' && index !== undefined ? inv.lines[Number(index)] : undefined
    const extra = first === 'extras' && index !== undefined ? inv.extras[Number(index)] : undefined
    if (line && field) say(LINE_SHEET, line, columnOf(LINE_SHEET, LINE_KEYS[field] ?? 'amount'), stripPlace(issue.message))
    else if (extra && field) say(EXTRA_SHEET, extra, columnOf(EXTRA_SHEET, field === 'name' ? 'name' : 'value'), stripPlace(issue.message))
    else if (issue.path === 'lines' && inv.lines[0]) say(LINE_SHEET, inv.lines[0], columnOf(LINE_SHEET, 'serial'), `发票「${inv.serial}」：${issue.message}`)
    else {
      const key = HEAD_KEYS[issue.path]
      say(INVOICE_SHEET, inv.head, columnOf(INVOICE_SHEET, key ?? 'serial'), key ? issue.message : `发票「${inv.serial}」：${issue.message}`)
    }
  }
}

/** specialBusiness.rows.<i>.<field> at sheet 3's row i, in the column that fills the field; the rows as a whole at the first row */
function saySpecial(issue: DraftIssue, inv: InvoiceRows, say: (sheet: BatchSheet, row: SheetRow, col: BatchColumn, message: string) => void): void {
  const [, , index, field] = issue.path.split('.')
  const row = index === undefined ? undefined : inv.specials[Number(index)]
  const col = row && field && inv.kind ? specialColumnOf(inv.kind, field) : undefined
  if (row && col) say(SPECIAL_SHEET, row, col, stripSpecialPlace(issue.message))
  else if (inv.specials[0]) say(SPECIAL_SHEET, row ?? inv.specials[0], columnOf(SPECIAL_SHEET, 'serial'), `发票「${inv.serial}」：${stripSpecialPlace(issue.message)}`)
  else say(INVOICE_SHEET, inv.head, columnOf(INVOICE_SHEET, 'specialKind'), `${issue.message}（在「${SPECIAL_SHEET.name}」中按发票流水号「${inv.serial}」填写）`)
}
