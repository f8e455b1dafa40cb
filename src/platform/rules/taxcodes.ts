// The 商品和服务税收分类编码 table the platform serves (DOMAIN.md §8). The file is kept as given —
// clients download exactly what was imported — and its leaf codes are extracted for the issuance
// check (only leaf codes go on invoices). Version = import date + a short sha256 of the bytes. A
// sandbox with no table takes the one shipped with the app (resources/taxcodes), with its version.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'
import * as XLSX from 'xlsx'
import type { BuiltinTaxcodesManifest } from '../../shared/api/taxcodes'
import { shanghaiDate, toShanghaiIso } from '../clock'
import { PlatformError } from '../errors'
import { stmt } from '../store/statements'
import type { CodeRates } from '../../shared/domain/rateRules'
import { currentRates } from '../../shared/domain/taxcodeRates'
import type { Ctx } from './context'

/** larger than any real table (the 2018 XML is 2.7 MB) */
export const TAXCODES_MAX_BYTES = 50 * 1024 * 1024

export interface TaxcodesFile {
  version: string
  fileName: string
  bytes: Buffer
}

export interface TaxcodesImport {
  version: string
  fileName: string
  leaves: number
  importedAt: string
}

const invalid = (message: string) => new PlatformError('VALIDATION', message, [{ path: 'file', message }])

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '')
}

/** A leaf of a table, with what the rate rules read of it (shared/domain/rateRules.ts). */
export interface TaxcodeLeaf extends CodeRates {
  rates: string[]
}

/** CSV: header `code,parent_code,name,short_name,is_leaf,tax_rates[_2018],vat_special_mgmt,…` (columns found by name). */
function csvLeaves(bytes: Uint8Array): TaxcodeLeaf[] {
  // raw: a 19-digit code read as a number would lose its last digits
  const wb = XLSX.read(utf8(bytes), { type: 'string', raw: true, dense: true })
  const sheet = wb.Sheets[wb.SheetNames[0] ?? '']
  const rows = sheet ? XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' }) : []
  const header = (rows[0] ?? []).map((h) => String(h).trim().toLowerCase())
  const column = (...names: string[]) => header.findIndex((h) => names.includes(h))
  const code = column('code')
  const leaf = column('is_leaf')
  if (code < 0 || leaf < 0) throw invalid('CSV 文件缺少 code 或 is_leaf 列（表头应为 code,parent_code,name,short_name,is_leaf,…）')
  const [name, rates, special] = [column('name'), column('tax_rates', 'tax_rates_2018'), column('vat_special_mgmt')]
  const cell = (r: string[], at: number) => (at < 0 ? '' : String(r[at] ?? '').trim())
  return rows
    .slice(1)
    .filter((r) => /^(y|yes|true|1|是)$/i.test(cell(r, leaf)))
    .map((r) => ({ code: cell(r, code), name: cell(r, name), rates: currentRates(cell(r, rates)), specialManagement: cell(r, special) }))
}

interface XmlField {
  '@_name': string
  '@_ref'?: string
  '#text'?: string
}

/**
 * XML: the public form, <record model="tax.category"> with fields code, name, tax_rate, can_use
 * (leaf) and base_category (增值税特殊管理, by the id of a tax.base.category record).
 */
function xmlLeaves(bytes: Uint8Array): TaxcodeLeaf[] {
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'record' || name === 'field' || name === 'data' })
  let doc: { openerp?: { data?: { record?: { '@_id'?: string; '@_model'?: string; field?: XmlField[] }[] }[] } }
  try {
    doc = parser.parse(utf8(bytes), true) as typeof doc
  } catch (e) {
    throw invalid(`XML 文件格式错误：${(e as Error).message}`)
  }
  const records = (doc.openerp?.data ?? []).flatMap((d) => d.record ?? [])
  const fieldsOf = (r: (typeof records)[number]) => new Map((r.field ?? []).map((f) => [f['@_name'], f]))
  const textOf = (f: XmlField | undefined) => String(f?.['#text'] ?? '').trim()
  const categories = new Map(records.filter((r) => r['@_model'] === 'tax.base.category').map((r) => [r['@_id'] ?? '', textOf(fieldsOf(r).get('name'))]))
  return records
    .filter((r) => r['@_model'] === 'tax.category')
    .map(fieldsOf)
    .filter((f) => textOf(f.get('can_use')).toLowerCase() === 'true')
    .map((f) => ({
      code: textOf(f.get('code')),
      name: textOf(f.get('name')),
      rates: currentRates(textOf(f.get('tax_rate'))),
      specialManagement: categories.get(f.get('base_category')?.['@_ref'] ?? '') ?? '',
    }))
}

export function extractLeaves(fileName: string, bytes: Uint8Array): TaxcodeLeaf[] {
  const xml = /\.xml$/i.test(fileName)
  if (!xml && !/\.csv$/i.test(fileName)) throw invalid(`不支持的文件类型：${fileName}（应为 .csv 或 .xml）`)
  const leaves = xml ? xmlLeaves(bytes) : csvLeaves(bytes)
  const bad = leaves.find((l) => !/^\d{19}$/.test(l.code))
  if (bad !== undefined) throw invalid(`编码“${bad.code}”不是 19 位数字`)
  if (leaves.length === 0) throw invalid('文件中没有末级税收分类编码')
  return [...new Map(leaves.map((l) => [l.code, l])).values()]
}

/** Imports a table and puts it in force; importing the same bytes again the same day changes nothing. */
export function importTaxcodes(ctx: Ctx, fileName: string, bytes: Uint8Array): TaxcodesImport {
  if (bytes.byteLength > TAXCODES_MAX_BYTES) throw new PlatformError('TOO_LARGE', `文件过大（上限 ${TAXCODES_MAX_BYTES / 1024 / 1024} MB）`)
  const version = `${shanghaiDate(ctx.clock.now())}-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}`
  return putInForce(ctx, version, fileName, bytes)
}

function putInForce(ctx: Ctx, version: string, fileName: string, bytes: Uint8Array): TaxcodesImport {
  const leaves = extractLeaves(fileName, bytes)
  const importedAt = toShanghaiIso(ctx.clock.now())
  ctx.db
    .transaction(() => {
      const previous = stmt(ctx.db, 'SELECT id FROM taxcode_files WHERE version = ?').get(version) as { id: number } | undefined
      stmt(ctx.db, 'DELETE FROM taxcode_leaves').run()
      if (previous) stmt(ctx.db, 'DELETE FROM taxcode_files WHERE id = ?').run(previous.id)
      const { lastInsertRowid } = stmt(ctx.db, 'INSERT INTO taxcode_files (version, file_name, bytes, leaf_count, imported_at) VALUES (?, ?, ?, ?, ?)').run(
        version,
        fileName,
        Buffer.from(bytes),
        leaves.length,
        importedAt,
      )
      const insert = stmt(ctx.db, 'INSERT INTO taxcode_leaves (code, file_id, name, rates, special_mgmt) VALUES (?, ?, ?, ?, ?)')
      for (const l of leaves) insert.run(l.code, lastInsertRowid, l.name, l.rates.join('|'), l.specialManagement)
    })
    .immediate()
  return { version, fileName, leaves: leaves.length, importedAt }
}

/** resources/taxcodes above this module: the repository in development, the app folder when built */
export function findBuiltinTaxcodesDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', 'taxcodes')
    if (fs.existsSync(path.join(candidate, 'manifest.json'))) return candidate
    if (path.dirname(dir) === dir) throw new Error(`resources/taxcodes/manifest.json not found above ${from}`)
  }
}

/**
 * The table shipped with the app (`dir` holds manifest.json and the table it names), put in force
 * under the manifest's version when no table is — never over one imported since. Null when one was.
 */
export function loadBuiltinTaxcodes(ctx: Ctx, dir: string): TaxcodesImport | null {
  if (taxcodesVersion(ctx) !== null) return null
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BuiltinTaxcodesManifest
  return putInForce(ctx, manifest.version, manifest.file, fs.readFileSync(path.join(dir, manifest.file)))
}

/** The table in force (the newest import), or null when none was imported. */
export function currentTaxcodes(ctx: Ctx): TaxcodesFile | null {
  const row = stmt(ctx.db, 'SELECT version, file_name, bytes FROM taxcode_files ORDER BY id DESC LIMIT 1').get() as
    { version: string; file_name: string; bytes: Buffer } | undefined
  return row ? { version: row.version, fileName: row.file_name, bytes: row.bytes } : null
}

export function taxcodesVersion(ctx: Ctx): string | null {
  return (stmt(ctx.db, 'SELECT version FROM taxcode_files ORDER BY id DESC LIMIT 1').get() as { version: string } | undefined)?.version ?? null
}

/** The codes among these that are not leaves of the table in force (none when no table is loaded). */
export function nonLeafCodes(ctx: Ctx, codes: string[]): Set<string> {
  if (taxcodesVersion(ctx) === null) return new Set()
  const isLeaf = stmt(ctx.db, 'SELECT 1 FROM taxcode_leaves WHERE code = ?')
  return new Set([...new Set(codes)].filter((c) => !isLeaf.get(c)))
}

/** The table's row for a code, for the rate rules; null when the table in force lacks it as a leaf. */
export function codeRates(ctx: Ctx, code: string): CodeRates | null {
  const row = stmt(ctx.db, 'SELECT code, name, rates, special_mgmt FROM taxcode_leaves WHERE code = ?').get(code) as
    { code: string; name: string; rates: string; special_mgmt: string } | undefined
  return row ? { code: row.code, name: row.name, rates: row.rates === '' ? [] : row.rates.split('|'), specialManagement: row.special_mgmt } : null
}

/**
 * A table put in force before its leaves kept their rates (migration 0003) is read again from its
 * stored bytes, once, so the rate rules see every code's rates.
 */
export function backfillLeafRates(ctx: Ctx): void {
  const stale = stmt(ctx.db, "SELECT 1 FROM taxcode_leaves WHERE name = '' LIMIT 1").get()
  const current = stale ? stmt(ctx.db, 'SELECT version, file_name, bytes FROM taxcode_files ORDER BY id DESC LIMIT 1').get() : undefined
  if (current) {
    const { version, file_name, bytes } = current as { version: string; file_name: string; bytes: Buffer }
    putInForce(ctx, version, file_name, bytes)
  }
}
