// Web mode's uploads do not pile up: the folder of an uploaded file is gone once an import has
// used it, a report nobody needs is never kept, and whatever is left goes when the core closes.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startWebServer } from '../../src/main/web/server'
import { tempDir, testCore } from '../support/core'

describe('uploaded files', () => {
  it('are deleted once imported, and everything at close', async () => {
    const dataDir = tempDir()
    const core = await testCore({ dataDir })
    const server = await startWebServer({ core, rendererDir: path.resolve('src/renderer') })
    onTestFinished(() => server.close())
    const upload = async (name: string, body: string) => {
      const res = await fetch(`${server.url}/api/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers: { 'x-fapiao-token': server.token }, body })
      return ((await res.json()) as { value: { token: string } }).value.token
    }
    const call = async (name: string, input: unknown) => {
      const res = await fetch(`${server.url}/api/call/${name}`, { method: 'POST', headers: { 'x-fapiao-token': server.token }, body: JSON.stringify(input) })
      return (await res.json()) as { value?: Record<string, unknown>; error?: { code: string } }
    }
    const files = path.join(dataDir, 'tmp', `files-${process.pid}`)

    const good = await upload('客户.csv', '名称,税号\n华为技术有限公司,914403001922038216\n')
    const goodDir = path.dirname(core.files.resolve(good).path)
    expect(fs.existsSync(goodDir)).toBe(true)
    expect((await call('customers.import', { file: good })).value).toMatchObject({ created: 1, failed: [] })
    // the upload is used up, and no error report was needed: nothing is left
    expect(fs.existsSync(goodDir)).toBe(false)
    expect(fs.readdirSync(files)).toEqual([])
    expect((await call('customers.import', { file: good })).error?.code).toBe('NOT_FOUND')

    // a file the import refused stays for another try; its folder goes with the core
    const bad = await upload('坏.csv', 'a,b\n1,2\n')
    expect((await call('customers.import', { file: bad })).error?.code).toBe('FILE_INVALID')
    expect(fs.existsSync(core.files.resolve(bad).path)).toBe(true)
    await server.close()
    core.close()
    expect(fs.existsSync(files)).toBe(false)
  })
})
