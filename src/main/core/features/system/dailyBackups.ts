// 每日备份 while the app runs: the books are backed up as they open (session.ts); an app left open
// for days checks every hour whether the open ledger's newest backup is a day old.
import type { CoreContext } from '../../context'
import { dailyBackup } from '../../session'

const HOUR_MS = 60 * 60 * 1000

/** one check now: the current company's ledger, when one is open */
export async function dailyBackupCheck(ctx: Pick<CoreContext, 'session' | 'clock'>): Promise<void> {
  if (ctx.session.currentTaxId() === null) return
  await dailyBackup(await ctx.session.ledger(), ctx.clock)
}

/** hourly checks until the returned stop is called; the timer never keeps a process alive */
export function startDailyBackups(ctx: CoreContext): () => void {
  const timer = setInterval(() => void dailyBackupCheck(ctx).catch((e) => console.error('[backups]', e)), HOUR_MS)
  timer.unref()
  return () => clearInterval(timer)
}
