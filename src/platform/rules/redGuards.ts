// The refusals every 确认单 action shares: a lapsed form (07) is EXPIRED — the client shows
// "超过 72 小时" rather than a generic conflict — and any other settled form is a CONFLICT naming its state.
import { RED_STATUSES, type RedConfirmation } from '../../shared/platform/red'
import { PlatformError } from '../errors'

export const statusLabel = (code: string): string => RED_STATUSES.find((s) => s.code === code)?.label ?? code

export function settledRefusal(form: RedConfirmation, action: string): PlatformError {
  if (form.status === '07') return new PlatformError('EXPIRED', `红字确认单 ${form.number} 已超过 72 小时未确认，已自动作废，不能${action}`)
  const issued = form.redInvoiceNumber ? `，已开具红字发票 ${form.redInvoiceNumber}` : ''
  return new PlatformError('CONFLICT', `红字确认单 ${form.number} 当前状态为“${statusLabel(form.status)}”${issued}，不能${action}`)
}
