// Files that hold the bookkeeper's settings and secrets (platform.json, app.json): readable by
// this user only (0600), and replaced whole — a crash or a full disk leaves the old file or the
// new one, never half of either.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const PRIVATE_MODE = 0o600
/** folders that hold books and settings: this user only */
export const PRIVATE_DIR_MODE = 0o700

/**
 * Writes `text` to `file` atomically: a temp file beside it (0600), fsync'd, renamed over the
 * target, then the folder fsync'd so the rename itself survives a power cut.
 */
export function writePrivateFile(file: string, text: string): void {
  const dir = path.dirname(file)
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  // a name of its own: two processes writing at once never share a temp file
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
  const fd = fs.openSync(tmp, 'wx', PRIVATE_MODE)
  try {
    // the umask may have taken bits away, never added them; fchmod states the mode outright
    fs.fchmodSync(fd, PRIVATE_MODE)
    fs.writeFileSync(fd, text)
    fs.fsyncSync(fd)
  } catch (e) {
    fs.closeSync(fd)
    fs.rmSync(tmp, { force: true })
    throw e
  }
  fs.closeSync(fd)
  try {
    fs.renameSync(tmp, file)
  } catch (e) {
    fs.rmSync(tmp, { force: true })
    throw e
  }
  syncDir(dir)
}

/** fsync a folder (the entry of a renamed file); Windows cannot open a folder and needs none */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Creates `file` empty with mode 0600 when it does not exist; narrows an existing one to 0600. */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_MODE))
  if (process.platform !== 'win32') fs.chmodSync(file, PRIVATE_MODE)
}
