import { describe, expect, it } from 'vitest'
import { closeQuestion, createFlushRequests, mayClose, QUIT_ANYWAY, type CloseQuestion, type FlushOutcome } from './closeGuard'

describe('what to ask before closing', () => {
  it('all saved, nothing queued: close without a question', () => {
    expect(closeQuestion({ flush: 'saved', queued: 0 })).toBeNull()
  })

  it('queued invoices: names how many, 仍然退出 / 取消 with 取消 the default', () => {
    const q = closeQuestion({ flush: 'saved', queued: 3 })!
    expect(q.message).toBe('还有 3 张发票尚未送达税务平台，确定退出吗？')
    expect(q.detail).toContain('下次打开票税通时会继续上传')
    expect(q.buttons).toEqual(['仍然退出', '取消'])
    expect([q.defaultId, q.cancelId]).toEqual([1, 1])
  })

  it('an autosave that failed or did not answer is said, with or without queued invoices', () => {
    expect(closeQuestion({ flush: 'failed', queued: 0 })!.detail).toBe('正在编辑的发票草稿未能自动保存，退出后最近的修改会丢失。')
    expect(closeQuestion({ flush: 'timeout', queued: 0 })!.message).toBe('草稿可能尚未保存，确定退出吗？')
    const both = closeQuestion({ flush: 'failed', queued: 1 })!
    expect(both.message).toContain('还有 1 张发票')
    expect(both.detail.split('\n')).toHaveLength(2)
  })
})

describe('the close sequence', () => {
  const run = (flush: FlushOutcome, queued: number, answer: number) => {
    const order: string[] = []
    let asked: CloseQuestion | null = null
    const result = mayClose({
      keepsRunning: false,
      flush: async () => (order.push('flush'), flush),
      queued: async () => (order.push('queued'), queued),
      ask: async (q) => ((asked = q), order.push('ask'), answer),
    })
    return result.then((close) => ({ close, order, asked: asked as CloseQuestion | null }))
  }

  it('flushes first, then counts the outbox, and closes when all is done', async () => {
    expect(await run('saved', 0, 1)).toEqual({ close: true, order: ['flush', 'queued'], asked: null })
  })

  it('asks about queued invoices: 取消 keeps the window, 仍然退出 closes it', async () => {
    expect((await run('saved', 2, 1)).close).toBe(false)
    const quit = await run('saved', 2, QUIT_ANYWAY)
    expect(quit.close).toBe(true)
    expect(quit.asked!.message).toContain('还有 2 张发票')
  })

  it('an outbox that cannot be read does not keep the app from closing', async () => {
    const close = await mayClose({ keepsRunning: false, flush: async () => 'saved', queued: () => Promise.reject(new Error('账簿已关闭')), ask: async () => 1 })
    expect(close).toBe(true)
  })

  it('macOS, the window closed but the app still running (sync goes on): only the flush is asked about', async () => {
    let counted = false
    const steps = (flush: FlushOutcome) => ({
      keepsRunning: true,
      flush: async () => flush,
      queued: async () => ((counted = true), 5),
      ask: async () => 1,
    })
    expect(await mayClose(steps('saved'))).toBe(true)
    expect(counted).toBe(false)
    expect(await mayClose(steps('failed'))).toBe(false)
  })
})

describe('flush requests to the window', () => {
  it('resolves with the window’s answer to its own id', async () => {
    const sent: number[] = []
    const flushes = createFlushRequests((id) => sent.push(id), 1000)
    const first = flushes.request()
    const second = flushes.request()
    flushes.answer(sent[1]!, false)
    flushes.answer(sent[0]!, true)
    expect(await first).toBe('saved')
    expect(await second).toBe('failed')
    // a late or unknown answer changes nothing
    flushes.answer(sent[0]!, false)
    flushes.answer(99, true)
  })

  it('a window that does not answer in time: timeout', async () => {
    const flushes = createFlushRequests(() => undefined, 30)
    expect(await flushes.request()).toBe('timeout')
  })

  it('a window already gone: nothing to save', async () => {
    const flushes = createFlushRequests(() => {
      throw new Error('Object has been destroyed')
    }, 1000)
    expect(await flushes.request()).toBe('saved')
  })
})
