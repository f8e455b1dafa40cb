// The zip container of a streamed .xlsx: entries written one after the other, each deflated as its
// text arrives, with a data descriptor after the data (sizes and CRC are known only at the end).
// The records are src/documents/zip.ts's (why not yazl: see there).
import fs from 'node:fs'
import { once } from 'node:events'
import zlib from 'node:zlib'
import { centralDirectory, dataDescriptor, DEFLATED, dosDateTime, localHeader, ZIP32_LIMIT, type ZipRecord } from '../../../../documents/zip'
import { AppError } from '../../errors'

/** bytes waiting for deflate or the disk before `room` waits */
const HIGH_WATER = 1024 * 1024

export interface ZipEntryWriter {
  write(chunk: Buffer): void
  /** waits while more than about a megabyte waits for deflate or the disk */
  room(): Promise<void>
  end(): Promise<void>
}

export interface StreamedZip {
  /** one entry at a time: the previous one must have ended */
  entry(name: string): ZipEntryWriter
  close(): Promise<void>
}

function tooLarge(): AppError {
  return new AppError('LIMIT', '导出的文件超过 4 GB，无法写成 .xlsx：请缩小日期范围或分几次导出。')
}

export function openStreamedZip(filePath: string, modified: Date): StreamedZip {
  const out = fs.createWriteStream(filePath)
  let failure: Error | null = null
  out.on('error', (e) => (failure ??= e))
  const closed = new Promise<void>((resolve) => out.on('close', resolve))
  const dated = dosDateTime(modified)
  const written: ZipRecord[] = []
  let offset = 0
  let current: Promise<void> | null = null

  const emit = (b: Buffer) => {
    out.write(b)
    offset += b.length
  }

  return {
    entry(name) {
      if (current) throw new Error(`zip entry ${name} opened before the previous one ended`)
      const e: ZipRecord = { name: Buffer.from(name, 'utf8'), method: DEFLATED, crc: 0, compressed: 0, size: 0, offset, ...dated, streamed: true }
      emit(localHeader(e))
      const deflate = zlib.createDeflateRaw({ level: zlib.constants.Z_BEST_SPEED })
      deflate.on('error', (err) => (failure ??= err))
      deflate.on('data', (chunk: Buffer) => {
        e.compressed += chunk.length
        emit(chunk)
      })
      const done = once(deflate, 'end').then(() => undefined)
      current = done
      return {
        write(chunk) {
          e.crc = zlib.crc32(chunk, e.crc)
          e.size += chunk.length
          if (e.size > ZIP32_LIMIT) throw tooLarge()
          deflate.write(chunk)
        },
        async room() {
          while (!failure && deflate.writableLength + out.writableLength > HIGH_WATER) await once(out.writableLength > HIGH_WATER ? out : deflate, 'drain')
          if (failure) throw failure
        },
        async end() {
          deflate.end()
          await done
          if (failure) throw failure
          if (e.compressed > ZIP32_LIMIT || offset > ZIP32_LIMIT) throw tooLarge()
          emit(dataDescriptor(e))
          written.push(e)
          current = null
        },
      }
    },
    async close() {
      await current
      out.end(centralDirectory(written, offset))
      await closed
      if (failure) throw failure
    },
  }
}
