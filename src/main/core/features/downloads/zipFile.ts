// A zip streamed to a private file (0600) with yazl. yazl queues whatever is added and writes it as
// fast as the disk takes it; `add` waits while more than a few megabytes are queued, so a job of a
// thousand invoices holds a few of them in memory, never the whole package.
import fs from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type * as Yazl from 'yazl'
import { lazyRequire } from '../../lazyRequire'
import { PRIVATE_DIR_MODE, PRIVATE_MODE } from '../../privateFile'

const yazl = lazyRequire<typeof Yazl>('yazl')

/** bytes queued between the zip and the disk before `add` waits */
const QUEUE_LIMIT = 8 * 1024 * 1024

export interface ZipWriter {
  /** PDF and OFD are compressed already (an OFD is itself a zip): stored as they are */
  add(name: string, bytes: Buffer, compress: boolean): Promise<void>
  addFile(name: string, file: string): Promise<void>
  /** writes the central directory and closes the file */
  finish(): Promise<void>
  /** stops writing and deletes the file */
  abort(): Promise<void>
}

export function openZip(file: string, mtime: Date): ZipWriter {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE })
  const zip = new (yazl().ZipFile)()
  const out = fs.createWriteStream(file, { mode: PRIVATE_MODE })
  let failure: Error | null = null
  const fail = (e: Error) => (failure ??= e)
  zip.outputStream.on('error', fail)
  out.on('error', fail)
  zip.outputStream.pipe(out)
  const closed = new Promise<void>((resolve) => out.on('close', resolve))

  // yazl's output is a PassThrough; its typings only say NodeJS.ReadableStream
  const pending = zip.outputStream as unknown as Readable
  const queued = () => pending.readableLength + out.writableLength
  const room = async () => {
    while (!failure && queued() > QUEUE_LIMIT) await new Promise((r) => setTimeout(r, 5))
    if (failure) throw failure
  }

  return {
    async add(name, bytes, compress) {
      await room()
      zip.addBuffer(bytes, name, { compress, mtime, mode: 0o100600 })
    },
    async addFile(name, source) {
      await room()
      zip.addFile(source, name, { compress: false, mtime, mode: 0o100600 })
    },
    async finish() {
      zip.end()
      await closed
      if (failure) throw failure
      // the umask may have taken bits away, never added them: state the mode outright
      if (process.platform !== 'win32') fs.chmodSync(file, PRIVATE_MODE)
    },
    async abort() {
      zip.outputStream.unpipe(out)
      out.destroy()
      // the stream opens its file asynchronously: removed once it is closed, never before
      await closed
      fs.rmSync(file, { force: true })
    },
  }
}
