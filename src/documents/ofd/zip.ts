// The OFD's zip container (PKWARE APPNOTE 6.3: local headers, central directory, end record), written
// in one synchronous pass. An OFD is a dozen parts that are all in memory; yazl streams each through
// zlib's thread pool, and those round trips cost an invoice more than the deflating itself. No zip64:
// an invoice's OFD is far below 4 GB.
import zlib from 'node:zlib'

/** 2020-01-01 00:00 as MS-DOS date and time, whatever the machine's time zone: one invoice, one set of bytes */
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1
const DOS_TIME = 0
const STORED = 0
const DEFLATED = 8
/** a regular file, rw-r--r--, for whoever unpacks the OFD */
const FILE_MODE = 0o100644
/**
 * zlib's fastest level (fontDeflate.ts deflates the font at it too). A page's XML is so repetitive
 * that it still shrinks about sixfold, and the font subset (most of the file) deflates hardly smaller
 * at level 6; level 6 takes twice as long over the XML, for a file about 2% smaller (17% for a
 * 2000-line invoice).
 */
const LEVEL = zlib.constants.Z_BEST_SPEED
/** general purpose flag bit 11: the names are UTF-8 */
const UTF8_NAMES = 0x0800

interface Entry {
  name: Buffer
  method: number
  crc: number
  size: number
  data: Buffer
  offset: number
}

export interface ZipPart {
  name: string
  content: Buffer
  /** `content` as a raw deflate stream, made already (the font, see fontDeflate.ts) */
  deflated?: Buffer
}

/** a zip of `parts` in the order given, each deflated unless deflating would not make it smaller */
export function zipSync(parts: Iterable<ZipPart>): Buffer {
  const entries: Entry[] = []
  const chunks: Buffer[] = []
  let offset = 0
  for (const { name, content, deflated: made } of parts) {
    const deflated = made ?? zlib.deflateRawSync(content, { level: LEVEL })
    const method = deflated.length < content.length ? DEFLATED : STORED
    const e: Entry = { name: Buffer.from(name, 'utf8'), method, crc: zlib.crc32(content), size: content.length, data: method === DEFLATED ? deflated : content, offset }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    writeCommon(local, 4, e)
    chunks.push(local, e.name, e.data)
    offset += local.length + e.name.length + e.data.length
    entries.push(e)
  }
  const directoryAt = offset
  for (const e of entries) {
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4) // made by: Unix (its file mode in the external attributes), spec 2.0
    writeCommon(central, 6, e)
    // comment length, disk, internal attributes: 0
    central.writeUInt32LE(FILE_MODE * 0x10000, 38)
    central.writeUInt32LE(e.offset, 42)
    chunks.push(central, e.name)
    offset += central.length + e.name.length
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(offset - directoryAt, 12)
  end.writeUInt32LE(directoryAt, 16)
  chunks.push(end)
  return Buffer.concat(chunks)
}

/** the fields a local header and a central directory record share, from "version needed" to the extra length */
function writeCommon(b: Buffer, at: number, e: Entry): void {
  b.writeUInt16LE(20, at) // version needed: 2.0 (deflate)
  b.writeUInt16LE(UTF8_NAMES, at + 2)
  b.writeUInt16LE(e.method, at + 4)
  b.writeUInt16LE(DOS_TIME, at + 6)
  b.writeUInt16LE(DOS_DATE, at + 8)
  b.writeUInt32LE(e.crc, at + 10)
  b.writeUInt32LE(e.data.length, at + 14)
  b.writeUInt32LE(e.size, at + 18)
  b.writeUInt16LE(e.name.length, at + 22)
  // extra field length at + 24: 0
}
