// 关闭窗口 / 退出: nothing typed is lost and nothing queued is forgotten silently. The window is first
// asked to save what its autosave still holds (with a time limit: a hung page must not keep the app
// from closing); then, if the autosave failed or invoices still wait in the outbox for the tax
// platform, the bookkeeper is asked — in Chinese, naming how many — whether to quit anyway.

/** the window's answer to "save now": saved, failed (autosave could not save), or no answer in time */
export type FlushOutcome = 'saved' | 'failed' | 'timeout'

export interface CloseQuestion {
  message: string
  detail: string
  buttons: [string, string]
  /** 取消 is the default and what Esc chooses: quitting is the deliberate act */
  defaultId: 1
  cancelId: 1
}

export const QUIT_ANYWAY = 0

/** what to ask before closing, or null to close at once */
export function closeQuestion(s: { flush: FlushOutcome; queued: number }): CloseQuestion | null {
  if (s.flush === 'saved' && s.queued === 0) return null
  const lines: string[] = []
  if (s.queued > 0) lines.push(`还有 ${s.queued} 张发票尚未送达税务平台。它们已保存在本机，下次打开票税通时会继续上传；现在退出，这些发票要等下次打开后才会开具。`)
  if (s.flush === 'failed') lines.push('正在编辑的发票草稿未能自动保存，退出后最近的修改会丢失。')
  if (s.flush === 'timeout') lines.push('窗口未能及时确认草稿已保存，退出可能丢失最近的修改。')
  const message = s.queued > 0 ? `还有 ${s.queued} 张发票尚未送达税务平台，确定退出吗？` : '草稿可能尚未保存，确定退出吗？'
  return { message, detail: lines.join('\n'), buttons: ['仍然退出', '取消'], defaultId: 1, cancelId: 1 }
}

export interface CloseSteps {
  /**
   * the app goes on running without its window (macOS: closing the window is not quitting), so
   * sync keeps sending the outbox: only the flush matters then
   */
  keepsRunning: boolean
  /** asks the window to save now; answers within the time limit or 'timeout' */
  flush(): Promise<FlushOutcome>
  /** invoices in the outbox not yet accepted by the platform (sync.status pending) */
  queued(): Promise<number>
  /** shows the question; the index of the button chosen */
  ask(q: CloseQuestion): Promise<number>
}

/** whether the window may close now */
export async function mayClose(steps: CloseSteps): Promise<boolean> {
  const flush = await steps.flush()
  // the count is read after the flush: a draft saved just now is not queued, but an invoice issued is
  const queued = steps.keepsRunning ? 0 : await steps.queued().catch(() => 0)
  const question = closeQuestion({ flush, queued })
  return question === null || (await steps.ask(question)) === QUIT_ANYWAY
}

/**
 * The flush requests sent to the window, each waiting for its answer (the window replies through a
 * host call with the request's id) or for the time limit.
 */
export function createFlushRequests(send: (id: number) => void, timeoutMs: number) {
  const waiting = new Map<number, (outcome: FlushOutcome) => void>()
  let next = 0
  return {
    request(): Promise<FlushOutcome> {
      const id = ++next
      return new Promise<FlushOutcome>((resolve) => {
        const timer = setTimeout(() => settle('timeout'), timeoutMs)
        const settle = (outcome: FlushOutcome) => {
          clearTimeout(timer)
          waiting.delete(id)
          resolve(outcome)
        }
        waiting.set(id, settle)
        try {
          send(id)
        } catch {
          // the window is gone: there is nothing left to save
          settle('saved')
        }
      })
    },
    /** the window's answer; an unknown or late id is ignored */
    answer(id: number, saved: boolean): void {
      waiting.get(id)?.(saved ? 'saved' : 'failed')
    },
  }
}
