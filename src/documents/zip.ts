// Zip containers written by hand (PKWARE APPNOTE 6.3: local headers, central directory, end record),
// where yazl costs more than the work: an OFD is a dozen parts all in memory, which yazl streams
// through zlib's thread pool at a cost above the deflating itself (zipSync below); a 100,000-invoice
// .xlsx export is 250 MB of XML whose CRC yazl sums in JavaScript (streamedZip.ts in the core,
// built on these records). Node's zlib.crc32 is native. No zip64: past 4 GB the caller refuses.
import zlib from 'node:zlib'

const LOCAL_HEADER = 0x04034b50
const DATA_DESCRIPTOR = 0x08074b50
const CENTRAL_HEADER = 0x02014b50
const END_OF_CENTRAL_DIRECTORY = 0x06054b50
export const STORED = 0
export const DEFLATED = 8
/** general purpose flag bit 11: the names are UTF-8 */
const UTF8_NAMES = 0x0800
/** bit 3: CRC and sizes follow the data (a streamed entry), the local header holds zeros */
const SIZES_AFTER = 0x0008
/** a regular file, rw-r--r--, for whoever unpacks it */
const FILE_MODE = 0o100644
/** the largest size or offset a record without zip64 holds */
export const ZIP32_LIMIT = 0xffffffff

/** one entry as its records describe it */
export interface ZipRecord {
  name: Buffer
  method: number
  crc: number
  /** the stored bytes (deflated or not) */
  compressed: number
  size: number
  /** where its local header starts */
  offset: number
  /** MS-DOS date and time */
  date: number
  time: number
  /** written as a stream: sizes and CRC in a data descriptor after the data */
  streamed: boolean
}

/** MS-DOS date and time of a moment, in the machine's local time (as zip tools read them) */
export function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  }
}

/** the fields a local header and a central directory record share, from "version needed" to the extra length */
function writeCommon(b: Buffer, at: number, e: ZipRecord): void {
  b.writeUInt16LE(20, at) // version needed: 2.0 (deflate)
  b.writeUInt16LE(UTF8_NAMES | (e.streamed ? SIZES_AFTER : 0), at + 2)
  b.writeUInt16LE(e.method, at + 4)
  b.writeUInt16LE(e.time, at + 6)
  b.writeUInt16LE(e.date, at + 8)
  // a streamed entry's local header leaves CRC and sizes 0: the data descriptor carries them
  b.writeUInt32LE(e.crc, at + 10)
  b.writeUInt32LE(e.compressed, at + 14)
  b.writeUInt32LE(e.size, at + 18)
  b.writeUInt16LE(e.name.length, at + 22)
  // extra field length at + 24: 0
}

export function localHeader(e: ZipRecord): Buffer {
  const local = Buffer.alloc(30)
  local.writeUInt32LE(LOCAL_HEADER, 0)
  writeCommon(local, 4, e)
  return Buffer.concat([local, e.name])
}

export function dataDescriptor(e: ZipRecord): Buffer {
  const d = Buffer.alloc(16)
  d.writeUInt32LE(DATA_DESCRIPTOR, 0)
  d.writeUInt32LE(e.crc, 4)
  d.writeUInt32LE(e.compressed, 8)
  d.writeUInt32LE(e.size, 12)
  return d
}

/** the central directory (every entry's record) and the end record, for a directory starting at `at` */
export function centralDirectory(entries: readonly ZipRecord[], at: number): Buffer {
  const records = entries.map((e) => {
    const central = Buffer.alloc(46)
    central.writeUInt32LE(CENTRAL_HEADER, 0)
    central.writeUInt16LE((3 << 8) | 20, 4) // made by: Unix (its file mode in the external attributes), spec 2.0
    writeCommon(central, 6, e)
    // comment length, disk, internal attributes: 0
    central.writeUInt32LE(FILE_MODE * 0x10000, 38)
    central.writeUInt32LE(e.offset, 42)
    return Buffer.concat([central, e.name])
  })
  const directory = Buffer.concat(records)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(at, 16)
  return Buffer.concat([directory, end])
}

/** 2020-01-01 00:00, whatever the machine's time zone: one invoice, one set of bytes */
const FIXED = { date: ((2020 - 1980) << 9) | (1 << 5) | 1, time: 0 }
/**
 * zlib's fastest level (ofd/fontDeflate.ts deflates the font at it too). A page's XML is so
 * repetitive that it still shrinks about sixfold, and the font subset (most of the file) deflates
 * hardly smaller at level 6; level 6 takes twice as long over the XML, for a file about 2% smaller
 * (17% for a 2000-line invoice).
 */
const LEVEL = zlib.constants.Z_BEST_SPEED

export interface ZipPart {
  name: string
  content: Buffer
  /** `content` as a raw deflate stream, made already (the font, see ofd/fontDeflate.ts) */
  deflated?: Buffer
}

/** a zip of `parts` in the order given, each deflated unless deflating would not make it smaller; dated 2020-01-01 */
export function zipSync(parts: Iterable<ZipPart>): Buffer {
  const entries: ZipRecord[] = []
  const chunks: Buffer[] = []
  let offset = 0
  for (const { name, content, deflated: made } of parts) {
    const deflated = made ?? zlib.deflateRawSync(content, { level: LEVEL })
    const method = deflated.length < content.length ? DEFLATED : STORED
    const data = method === DEFLATED ? deflated : content
    const e: ZipRecord = { name: Buffer.from(name, 'utf8'), method, crc: zlib.crc32(content), compressed: data.length, size: content.length, offset, ...FIXED, streamed: false }
    const local = localHeader(e)
    chunks.push(local, data)
    offset += local.length + data.length
    entries.push(e)
  }
  chunks.push(centralDirectory(entries, offset))
  return Buffer.concat(chunks)
}
