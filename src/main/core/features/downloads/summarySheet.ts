// 汇总.xlsx in a download: one row per invoice (发票号码, 开票日期, 票种, 对方名称/税号, 金额, 税额,
// 价税合计, 状态) and a 合计 row, streamed to disk by the export writer every other export uses.
import type { InvoiceSide, InvoiceSummary } from '../../../../shared/api/downloads'
import { INVOICE_KINDS } from '../../../../shared/domain/invoice/kinds'
import { fenOf, moneyFromFen } from '../../../../shared/domain/invoice/money'
import { openExportWriter } from '../../files/excel/write'
import type { SheetSpec } from '../../files/excel/spec'

export const SUMMARY_NAME = '汇总.xlsx'

function summarySpec(side: InvoiceSide): SheetSpec {
  const party = side === '销项' ? '购买方' : '销售方'
  return {
    sheetName: `${side}发票汇总`,
    title: `${side}发票汇总`,
    instructions: [],
    columns: [
      { key: 'number', header: '发票号码', text: true, width: 24 },
      { key: 'date', header: '开票日期', width: 12 },
      { key: 'kind', header: '票种', width: 26 },
      { key: 'name', header: `${party}名称`, width: 36 },
      { key: 'taxId', header: `${party}税号`, text: true, width: 22 },
      { key: 'amount', header: '金额', width: 14 },
      { key: 'tax', header: '税额', width: 14 },
      { key: 'total', header: '价税合计', width: 14 },
      { key: 'status', header: '状态', width: 10 },
    ],
  }
}

const kindName = (code: string) => INVOICE_KINDS.find((k) => k.code === code)?.name ?? code

/** money as a number cell (Excel sums it); the figures are exact to the 分 */
const cell = (yuan: string) => Number(yuan)

export async function writeSummary(file: string, side: InvoiceSide, invoices: readonly InvoiceSummary[]): Promise<void> {
  const writer = await openExportWriter(summarySpec(side), file)
  let amount = 0
  let tax = 0
  let total = 0
  for (const inv of invoices) {
    writer.add({
      number: inv.number,
      date: inv.issuedAt.slice(0, 10),
      kind: kindName(inv.kind),
      name: inv.counterpartyName,
      taxId: inv.counterpartyTaxId,
      amount: cell(inv.amount),
      tax: cell(inv.tax),
      total: cell(inv.total),
      status: inv.status,
    })
    amount += fenOf(inv.amount)
    tax += fenOf(inv.tax)
    total += fenOf(inv.total)
  }
  writer.add({
    number: `合计（${invoices.length} 张）`,
    amount: cell(moneyFromFen(amount)),
    tax: cell(moneyFromFen(tax)),
    total: cell(moneyFromFen(total)),
  })
  await writer.close()
}
