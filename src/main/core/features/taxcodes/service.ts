// The ledger's copy of the tax-code table: the full table shipped with the app at company
// creation, replaced whole by an import or by a newer table from the platform (one transaction:
// a bad file changes nothing). Its 版本, 来源 and load time live in settings.
import type Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { TAXCODE_SOURCE_LABELS, type TaxCode, type TaxCodeNode, type TaxCodeTableInfo, type TaxCodeTableSource } from '../../../../shared/api/taxcodes'
import { AppError } from '../../errors'
import type { Db, Ledger } from '../../ledger/open'
import { rowWriter } from '../../ledger/rowWriter'
import { settings, taxCodes } from '../../ledger/schema'
import type { BuiltinTable } from './builtin'
import { parseTaxCodeCsv } from './parseCsv'
import { parseTaxCodeXml } from './parseXml'
import { buildIndex, type TaxCodeIndex } from './search'
import { checkTable, type TaxCodeRow } from './table'

/** a whole table and where it came from, ready to replace the ledger's */
export interface LoadedTable {
  rows: TaxCodeRow[]
  source: TaxCodeTableSource
  version: string
  origin: string
}

const SETTING = { source: 'taxcodes.source', version: 'taxcodes.version', origin: 'taxcodes.origin', loadedAt: 'taxcodes.loadedAt' }

const indexes = new WeakMap<Ledger, TaxCodeIndex>()

function toRow(r: typeof taxCodes.$inferSelect): TaxCodeRow {
  return { ...r, rates: r.rates === '' ? [] : r.rates.split('|') }
}

/** The in-memory index of the ledger's table, built on first use after open or import. */
export function taxCodeIndex(ledger: Ledger): TaxCodeIndex {
  let idx = indexes.get(ledger)
  if (!idx) {
    idx = buildIndex(ledger.orm.select().from(taxCodes).all().map(toRow))
    indexes.set(ledger, idx)
  }
  return idx
}

/** Inside the caller's transaction: 4,204 rows through one prepared statement, not a query built per row. */
function replaceTable(db: Database.Database, table: LoadedTable, now: string): void {
  db.prepare('DELETE FROM tax_codes').run()
  const writer = rowWriter(db, taxCodes)
  for (const r of table.rows) writer.insert({ ...r, rates: r.rates.join('|') })
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  put.run(SETTING.source, table.source)
  put.run(SETTING.version, table.version)
  put.run(SETTING.origin, table.origin)
  put.run(SETTING.loadedAt, now)
}

/** A new ledger's table: the one shipped with the app (features/taxcodes/builtin.ts). Call inside the creating transaction. */
export function loadBuiltinTable(db: Database.Database, builtin: BuiltinTable, now: string): void {
  const { manifest, rows } = builtin
  replaceTable(db, { rows, source: 'builtin', version: manifest.version, origin: manifest.source }, now)
}

/** Parses a CSV or XML table; the format is told by the content, not the name. */
export function parseTable(bytes: Uint8Array, fileName: string): LoadedTable {
  const head = Buffer.from(bytes.subarray(0, 200))
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart()
  if (head.startsWith('<')) return { rows: checkTable(parseTaxCodeXml(Buffer.from(bytes).toString('utf8')), 'XML 文件'), source: 'xml', version: '', origin: fileName }
  return { rows: checkTable(parseTaxCodeCsv(bytes, fileName), 'CSV 文件'), source: 'csv', version: '', origin: fileName }
}

/** The platform's table (GET /taxcodes): its version is the platform's. */
export function parsePlatformTable(file: { bytes: Uint8Array; fileName: string; version: string }): LoadedTable {
  return { ...parseTable(file.bytes, file.fileName), source: 'platform', version: file.version, origin: `税务平台下发的 ${file.fileName}` }
}

export function importTable(ledger: Ledger, table: LoadedTable, now: string, audit: (db: Db) => void): void {
  ledger.orm.transaction((tx) => {
    replaceTable(ledger.db, table, now)
    audit(tx)
  })
  indexes.delete(ledger)
}

function setting(ledger: Ledger, key: string): string {
  return ledger.orm.select().from(settings).where(eq(settings.key, key)).get()?.value ?? ''
}

/** 版本 of the table in use ('' for an imported file): the sync engine compares it with the platform's. */
export function tableVersion(ledger: Ledger): string {
  return setting(ledger, SETTING.version)
}

// ledgers made before the full table shipped hold a 109-leaf starter table: shown as what it is
// until the platform's table (or an import) replaces it
const LEGACY_STARTER = 'starter'

export function tableInfo(ledger: Ledger): TaxCodeTableInfo {
  const idx = taxCodeIndex(ledger)
  const stored = setting(ledger, SETTING.source)
  const legacy = stored === LEGACY_STARTER || stored === ''
  const source: TaxCodeTableSource = legacy ? 'builtin' : (stored as TaxCodeTableSource)
  return {
    total: idx.rows.length,
    leaves: idx.rows.filter((r) => r.isLeaf).length,
    source,
    sourceLabel: legacy ? '早期版本内置的精简编码表' : TAXCODE_SOURCE_LABELS[source],
    version: tableVersion(ledger),
    origin: legacy ? '同步时由税务平台的编码表替换，也可导入编码表' : setting(ledger, SETTING.origin),
    loadedAt: setting(ledger, SETTING.loadedAt),
  }
}

export function childrenOf(ledger: Ledger, parent: string | null): TaxCodeNode[] {
  const idx = taxCodeIndex(ledger)
  return (idx.children.get(parent) ?? [])
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => ({ ...r, hasChildren: (idx.children.get(r.code)?.length ?? 0) > 0 }))
}

export function getTaxCode(ledger: Ledger, code: string): TaxCode {
  const row = taxCodeIndex(ledger).byCode.get(code)
  if (!row) throw new AppError('NOT_FOUND', `税收分类编码表中没有编码 ${code}`)
  return row
}

export function pathTo(ledger: Ledger, code: string): TaxCode[] {
  const idx = taxCodeIndex(ledger)
  const chain: TaxCode[] = []
  for (let r = idx.byCode.get(code); r; r = r.parentCode ? idx.byCode.get(r.parentCode) : undefined) chain.unshift(r)
  if (chain.length === 0) throw new AppError('NOT_FOUND', `税收分类编码表中没有编码 ${code}`)
  return chain
}

/** Why a code cannot go on an item or an invoice line, or null. */
export function leafProblem(ledger: Ledger, code: string): string | null {
  const row = taxCodeIndex(ledger).byCode.get(code)
  if (!row) return `税收分类编码 ${code} 不在本企业的税收分类编码表中，请从编码表中选择，或先导入最新的编码表`
  if (!row.isLeaf) return `税收分类编码 ${code}（${row.name}）不是末级编码，不能用于开票，请选择它下面的具体编码`
  return null
}
