// 红字确认单 as the platform tells it — in answer to this company's request or through the change
// feed when the counterparty acted (or the 72-hour clock did) — written into the ledger. Safe to
// repeat: the same form applied twice changes nothing the second time.
import { eq } from 'drizzle-orm'
import { RED_STATUSES, type CreateRedConfirmationRequest, type RedConfirmation } from '../../../../shared/platform/red'
import type { InvoiceStatusChange } from '../../../../shared/platform/booking'
import { fenOf } from '../../../../shared/domain/invoice'
import type { Ledger } from '../../ledger/open'
import { redConfirmations } from '../../ledger/schema'
import { rowByKey, type OutboxRow } from '../../sync/outbox'
import { recordAudit } from '../audit/service'
import { readCompany } from '../companies/service'
import { applyPlatformStatus } from '../invoices/lifecycle'

/** the command's payload in the outbox: what this company asked */
export type RedCommandPayload =
  | { kind: 'create'; body: Omit<CreateRedConfirmationRequest, 'clientRef'> }
  | { kind: 'decide'; number: string; body: { agree: boolean; opinion: string } }
  | { kind: 'withdraw'; number: string }
  | { kind: 'issue'; number: string }

type FormColumns = Omit<typeof redConfirmations.$inferInsert, 'id' | 'failure' | 'createdAt' | 'updatedAt'>

function columnsOf(ledger: Ledger, form: RedConfirmation): FormColumns {
  const me = readCompany(ledger.orm)?.taxId
  const role = form.seller.taxId === me ? 'seller' : 'buyer'
  const other = role === 'seller' ? form.buyer : form.seller
  return {
    number: form.number,
    blueNumber: form.blueNumber,
    kind: form.kind,
    reason: form.reason,
    initiator: form.initiator,
    role,
    status: form.status,
    counterpartyTaxId: other.taxId,
    counterpartyName: other.name,
    amountFen: fenOf(form.amount),
    taxFen: fenOf(form.tax),
    totalFen: fenOf(form.total),
    lines: JSON.stringify(form.lines),
    document: JSON.stringify(form),
    deadline: form.deadline,
    redInvoiceNumber: form.redInvoiceNumber,
  }
}

/**
 * The platform's form into the ledger: the row with its number, else the row this company entered
 * (`localId`, or found by the create request's key), else a new row (the counterparty entered it).
 */
export function recordRedForm(ledger: Ledger, form: RedConfirmation, now: string, localId?: number): number {
  const byNumber = ledger.orm.select({ id: redConfirmations.id, document: redConfirmations.document }).from(redConfirmations).where(eq(redConfirmations.number, form.number)).get()
  const own = form.clientRef ? rowByKey(ledger, form.clientRef) : undefined
  const id = byNumber?.id ?? localId ?? (own?.documentType === 'red-confirmation' ? own.documentId : undefined)
  const c = columnsOf(ledger, form)
  if (id === undefined) {
    const { id: newId } = ledger.orm
      .insert(redConfirmations)
      .values({ ...c, createdAt: now, updatedAt: now })
      .returning({ id: redConfirmations.id })
      .get()
    recordAudit(ledger.orm, now, { action: 'create', entity: 'red', entityId: newId, summary: `收到红字确认单 ${form.number}（${c.counterpartyName} 录入）` })
    return newId
  }
  if (byNumber?.document === c.document) return id
  ledger.orm
    .update(redConfirmations)
    .set({ ...c, updatedAt: now })
    .where(eq(redConfirmations.id, id))
    .run()
  return id
}

/** this company's request was accepted: the form as it now stands, and no refusal left on it */
export function applyRedAnswer(ledger: Ledger, localId: number, form: RedConfirmation, now: string): void {
  const id = recordRedForm(ledger, form, now, localId)
  ledger.orm.update(redConfirmations).set({ failure: null }).where(eq(redConfirmations.id, id)).run()
  recordAudit(ledger.orm, now, {
    action: 'update',
    entity: 'red',
    entityId: id,
    summary: `红字确认单 ${form.number}：平台已受理（${RED_STATUSES.find((x) => x.code === form.status)?.label ?? form.status}）`,
  })
}

/** refused (expired, already decided, nothing left to reverse…): the platform's words on the form */
export function applyRedRefusal(ledger: Ledger, row: OutboxRow, message: string, now: string): void {
  ledger.orm.update(redConfirmations).set({ failure: message, updatedAt: now }).where(eq(redConfirmations.id, row.documentId)).run()
  recordAudit(ledger.orm, now, { action: 'update', entity: 'red', entityId: row.documentId, summary: `平台拒绝：${message}` })
}

/** a blue invoice's 红冲状态, 入账 or 用途 changed: on this company's own copy, 销项 or 进项, through the invoice's owner */
export function applyInvoiceStatus(ledger: Ledger, change: InvoiceStatusChange): void {
  applyPlatformStatus(ledger, change)
}
