// runWorker: replies, messages on the way, errors, cancellation and the memory ceiling.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runWorker } from './worker'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-worker-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** a worker module written for the test (plain JS: no loader needed) */
function worker(name: string, body: string): URL {
  const file = path.join(dir, `${name}.mjs`)
  fs.writeFileSync(file, `import { parentPort, workerData } from 'node:worker_threads'\n${body}\n`)
  return pathToFileURL(file)
}

describe('runWorker', () => {
  it('passes messages on the way and resolves with the reply', async () => {
    const url = worker('count', `for (let i = 1; i <= 3; i++) parentPort.postMessage({ type: 'progress', rows: i }); parentPort.postMessage({ ok: true, value: workerData.n * 2 })`)
    const seen: unknown[] = []
    expect(await runWorker<number>(url, { n: 21 }, { onMessage: (m) => seen.push(m) })).toBe(42)
    expect(seen).toEqual([1, 2, 3].map((rows) => ({ type: 'progress', rows })))
  })

  it('rejects with the worker’s error body as an AppError', async () => {
    const url = worker('refuse', `parentPort.postMessage({ ok: false, error: { code: 'FILE_INVALID', message: '坏文件' } })`)
    await expect(runWorker(url, {})).rejects.toMatchObject({ name: 'AppError', code: 'FILE_INVALID', message: '坏文件' })
  })

  it('stops a worker when cancelled', async () => {
    const url = worker('forever', `setInterval(() => {}, 1000)`)
    let cancelled = false
    setTimeout(() => (cancelled = true), 100)
    await expect(runWorker(url, {}, { cancelled: () => cancelled })).rejects.toMatchObject({ code: 'CANCELLED' })
  })

  it('turns running out of its memory ceiling into LIMIT, and the app goes on', async () => {
    const url = worker('hog', `const keep = []; for (;;) keep.push(new Array(100000).fill({ x: Math.random() }))`)
    await expect(runWorker(url, {}, { maxOldGenerationSizeMb: 32 })).rejects.toMatchObject({ code: 'LIMIT', message: expect.stringContaining('拆分') })
  })
})
