// A long core job (import, export, table load) followed from the screen: its progress events,
// and 取消 while the call is still running (DESIGN.md §3).
import { onUnmounted, reactive, readonly } from 'vue'
import { api, newJobId, onEvent } from '../api'

export interface JobState {
  running: boolean
  phase: string
  done: number
  total: number
}

export function useJob() {
  const state = reactive<JobState>({ running: false, phase: '', done: 0, total: 0 })
  let current: string | null = null

  const off = onEvent((e) => {
    if (e.type !== 'progress' || e.jobId !== current) return
    state.phase = e.phase
    state.done = e.done
    state.total = e.total
  })
  onUnmounted(off)

  /** runs `work` under a fresh job id; progress shows until it settles */
  async function run<T>(work: (jobId: string) => Promise<T>): Promise<T> {
    const jobId = newJobId()
    current = jobId
    Object.assign(state, { running: true, phase: '准备', done: 0, total: 0 })
    try {
      return await work(jobId)
    } finally {
      if (current === jobId) {
        current = null
        state.running = false
      }
    }
  }

  /** asks the core to stop; the call then fails with CANCELLED and nothing is changed */
  async function cancel(): Promise<void> {
    if (current) await api.jobs.cancel({ jobId: current })
  }

  return { state: readonly(state), run, cancel }
}

/** 0–100 for a progress bar; an unknown total shows as 0 */
export function percent(s: Pick<JobState, 'done' | 'total'>): number {
  return s.total > 0 ? Math.min(100, Math.round((s.done / s.total) * 100)) : 0
}
