// Every red-invoice call in one place, for the in-process API and the HTTP server alike: the
// 72-hour sweep first (so no action sees a due form still pending), the key checked, then the rule.
// The buyer's 入账 and 用途确认 run here too: they decide the red path.
import { RedConfirmation, RedConfirmationPage, RedConfirmationQuery } from '../../shared/platform/red'
import type { BookingStatus, UseBatchResult, UseChoice } from '../../shared/platform/booking'
import type { Ctx } from './context'
import { markBooked, setBooking } from './booking'
import { bookInvoices } from './bookingBatch'
import { checkKey, type StoredResponse } from './idempotency'
import { createRedConfirmation } from './redCreate'
import { decideRedConfirmation } from './redDecide'
import { expireDue } from './redExpiry'
import { issueAgreedRedConfirmation } from './redIssue'
import { formForParty, listForms } from './redStore'
import { withdrawRedConfirmation } from './redWithdraw'
import { confirmUse, markUse } from './useConfirm'

export type RedAction =
  | { kind: 'create'; body: unknown }
  | { kind: 'decide'; number: string; body: unknown }
  | { kind: 'withdraw'; number: string }
  | { kind: 'issue'; number: string; body: unknown }
  /** the buyer's 入账; the only one a key is optional for (the admin CLI sends none) */
  | { kind: 'booking'; number: string; body: unknown }
  /** 入账 / 撤销入账 of many invoices (POST /bookings) */
  | { kind: 'bookings'; body: unknown }
  /** 用途确认 of many 专票 (POST /use-confirmations) */
  | { kind: 'use'; body: unknown }

export type Answer = StoredResponse & { replayed: boolean }

export function runRedAction(ctx: Ctx, taxId: string, action: RedAction, key: string | undefined): Answer {
  expireDue(ctx)
  switch (action.kind) {
    case 'create':
      return createRedConfirmation(ctx, taxId, action.body, checkKey(key))
    case 'decide':
      return decideRedConfirmation(ctx, taxId, action.number, action.body, checkKey(key))
    case 'withdraw':
      return withdrawRedConfirmation(ctx, taxId, action.number, checkKey(key))
    case 'issue':
      return issueAgreedRedConfirmation(ctx, taxId, action.number, action.body, checkKey(key))
    case 'booking':
      return setBooking(ctx, taxId, action.number, action.body, key === undefined ? null : checkKey(key))
    case 'bookings':
      return bookInvoices(ctx, taxId, action.body, checkKey(key))
    case 'use':
      return confirmUse(ctx, taxId, action.body, checkKey(key))
  }
}

export function adminMarkBooked(ctx: Ctx, number: string, opts: { status?: BookingStatus; period?: string }): Answer {
  expireDue(ctx)
  return markBooked(ctx, number, opts)
}

export function adminConfirmUse(ctx: Ctx, number: string, use: UseChoice): UseBatchResult {
  expireDue(ctx)
  return markUse(ctx, number, use)
}

export function readRedConfirmation(ctx: Ctx, taxId: string, number: string): RedConfirmation {
  expireDue(ctx)
  return formForParty(ctx, taxId, number).form
}

export function readRedConfirmations(ctx: Ctx, taxId: string, query?: RedConfirmationQuery): RedConfirmationPage {
  expireDue(ctx)
  return listForms(ctx, taxId, query)
}
