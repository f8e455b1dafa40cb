// 红字确认单 as the platform tells it — in answer to this company's request or through the change
// feed when the counterparty acted (or the 72-hour clock did) — written into the ledger. Safe to
// repeat: the same form applied twice changes nothing the second time.
import { RED_STATUSES, type CreateRedConfirmationRequest, type RedConfirmation } from '../../../../shared/platform/red'
import type { InvoiceStatusChange } from '../../../../shared/platform/booking'
import { fenOf } from '../../../../shared/domain/invoice'
import type { Ledger } from '../../ledger/open'
import { rowByKey, type OutboxRow } from '../../sync/outbox'
import { prepared } from '../../sync/statements'
import { recordAudit } from '../audit/service'
import { readCompany } from '../companies/service'

/** the command's payload in the outbox: what this company asked */
export type RedCommandPayload =
  | { kind: 'create'; body: Omit<CreateRedConfirmationRequest, 'clientRef'> }
  | { kind: 'decide'; number: string; body: { agree: boolean; opinion: string } }
  | { kind: 'withdraw'; number: string }
  | { kind: 'issue'; number: string }

function columnsOf(ledger: Ledger, form: RedConfirmation) {
  const me = readCompany(ledger.orm)?.taxId
  const role = form.seller.taxId === me ? 'seller' : 'buyer'
  const other = role === 'seller' ? form.buyer : form.seller
  return {
    number: form.number,
    blue_number: form.blueNumber,
    kind: form.kind,
    reason: form.reason,
    initiator: form.initiator,
    role,
    status: form.status,
    counterparty_tax_id: other.taxId,
    counterparty_name: other.name,
    amount_fen: fenOf(form.amount),
    tax_fen: fenOf(form.tax),
    total_fen: fenOf(form.total),
    lines: JSON.stringify(form.lines),
    document: JSON.stringify(form),
    deadline: form.deadline,
    red_invoice_number: form.redInvoiceNumber,
  }
}

/**
 * The platform's form into the ledger: the row with its number, else the row this company entered
 * (`localId`, or found by the create request's key), else a new row (the counterparty entered it).
 */
export function recordRedForm(ledger: Ledger, form: RedConfirmation, now: string, localId?: number): number {
  const byNumber = prepared(ledger, 'SELECT id, document FROM red_confirmations WHERE number = ?').get(form.number) as { id: number; document: string | null } | undefined
  const own = form.clientRef ? rowByKey(ledger, form.clientRef) : undefined
  const id = byNumber?.id ?? localId ?? (own?.documentType === 'red-confirmation' ? own.documentId : undefined)
  const c = columnsOf(ledger, form)
  if (id === undefined) {
    const { id: newId } = prepared(
      ledger,
      `INSERT INTO red_confirmations (number, blue_number, kind, reason, initiator, role, status, counterparty_tax_id, counterparty_name,
         amount_fen, tax_fen, total_fen, lines, document, deadline, red_invoice_number, created_at, updated_at)
       VALUES (@number, @blue_number, @kind, @reason, @initiator, @role, @status, @counterparty_tax_id, @counterparty_name,
         @amount_fen, @tax_fen, @total_fen, @lines, @document, @deadline, @red_invoice_number, @now, @now) RETURNING id`,
    ).get({ ...c, now }) as { id: number }
    recordAudit(ledger.orm, now, { action: 'create', entity: 'red', entityId: newId, summary: `收到红字确认单 ${form.number}（${c.counterparty_name} 录入）` })
    return newId
  }
  if (byNumber?.document === c.document) return id
  prepared(
    ledger,
    `UPDATE red_confirmations SET number = @number, blue_number = @blue_number, kind = @kind, reason = @reason, initiator = @initiator,
       role = @role, status = @status, counterparty_tax_id = @counterparty_tax_id, counterparty_name = @counterparty_name,
       amount_fen = @amount_fen, tax_fen = @tax_fen, total_fen = @total_fen, lines = @lines, document = @document,
       deadline = @deadline, red_invoice_number = @red_invoice_number, updated_at = @now WHERE id = @id`,
  ).run({ ...c, now, id })
  return id
}

/** this company's request was accepted: the form as it now stands, and no refusal left on it */
export function applyRedAnswer(ledger: Ledger, localId: number, form: RedConfirmation, now: string): void {
  const id = recordRedForm(ledger, form, now, localId)
  prepared(ledger, 'UPDATE red_confirmations SET failure = NULL WHERE id = ?').run(id)
  recordAudit(ledger.orm, now, {
    action: 'update',
    entity: 'red',
    entityId: id,
    summary: `红字确认单 ${form.number}：平台已受理（${RED_STATUSES.find((x) => x.code === form.status)?.label ?? form.status}）`,
  })
}

/** refused (expired, already decided, nothing left to reverse…): the platform's words on the form */
export function applyRedRefusal(ledger: Ledger, row: OutboxRow, message: string, now: string): void {
  prepared(ledger, 'UPDATE red_confirmations SET failure = ?, updated_at = ? WHERE id = ?').run(message, now, row.documentId)
  recordAudit(ledger.orm, now, { action: 'update', entity: 'red', entityId: row.documentId, summary: `平台拒绝：${message}` })
}

/** a blue invoice's 红冲状态 or 入账 changed: on this company's own copy, 销项 or 进项 */
export function applyInvoiceStatus(ledger: Ledger, change: InvoiceStatusChange): void {
  prepared(ledger, 'UPDATE invoices SET red_status = ? WHERE number = ?').run(change.redStatus, change.number)
  prepared(ledger, 'UPDATE received_invoices SET red_status = ?, booking = ? WHERE number = ?').run(change.redStatus, change.booking, change.number)
}
