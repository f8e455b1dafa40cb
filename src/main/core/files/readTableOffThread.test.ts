// The worker path gives the same table and the same errors as reading in place, and stops
// when cancelled.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { customerSheet } from '../features/customers/sheet'
import { readTable } from './excel/read'
import { readTableOffThread } from './readTableOffThread'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-worker-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function csv(name: string, text: string): { path: string; name: string } {
  const p = path.join(dir, name)
  fs.writeFileSync(p, text)
  return { path: p, name }
}

describe('readTableOffThread', () => {
  it('reads the same table in a worker as in place', async () => {
    const file = csv('c.csv', '名称,税号\n华为技术有限公司,914403001922038216\n张三,\n')
    const inWorker = await readTableOffThread(file, customerSheet, { workerThresholdBytes: 0 })
    expect(inWorker).toEqual(readTable(fs.readFileSync(file.path), file.name, customerSheet))
    expect(inWorker.rows.map((r) => r.values.name)).toEqual(['华为技术有限公司', '张三'])
  })

  it('carries the reader’s error out of the worker', async () => {
    const file = csv('bad.csv', 'a,b\n1,2\n')
    await expect(readTableOffThread(file, customerSheet, { workerThresholdBytes: 0 })).rejects.toMatchObject({ code: 'FILE_INVALID' })
  })

  it('stops the worker when cancelled', async () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => `客户${i},91440300MA5G0X1U23`).join('\n')
    const file = csv('big.csv', `名称,税号\n${rows}\n`)
    let cancelled = false
    setTimeout(() => (cancelled = true), 100)
    await expect(readTableOffThread(file, customerSheet, { workerThresholdBytes: 0, cancelled: () => cancelled })).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})
