// The 72-hour rule (DOMAIN.md §4): a 确认单 still waiting (02/03) at createdAt + 72 h lapses to 07,
// by the clock, whether or not anyone looks. The sandbox has no timer: every read and action on
// forms, and every read of the change feed, first sweeps the due ones with an indexed query — so no
// one can observe a due form still pending. The history and the feed carry the deadline as the
// time it lapsed, not the time of the sweep.
import { toShanghaiIso } from '../clock'
import { stmt } from '../store/statements'
import type { Ctx } from './context'
import { publishForm } from './redFeed'
import { loadForm, updateForm } from './redStore'

const DUE = `SELECT number, deadline FROM red_confirmations WHERE status IN ('02', '03') AND deadline <= ? ORDER BY deadline, number`

/** Lapses every due form in one transaction of its own (committed even if the caller's action then fails). */
export function expireDue(ctx: Ctx): number {
  const now = toShanghaiIso(ctx.clock.now())
  // the common case — nothing due — costs one index probe and no write lock
  if (!stmt(ctx.db, DUE).get(now)) return 0
  return ctx.db
    .transaction(() => {
      const due = stmt(ctx.db, DUE).all(now) as { number: string; deadline: string }[]
      for (const { number, deadline } of due) {
        const form = loadForm(ctx, number)!
        const lapsed = {
          ...form,
          status: '07' as const,
          deadline: null,
          history: [...form.history, { at: deadline, by: 'platform', action: 'expire' as const, status: '07' as const }],
        }
        updateForm(ctx, lapsed)
        publishForm(ctx, lapsed, deadline)
      }
      return due.length
    })
    .immediate()
}
