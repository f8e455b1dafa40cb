// The full 商品和服务税收分类编码 table shipped with the app (resources/taxcodes/): the public
// 2018 table converted by scripts/convert-taxcodes.ts — read with the product's own parser, rates
// mapped to today's — as a CSV the 导入编码表 reads too, and a manifest saying what it is.
// Every new company's ledger starts with it; the sandbox serves it until another is imported.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { BuiltinTaxcodesManifest } from '../../../../shared/api/taxcodes'
import { AppError } from '../../errors'
import { parseTaxCodeCsv } from './parseCsv'
import { checkTable, type TaxCodeRow } from './table'

/** under the app folder (process.resourcesPath when packaged, the repository in development) */
export const BUILTIN_DIR = path.join('resources', 'taxcodes')
export const MANIFEST_FILE = 'manifest.json'
const TABLE_FILE = 'taxcodes.csv'

/** the public table this is made from: ../shared/data/README.md says where it comes from */
const PUBLIC_TABLE = {
  version: '2018-01',
  source:
    '商品和服务税收分类编码表（2018 年 1 月版），公开数据：GitHub 仓库 sasakuma/tax_code2gooderp_code 的 tax_code.xml' +
    '（提交 069f5639f8e96d888ffa630c338830e95145f326），经其扁平化的 tax_classification_codes_2018.csv 转换',
  rates: '税率按现行：2018 年的 17%、16% 改为 13%，11%、10% 改为 9%，其余不变',
}

const HEADER = ['code', 'parent_code', 'name', 'short_name', 'is_leaf', 'tax_rates', 'vat_special_mgmt', 'keywords', 'description']

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

/** One row per code, in the table's order; UTF-8 without BOM, \n line ends: the same rows give the same bytes. */
export function tableCsv(rows: TaxCodeRow[]): string {
  const lines = rows.map((r) =>
    [r.code, r.parentCode ?? '', r.name, r.shortName, r.isLeaf ? 'Y' : 'N', r.rates.join('|'), r.specialManagement, r.keywords, r.description].map(csvField).join(','),
  )
  return `${[HEADER.join(','), ...lines].join('\n')}\n`
}

/** The public CSV as shipped: the table and its manifest, exactly as scripts/convert-taxcodes.ts writes them. */
export function convertPublicTable(source: Uint8Array, sourceName: string): { files: Record<string, string>; manifest: BuiltinTaxcodesManifest } {
  const rows = checkTable(parseTaxCodeCsv(source, sourceName), sourceName)
  const manifest: BuiltinTaxcodesManifest = {
    ...PUBLIC_TABLE,
    total: rows.length,
    leaves: rows.filter((r) => r.isLeaf).length,
    file: TABLE_FILE,
    convertedFrom: { file: sourceName, sha256: createHash('sha256').update(source).digest('hex') },
  }
  return { files: { [TABLE_FILE]: tableCsv(rows), [MANIFEST_FILE]: `${JSON.stringify(manifest, null, 2)}\n` }, manifest }
}

export interface BuiltinTable {
  manifest: BuiltinTaxcodesManifest
  rows: TaxCodeRow[]
}

// the files never change while the app runs: read and parsed once per app folder
const cache = new Map<string, BuiltinTable>()

/** The shipped table under an app folder; a missing or broken file is the installation's fault, said plainly. */
export function readBuiltinTable(appDir: string): BuiltinTable {
  const dir = path.join(appDir, BUILTIN_DIR)
  let table = cache.get(dir)
  if (table) return table
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as BuiltinTaxcodesManifest
    const rows = checkTable(parseTaxCodeCsv(fs.readFileSync(path.join(dir, manifest.file)), manifest.file), '内置编码表')
    if (rows.length !== manifest.total) throw new Error(`共 ${rows.length} 条，清单记为 ${manifest.total} 条`)
    table = { manifest, rows }
  } catch (e) {
    throw new AppError('INTERNAL', `内置的税收分类编码表（${dir}）无法读取：${(e as Error).message}。请重新安装本软件`)
  }
  cache.set(dir, table)
  return table
}
