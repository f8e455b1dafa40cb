// Real spreadsheet files for import tests: xlsx from ExcelJS, xls from SheetJS, CSV in the
// encodings Chinese Excel and WPS produce.
import fs from 'node:fs'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs'

export type Cell = string | number | null

/** rows as given (first rows may be titles); numbers stay numbers, like a cell typed in Excel */
export async function writeXlsx(file: string, rows: Cell[][], sheetName = 'Sheet1'): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheetName)
  for (const r of rows) ws.addRow(r)
  await wb.xlsx.writeFile(file)
  return file
}

export function writeXls(file: string, rows: Cell[][]): string {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1')
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer)
  return file
}

function csvText(rows: Cell[][]): string {
  const cell = (c: Cell) => {
    const s = c === null ? '' : String(c)
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

export function writeCsv(file: string, rows: Cell[][], encoding: 'utf8' | 'utf8-bom' | 'gbk'): string {
  const text = csvText(rows)
  const bytes =
    encoding === 'gbk'
      ? (cpexcel as unknown as { utils: { encode(cp: number, s: string): Uint8Array } }).utils.encode(936, text)
      : new TextEncoder().encode(encoding === 'utf8-bom' ? `\ufeff${text}` : text)
  fs.writeFileSync(file, bytes)
  return file
}

/** all rows of the first sheet of a workbook, as text */
export async function readXlsx(file: string, sheet?: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  const ws = sheet ? wb.getWorksheet(sheet)! : wb.worksheets[0]!
  const out: string[][] = []
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1)
    out.push(Array.from(values, (v) => (v === null || v === undefined ? '' : String(v))))
  })
  return out
}

/**
 * A part's XML, given in pieces so a huge part is deflated as it is produced, never held whole
 * (bytes are UTF-8 already: a bomb repeats one buffer).
 */
export type XmlPieces = Iterable<string | Uint8Array>

const PART_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** `<c>` elements for one row of inline strings (a null leaves the cell out) */
export function xmlRow(row: number, cells: (string | null)[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const cols = cells.map((v, i) => (v === null ? '' : `<c r="${XLSX.utils.encode_col(i)}${row}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`))
  return `<row r="${row}">${cols.join('')}</row>`
}

/**
 * An .xlsx written part by part, as a real zip (deflated entries, CRCs, central directory): for
 * hand-made damage and bombs no spreadsheet program writes — a cell at ZZZZZZ2, a 900 MB cell in a
 * 1 MB file, millions of shared strings. `sheet` is the inside of <worksheet> (e.g. <sheetData>…),
 * `sharedStrings` the inside of <sst>.
 */
export async function writeRawXlsx(file: string, parts: { sheet: XmlPieces; sharedStrings?: XmlPieces; sheetName?: string }): Promise<string> {
  const entries: [string, XmlPieces][] = [
    [
      '[Content_Types].xml',
      [
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>',
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
        parts.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '',
        '</Types>',
      ],
    ],
    [
      '_rels/.rels',
      [
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
    ],
    ['xl/workbook.xml', [`<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${parts.sheetName ?? 'Sheet1'}" sheetId="1" r:id="rId1"/></sheets></workbook>`]],
    [
      'xl/_rels/workbook.xml.rels',
      [
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>`,
        parts.sharedStrings ? `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : '',
        '</Relationships>',
      ],
    ],
    ['xl/worksheets/sheet1.xml', concat([`<worksheet xmlns="${MAIN_NS}">`], parts.sheet, ['</worksheet>'])],
  ]
  if (parts.sharedStrings) entries.push(['xl/sharedStrings.xml', concat([`<sst xmlns="${MAIN_NS}">`], parts.sharedStrings, ['</sst>'])])
  await writeZip(
    file,
    entries.map(([name, xml]) => [name, concat([PART_HEADER], xml)]),
  )
  return file
}

function* concat(...pieces: XmlPieces[]): Iterable<string | Uint8Array> {
  for (const p of pieces) yield* p
}

/** A zip with deflated entries, each deflated as its pieces come (memory holds only the compressed bytes). */
async function writeZip(file: string, entries: [string, XmlPieces][]): Promise<void> {
  const out: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, pieces] of entries) {
    let crc = 0
    let size = 0
    const source = Readable.from(
      (function* () {
        for (const piece of pieces) {
          const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece
          crc = zlib.crc32(bytes, crc)
          size += bytes.length
          yield bytes
        }
      })(),
    )
    const chunks: Buffer[] = []
    for await (const chunk of source.pipe(zlib.createDeflateRaw())) chunks.push(chunk as Buffer)
    const data = Buffer.concat(chunks)
    const nameBytes = Buffer.from(name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8) // deflated
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4)
    local.copy(dir, 6, 4, 30) // version needed … name length: as in the local header
    dir.writeUInt32LE(offset, 42)
    out.push(local, nameBytes, data)
    central.push(dir, nameBytes)
    offset += local.length + nameBytes.length + data.length
  }
  const dirBytes = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(dirBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  fs.writeFileSync(file, Buffer.concat([...out, dirBytes, end]))
}
