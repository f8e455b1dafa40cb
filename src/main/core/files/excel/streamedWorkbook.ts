// A large .xlsx written as it goes: each sheet's SpreadsheetML is built as text, row by row, and
// deflated into the zip (streamedZip.ts) while the next rows are read. Strings are inline (no shared-string
// table growing with the file) and there are five fixed cell styles, so memory stays flat however
// many rows pass. ExcelJS's streaming writer makes a cell object, a style lookup and a model per
// cell: at 430,000 rows (100,000 invoices and their lines) it alone took 14 s of a 10 s budget
// (bench/export.ts); this writes the same file in a fraction of that. Templates and small
// workbooks keep ExcelJS (write.ts), which does far more than this needs to.
//
// Sheets are written one after the other (streamedZip.ts writes one entry at a time): a sheet is
// ended before the next is opened. The workbook's small parts come last, when every sheet is known.
import { columnLetters } from './grid'
import { openStreamedZip } from './streamedZip'

/** the workbook's cell styles (styles.xml cellXfs, in this order) */
export const CELL_STYLES = ['plain', 'header', 'money', 'bold', 'boldMoney'] as const
export type CellStyle = (typeof CELL_STYLES)[number]
export const MONEY_FORMAT = '#,##0.00'

export type CellValue = string | number | null

export interface StreamedSheet {
  /** one row; a null or empty cell is left out */
  row(cells: readonly CellValue[], styles: readonly CellStyle[]): void
  /** rows written so far */
  rows(): number
  /** waits while the zip is behind (so memory holds about a megabyte of this sheet, not the sheet) */
  drain(): Promise<void>
  /** the sheet is complete; the next may open once this has resolved */
  end(): Promise<void>
}

export interface StreamedWorkbook {
  /** a new sheet with its column widths (in characters) and, frozen above the rest, its first row */
  sheet(name: string, widths: readonly number[]): StreamedSheet
  /** ends the open sheet, writes the workbook's parts and closes the file */
  close(): Promise<void>
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'
/** bytes of XML gathered before they go to the zip as one write */
const CHUNK_BYTES = 256 * 1024

// XML 1.0 forbids most control characters; Excel refuses a file that carries one
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g
const MARKUP = /[&<>"\r]/g
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' }
const NEEDS_ESCAPE = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/

export function xmlText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(NOT_XML, '').replace(MARKUP, (c) => ENTITIES[c]!) : s
}

/** each style's attribute, in the order of styles.xml's cellXfs */
const STYLE_ATTR = Object.fromEntries(CELL_STYLES.map((name, i) => [name, i === 0 ? '' : ` s="${i}"`])) as Record<CellStyle, string>

/** a space at either end is kept only when the text says so */
const EDGE_SPACE = /^\s|\s$/

function cellXml(ref: string, style: CellStyle, v: string | number): string {
  const s = STYLE_ATTR[style]
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : ''
  const text = xmlText(v)
  const t = EDGE_SPACE.test(text) ? '<t xml:space="preserve">' : '<t>'
  return `<c r="${ref}"${s} t="inlineStr"><is>${t}${text}</t></is></c>`
}

function sheetHead(widths: readonly number[]): string {
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  )
}
const SHEET_TAIL = '</sheetData></worksheet>'

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="${MONEY_FORMAT}"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  // plain, header (bold on the light-blue fill), money, bold, bold money — as CELL_STYLES
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'

function packageParts(names: readonly string[]): [string, string][] {
  const sheets = names.map((_, i) => i + 1)
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheets.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
        names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        sheets.map((n) => `<Relationship Id="rId${n}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join('') +
        `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES_XML],
  ]
}

export function openStreamedWorkbook(filePath: string, modified: Date): StreamedWorkbook {
  const zip = openStreamedZip(filePath, modified)
  const names: string[] = []
  let open: StreamedSheet | null = null

  function sheet(name: string, widths: readonly number[]): StreamedSheet {
    if (open) throw new Error(`sheet ${name} opened before the previous one ended`)
    names.push(name)
    const entry = zip.entry(`xl/worksheets/sheet${names.length}.xml`)
    const letters = widths.map((_, i) => columnLetters(i))
    // each row goes into the chunk as UTF-8 at once: its text dies young, where a long string of
    // rows built up first lived on into the old generation (a 220 MB heap on the 100k export)
    let chunk = Buffer.allocUnsafe(CHUNK_BYTES)
    let used = 0
    const flush = () => {
      if (used === 0) return
      entry.write(chunk.subarray(0, used))
      chunk = Buffer.allocUnsafe(CHUNK_BYTES)
      used = 0
    }
    const put = (xml: string) => {
      // 3 bytes a UTF-16 unit at most; a row longer than a chunk has a buffer of its own
      if (used + xml.length * 3 > CHUNK_BYTES) flush()
      if (xml.length * 3 > CHUNK_BYTES) entry.write(Buffer.from(xml, 'utf8'))
      else used += chunk.write(xml, used)
    }
    put(sheetHead(widths))
    let rowNo = 0
    const current: StreamedSheet = {
      row(cells, styles) {
        rowNo++
        let xml = `<row r="${rowNo}">`
        for (let i = 0; i < cells.length; i++) {
          const v = cells[i]
          // an empty text is no cell, as Excel itself saves it
          if (v !== null && v !== undefined && v !== '') xml += cellXml((letters[i] ??= columnLetters(i)) + rowNo, styles[i] ?? 'plain', v)
        }
        put(xml + '</row>')
      },
      rows: () => rowNo,
      async drain() {
        flush()
        await entry.room()
      },
      async end() {
        if (open !== current) return
        open = null
        put(SHEET_TAIL)
        flush()
        await entry.end()
      },
    }
    open = current
    return current
  }

  return {
    sheet,
    async close() {
      await open?.end()
      for (const [name, xml] of packageParts(names)) {
        const part = zip.entry(name)
        part.write(Buffer.from(xml, 'utf8'))
        await part.end()
      }
      await zip.close()
    },
  }
}
