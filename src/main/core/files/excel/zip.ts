// Zip bombs and damaged zips, before SheetJS sees them. The central directory gives the entry names
// (is this a workbook?) and the declared uncompressed sizes (is this a bomb?) without inflating
// anything. Declared sizes can lie, and SheetJS inflates without bound when the local header says 0,
// so each entry is then inflated once with a hard cap at its declared size. A file cut short loses
// its central directory at the end: a missing or inconsistent directory means "damaged or truncated".
import { inflateRawSync } from 'node:zlib'
import { AppError } from '../../errors'

export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated */
  method: number
  compressedBytes: number
  uncompressedBytes: number
  /** offset of the entry's local header */
  offset: number
}

export interface ZipSummary {
  entries: ZipEntry[]
  /** sum of the declared uncompressed sizes */
  uncompressedBytes: number
}

const EOCD = 0x06054b50
const CENTRAL_ENTRY = 0x02014b50
const LOCAL_ENTRY = 0x04034b50
const DEFLATED = 8
const MAX_COMMENT = 0xffff

export function damaged(): AppError {
  return new AppError('FILE_INVALID', '文件不完整或已损坏（可能在下载或复制时中断）：请重新获取文件，或在 Excel 中打开后另存一份再导入')
}

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32
}

function findEocd(view: DataView): number {
  const last = view.byteLength - 22
  const first = Math.max(0, last - MAX_COMMENT)
  for (let p = last; p >= first; p--) if (view.getUint32(p, true) === EOCD) return p
  return -1
}

export function scanZip(bytes: Uint8Array): ZipSummary {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = findEocd(view)
  if (eocd < 0) throw damaged()

  const count = view.getUint16(eocd + 10, true)
  const dirSize = view.getUint32(eocd + 12, true)
  const dirOffset = view.getUint32(eocd + 16, true)
  // SheetJS CE cannot read a ZIP64 directory: it re-reads the first entry 65,535 times (≈30 s of
  // blocked CPU for a 6 KB file) and then fails. Excel never writes one below 4 GB.
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    throw new AppError('FILE_INVALID', '文件使用了 ZIP64 压缩格式（某些程序导出的格式），无法读取：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入')
  }
  if (dirOffset + dirSize > eocd) throw damaged()

  const latin1 = new TextDecoder('latin1')
  const entries: ZipEntry[] = []
  let total = 0
  let p = dirOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_ENTRY) throw damaged()
    const nameLen = view.getUint16(p + 28, true)
    const extraLen = view.getUint16(p + 30, true)
    const commentLen = view.getUint16(p + 32, true)
    const next = p + 46 + nameLen + extraLen + commentLen
    if (next > eocd) throw damaged()
    let size = view.getUint32(p + 24, true)
    if (size === 0xffffffff) size = zip64Size(view, p + 46 + nameLen, extraLen)
    entries.push({
      name: latin1.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: view.getUint16(p + 10, true),
      compressedBytes: view.getUint32(p + 20, true),
      uncompressedBytes: size,
      offset: view.getUint32(p + 42, true),
    })
    total += size
    p = next
  }
  return { entries, uncompressedBytes: total }
}

/**
 * Inflates every deflated entry with its declared size as a hard cap (memory never exceeds it):
 * an entry that inflates to more than it declares is a disguised bomb or garbage.
 */
export function checkInflatedSizes(bytes: Uint8Array, zip: ZipSummary): void {
  for (const e of zip.entries) {
    if (e.method !== DEFLATED) continue
    try {
      inflateRawSync(entryData(bytes, e), { maxOutputLength: Math.max(1, e.uncompressedBytes) })
    } catch {
      throw damaged()
    }
  }
}

/** An entry's stored bytes (deflated when method is 8), after its local header. */
export function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (e.offset + 30 > bytes.byteLength || view.getUint32(e.offset, true) !== LOCAL_ENTRY) throw damaged()
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true)
  if (start + e.compressedBytes > bytes.byteLength) throw damaged()
  return bytes.subarray(start, start + e.compressedBytes)
}

/** An entry's real size when it does not fit 32 bits: first in the zip64 extra field (id 1). */
function zip64Size(view: DataView, start: number, length: number): number {
  for (let q = start; q + 4 <= start + length;) {
    const id = view.getUint16(q, true)
    const len = view.getUint16(q + 2, true)
    if (id === 0x0001 && len >= 8) return u64(view, q + 4)
    q += 4 + len
  }
  throw damaged()
}
