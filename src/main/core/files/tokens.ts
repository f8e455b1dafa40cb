// File tokens (DESIGN.md §3): the renderer never sees or sends a path. A file the user chose
// (uploaded, or picked in a native dialog) or a file the core produced is known by a token.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FileRef } from '../../../shared/api/define'
import { AppError } from '../errors'

interface Entry {
  path: string
  name: string
}

export interface FileStore {
  /** registers an existing file (a native dialog's choice, a CLI argument) */
  register(filePath: string, name?: string): FileRef
  /** stores uploaded bytes */
  put(name: string, bytes: Uint8Array): FileRef
  /** a fresh path for the core to write an output file to, and its token */
  output(name: string): FileRef & { path: string }
  resolve(token: string): Entry
  read(token: string): { name: string; bytes: Buffer }
}

/** File names from a browser or a dialog: no directories, nothing a file system would refuse. */
function safeName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_').trim()
  return base === '' || base === '.' || base === '..' ? 'file' : base.slice(0, 200)
}

export function createFileStore(tmpDir: string): FileStore {
  const entries = new Map<string, Entry>()
  // files from an earlier run are not reachable by any token any more
  fs.rmSync(tmpDir, { recursive: true, force: true })

  const newToken = () => crypto.randomBytes(18).toString('base64url')
  const slot = (name: string) => {
    const token = newToken()
    const dir = path.join(tmpDir, token)
    fs.mkdirSync(dir, { recursive: true })
    return { token, name: safeName(name), dir }
  }

  return {
    register(filePath, name) {
      const token = newToken()
      const entry = { path: path.resolve(filePath), name: safeName(name ?? path.basename(filePath)) }
      entries.set(token, entry)
      return { token, name: entry.name }
    },
    put(name, bytes) {
      const s = slot(name)
      const p = path.join(s.dir, s.name)
      fs.writeFileSync(p, bytes)
      entries.set(s.token, { path: p, name: s.name })
      return { token: s.token, name: s.name }
    },
    output(name) {
      const s = slot(name)
      const p = path.join(s.dir, s.name)
      entries.set(s.token, { path: p, name: s.name })
      return { token: s.token, name: s.name, path: p }
    },
    resolve(token) {
      const e = entries.get(token)
      if (!e) throw new AppError('NOT_FOUND', '文件已失效，请重新选择文件')
      return e
    },
    read(token) {
      const e = this.resolve(token)
      try {
        return { name: e.name, bytes: fs.readFileSync(e.path) }
      } catch {
        throw new AppError('NOT_FOUND', `无法读取文件“${e.name}”，请确认文件仍然存在`)
      }
    },
  }
}
