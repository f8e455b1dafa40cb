// The embedded font's zip entry, deflated in three pieces that join into one deflate stream: the
// tables, the outlines of the leading characters (the page's labels: the same bytes in every invoice
// of a kind, see subsetFont), and the other outlines. Each piece ends on a byte boundary (a sync
// flush, no final block) so they simply follow one another; an empty final block closes the stream.
// The labels' piece is deflated once per process: about half of the font's deflating, which is the
// biggest single cost of an invoice's OFD.
import { createHash } from 'node:crypto'
import zlib from 'node:zlib'
import type { FontSubset } from '../font'

/** an empty fixed-Huffman block with BFINAL set: the end of the stream */
const FINAL_BLOCK = Buffer.from([0x03, 0x00])
/** as ../zip.ts deflates the other parts */
const OPTIONS = { level: zlib.constants.Z_BEST_SPEED, finishFlush: zlib.constants.Z_SYNC_FLUSH }

/**
 * SHA-1 of a piece → its deflated bytes. Keyed by the content itself, so a piece is never served for
 * other bytes; a handful of entries (one per set of labels: blue or red, 专票 or 普票, one page or
 * several …), the oldest dropped past the limit.
 */
const deflated = new Map<string, Buffer>()
const LIMIT = 16

function deflateCached(piece: Uint8Array): Buffer {
  const key = createHash('sha1').update(piece).digest('base64')
  let d = deflated.get(key)
  if (!d) {
    d = zlib.deflateRawSync(piece, OPTIONS)
    if (deflated.size >= LIMIT) deflated.delete(deflated.keys().next().value!)
    deflated.set(key, d)
  }
  return d
}

/** the raw deflate stream of `subset.bytes` */
export function deflateFont(subset: FontSubset): Buffer {
  const { bytes, outlines } = subset
  return Buffer.concat([
    zlib.deflateRawSync(bytes.subarray(0, outlines.at), OPTIONS),
    deflateCached(bytes.subarray(outlines.at, outlines.leadingEnd)),
    zlib.deflateRawSync(bytes.subarray(outlines.leadingEnd), OPTIONS),
    FINAL_BLOCK,
  ])
}
