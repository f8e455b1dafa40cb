// Uploaded and produced files are deleted once their token is released or unused for an hour, and
// all of them when the store closes or, after a crash, when the next store starts; a registered
// file is the user's own and stays.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { withTempDir } from './excel/testSupport'
import { createFileStore, TOKEN_IDLE_MS } from './tokens'

describe('file tokens', () => {
  it('deletes an upload’s folder when its token is released, and forgets a registered file without touching it', async () => {
    await withTempDir((dir) => {
      const store = createFileStore(path.join(dir, 'tmp', `files-${process.pid}`))
      const up = store.put('客户.xlsx', new Uint8Array([1, 2, 3]))
      const uploaded = store.resolve(up.token).path
      expect(fs.readFileSync(uploaded)).toEqual(Buffer.from([1, 2, 3]))

      const mine = path.join(dir, '我的客户.xlsx')
      fs.writeFileSync(mine, 'x')
      const registered = store.register(mine)

      store.release(up.token)
      store.release(registered.token)
      expect(fs.existsSync(path.dirname(uploaded))).toBe(false)
      expect(fs.existsSync(mine)).toBe(true)
      expect(() => store.resolve(up.token)).toThrow('文件已失效')
      expect(() => store.resolve(registered.token)).toThrow('文件已失效')
      store.close()
    })
  })

  it('deletes what was not used for an hour, keeping what was', async () => {
    await withTempDir((dir) => {
      let now = 0
      const store = createFileStore(path.join(dir, 'tmp', `files-${process.pid}`), { now: () => now })
      const idle = store.output('错误报告.xlsx')
      fs.writeFileSync(idle.path, 'report')
      const used = store.put('客户.csv', new Uint8Array([1]))
      now = TOKEN_IDLE_MS - 1
      store.resolve(used.token) // a download or an import keeps it alive
      now = TOKEN_IDLE_MS + 1
      store.put('另一个.csv', new Uint8Array([2])) // any use of the store sweeps
      expect(fs.existsSync(idle.path)).toBe(false)
      expect(() => store.resolve(idle.token)).toThrow('文件已失效')
      expect(fs.existsSync(store.resolve(used.token).path)).toBe(true)
      store.close()
    })
  })

  it('deletes everything it holds when closed, and the folders of processes that died without closing', async () => {
    await withTempDir((dir) => {
      // a process that ended without closing its store: its folder is left behind
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
      const orphan = path.join(dir, 'tmp', `files-${dead.stdout}`)
      fs.mkdirSync(path.join(orphan, 'token'), { recursive: true })
      fs.writeFileSync(path.join(orphan, 'token', '客户.xlsx'), 'x')
      // a running process's folder is its own
      const alive = path.join(dir, 'tmp', `files-${process.ppid}`)
      fs.mkdirSync(alive, { recursive: true })

      const own = path.join(dir, 'tmp', `files-${process.pid}`)
      const store = createFileStore(own)
      expect(fs.existsSync(orphan)).toBe(false)
      expect(fs.existsSync(alive)).toBe(true)

      const out = store.output('客户信息.xlsx')
      fs.writeFileSync(out.path, 'export')
      store.put('上传.csv', new Uint8Array([1]))
      store.close()
      expect(fs.existsSync(own)).toBe(false)
    })
  })
})
