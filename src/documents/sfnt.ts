// sfnt plumbing (OpenType spec, "Organization of an OpenType Font"): reading a font's table
// directory, writing a font from its tables, and the character map (cmap) of a subset.

/**
 * tag → the table's bytes (views into `buf`, not copies). Plain Uint8Arrays even from a Buffer, whose
 * `slice` would be a view too: a copy made with `slice` must never write into the font itself.
 */
export function readTables(file: Uint8Array): Map<string, Uint8Array> {
  const buf = new Uint8Array(file.buffer, file.byteOffset, file.byteLength)
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const count = view.getUint16(4)
  const tables = new Map<string, Uint8Array>()
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16
    const tag = String.fromCharCode(buf[rec]!, buf[rec + 1]!, buf[rec + 2]!, buf[rec + 3]!)
    const offset = view.getUint32(rec + 8)
    const length = view.getUint32(rec + 12)
    tables.set(tag, buf.subarray(offset, offset + length))
  }
  return tables
}

/** the table checksum over `length` bytes at `at`, which `writeSfnt` pads with zeros to a multiple of 4 */
function checksum(view: DataView, at: number, length: number): number {
  let sum = 0
  const end = at + ((length + 3) & ~3)
  for (let i = at; i < end; i += 4) sum = (sum + view.getUint32(i)) >>> 0
  return sum
}

/**
 * One font file from its tables, each 4-byte aligned, with the directory's checksums and the head's
 * checkSumAdjustment. A table may be given as its parts (the glyf of a subset: one part a glyph),
 * written one after another. The directory lists the tables by tag, as it must; their data may lie
 * in any order, and `last` names the table whose data ends the file.
 */
export function writeSfnt(tables: Map<string, Uint8Array | Uint8Array[]>, last?: string): { bytes: Uint8Array; at: Map<string, number> } {
  const tags = [...tables.keys()].sort()
  const n = tags.length
  const entrySelector = Math.floor(Math.log2(n))
  const searchRange = 2 ** entrySelector * 16
  const dataOrder = last !== undefined && tables.has(last) ? [...tags.filter((t) => t !== last), last] : tags
  let offset = 12 + n * 16
  const at = new Map<string, number>()
  const lengths = new Map<string, number>()
  for (const tag of dataOrder) {
    const t = tables.get(tag)!
    const length = Array.isArray(t) ? t.reduce((s, p) => s + p.length, 0) : t.length
    at.set(tag, offset)
    lengths.set(tag, length)
    offset += (length + 3) & ~3
  }
  const out = new Uint8Array(offset)
  const view = new DataView(out.buffer)
  view.setUint32(0, 0x00010000)
  view.setUint16(4, n)
  view.setUint16(6, searchRange)
  view.setUint16(8, entrySelector)
  view.setUint16(10, n * 16 - searchRange)
  tags.forEach((tag, i) => {
    const t = tables.get(tag)!
    const start = at.get(tag)!
    const length = lengths.get(tag)!
    let p = start
    for (const part of Array.isArray(t) ? t : [t]) {
      out.set(part, p)
      p += part.length
    }
    if (tag === 'head') view.setUint32(start + 8, 0) // checkSumAdjustment is summed as 0
    const rec = 12 + i * 16
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k)
    view.setUint32(rec + 4, checksum(view, start, length))
    view.setUint32(rec + 8, start)
    view.setUint32(rec + 12, length)
  })
  const headAt = at.get('head')
  if (headAt !== undefined) view.setUint32(headAt + 8, (0xb1b0afba - checksum(view, 0, out.length)) >>> 0)
  return { bytes: out, at }
}

/** post version 3: the metrics of the original without glyph names (they index the full font) */
export function postFormat3(post: Uint8Array): Uint8Array {
  const out = post.slice(0, 32)
  new DataView(out.buffer).setUint32(0, 0x00030000)
  return out
}

/** cmap with a format 4 subtable (BMP, Windows Unicode) and a format 12 one (every code point) */
export function cmapTable(pairs: [number, number][]): Uint8Array {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0])
  const bmp = sorted.filter(([cp]) => cp <= 0xfffe)
  // format 4: runs of consecutive code points with consecutive glyph ids share one segment
  const segs: { start: number; end: number; delta: number }[] = []
  for (const [cp, gid] of bmp) {
    const last = segs[segs.length - 1]
    if (last && cp === last.end + 1 && ((gid - cp) & 0xffff) === last.delta) last.end = cp
    else segs.push({ start: cp, end: cp, delta: (gid - cp) & 0xffff })
  }
  segs.push({ start: 0xffff, end: 0xffff, delta: 1 })
  const segX2 = segs.length * 2
  const f4len = 16 + segX2 * 4
  const f4 = new DataView(new ArrayBuffer(f4len))
  const sel = Math.floor(Math.log2(segs.length))
  f4.setUint16(0, 4)
  f4.setUint16(2, f4len)
  f4.setUint16(6, segX2)
  f4.setUint16(8, 2 ** sel * 2)
  f4.setUint16(10, sel)
  f4.setUint16(12, segX2 - 2 ** sel * 2)
  segs.forEach((s, i) => {
    f4.setUint16(14 + i * 2, s.end)
    f4.setUint16(16 + segX2 + i * 2, s.start)
    f4.setUint16(16 + segX2 * 2 + i * 2, s.delta)
    f4.setUint16(16 + segX2 * 3 + i * 2, 0)
  })
  // format 12: runs of consecutive code points and glyph ids
  const groups: { start: number; end: number; gid: number }[] = []
  for (const [cp, gid] of sorted) {
    const last = groups[groups.length - 1]
    if (last && cp === last.end + 1 && gid === last.gid + (cp - last.start)) last.end = cp
    else groups.push({ start: cp, end: cp, gid })
  }
  const f12len = 16 + groups.length * 12
  const f12 = new DataView(new ArrayBuffer(f12len))
  f12.setUint16(0, 12)
  f12.setUint32(4, f12len)
  f12.setUint32(12, groups.length)
  groups.forEach((g, i) => {
    f12.setUint32(16 + i * 12, g.start)
    f12.setUint32(20 + i * 12, g.end)
    f12.setUint32(24 + i * 12, g.gid)
  })
  const head = new DataView(new ArrayBuffer(4 + 2 * 8))
  head.setUint16(2, 2)
  head.setUint16(4, 3)
  head.setUint16(6, 1)
  head.setUint32(8, 20)
  head.setUint16(12, 3)
  head.setUint16(14, 10)
  head.setUint32(16, 20 + f4len)
  const out = new Uint8Array(20 + f4len + f12len)
  out.set(new Uint8Array(head.buffer), 0)
  out.set(new Uint8Array(f4.buffer), 20)
  out.set(new Uint8Array(f12.buffer), 20 + f4len)
  return out
}
