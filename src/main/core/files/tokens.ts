// File tokens (DESIGN.md §3): the renderer never sees or sends a path. A file the user chose
// (uploaded, or picked in a native dialog) or a file the core produced is known by a token.
//
// Uploaded and produced files live in a folder of their own under the store's temporary folder,
// and nothing is kept longer than it is needed: a token released (an upload an import has used up,
// a report nobody needs), a token unused for an hour, and the whole folder when the core closes —
// or, after a crash, when the next core on the same data starts. A registered file is the user's own
// and is never deleted, only forgotten.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FileRef } from '../../../shared/api/define'
import { AppError } from '../errors'

interface Entry {
  path: string
  name: string
  /** the folder the store made for it (uploaded and produced files), deleted with the token */
  dir?: string
  lastUsed: number
}

export interface FileStore {
  /** registers an existing file (a native dialog's choice, a CLI argument) */
  register(filePath: string, name?: string): FileRef
  /** stores uploaded bytes */
  put(name: string, bytes: Uint8Array): FileRef
  /** a fresh path for the core to write an output file to, and its token */
  output(name: string): FileRef & { path: string }
  resolve(token: string): { path: string; name: string }
  read(token: string): { name: string; bytes: Buffer }
  /** forgets a token; a file the store made is deleted with its folder */
  release(token: string): void
  /** deletes every file the store made and forgets every token (the core is closing) */
  close(): void
}

/** a token unused this long is forgotten and its file deleted */
export const TOKEN_IDLE_MS = 60 * 60 * 1000
const SWEEP_EVERY_MS = 5 * 60 * 1000

/** File names from a browser or a dialog: no directories, nothing a file system would refuse. */
function safeName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .trim()
  return base === '' || base === '.' || base === '..' ? 'file' : base.slice(0, 200)
}

/** whether a process with this id is still running (a folder named after it is still in use) */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Folders `files-<pid>` beside ours whose process has ended without closing its core (killed, a
 * power cut): their tokens died with it.
 */
function removeOrphans(tmpDir: string): void {
  const parent = path.dirname(tmpDir)
  let names: string[]
  try {
    names = fs.readdirSync(parent)
  } catch {
    return
  }
  for (const name of names) {
    const pid = /^files-(\d+)$/.exec(name)?.[1]
    if (pid && Number(pid) !== process.pid && !running(Number(pid))) fs.rmSync(path.join(parent, name), { recursive: true, force: true })
  }
}

export function createFileStore(tmpDir: string, opts: { now?: () => number } = {}): FileStore {
  const now = opts.now ?? Date.now
  const entries = new Map<string, Entry>()
  // files from an earlier run are not reachable by any token any more
  fs.rmSync(tmpDir, { recursive: true, force: true })
  removeOrphans(tmpDir)

  const newToken = () => crypto.randomBytes(18).toString('base64url')
  const slot = (name: string) => {
    sweep()
    const token = newToken()
    const dir = path.join(tmpDir, token)
    fs.mkdirSync(dir, { recursive: true })
    return { token, name: safeName(name), dir }
  }
  const drop = (token: string) => {
    const e = entries.get(token)
    if (!e) return
    entries.delete(token)
    if (e.dir) fs.rmSync(e.dir, { recursive: true, force: true })
  }
  function sweep() {
    const before = now() - TOKEN_IDLE_MS
    for (const [token, e] of entries) if (e.lastUsed < before) drop(token)
  }
  const timer = setInterval(sweep, SWEEP_EVERY_MS)
  timer.unref()

  return {
    register(filePath, name) {
      sweep()
      const token = newToken()
      const entry = { path: path.resolve(filePath), name: safeName(name ?? path.basename(filePath)), lastUsed: now() }
      entries.set(token, entry)
      return { token, name: entry.name }
    },
    put(name, bytes) {
      const s = slot(name)
      const p = path.join(s.dir, s.name)
      fs.writeFileSync(p, bytes)
      entries.set(s.token, { path: p, name: s.name, dir: s.dir, lastUsed: now() })
      return { token: s.token, name: s.name }
    },
    output(name) {
      const s = slot(name)
      const p = path.join(s.dir, s.name)
      entries.set(s.token, { path: p, name: s.name, dir: s.dir, lastUsed: now() })
      return { token: s.token, name: s.name, path: p }
    },
    resolve(token) {
      sweep()
      const e = entries.get(token)
      if (!e) throw new AppError('NOT_FOUND', '文件已失效，请重新选择文件')
      e.lastUsed = now()
      return { path: e.path, name: e.name }
    },
    read(token) {
      const e = this.resolve(token)
      try {
        return { name: e.name, bytes: fs.readFileSync(e.path) }
      } catch {
        throw new AppError('NOT_FOUND', `无法读取文件“${e.name}”，请确认文件仍然存在`)
      }
    },
    release: drop,
    close() {
      clearInterval(timer)
      entries.clear()
      fs.rmSync(tmpDir, { recursive: true, force: true })
    },
  }
}
