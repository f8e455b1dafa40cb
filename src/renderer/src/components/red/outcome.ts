// What 提交 led to, in one sentence: issued at once (01 无需确认), waiting for the other party (02/03,
// within 72 hours), or still on its way to the platform.
import type { RedForm } from '../../../../shared/api/red'
import { partyLabel } from './redLabels'

export function outcomeText(f: Pick<RedForm, 'status' | 'redInvoiceNumber' | 'role' | 'failure' | 'syncError'>): string {
  const other = partyLabel(f.role === 'seller' ? 'buyer' : 'seller')
  switch (f.status) {
    case null:
      if (f.failure) return `税务平台未受理：${f.failure}`
      return f.syncError ? `已保存，暂未送达税务平台（${f.syncError}），联网后自动提交` : '已保存，正在提交至税务平台'
    case '01':
      return f.redInvoiceNumber ? `无需确认，红字发票已开具：${f.redInvoiceNumber}` : '无需确认，红字发票正在开具'
    case '02':
    case '03':
      return `已提交，等待${other}确认（72 小时内未确认将自动作废）`
    case '04':
      return f.redInvoiceNumber ? `购销双方已确认，红字发票已开具：${f.redInvoiceNumber}` : '购销双方已确认，可开具红字发票'
    default:
      return '确认单已作废'
  }
}
