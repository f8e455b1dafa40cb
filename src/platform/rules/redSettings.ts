// 确认即开票: whether agreeing to a 确认单 issues its red invoice at once (today's platform, the
// default) or leaves it to the seller's 开票 call (the manual's separate step). DOMAIN.md §4.
import { stmt } from '../store/statements'
import type { Ctx } from './context'

const KEY = 'red.confirm_issues'

export function confirmIssues(ctx: Ctx): boolean {
  const row = stmt(ctx.db, 'SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined
  return row?.value !== 'off'
}

export function setConfirmIssues(ctx: Ctx, on: boolean): boolean {
  stmt(ctx.db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, on ? 'on' : 'off')
  return on
}
