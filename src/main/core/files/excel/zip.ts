// Reads a zip's central directory without inflating anything: the entry names (is this a workbook?)
// and the declared uncompressed sizes (is this a zip bomb?). A file cut short loses its central
// directory at the end, so a missing or inconsistent directory means "damaged or truncated".
import { AppError } from '../../errors'

export interface ZipSummary {
  names: string[]
  uncompressedBytes: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL_ENTRY = 0x02014b50
const MAX_COMMENT = 0xffff

function damaged(): AppError {
  return new AppError(
    'FILE_INVALID',
    '文件不完整或已损坏（可能在下载或复制时中断）：请重新获取文件，或在 Excel 中打开后另存一份再导入',
  )
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

  let count = view.getUint16(eocd + 10, true)
  let dirSize = view.getUint32(eocd + 12, true)
  let dirOffset = view.getUint32(eocd + 16, true)
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw damaged()
    const record = u64(view, locator + 8)
    if (record + 56 > bytes.byteLength || view.getUint32(record, true) !== ZIP64_EOCD) throw damaged()
    count = u64(view, record + 32)
    dirSize = u64(view, record + 40)
    dirOffset = u64(view, record + 48)
  }
  if (dirOffset + dirSize > bytes.byteLength) throw damaged()

  const latin1 = new TextDecoder('latin1')
  const names: string[] = []
  let total = 0
  let p = dirOffset
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== CENTRAL_ENTRY) throw damaged()
    let size = view.getUint32(p + 24, true)
    const nameLen = view.getUint16(p + 28, true)
    const extraLen = view.getUint16(p + 30, true)
    const commentLen = view.getUint16(p + 32, true)
    const next = p + 46 + nameLen + extraLen + commentLen
    if (next > bytes.byteLength) throw damaged()
    if (size === 0xffffffff) size = zip64Size(view, p + 46 + nameLen, extraLen)
    names.push(latin1.decode(bytes.subarray(p + 46, p + 46 + nameLen)))
    total += size
    p = next
  }
  return { names, uncompressedBytes: total }
}

/** The 8-byte uncompressed size in the zip64 extra field (id 1), which comes first in that field. */
function zip64Size(view: DataView, start: number, length: number): number {
  for (let q = start; q + 4 <= start + length; ) {
    const id = view.getUint16(q, true)
    const len = view.getUint16(q + 2, true)
    if (id === 0x0001 && len >= 8) return u64(view, q + 4)
    q += 4 + len
  }
  throw damaged()
}
