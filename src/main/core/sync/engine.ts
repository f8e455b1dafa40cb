// The sync engine (DESIGN.md §5): push the outbox, pull the change feed, read the quota, refresh
// the tax-code table. One run at a time; in the background while the app is open and on demand
// (立即同步). Connectivity problems mean "try later", never "failed".
import type { SyncResult } from '../../../shared/api/sync'
import type { MeResponse } from '../../../shared/platform/wire'
import type { InvoiceSettledEvent } from '../../../shared/events'
import { toShanghaiIso } from '../../../shared/domain/time'
import type { CoreContext } from '../context'
import { isAppError } from '../errors'
import { recordAudit } from '../features/audit/service'
import { importTable, parsePlatformTable, tableVersion } from '../features/taxcodes/service'
import type { Ledger } from '../ledger/open'
import { applyChanges, ensureSyncState, quotaReading, saveSyncState } from './apply'
import { saveQualification } from './qualification'
import { commandSpec } from './commands'
import type { Connection, Connector } from './connection'
import { backoffMs, dueRows, markRetry, markSending, openCount, type OutboxRow } from './outbox'
import { Refused, Unreachable } from './platformClient'

const BATCH = 64
/** requests in flight at once, each for a different document */
const PARALLEL = 4
const FEED_PAGE = 500
/** this many transient failures in a row and the platform is taken to be down for this run */
const GIVE_UP_AFTER = 3
const BACKGROUND_EVERY_MS = 15_000
/** status events during a push: a thousand queued invoices need not mean 250 status reads */
const STATUS_EVERY_MS = 250

type Sent = { outcome: 'pushed'; row: OutboxRow; answer: unknown } | { outcome: 'rejected'; row: OutboxRow } | { outcome: 'retry'; row: OutboxRow; reason: string }

export interface EngineState {
  online: boolean | null
  running: boolean
  lastError: string | null
}

export interface SyncEngine {
  run(opts?: { manual?: boolean }): Promise<SyncResult>
  state(): EngineState
  /** something was queued: a background run soon */
  kick(): void
  startBackground(): void
  stop(): void
}

/** a background run's refusal (settings damaged) is shown in the status every run; only a bug is logged */
const logUnexpected = (e: unknown) => {
  if (!isAppError(e)) console.error('[sync]', e)
}

export function createSyncEngine(ctx: CoreContext, connector: Connector, notify: { status(): void; settled(e: InvoiceSettledEvent): void }): SyncEngine {
  const state: EngineState = { online: null, running: false, lastError: null }
  let current: Promise<SyncResult> | null = null
  let timer: NodeJS.Timeout | null = null
  let soon: NodeJS.Timeout | null = null
  let stopped = false

  const later = (attempts: number) => toShanghaiIso(new Date(ctx.clock.now().getTime() + backoffMs(attempts)))

  /**
   * One command to the platform (its row already marked sending by the caller). An accepted answer
   * is returned for the caller to write with the rest of its group; a retry or refusal is written here.
   */
  async function sendOne(ledger: Ledger, conn: Connection, row: OutboxRow): Promise<Sent> {
    const spec = commandSpec(row)
    try {
      return { outcome: 'pushed', row, answer: await spec.send(conn, row) }
    } catch (e) {
      if (e instanceof Unreachable) {
        ledger.db.transaction(() => {
          markRetry(ledger, row.id, e.message, later(row.attempts + 1), ctx.now())
          spec.waiting?.(ledger, row, ctx.now())
        })()
        return { outcome: 'retry', row, reason: e.message }
      }
      if (e instanceof Refused) {
        const detail = e.issues.length
          ? `：${e.issues
              .slice(0, 5)
              .map((i) => i.message)
              .join('；')}`
          : ''
        const mismatch = e.code === 'IDEMPOTENCY_MISMATCH'
        const settled = ledger.db.transaction(() => spec.refused(ledger, row, `${e.message}${detail}`, ctx.now(), mismatch ? 'needs-action' : 'failed'))()
        if (settled) notify.settled(settled)
        return { outcome: 'rejected', row }
      }
      throw e
    }
  }

  /** the top bar's status while a long push runs: at most every STATUS_EVERY_MS (the run's end always tells) */
  let statusAt = 0
  const statusSoon = () => {
    const t = performance.now()
    if (t - statusAt < STATUS_EVERY_MS) return
    statusAt = t
    notify.status()
  }

  /** why each command this run could not deliver stays queued (Unreachable's words) */
  async function push(ledger: Ledger, conn: Connection, manual: boolean, result: SyncResult, undelivered: string[]) {
    let afterId = 0
    let failuresInRow = 0
    for (;;) {
      const rows = dueRows(ledger, { now: ctx.now(), ignoreBackoff: manual, afterId, limit: BATCH })
      if (rows.length === 0) return
      afterId = rows[rows.length - 1]!.id
      for (let i = 0; i < rows.length; i += PARALLEL) {
        const group = rows.slice(i, i + PARALLEL)
        // committed before the requests leave — the group in one transaction (one disk sync, not one per row)
        ledger.db.transaction(() => {
          for (const row of group) {
            markSending(ledger, row.id, ctx.now())
            commandSpec(row).sending?.(ledger, row, ctx.now())
          }
        })()
        const sent = await Promise.all(group.map((r) => sendOne(ledger, conn, r)))
        // the group's answers written in one transaction; a crash before it leaves the rows sending,
        // sent again with the same keys next run, and the platform answers the same
        const accepted = sent.flatMap((s) => (s.outcome === 'pushed' ? [s] : []))
        const settled = ledger.db.transaction(() => accepted.flatMap((s) => commandSpec(s.row).accepted(ledger, s.row, s.answer, ctx.now()) ?? []))()
        for (const e of settled) notify.settled(e)
        for (const s of sent) {
          if (s.outcome === 'pushed') result.pushed++
          if (s.outcome === 'rejected') result.rejected++
          if (s.outcome === 'retry') undelivered.push(s.reason)
          failuresInRow = s.outcome === 'retry' ? failuresInRow + 1 : 0
        }
        statusSoon()
        if (failuresInRow >= GIVE_UP_AFTER) throw new Unreachable('税务平台多次无响应，稍后自动重试')
      }
    }
  }

  async function pull(ledger: Ledger, conn: Connection, cursor: string, result: SyncResult) {
    for (;;) {
      const page = await conn.authed((token) => conn.client.changes(token, cursor, FEED_PAGE))
      const outcome = applyChanges(ledger, page.changes, page.cursor, ctx.now())
      result.pulled += outcome.applied
      for (const s of outcome.settled) notify.settled(s)
      if (outcome.received > 0) ctx.events.emit({ type: 'data.changed', entity: 'received' })
      // 'invoice.status' (counted with red) also carries a received invoice's 入账 and 用途
      if (outcome.red) for (const entity of ['red', 'booking']) ctx.events.emit({ type: 'data.changed', entity })
      cursor = page.cursor
      if (!page.hasMore || page.changes.length === 0) return
    }
  }

  /** the platform's table replaces ours when its version changes (never when it has none) */
  async function refreshTaxcodes(ledger: Ledger, conn: Connection, me: MeResponse, known: string | null) {
    if (!me.taxcodesVersion || me.taxcodesVersion === known) return
    const file = await conn.authed((token) => conn.client.taxcodes(token))
    if (!file) return
    const now = ctx.now()
    importTable(ledger, parsePlatformTable(file), now, (db) =>
      recordAudit(db, now, { action: 'import', entity: 'taxcodes', summary: `从税务平台更新税收分类编码表（版本 ${file.version}）` }),
    )
    saveSyncState(ledger, { taxcodesVersion: file.version })
    ctx.events.emit({ type: 'data.changed', entity: 'taxcodes' })
  }

  async function runOnce(manual: boolean): Promise<SyncResult> {
    const result: SyncResult = { pushed: 0, pulled: 0, rejected: 0, pending: 0, error: null }
    let ledger: Ledger
    try {
      ledger = await ctx.ledger()
    } catch (e) {
      if (isAppError(e) && e.code === 'NO_COMPANY') return result
      throw e
    }
    state.running = true
    notify.status()
    try {
      const conn = await connector.connect(ledger)
      const sync = ensureSyncState(ledger, conn.identity)
      saveSyncState(ledger, { lastAttemptAt: ctx.now() })
      const undelivered: string[] = []
      await push(ledger, conn, manual, result, undelivered)
      await pull(ledger, conn, sync.cursor, result)
      saveSyncState(ledger, { quota: JSON.stringify(quotaReading(await conn.authed((token) => conn.client.quota(token)))) })
      const me = await conn.authed((token) => conn.client.me(token))
      if (saveQualification(ledger, me, ctx.now())) ctx.events.emit({ type: 'data.changed', entity: 'companies' })
      // a ledger never synced holds the shipped table: the platform serving that same version sends nothing
      await refreshTaxcodes(ledger, conn, me, sync.taxcodesVersion ?? tableVersion(ledger))
      state.online = true
      // the platform answered the rest, but what it did not take is still queued: the run says so,
      // and is a success only when nothing it tried to send was left behind
      const error = undelivered.length > 0 ? `${undelivered.length} 张单据未送达税务平台：${undelivered[0]}` : null
      saveSyncState(ledger, error ? { lastError: error } : { lastSuccessAt: ctx.now(), lastError: null })
      state.lastError = error
      result.error = error
    } catch (e) {
      // the ledger may have been closed under us (company switched): nothing more to write there
      if (!ledger.db.open) return result
      // a damaged platform.json: which platform is unknown, so this is a refusal, not a run that
      // failed (the status reads the file itself, so it clears the moment the settings are saved)
      if (isAppError(e) && e.code === 'SETTINGS_DAMAGED') throw e
      const message = e instanceof Unreachable || isAppError(e) ? e.message : `同步出错：${(e as Error).message}`
      if (!(e instanceof Unreachable) && !isAppError(e) && !(e instanceof Refused)) console.error('[sync]', e)
      state.online = e instanceof Unreachable || (isAppError(e) && e.code === 'OFFLINE') ? false : state.online
      state.lastError = message
      result.error = message
      saveSyncState(ledger, { lastError: message })
    } finally {
      state.running = false
      if (ledger.db.open) result.pending = openCount(ledger)
      if (result.pushed + result.rejected + result.pulled > 0) {
        ctx.events.emit({ type: 'data.changed', entity: 'invoices' })
        ctx.events.emit({ type: 'data.changed', entity: 'red' })
        ctx.events.emit({ type: 'data.changed', entity: 'booking' })
      }
      notify.status()
    }
    return result
  }

  const engine: SyncEngine = {
    run({ manual = true } = {}) {
      // a manual run waits for the one in progress, then runs itself: what was just queued goes too
      const previous = current ?? Promise.resolve()
      if (current && !manual) return current
      const next = previous.catch(() => undefined).then(() => runOnce(manual))
      current = next
      // cleared however the run ends (a refusal included) — the caller handles the outcome itself
      const clear = () => {
        if (current === next) current = null
      }
      next.then(clear, clear)
      return next
    },
    state: () => ({ ...state }),
    kick() {
      if (!timer || soon) return
      soon = setTimeout(() => {
        soon = null
        // a run in progress may be past its push: what was just queued goes in a run right after
        // it, not at the next background tick
        void (current ?? Promise.resolve())
          .catch(() => undefined)
          .then(() => engine.run({ manual: false }))
          .catch(logUnexpected)
      }, 200)
    },
    startBackground() {
      if (timer || stopped) return
      const tick = () => void engine.run({ manual: false }).catch(logUnexpected)
      timer = setInterval(tick, BACKGROUND_EVERY_MS)
      timer.unref()
      tick()
    },
    stop() {
      stopped = true
      if (timer) clearInterval(timer)
      if (soon) clearTimeout(soon)
      timer = soon = null
    },
  }
  return engine
}
