// The download runner in the core process: takes the current company's 待处理 jobs one at a time
// and runs each on a connection of its own (a company switch meanwhile does not break it). A job
// left 处理中 by a process that died is put back first, so it runs again after a crash; one this
// runner was working on when the core closed is put back at once. Finished zips older than 7 days
// are deleted when the runner starts.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import { downloadEventId, type DownloadApplication } from '../../../../shared/api/downloads'
import type { CoreContext } from '../../context'
import { AppError, isAppError } from '../../errors'
import { openLedgerConnection, type Ledger } from '../../ledger/open'
import type { Connector } from '../../sync/connection'
import { buildZip } from './buildZip'
import { platformFiles } from './fileSource'
import { claimNext, expiredFiles, failJob, finishJob, forgetFile, requeueAbandoned, saveProgress, stillMine, type JobRow } from './jobStore'

export interface DownloadRunner {
  /** look for 待处理 jobs now (a job created, the company switched); nothing when not in the background */
  kick(): void
  /** runs the 待处理 jobs now, background or not, and resolves once none is left */
  drain(): Promise<void>
  /** resolves once no job is running or waiting to be looked at */
  idle(): Promise<void>
  /** stops at the next slice; the job in hand goes back to 待处理 */
  stop(): Promise<void>
}

/** a job whose owner has not said it is alive for this long is taken to be abandoned */
export const STALE_MS = 2 * 60 * 1000
/** how often a running job's progress (and sign of life) is written to the books */
const SAVE_EVERY_MS = 1000

const HOST = os.hostname()

/** an owner is host:pid:core; on this host, its pid tells whether it still runs */
export function ownerAlive(owner: string): boolean {
  const [host, pid] = owner.split(':')
  if (host !== HOST) return true // another machine: only its heartbeat can tell
  try {
    process.kill(Number(pid), 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

class Stopped extends Error {}

export function createDownloadRunner(
  ctx: CoreContext,
  deps: { connector: Connector; /** pick up jobs by itself (the app, tests; not the CLI) */ background: boolean },
): DownloadRunner {
  const source = platformFiles(ctx, deps.connector)
  const owner = `${HOST}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`
  let loop: Promise<void> | null = null
  let again = false
  let stopped = false
  let purged = new Set<string>()

  const changed = () => ctx.events.emit({ type: 'data.changed', entity: 'downloads' })

  /** 7 days after it finished, a package is deleted (DOMAIN.md §6); the list says so */
  const purge = (ledger: Ledger) => {
    if (purged.has(ledger.file)) return
    purged = new Set(purged).add(ledger.file)
    for (const old of expiredFiles(ledger, ctx.clock.now())) {
      fs.rmSync(old.filePath, { force: true })
      forgetFile(ledger, old.id)
    }
  }

  const runJob = async (ledger: Ledger, row: JobRow) => {
    const params = JSON.parse(row.params) as DownloadApplication
    const job = ctx.jobs.start(downloadEventId(row.id))
    let lastSave = 0
    let done = 0
    let total = 0
    const steps = {
      now: () => ctx.now(),
      clockNow: () => ctx.clock.now(),
      checkpoint() {
        if (stopped) throw new Stopped()
        // a cancel comes as a change of the row (from this core or another process)
        // …or it was put back and taken by another runner: this one leaves it to that one
        if (job.cancelled() || !stillMine(ledger, row.id, owner)) throw new AppError('CANCELLED', '下载任务已取消')
      },
      progress(d: number, t: number, phase: string) {
        job.progress(d, t, phase)
        // the files are what the list counts; the platform's months only keep the job alive
        const files = phase === '生成发票文件'
        if (files) {
          done = d
          total = t
        }
        const now = Date.now()
        if (now - lastSave < SAVE_EVERY_MS && d < t) return
        lastSave = now
        saveProgress(ledger, row.id, owner, done, total, ctx.now())
      },
      yield: () => job.yield(),
    }
    try {
      const result = await buildZip(ledger, { id: row.id, params }, { source, connect: () => deps.connector.connect(ledger) }, steps)
      // cancelled at the very end: the finished package goes too
      if (!finishJob(ledger, row.id, owner, { ...result, done: result.count, total: result.count }, ctx.now())) fs.rmSync(result.filePath, { force: true })
    } catch (e) {
      if (e instanceof Stopped) {
        ledger.db.prepare("UPDATE download_jobs SET state = 'pending', owner = NULL, heartbeat_at = NULL WHERE id = ? AND owner = ? AND state = 'running'").run(row.id, owner)
        return
      }
      if (isAppError(e) && e.code === 'CANCELLED') return
      if (!isAppError(e)) console.error(`[downloads] job ${row.id} failed:`, e)
      failJob(ledger, row.id, owner, `下载失败（已完成 ${done}/${total}）：${(e as Error).message}`, ctx.now())
    } finally {
      job.end()
      changed()
    }
  }

  const run = async () => {
    let file: string
    try {
      file = (await ctx.ledger()).file
    } catch {
      return // no company yet: nothing to run
    }
    const ledger = openLedgerConnection(file)
    try {
      purge(ledger)
      while (!stopped) {
        again = false
        if (requeueAbandoned(ledger, ownerAlive, ctx.clock.now(), STALE_MS).length > 0) changed()
        const row = claimNext(ledger, owner, ctx.now())
        if (!row) break
        changed()
        await runJob(ledger, row)
      }
    } finally {
      ledger.close()
    }
  }

  const start = () => {
    if (stopped) return
    if (loop) {
      again = true
      return
    }
    loop = run()
      .catch((e) => console.error('[downloads] runner failed:', e))
      .finally(() => {
        loop = null
        if (again) start()
      })
  }
  const idle = async () => {
    while (loop) await loop
  }

  return {
    kick: () => deps.background && start(),
    async drain() {
      start()
      await idle()
    },
    idle,
    async stop() {
      stopped = true
      await loop
    },
  }
}
