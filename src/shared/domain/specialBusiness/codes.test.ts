// The kinds' allowed 税收分类编码 against the table the product ships (resources/taxcodes/, the public
// 2018 table): each prefix is a whole branch of the table with the name we give it, and no leaf
// belongs to two kinds.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SPECIAL_KINDS, specialKindsOfCode } from './kinds'

const rows = readFileSync(path.resolve('resources/taxcodes/taxcodes.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => /^(\d{19}),\d*,([^,]*),[^,]*,([YN]),/.exec(line))
  .filter((m) => m !== null)
  .map((m) => ({ code: m[1]!, name: m[2]!, leaf: m[3] === 'Y' }))
const nameOf = new Map(rows.map((r) => [r.code, r.name]))
const leaves = rows.filter((r) => r.leaf).map((r) => r.code)

describe.each(SPECIAL_KINDS.map((k) => [k.kind, k] as const))('%s', (_, spec) => {
  it('allows whole branches of the table, named as the table names them', () => {
    for (const { prefix, name } of spec.allowedCodes) {
      // 1 digit, then 2 digits per level: a prefix that ends mid-level would cut a branch in two
      expect([prefix, prefix.length % 2]).toEqual([prefix, 1])
      expect([prefix, nameOf.get(prefix.padEnd(19, '0'))]).toEqual([prefix, name])
    }
  })

  it('allows some leaves of the table and refuses the others', () => {
    const allowed = leaves.filter((code) => specialKindsOfCode(code).includes(spec.kind))
    expect(allowed.length).toBeGreaterThan(0)
    expect(allowed.length).toBeLessThan(leaves.length)
  })
})

it('no leaf belongs to two kinds', () => {
  expect(leaves.filter((code) => specialKindsOfCode(code).length > 1)).toEqual([])
})

// counted by hand in the table: 建筑服务 5 leaves; 货物 9 陆路 + 5 水路 + 4 航空 + 12 管道; 不动产 10;
// 不动产经营租赁 11; 旅客 12 陆路 + 5 水路 + 4 航空
it('how many leaves of the 2018 table each kind allows', () => {
  const counts = Object.fromEntries(SPECIAL_KINDS.map((k) => [k.kind, leaves.filter((c) => specialKindsOfCode(c).includes(k.kind)).length]))
  expect(counts).toEqual({ 建筑服务: 5, 货物运输服务: 30, 不动产销售: 10, 不动产经营租赁服务: 11, 旅客运输服务: 21 })
})
