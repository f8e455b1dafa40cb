// How an invoice's 状态 reads on screen: one place for the words and the tag colours, so the list,
// the detail and the tests agree (同步状态: src/shared/syncLabels.ts).
import type { InvoiceState } from '../../../../shared/api/invoices'
import { INVOICE_STATES } from '../../../../shared/api/invoices'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

const STATE_TAGS: Record<InvoiceState, TagType> = {
  draft: 'info',
  queued: 'warning',
  issuing: 'primary',
  issued: 'success',
  failed: 'danger',
}

export function stateLabel(state: InvoiceState): string {
  return INVOICE_STATES.find((s) => s.code === state)?.label ?? state
}

export function stateTag(state: InvoiceState): TagType {
  return STATE_TAGS[state]
}
