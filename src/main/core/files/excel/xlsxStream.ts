// A streaming view of an .xlsx: its sheets in workbook order, and each sheet's rows as SheetJS-
// shaped cells, without holding the workbook. Entries are inflated as streams and decoded with a
// StringDecoder, so a character split between two chunks stays whole (ExcelJS's streaming reader
// garbles those — Chinese names); XML is read with saxes. Styles are not read: a date-formatted
// number stays a number (the imports read no date columns).
//
// Nothing here grows by what the file merely claims: an entry may inflate to its declared size
// and no more, a run of XML between two parser events, a cell and a shared string are bounded
// (Excel's 32,767 characters), the shared strings by count and total, addresses by Excel's grid —
// each refused while streaming, before memory follows the claim.
import { StringDecoder } from 'node:string_decoder'
import { createInflateRaw } from 'node:zlib'
import { Readable } from 'node:stream'
import type * as Saxes from 'saxes'
import type { SaxesTagPlain } from 'saxes'
import type { CellObject } from 'xlsx'
import { AppError } from '../../errors'
import { lazyRequire } from '../../lazyRequire'
import { ERROR_TEXT } from './cellValue'
import { cellTooLong, columnLetters, MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, outsideGrid, parseCellAddress, rowNumber as parseRowNumber } from './grid'
import type { DenseRow } from './read'
import { formatCount } from './units'
import { damaged, entryData, type ZipEntry, type ZipSummary } from './zip'

const saxes = lazyRequire<typeof Saxes>('saxes')

export interface StreamSheet {
  name: string
  hidden: boolean
  /**
   * the sheet's rows in order: its 1-based row number and cells; `row` returns false to stop
   * reading the sheet; pause() runs between chunks
   */
  rows(pause: () => Promise<void>, row: (number: number, cells: DenseRow) => boolean): Promise<void>
}

export interface StreamLimits {
  /** most entries in the shared-string table */
  maxSharedStrings: number
  /** most characters in all shared strings together */
  maxSharedChars: number
}

/**
 * Raw XML characters between two parser events: saxes holds a text or a tag whole until it ends,
 * so a longer run is refused before it is held. A full cell written as entities (&#x4E2D; per
 * character) stays far below.
 */
const MAX_RUN = 1 << 20
/** a cell's raw text before _xHHHH_ escapes are undone: each character may take 7 */
const MAX_RAW_CELL = MAX_CELL_CHARS * 7
/** stored (not deflated) entries are fed in slices, as inflated ones come */
const SLICE_BYTES = 64 * 1024
/** sheets and relationships of a workbook; Excel's own are a few dozen */
const MAX_ELEMENTS = 65_536

/** error text as the sheet XML stores it → the code SheetJS gives (cellValue reads codes) */
const ERROR_CODES = new Map(Object.entries(ERROR_TEXT).map(([code, text]) => [text, Number(code)]))

/** OOXML escapes characters XML cannot carry as _xHHHH_ */
const unescapeOoxml = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s)

function localName(tag: string): string {
  const colon = tag.indexOf(':')
  return colon < 0 ? tag : tag.slice(colon + 1)
}

interface EntryHandlers {
  open(tag: SaxesTagPlain): void
  text(t: string): void
  close(name: string): void
  /** the refusal of a run of XML too long to hold, naming where the reading is */
  tooLong(): AppError
}

/** an entry's bytes in chunks as they inflate (or in slices when stored) */
function entryChunks(bytes: Uint8Array, entry: ZipEntry): AsyncIterable<Buffer> {
  const data = entryData(bytes, entry)
  const whole = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (entry.method === 8) return Readable.from([whole]).pipe(createInflateRaw())
  return Readable.from(
    (function* () {
      for (let at = 0; at < whole.length; at += SLICE_BYTES) yield whole.subarray(at, at + SLICE_BYTES)
    })(),
  )
}

/** Streams an entry's XML through a SAX parser, pausing between chunks. */
async function parseEntry(bytes: Uint8Array, entry: ZipEntry, handlers: EntryHandlers, pause: () => Promise<void>): Promise<void> {
  const parser = new (saxes().SaxesParser)()
  let sinceEvent = 0
  parser.on('opentag', (t) => {
    sinceEvent = 0
    handlers.open(t as SaxesTagPlain)
  })
  parser.on('text', (t) => {
    sinceEvent = 0
    handlers.text(t)
  })
  parser.on('closetag', (t) => {
    sinceEvent = 0
    handlers.close(localName(t.name))
  })
  const feed = (text: string) => {
    sinceEvent += text.length
    parser.write(text)
    if (sinceEvent > MAX_RUN) throw handlers.tooLong()
  }
  const decoder = new StringDecoder('utf8')
  let inflated = 0
  for await (const chunk of entryChunks(bytes, entry)) {
    inflated += chunk.length
    // the directory's size is all an entry may inflate to (zip.ts): more is a disguised bomb
    if (inflated > entry.uncompressedBytes) throw damaged()
    feed(decoder.write(chunk))
    await pause()
  }
  feed(decoder.end())
  parser.close()
}

function sharedStringsLimit(message: string, details: unknown): AppError {
  return new AppError('LIMIT', `${message}：文件可能已损坏或不是由 Excel / WPS 保存的；请删除无关的工作表，或拆分成多个文件后分批导入`, details)
}

/** Shared strings: <si> with <t> directly or in rich-text runs <r><t>; phonetic runs <rPh> are not text. */
async function sharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined, limits: StreamLimits, pause: () => Promise<void>): Promise<string[]> {
  const out: string[] = []
  if (!entry) return out
  let current = ''
  let inT = false
  let inPhonetic = false
  let chars = 0
  const where = () => `文件的共享字符串表（sharedStrings.xml）第 ${formatCount(out.length + 1)} 项`
  await parseEntry(
    bytes,
    entry,
    {
      open(tag) {
        const n = localName(tag.name)
        if (n === 'si') {
          if (out.length === limits.maxSharedStrings)
            throw sharedStringsLimit(`文件的共享字符串表超过 ${formatCount(limits.maxSharedStrings)} 项`, { limit: limits.maxSharedStrings })
          current = ''
        } else if (n === 'rPh') inPhonetic = true
        else if (n === 't' && !inPhonetic) inT = true
      },
      text(t) {
        if (!inT) return
        current += t
        if (current.length > MAX_RAW_CELL) throw cellTooLong(`${where()}的文字`)
      },
      close(n) {
        if (n === 't') inT = false
        else if (n === 'rPh') inPhonetic = false
        else if (n === 'si') {
          const s = unescapeOoxml(current)
          if (s.length > MAX_CELL_CHARS) throw cellTooLong(`${where()}的文字`)
          chars += s.length
          if (chars > limits.maxSharedChars)
            throw sharedStringsLimit(`文件的共享字符串表文字总量超过 ${formatCount(limits.maxSharedChars)} 个字符`, { limit: limits.maxSharedChars })
          out.push(s)
        }
      },
      tooLong: () => cellTooLong(`${where()}${inT ? '的文字' : '附近的内容'}`),
    },
    pause,
  )
  return out
}

/** Attributes of the elements named, from a small part (workbook.xml, its rels). */
async function elements(bytes: Uint8Array, entry: ZipEntry, name: string, pause: () => Promise<void>): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = []
  await parseEntry(
    bytes,
    entry,
    {
      open(t) {
        if (localName(t.name) !== name) return
        if (out.length === MAX_ELEMENTS) throw damaged()
        out.push(Object.fromEntries(Object.entries(t.attributes as Record<string, string>).map(([k, v]) => [localName(k), v])))
      },
      text() {},
      close() {},
      tooLong: damaged,
    },
    pause,
  )
  return out
}

/** `zip` is the container as checked (checkXlsxContainer) */
export async function openXlsxStream(bytes: Uint8Array, zip: ZipSummary, limits: StreamLimits, pause: () => Promise<void>): Promise<StreamSheet[]> {
  const byName = new Map(zip.entries.map((e) => [e.name.replace(/^\//, ''), e]))
  const workbook = byName.get('xl/workbook.xml')
  const rels = byName.get('xl/_rels/workbook.xml.rels')
  if (!workbook || !rels) throw new Error('no workbook part')
  const targets = new Map((await elements(bytes, rels, 'Relationship', pause)).map((r) => [r.Id, r.Target ?? '']))
  const sst = await sharedStrings(bytes, byName.get('xl/sharedStrings.xml'), limits, pause)

  return (await elements(bytes, workbook, 'sheet', pause)).flatMap((s) => {
    const target = targets.get(s.id ?? '') ?? ''
    const entry = byName.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`)
    if (!entry) return []
    // Excel's sheet names have 31 characters at most; a longer one is only shown in messages
    const name = (s.name ?? '').slice(0, 100)
    return [
      {
        name,
        hidden: (s.state ?? 'visible') !== 'visible',
        rows: (p: () => Promise<void>, row: (n: number, cells: DenseRow) => boolean) => sheetRows(bytes, entry, name, sst, p, row),
      },
    ]
  })
}

/** thrown from a row handler to stop reading a sheet */
const STOP = Symbol('stop')

async function sheetRows(
  bytes: Uint8Array,
  entry: ZipEntry,
  sheet: string,
  sst: string[],
  pause: () => Promise<void>,
  row: (number: number, cells: DenseRow) => boolean,
): Promise<void> {
  let rowNumber = 0
  let cells: DenseRow = []
  let col = -1
  let type = 'n'
  let value = ''
  let inValue = false
  let inInline = false
  const address = () => `${columnLetters(col)}${rowNumber}`
  const cellTooLongHere = () => cellTooLong(`工作表「${sheet}」的单元格 ${address()} 中的文字`)
  try {
    await parseEntry(
      bytes,
      entry,
      {
        open(tag) {
          const n = localName(tag.name)
          const a = tag.attributes as Record<string, string>
          if (n === 'row') {
            rowNumber = a.r === undefined ? rowNumber + 1 : parseRowNumber(a.r)
            if (rowNumber < 1 || rowNumber > MAX_ROWS) throw outsideGrid(sheet, `第 ${a.r ?? rowNumber} 行`)
            cells = []
            col = -1
          } else if (n === 'c') {
            if (a.r === undefined) {
              if (++col >= MAX_COLUMNS) throw outsideGrid(sheet, address())
            } else {
              const at = parseCellAddress(a.r)
              if (!at) throw outsideGrid(sheet, a.r)
              col = at.col
            }
            type = a.t ?? 'n'
            value = ''
          } else if (n === 'v') inValue = true
          else if (n === 'is') inInline = true
          else if (n === 't' && inInline) inValue = true
        },
        text(t) {
          if (!inValue) return
          value += t
          if (value.length > MAX_RAW_CELL) throw cellTooLongHere()
        },
        close(n) {
          if (n === 'v' || n === 't') inValue = false
          else if (n === 'is') inInline = false
          else if (n === 'c') {
            const cell = toCell(type, value, sst)
            if (cell?.t === 's' && (cell.v as string).length > MAX_CELL_CHARS) throw cellTooLongHere()
            cells[col] = cell
          } else if (n === 'row' && !row(rowNumber, cells)) throw STOP
        },
        // inside a value the run is the cell's text; elsewhere it is markup around a cell or row
        tooLong: () => (inValue ? cellTooLongHere() : cellTooLong(`工作表「${sheet}」${col >= 0 ? `单元格 ${address()} ` : `第 ${rowNumber} 行`}附近的内容`)),
      },
      pause,
    )
  } catch (e) {
    if (e !== STOP) throw e
  }
}

function toCell(type: string, value: string, sst: string[]): CellObject | undefined {
  if (value === '' && type !== 'inlineStr' && type !== 'str') return undefined
  switch (type) {
    case 's':
      return { t: 's', v: sst[Number(value)] ?? '' }
    case 'str':
    case 'inlineStr':
      return { t: 's', v: unescapeOoxml(value) }
    case 'b':
      return { t: 'b', v: value === '1' }
    case 'e':
      return { t: 'e', v: ERROR_CODES.get(value) ?? 0xff }
    case 'd':
      return { t: 'd', v: new Date(value) }
    default:
      return { t: 'n', v: Number(value) }
  }
}
