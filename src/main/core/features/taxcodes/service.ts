// The ledger's copy of the tax-code table: loaded from the starter table at company creation,
// replaced whole by an import (one transaction: a bad file changes nothing).
import { eq } from 'drizzle-orm'
import type { TaxCode, TaxCodeNode, TaxCodeTableInfo } from '../../../../shared/api/taxcodes'
import { AppError } from '../../errors'
import type { Db, Ledger } from '../../ledger/open'
import { settings, taxCodes } from '../../ledger/schema'
import { parseTaxCodeCsv } from './parseCsv'
import { parseTaxCodeXml } from './parseXml'
import { buildIndex, type TaxCodeIndex } from './search'
import { checkTable, type TaxCodeRow } from './table'

type Source = TaxCodeTableInfo['source']

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

function replaceTable(db: Db, rows: TaxCodeRow[], source: Source, now: string): void {
  db.delete(taxCodes).run()
  for (const r of rows) db.insert(taxCodes).values({ ...r, rates: r.rates.join('|') }).run()
  for (const [key, value] of [
    ['taxcodes.source', source],
    ['taxcodes.loadedAt', now],
  ] as const)
    db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run()
}

export function loadStarterTable(db: Db, csv: Uint8Array, now: string): void {
  replaceTable(db, checkTable(parseTaxCodeCsv(csv, 'starter.csv'), '内置编码表'), 'starter', now)
}

/** Parses a CSV or XML table; the format is told by the content, not the name. */
export function parseTable(bytes: Uint8Array, fileName: string): { rows: TaxCodeRow[]; source: Source } {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('utf8').replace(/^\ufeff/, '').trimStart()
  if (head.startsWith('<')) return { rows: checkTable(parseTaxCodeXml(Buffer.from(bytes).toString('utf8')), 'XML 文件'), source: 'xml' }
  return { rows: checkTable(parseTaxCodeCsv(bytes, fileName), 'CSV 文件'), source: 'csv' }
}

export function importTable(ledger: Ledger, parsed: { rows: TaxCodeRow[]; source: Source }, now: string, audit: (db: Db) => void): void {
  ledger.orm.transaction((tx) => {
    replaceTable(tx, parsed.rows, parsed.source, now)
    audit(tx)
  })
  indexes.delete(ledger)
}

export function tableInfo(ledger: Ledger): TaxCodeTableInfo {
  const idx = taxCodeIndex(ledger)
  const setting = (key: string) => ledger.orm.select().from(settings).where(eq(settings.key, key)).get()?.value ?? ''
  return {
    total: idx.rows.length,
    leaves: idx.rows.filter((r) => r.isLeaf).length,
    source: (setting('taxcodes.source') || 'starter') as Source,
    loadedAt: setting('taxcodes.loadedAt'),
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
