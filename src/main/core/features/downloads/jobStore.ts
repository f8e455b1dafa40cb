// The download_jobs rows: what a job is, who works on it, and how far it got. Every change of state
// is one guarded UPDATE (`WHERE state = …`), so two processes on the same books (the app and a CLI
// `downloads create --wait`) never both take a job, and a cancel is never overwritten by a finish.
import { desc, eq } from 'drizzle-orm'
import { DOWNLOAD_KEEP_DAYS, DOWNLOAD_STATE_LABELS, type DownloadApplication, type DownloadJob } from '../../../../shared/api/downloads'
import { AppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import { downloadJobs } from '../../ledger/schema'

export type JobRow = typeof downloadJobs.$inferSelect

const DAY_MS = 24 * 60 * 60 * 1000

/** when a finished job's zip goes (its finish + 7 days), in the books' time format */
export function expiryOf(finishedAt: string): string {
  return shiftIso(finishedAt, DOWNLOAD_KEEP_DAYS * DAY_MS)
}

/** an ISO time with +08:00 moved by ms, kept in +08:00 */
function shiftIso(iso: string, ms: number): string {
  const t = new Date(new Date(iso).getTime() + ms + 8 * 60 * 60 * 1000).toISOString()
  return `${t.slice(0, 19)}+08:00`
}

export function toJob(r: JobRow): DownloadJob {
  const finished = r.state === 'done' && r.finishedAt
  return {
    id: r.id,
    createdAt: r.createdAt,
    params: JSON.parse(r.params) as DownloadApplication,
    state: r.state,
    stateLabel: DOWNLOAD_STATE_LABELS[r.state],
    done: r.done,
    total: r.total,
    fileName: r.fileName,
    note: r.note,
    error: r.error,
    finishedAt: r.finishedAt,
    expiresAt: finished ? expiryOf(r.finishedAt!) : null,
    expired: r.state === 'done' && r.filePath === null,
  }
}

export function insertJob(ledger: Ledger, params: DownloadApplication, now: string): JobRow {
  return ledger.orm
    .insert(downloadJobs)
    .values({ createdAt: now, params: JSON.stringify(params), state: 'pending' })
    .returning()
    .get()
}

export function jobRow(ledger: Ledger, id: number): JobRow {
  const row = ledger.orm.select().from(downloadJobs).where(eq(downloadJobs.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', `没有找到编号为 ${id} 的下载任务`)
  return row
}

export function listJobs(ledger: Ledger): JobRow[] {
  return ledger.orm.select().from(downloadJobs).orderBy(desc(downloadJobs.id)).all()
}

/** the job is still 处理中 and this owner's (a cancel from another call or process shows here) */
export function stillMine(ledger: Ledger, id: number, owner: string): boolean {
  return ledger.db.prepare("SELECT 1 FROM download_jobs WHERE id = ? AND state = 'running' AND owner = ?").get(id, owner) !== undefined
}

/**
 * Puts back jobs left 处理中 by a process that is gone: its pid no longer runs on this machine, or
 * it has not said it is alive for `staleMs` (another machine, a reused pid). Returns their ids.
 */
export function requeueAbandoned(ledger: Ledger, isAlive: (owner: string) => boolean, now: Date, staleMs: number): number[] {
  const running = ledger.db.prepare("SELECT id, owner, heartbeat_at AS heartbeatAt FROM download_jobs WHERE state = 'running'").all() as {
    id: number
    owner: string | null
    heartbeatAt: string | null
  }[]
  const abandoned = running.filter((j) => !j.owner || !isAlive(j.owner) || !j.heartbeatAt || now.getTime() - new Date(j.heartbeatAt).getTime() > staleMs)
  const put = ledger.db.prepare("UPDATE download_jobs SET state = 'pending', owner = NULL, heartbeat_at = NULL WHERE id = ? AND state = 'running' AND owner IS ?")
  return abandoned.filter((j) => put.run(j.id, j.owner).changes === 1).map((j) => j.id)
}

/** takes the oldest job 待处理 for `owner`; null when there is none (or another process took it first) */
export function claimNext(ledger: Ledger, owner: string, now: string): JobRow | null {
  for (;;) {
    const id = ledger.db.prepare("SELECT id FROM download_jobs WHERE state = 'pending' ORDER BY id LIMIT 1").pluck().get() as number | undefined
    if (id === undefined) return null
    const taken = ledger.db
      .prepare("UPDATE download_jobs SET state = 'running', owner = ?, heartbeat_at = ?, done = 0, total = 0, error = NULL, note = NULL WHERE id = ? AND state = 'pending'")
      .run(owner, now, id)
    if (taken.changes === 1) return jobRow(ledger, id)
  }
}

/** progress and a sign of life, only while the job is still this owner's and 处理中 */
export function saveProgress(ledger: Ledger, id: number, owner: string, done: number, total: number, now: string): boolean {
  return (
    ledger.db.prepare("UPDATE download_jobs SET done = ?, total = ?, heartbeat_at = ? WHERE id = ? AND state = 'running' AND owner = ?").run(done, total, now, id, owner)
      .changes === 1
  )
}

export function finishJob(
  ledger: Ledger,
  id: number,
  owner: string,
  result: { filePath: string; fileName: string; note: string | null; done: number; total: number },
  now: string,
): boolean {
  return (
    ledger.db
      .prepare(
        `UPDATE download_jobs SET state = 'done', file_path = ?, file_name = ?, note = ?, done = ?, total = ?, finished_at = ?, owner = NULL, heartbeat_at = NULL
         WHERE id = ? AND state = 'running' AND owner = ?`,
      )
      .run(result.filePath, result.fileName, result.note, result.done, result.total, now, id, owner).changes === 1
  )
}

export function failJob(ledger: Ledger, id: number, owner: string, error: string, now: string): boolean {
  return (
    ledger.db
      .prepare("UPDATE download_jobs SET state = 'failed', error = ?, finished_at = ?, owner = NULL, heartbeat_at = NULL WHERE id = ? AND state = 'running' AND owner = ?")
      .run(error, now, id, owner).changes === 1
  )
}

/** 取消: only a job 待处理 or 处理中; the runner working on it sees the change at its next slice */
export function cancelJob(ledger: Ledger, id: number, now: string): JobRow {
  const row = jobRow(ledger, id)
  const changed = ledger.db
    .prepare("UPDATE download_jobs SET state = 'cancelled', finished_at = ?, owner = NULL, heartbeat_at = NULL WHERE id = ? AND state IN ('pending', 'running')")
    .run(now, id).changes
  if (changed === 0) throw new AppError('CONFLICT', `下载任务 ${id} ${DOWNLOAD_STATE_LABELS[row.state]}，不能取消`)
  return jobRow(ledger, id)
}

/** finished zips older than 7 days: their rows, to delete the files and say so in the list */
export function expiredFiles(ledger: Ledger, now: Date): { id: number; filePath: string }[] {
  const rows = ledger.db.prepare("SELECT id, file_path AS filePath, finished_at AS finishedAt FROM download_jobs WHERE state = 'done' AND file_path IS NOT NULL").all() as {
    id: number
    filePath: string
    finishedAt: string
  }[]
  return rows.filter((r) => new Date(r.finishedAt).getTime() + DOWNLOAD_KEEP_DAYS * DAY_MS <= now.getTime())
}

export function forgetFile(ledger: Ledger, id: number): void {
  ledger.db.prepare('UPDATE download_jobs SET file_path = NULL WHERE id = ?').run(id)
}
