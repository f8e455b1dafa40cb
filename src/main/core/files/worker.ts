// Runs a module of ours in a worker thread, so heavy parsing never blocks the core's event loop
// (the Electron main process, the web server). From TypeScript sources (tests, tsx) the worker
// registers tsx first; in the built app the worker is its own bundle beside the main one.
import { Worker } from 'node:worker_threads'
import type { ErrorCode } from '../../../shared/api/errors'
import { AppError } from '../errors'

/** What a worker posts back: its result, or the error it ended with. */
export type WorkerReply<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } }

function startWorker(moduleUrl: URL, workerData: unknown, maxOldGenerationSizeMb?: number): Worker {
  const resourceLimits = maxOldGenerationSizeMb ? { maxOldGenerationSizeMb } : undefined
  if (moduleUrl.pathname.endsWith('.ts')) {
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(moduleUrl.href)}) })`
    return new Worker(boot, { eval: true, workerData, resourceLimits })
  }
  return new Worker(moduleUrl, { workerData, resourceLimits })
}

/**
 * The URL of a worker module that sits beside the calling module (source) or bundle (built).
 * In a packaged app the worker is unpacked from the asar archive (electron-builder.yml).
 */
export function siblingModule(callerUrl: string, name: string): URL {
  const url = new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl)
  return new URL(url.href.replace('/app.asar/', '/app.asar.unpacked/'))
}

export interface WorkerOptions {
  /** polled: when it turns true the worker is stopped and the promise rejects with CANCELLED */
  cancelled?: () => boolean
  /** the worker's messages before its reply (progress, batches of results) */
  onMessage?: (message: unknown) => void
  /** a memory ceiling: a worker that would exceed it stops with LIMIT instead of growing the app */
  maxOldGenerationSizeMb?: number
}

/** Runs a worker to completion: its reply is a message with `ok`; other messages go to onMessage. */
export function runWorker<T>(moduleUrl: URL, workerData: unknown, opts: WorkerOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const w = startWorker(moduleUrl, workerData, opts.maxOldGenerationSizeMb)
    let settled = false
    const settle = (f: () => void) => {
      if (settled) return
      settled = true
      clearInterval(poll)
      void w.terminate()
      f()
    }
    const poll = setInterval(() => {
      if (opts.cancelled?.()) settle(() => reject(new AppError('CANCELLED', '已取消，数据未作任何修改')))
    }, 50)
    w.on('message', (m: WorkerReply<T> | object) => {
      if (!('ok' in m)) return opts.onMessage?.(m)
      settle(() => (m.ok ? resolve(m.value) : reject(new AppError(m.error.code, m.error.message, m.error.details))))
    })
    w.once('error', (e: Error & { code?: string }) =>
      settle(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('LIMIT', '文件内容过多，超出了导入可用的内存：请拆分成多个文件后分批导入') : e)),
    )
    w.once('exit', (code) => settle(() => reject(new Error(`worker exited with code ${code}`))))
  })
}
