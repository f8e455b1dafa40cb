// Every red-invoice call in one place, for the in-process API and the HTTP server alike: the
// 72-hour sweep first (so no action sees a due form still pending), the key checked, then the rule.
import { RedConfirmation, RedConfirmationPage, RedConfirmationQuery } from '../../shared/platform/red'
import type { BookingStatus } from '../../shared/platform/booking'
import type { Ctx } from './context'
import { markBooked, setBooking } from './booking'
import { checkKey, type StoredResponse } from './idempotency'
import { createRedConfirmation } from './redCreate'
import { decideRedConfirmation } from './redDecide'
import { expireDue } from './redExpiry'
import { issueAgreedRedConfirmation } from './redIssue'
import { formForParty, listForms } from './redStore'
import { withdrawRedConfirmation } from './redWithdraw'

export type RedAction =
  | { kind: 'create'; body: unknown }
  | { kind: 'decide'; number: string; body: unknown }
  | { kind: 'withdraw'; number: string }
  | { kind: 'issue'; number: string; body: unknown }
  /** the buyer's 入账; the only one a key is optional for (the admin CLI sends none) */
  | { kind: 'booking'; number: string; body: unknown }

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
  }
}

export function adminMarkBooked(ctx: Ctx, number: string, opts: { status?: BookingStatus; period?: string }): Answer {
  expireDue(ctx)
  return markBooked(ctx, number, opts)
}

export function readRedConfirmation(ctx: Ctx, taxId: string, number: string): RedConfirmation {
  expireDue(ctx)
  return formForParty(ctx, taxId, number).form
}

export function readRedConfirmations(ctx: Ctx, taxId: string, query?: RedConfirmationQuery): RedConfirmationPage {
  expireDue(ctx)
  return listForms(ctx, taxId, query)
}
