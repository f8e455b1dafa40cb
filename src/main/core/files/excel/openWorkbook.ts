// Untrusted bytes → a SheetJS workbook, or a Chinese message that says what is wrong with the file.
// The format is decided by the extension AND the content: a renamed file is refused with the fix,
// an encrypted one is named as such, a zip bomb is refused (declared sizes, then a capped inflate)
// before SheetJS inflates anything, and text files are decoded here (UTF-8 / GBK / UTF-16) because
// SheetJS cannot tell GBK from UTF-8.
import type * as XLSX from 'xlsx'
import { AppError } from '../../errors'
import { decodeText, looksLikeText } from './decodeText'
import { formatBytes } from './units'
import { loadSheetJS } from './sheetjs'
import { checkInflatedSizes, scanZip, type ZipSummary } from './zip'

export interface OpenOptions {
  /** rows to parse per sheet (SheetJS `sheetRows`) */
  sheetRows: number
  maxUncompressedBytes: number
}

export type Extension = 'xlsx' | 'xls' | 'text'

const TEXT_EXTENSIONS = new Set(['csv', 'txt', 'tsv'])
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

const ENCRYPTED = '文件已加密（设置了打开密码）：请在 Excel 中打开文件，取消密码保护并保存后再导入'

/** Parse settings for speed: no display texts, HTML or formulas; dates as dates; dense rows. */
function parseOptions(sheetRows: number): XLSX.ParsingOptions {
  return { dense: true, sheetRows, cellText: false, cellHTML: false, cellFormula: false, cellDates: true, cellStyles: false }
}

function invalid(message: string, details?: unknown): AppError {
  return new AppError('FILE_INVALID', message, details)
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

export function extensionOf(fileName: string): Extension {
  const dot = fileName.lastIndexOf('.')
  const ext = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
  if (ext === 'xlsx' || ext === 'xls') return ext
  if (TEXT_EXTENSIONS.has(ext)) return 'text'
  throw invalid(`不支持的文件类型「${ext ? `.${ext}` : fileName}」：请导入 .xlsx、.xls 或 .csv 文件`)
}

export function openWorkbook(bytes: Uint8Array, fileName: string, opts: OpenOptions): XLSX.WorkBook {
  const ext = extensionOf(fileName)
  if (bytes.length === 0) throw invalid('文件是空的（0 字节）：请确认选对了文件，或重新导出后再导入')
  if (startsWith(bytes, ZIP_MAGIC)) return openZip(bytes, ext, opts)
  if (startsWith(bytes, CFB_MAGIC)) return openCfb(bytes, ext, opts)
  return openText(bytes, ext, opts)
}

/** Whether the bytes are a zip container (an .xlsx, or something pretending to be one). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC)
}

/** Whether the bytes are an OLE container (an .xls, or an encrypted workbook). */
export function isCfb(bytes: Uint8Array): boolean {
  return startsWith(bytes, CFB_MAGIC)
}

/**
 * SheetJS holds a workbook whole — every part inflated, then every cell — so an .xlsx it reads
 * (imports stream theirs, readStream.ts) may inflate to this much at most.
 */
export const SHEETJS_MAX_UNCOMPRESSED = 100 * 1024 * 1024

function openZip(bytes: Uint8Array, ext: Extension, opts: OpenOptions): XLSX.WorkBook {
  // SheetJS trusts the local headers: each part is inflated once first, capped at its declared size
  checkInflatedSizes(bytes, checkXlsxContainer(bytes, ext, Math.min(opts.maxUncompressedBytes, SHEETJS_MAX_UNCOMPRESSED)))
  return parse(bytes, { type: 'buffer' }, opts)
}

/**
 * The checks an .xlsx passes before any parser inflates it: the right extension, a workbook
 * inside, and no zip bomb by its declared sizes. What it returns is the container as checked;
 * whoever inflates must hold each entry to its declared size.
 */
export function checkXlsxContainer(bytes: Uint8Array, ext: Extension, maxUncompressedBytes: number): ZipSummary {
  if (ext === 'xls') throw invalid('文件内容是 .xlsx 格式，扩展名却是 .xls：请把扩展名改为 .xlsx 后再导入')
  if (ext === 'text') throw invalid('文件内容是 Excel 工作簿（.xlsx），不是 CSV 文本：请把扩展名改为 .xlsx 后再导入')
  const zip = scanZip(bytes)
  if (zip.uncompressedBytes > maxUncompressedBytes) {
    throw new AppError(
      'LIMIT',
      `文件解压后有 ${formatBytes(zip.uncompressedBytes)}，超过上限 ${formatBytes(maxUncompressedBytes)}，不像正常的表格文件：请检查文件来源，或拆分成多个文件后分批导入`,
      { uncompressedBytes: zip.uncompressedBytes, limit: maxUncompressedBytes },
    )
  }
  if (!zip.entries.some((e) => e.name.startsWith('xl/'))) {
    throw invalid('文件不是 Excel 工作簿（可能是 Word 文档或其他压缩包）：请选择 .xlsx 表格文件')
  }
  return zip
}

function openCfb(bytes: Uint8Array, ext: Extension, opts: OpenOptions): XLSX.WorkBook {
  // An encrypted .xlsx is an OLE (CFB) container holding EncryptionInfo + EncryptedPackage.
  let container: { FileIndex: { name: string }[] }
  try {
    container = loadSheetJS().CFB.read(asBuffer(bytes), { type: 'buffer' })
  } catch (e) {
    throw invalid('文件已损坏，无法读取：请在 Excel 中打开确认，另存为 .xlsx 后再导入', { cause: messageOf(e) })
  }
  const streams = new Set(container.FileIndex.map((f) => f.name))
  if (streams.has('EncryptedPackage') || streams.has('EncryptionInfo')) throw invalid(ENCRYPTED)
  if (ext === 'xlsx') throw invalid('文件内容是旧版 Excel 97-2003（.xls）格式，扩展名却是 .xlsx：请把扩展名改为 .xls，或在 Excel 中另存为 .xlsx 后再导入')
  if (ext === 'text') throw invalid('文件内容是 Excel 工作簿（.xls），不是 CSV 文本：请把扩展名改为 .xls 后再导入')
  if (!streams.has('Workbook') && !streams.has('Book')) {
    throw invalid('文件不是 Excel 工作簿（可能是 Word 文档或其他 Office 文件）：请选择 .xls 或 .xlsx 表格文件')
  }
  return parse(bytes, { type: 'buffer' }, opts)
}

// .csv/.txt, and the HTML or XML-spreadsheet "xls" that web systems export (SheetJS tells those
// apart by the leading "<"). `raw` keeps every cell as typed: "0012" and long IDs stay text.
function openText(bytes: Uint8Array, ext: Extension, opts: OpenOptions): XLSX.WorkBook {
  if (ext === 'xlsx') throw invalid('文件不是有效的 .xlsx 工作簿（内容无法识别）：请在 Excel 中打开确认，另存为 .xlsx 后再导入')
  const text = decodeText(bytes)
  if (!looksLikeText(text)) {
    throw invalid(
      ext === 'xls'
        ? '文件不是有效的 .xls 工作簿（内容无法识别）：请在 Excel 中打开确认，另存为 .xlsx 后再导入'
        : '文件不是文本格式的 CSV（内容无法识别）：请在 Excel 中另存为「CSV UTF-8」或 .xlsx 后再导入',
    )
  }
  return parse(text, { type: 'string', raw: true }, opts)
}

function parse(data: Uint8Array | string, how: XLSX.ParsingOptions, opts: OpenOptions): XLSX.WorkBook {
  try {
    return loadSheetJS().read(typeof data === 'string' ? data : asBuffer(data), { ...parseOptions(opts.sheetRows), ...how })
  } catch (e) {
    const cause = messageOf(e)
    if (/password|encrypt/i.test(cause)) throw invalid(ENCRYPTED)
    throw invalid('文件已损坏或格式无法识别，无法读取：请在 Excel 中打开确认，另存为 .xlsx 后再导入', { cause })
  }
}

/** A Buffer view of the same memory: SheetJS takes its fast paths for Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
