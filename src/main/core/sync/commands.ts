// What each outbox command means (DESIGN.md §5): how it is sent, and what the platform's answer —
// accepted or refused — does to its document. The engine only moves rows; this map knows the domain.
import type { InvoiceSettledEvent } from '../../../shared/events'
import type { RedConfirmation } from '../../../shared/platform/red'
import type { IssueRequest, PlatformInvoice } from '../../../shared/platform/wire'
import type { BookingBatchAnswer, UseBatchAnswer } from '../../../shared/platform/booking'
import { applyBookingAnswer, applyBookingRefusal } from '../features/booking/apply'
import type { BookingCommandPayload } from '../features/booking/jobs'
import { markInvoice } from '../features/invoices/lifecycle'
import { applyRedAnswer, applyRedRefusal, type RedCommandPayload } from '../features/red/apply'
import type { Ledger } from '../ledger/open'
import { applyRejected, issueLocally } from './apply'
import type { Connection } from './connection'
import { markClosed, markDone, type OutboxRow } from './outbox'

type Settled = InvoiceSettledEvent

export interface CommandSpec {
  /** the document while its request may be on its way (inside the group's transaction) */
  sending?(ledger: Ledger, row: OutboxRow, now: string): void
  /** the document while it waits for a retry */
  waiting?(ledger: Ledger, row: OutboxRow, now: string): void
  send(conn: Connection, row: OutboxRow): Promise<unknown>
  /** the platform accepted: inside one transaction with the rest of the group; closes the row */
  accepted(ledger: Ledger, row: OutboxRow, answer: unknown, now: string): Settled | null
  /** the platform refused, in its words: closes the row */
  refused(ledger: Ledger, row: OutboxRow, message: string, now: string, state: 'failed' | 'needs-action'): Settled | null
}

const issueInvoice: CommandSpec = {
  sending: (ledger, row, now) => markInvoice(ledger, row.documentId, 'send', now),
  waiting: (ledger, row, now) => markInvoice(ledger, row.documentId, 'retry', now),
  send(conn, row) {
    const body = JSON.parse(row.payload) as IssueRequest
    return conn.authed((token) => conn.client.issue(token, row.idempotencyKey, { ...body, clientRef: row.idempotencyKey }))
  },
  accepted: (ledger, row, answer, now) => issueLocally(ledger, row, answer as PlatformInvoice, now),
  refused: (ledger, row, message, now, state) => applyRejected(ledger, row, message, now, state),
}

/** 红字确认单: create / decide / withdraw / issue, each answered with the whole form */
const redCommand: CommandSpec = {
  send(conn, row) {
    const payload = JSON.parse(row.payload) as RedCommandPayload
    return conn.authed((token) =>
      conn.client.red(token, row.idempotencyKey, payload.kind === 'create' ? { kind: 'create', body: { ...payload.body, clientRef: row.idempotencyKey } } : payload),
    )
  },
  accepted(ledger, row, answer, now) {
    markDone(ledger, row.id, now)
    applyRedAnswer(ledger, row.documentId, answer as RedConfirmation, now)
    return null
  },
  refused(ledger, row, message, now, state) {
    markClosed(ledger, row.id, state, message, now)
    applyRedRefusal(ledger, row, message, now)
    return null
  },
}

/** 发票入账 / 用途确认 of up to 2,000 received invoices: answered with a result per row */
const bookingCommand: CommandSpec = {
  send(conn, row) {
    const payload = JSON.parse(row.payload) as BookingCommandPayload
    return conn.authed<BookingBatchAnswer | UseBatchAnswer>((token) =>
      payload.kind === 'use'
        ? conn.client.useConfirmations(token, row.idempotencyKey, { rows: payload.rows })
        : conn.client.bookings(token, row.idempotencyKey, { rows: payload.rows }),
    )
  },
  accepted(ledger, row, answer, now) {
    markDone(ledger, row.id, now)
    applyBookingAnswer(ledger, row.documentId, JSON.parse(row.payload) as BookingCommandPayload, answer as BookingBatchAnswer | UseBatchAnswer, now)
    return null
  },
  refused(ledger, row, message, now, state) {
    markClosed(ledger, row.id, state, message, now)
    applyBookingRefusal(ledger, row.documentId, message, now)
    return null
  },
}

export const COMMANDS: Record<string, CommandSpec> = {
  'issue-invoice': issueInvoice,
  'red-confirmation.create': redCommand,
  'red-confirmation.decide': redCommand,
  'red-confirmation.withdraw': redCommand,
  'red-confirmation.issue': redCommand,
  'booking.batch': bookingCommand,
  'use.batch': bookingCommand,
}

export function commandSpec(row: OutboxRow): CommandSpec {
  const spec = COMMANDS[row.command]
  if (!spec) throw new Error(`unknown outbox command ${row.command}`)
  return spec
}
