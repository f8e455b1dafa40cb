// The starter table shipped in resources/ (written from knowledge of the public code list) is
// checked against the full public table in ../shared/data, read with the product's own parser.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseTaxCodeCsv } from './parseCsv'
import { structuralParent } from './table'

const STARTER = path.resolve('resources/taxcodes/starter.csv')
const FULL = path.resolve('../shared/data/tax_classification_codes_2018.csv')
const ALLOWED = new Set(['13%', '9%', '6%', '5%', '3%', '1%', '1.5%', '0%', '免税', '不征税'])

const starterBytes = fs.readFileSync(STARTER)
const starter = parseTaxCodeCsv(starterBytes, 'starter.csv')
const full = new Map(parseTaxCodeCsv(fs.readFileSync(FULL), 'full.csv').map((r) => [r.code, r]))
const leaves = starter.filter((r) => r.isLeaf)

/** an assertion message that lists the offenders, so a person can fix them */
const listing = (what: string, bad: string[]) => `${bad.length} starter rows ${what}:\n  ${bad.join('\n  ')}`

describe('starter tax-code table', () => {
  it('has the documented header, no BOM, unique codes, and over a hundred leaves', () => {
    expect(starterBytes.subarray(0, 3).toString('hex')).not.toBe('efbbbf')
    expect(starterBytes.toString('utf8').split('\n')[0]).toBe('code,parent_code,name,short_name,is_leaf,tax_rates,vat_special_mgmt,keywords,description')
    expect(new Set(starter.map((r) => r.code)).size).toBe(starter.length)
    expect(leaves.length).toBeGreaterThanOrEqual(100)
  })

  it('gives every leaf today’s rates only, and no rate to a non-leaf', () => {
    const bad = starter
      .filter((r) => (r.isLeaf ? r.rates.length === 0 || r.rates.some((x) => !ALLOWED.has(x)) : r.rates.length > 0))
      .map((r) => `${r.code} ${r.name}: ${r.rates.join('|') || '(none)'}`)
    expect(bad, listing('have bad rates', bad)).toEqual([])
  })

  it('has parents that follow the code structure, under the six top levels', () => {
    const bad = starter.filter((r) => r.parentCode !== structuralParent(r.code)).map((r) => `${r.code} parent=${r.parentCode}`)
    expect(bad, listing('have a wrong parent', bad)).toEqual([])
    expect(starter.filter((r) => r.parentCode === null).map((r) => r.code[0])).toEqual(['1', '2', '3', '4', '5', '6'])
  })

  it('agrees with the full public table: the code exists, leaf-ness and names agree', () => {
    expect(full.size).toBe(4204)
    const bad = starter.flatMap((r) => {
      const t = full.get(r.code)
      if (!t) return [`${r.code} ${r.name}: not in the table`]
      const out: string[] = []
      if (t.isLeaf !== r.isLeaf) out.push(`${r.code} ${r.name}: leaf=${r.isLeaf}, table says ${t.isLeaf}`)
      if (t.name !== r.name) out.push(`${r.code}: name “${r.name}”, table “${t.name}”`)
      if (t.shortName !== '' && t.shortName !== r.shortName) out.push(`${r.code} ${r.name}: 简称 “${r.shortName}”, table “${t.shortName}”`)
      return out
    })
    expect(bad, listing('disagree with the table', bad)).toEqual([])
  })
})
