// A streaming view of an .xlsx: its sheets in workbook order, and each sheet's rows as SheetJS-
// shaped cells, without holding the workbook. Entries are inflated as streams and decoded with a
// StringDecoder, so a character split between two chunks stays whole (ExcelJS's streaming reader
// garbles those — Chinese names); XML is read with saxes. Styles are not read: a date-formatted
// number stays a number (the imports read no date columns).
import { StringDecoder } from 'node:string_decoder'
import { inflateRawSync, createInflateRaw } from 'node:zlib'
import { Readable } from 'node:stream'
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import type { CellObject } from 'xlsx'
import { ERROR_TEXT } from './cellValue'
import type { DenseRow } from './read'
import { entryData, scanZip, type ZipEntry } from './zip'

export interface StreamSheet {
  name: string
  hidden: boolean
  /** the sheet's rows in order: its 1-based row number and cells; pause() runs between chunks */
  rows(pause: () => Promise<void>, row: (number: number, cells: DenseRow) => void): Promise<void>
}

/** error text as the sheet XML stores it → the code SheetJS gives (cellValue reads codes) */
const ERROR_CODES = new Map(Object.entries(ERROR_TEXT).map(([code, text]) => [text, Number(code)]))

/** OOXML escapes characters XML cannot carry as _xHHHH_ */
const unescapeOoxml = (s: string) => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s)

/** "AB12" → 27 (0-based column) */
function columnOf(ref: string): number {
  let c = 0
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i)
    if (code < 65 || code > 90) break
    c = c * 26 + (code - 64)
  }
  return c - 1
}

function localName(tag: string): string {
  const colon = tag.indexOf(':')
  return colon < 0 ? tag : tag.slice(colon + 1)
}

/** Streams an entry's XML through a SAX parser, pausing between inflated chunks. */
async function parseEntry(bytes: Uint8Array, entry: ZipEntry, handlers: { open(tag: SaxesTagPlain): void; text(t: string): void; close(name: string): void }, pause: () => Promise<void>): Promise<void> {
  const parser = new SaxesParser()
  parser.on('opentag', (t) => handlers.open(t as SaxesTagPlain))
  parser.on('text', handlers.text)
  parser.on('closetag', (t) => handlers.close(localName(t.name)))
  const decoder = new StringDecoder('utf8')
  const data = entryData(bytes, entry)
  const source = entry.method === 8 ? Readable.from([Buffer.from(data)]).pipe(createInflateRaw()) : Readable.from([Buffer.from(data)])
  for await (const chunk of source) {
    parser.write(decoder.write(chunk as Buffer))
    await pause()
  }
  parser.write(decoder.end())
  parser.close()
}

function entryText(bytes: Uint8Array, entry: ZipEntry): string {
  const data = entryData(bytes, entry)
  return (entry.method === 8 ? inflateRawSync(data) : Buffer.from(data)).toString('utf8')
}

/** Shared strings: <si> with <t> directly or in rich-text runs <r><t>; phonetic runs <rPh> are not text. */
async function sharedStrings(bytes: Uint8Array, entry: ZipEntry | undefined, pause: () => Promise<void>): Promise<string[]> {
  const out: string[] = []
  if (!entry) return out
  let current = ''
  let inT = false
  let inPhonetic = false
  await parseEntry(
    bytes,
    entry,
    {
      open(tag) {
        const n = localName(tag.name)
        if (n === 'si') current = ''
        else if (n === 'rPh') inPhonetic = true
        else if (n === 't' && !inPhonetic) inT = true
      },
      text(t) {
        if (inT) current += t
      },
      close(n) {
        if (n === 't') inT = false
        else if (n === 'rPh') inPhonetic = false
        else if (n === 'si') out.push(unescapeOoxml(current))
      },
    },
    pause,
  )
  return out
}

/** Attributes of the elements named, from a small XML part (workbook.xml, its rels). */
function elements(xml: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = []
  const parser = new SaxesParser()
  parser.on('opentag', (t) => {
    if (localName(t.name) === name) out.push(Object.fromEntries(Object.entries(t.attributes as Record<string, string>).map(([k, v]) => [localName(k), v])))
  })
  parser.write(xml).close()
  return out
}

export async function openXlsxStream(bytes: Uint8Array, pause: () => Promise<void>): Promise<StreamSheet[]> {
  const zip = scanZip(bytes)
  const byName = new Map(zip.entries.map((e) => [e.name.replace(/^\//, ''), e]))
  const workbook = byName.get('xl/workbook.xml')
  const rels = byName.get('xl/_rels/workbook.xml.rels')
  if (!workbook || !rels) throw new Error('no workbook part')
  const targets = new Map(elements(entryText(bytes, rels), 'Relationship').map((r) => [r.Id, r.Target ?? '']))
  const sst = await sharedStrings(bytes, byName.get('xl/sharedStrings.xml'), pause)

  return elements(entryText(bytes, workbook), 'sheet').flatMap((s) => {
    const target = targets.get(s.id ?? '') ?? ''
    const entry = byName.get(target.startsWith('/') ? target.slice(1) : `xl/${target}`)
    if (!entry) return []
    return [{ name: s.name ?? '', hidden: (s.state ?? 'visible') !== 'visible', rows: (p: () => Promise<void>, row: (n: number, cells: DenseRow) => void) => sheetRows(bytes, entry, sst, p, row) }]
  })
}

async function sheetRows(bytes: Uint8Array, entry: ZipEntry, sst: string[], pause: () => Promise<void>, row: (number: number, cells: DenseRow) => void): Promise<void> {
  let rowNumber = 0
  let cells: DenseRow = []
  let col = -1
  let type = 'n'
  let value = ''
  let inValue = false
  let inInline = false
  await parseEntry(
    bytes,
    entry,
    {
      open(tag) {
        const n = localName(tag.name)
        const a = tag.attributes as Record<string, string>
        if (n === 'row') {
          rowNumber = a.r ? Number(a.r) : rowNumber + 1
          cells = []
          col = -1
        } else if (n === 'c') {
          col = a.r ? columnOf(a.r) : col + 1
          type = a.t ?? 'n'
          value = ''
        } else if (n === 'v') inValue = true
        else if (n === 'is') inInline = true
        else if (n === 't' && inInline) inValue = true
      },
      text(t) {
        if (inValue) value += t
      },
      close(n) {
        if (n === 'v' || n === 't') inValue = false
        else if (n === 'is') inInline = false
        else if (n === 'c') cells[col] = toCell(type, value, sst)
        else if (n === 'row') row(rowNumber, cells)
      },
    },
    pause,
  )
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
