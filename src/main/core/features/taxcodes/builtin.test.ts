// The table shipped in resources/taxcodes: exactly what scripts/convert-taxcodes.ts makes of the
// public table (when ../shared/data is beside the repository), and in itself a whole, consistent
// table with today's rates, read with the product's own parser.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILTIN_DIR, convertPublicTable, MANIFEST_FILE, readBuiltinTable } from './builtin'
import { parseTaxCodeCsv } from './parseCsv'
import { structuralParent } from './table'

const SHIPPED = path.resolve(BUILTIN_DIR)
const PUBLIC = path.resolve('../shared/data/tax_classification_codes_2018.csv')
const havePublic = fs.existsSync(PUBLIC)
const TODAYS_RATES = new Set(['13%', '9%', '6%', '5%', '3%', '1%', '1.5%', '0%', '免税', '不征税'])

const { manifest, rows } = readBuiltinTable(path.resolve('.'))
const listing = (what: string, bad: string[]) => `${bad.length} rows ${what}:\n  ${bad.slice(0, 20).join('\n  ')}`

describe('the tax-code table shipped with the app', () => {
  it.skipIf(!havePublic)(
    havePublic
      ? 'is byte for byte what the converter makes of ../shared/data/tax_classification_codes_2018.csv'
      : 'is byte for byte what the converter makes of the public table — SKIPPED: ../shared/data/tax_classification_codes_2018.csv is not present',
    () => {
      const { files } = convertPublicTable(fs.readFileSync(PUBLIC), path.basename(PUBLIC))
      expect(Object.keys(files).sort()).toEqual(fs.readdirSync(SHIPPED).sort())
      for (const [name, text] of Object.entries(files))
        expect(
          fs.readFileSync(path.join(SHIPPED, name), 'utf8') === text,
          `${BUILTIN_DIR}/${name} differs from the converter's output: run npx tsx scripts/convert-taxcodes.ts`,
        ).toBe(true)
      // converting twice gives the same bytes
      expect(convertPublicTable(fs.readFileSync(PUBLIC), path.basename(PUBLIC)).files).toEqual(files)
    },
  )

  it('is the whole 2018 table, as its manifest says: 4,204 codes, 3,534 leaves, 版本 and 来源', () => {
    expect(rows).toHaveLength(4204)
    expect(rows.filter((r) => r.isLeaf)).toHaveLength(3534)
    expect(manifest).toMatchObject({ version: '2018-01', total: 4204, leaves: 3534, file: 'taxcodes.csv' })
    expect(manifest.source).toContain('sasakuma/tax_code2gooderp_code')
    expect(manifest.source).toContain('069f5639f8e96d888ffa630c338830e95145f326')
    expect(JSON.parse(fs.readFileSync(path.join(SHIPPED, MANIFEST_FILE), 'utf8'))).toEqual(manifest)
  })

  it('is a CSV the 导入编码表 reads as is: documented header, no BOM, unique codes', () => {
    const bytes = fs.readFileSync(path.join(SHIPPED, manifest.file))
    expect(bytes.subarray(0, 3).toString('hex')).not.toBe('efbbbf')
    expect(bytes.toString('utf8').split('\n')[0]).toBe('code,parent_code,name,short_name,is_leaf,tax_rates,vat_special_mgmt,keywords,description')
    expect(parseTaxCodeCsv(bytes, manifest.file)).toEqual(rows)
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length)
  })

  it('gives every leaf today’s rates only (17%/16% → 13%, 11%/10% → 9%), and no rate to a heading', () => {
    const bad = rows
      .filter((r) => (r.isLeaf ? r.rates.length === 0 || r.rates.some((x) => !TODAYS_RATES.has(x)) : r.rates.length > 0))
      .map((r) => `${r.code} ${r.name}: ${r.rates.join('|') || '(none)'}`)
    expect(bad, listing('have bad rates', bad)).toEqual([])
    const byCode = new Map(rows.map((r) => [r.code, r]))
    expect(byCode.get('1070101030000000000')).toMatchObject({ name: '柴油', rates: ['13%'] }) // 17% in 2018
    expect(byCode.get('1010101010000000000')).toMatchObject({ name: '稻谷', rates: ['9%'] }) // 11% in 2018
    expect(byCode.get('3040201010000000000')).toMatchObject({ name: '软件开发服务', rates: ['6%'] })
  })

  it('hangs every code under its structural parent, below the six top levels', () => {
    const bad = rows.filter((r) => r.parentCode !== structuralParent(r.code)).map((r) => `${r.code} parent=${r.parentCode}`)
    expect(bad, listing('have a wrong parent', bad)).toEqual([])
    expect(rows.filter((r) => r.parentCode === null).map((r) => r.name)).toEqual(['货物', '劳务', '销售服务', '无形资产', '不动产', '未发生销售行为的不征税项目'])
  })
})
