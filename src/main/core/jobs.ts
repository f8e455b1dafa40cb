// Long work (imports, exports) reports progress and can be cancelled. The caller names the job
// (its jobId) so the UI can follow and cancel it while the call is still running.
import type { AppEvent } from '../../shared/events'
import { AppError } from './errors'

export interface Job {
  /** total 0: not known yet (a streamed file is counted as it is read) */
  progress(done: number, total: number, phase: string): void
  /** throws CANCELLED once the user cancelled; call it between slices of work */
  checkpoint(): void
  cancelled(): boolean
  /** lets other calls and events through between slices */
  yield(): Promise<void>
}

export interface Jobs {
  start(jobId: string | undefined): Job & { end(): void }
  cancel(jobId: string): boolean
}

const PROGRESS_INTERVAL_MS = 100

export function createJobs(emit: (e: AppEvent) => void): Jobs {
  const running = new Map<string, { cancelled: boolean }>()
  return {
    start(jobId) {
      const state = { cancelled: false }
      if (jobId) running.set(jobId, state)
      let last = 0
      return {
        progress(done, total, phase) {
          const now = Date.now()
          // throttled, but the last step of a phase always goes out; total 0 means not yet known
          if (!jobId || (now - last < PROGRESS_INTERVAL_MS && (total === 0 || done < total))) return
          last = now
          emit({ type: 'progress', jobId, done, total, phase })
        },
        cancelled: () => state.cancelled,
        checkpoint() {
          if (state.cancelled) throw new AppError('CANCELLED', '已取消，数据未作任何修改')
        },
        yield: () => new Promise((resolve) => setImmediate(resolve)),
        end() {
          if (jobId) running.delete(jobId)
        },
      }
    },
    cancel(jobId) {
      const s = running.get(jobId)
      if (!s) return false
      s.cancelled = true
      return true
    },
  }
}
