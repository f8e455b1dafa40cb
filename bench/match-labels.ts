// The labelled sets of the matching benchmark (bench/match-eval.csv, match-heldout.csv, match-blind.csv):
// name,code,note rows, a code being one leaf or a few equally right ones ('a|b'). A label that is
// not a leaf of the table would score a right answer as wrong, so every set is checked first.
// Runnable alone: `npx tsx bench/match-labels.ts [TABLE.csv]` lists every label that is no leaf.
import fs from 'node:fs'
import path from 'node:path'
import { parseTaxCodeCsv } from '../src/main/core/features/taxcodes/parseCsv'
import type { TaxCodeRow } from '../src/main/core/features/taxcodes/table'

export interface Labelled {
  name: string
  /** the right leaf; where the table has several equally right ones, each of them */
  codes: string[]
  note: string
}

/** quoted fields may hold commas and doubled quotes */
function fields(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (ch === '"') quoted = false
      else cur += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out
}

export function readLabelled(file: string): Labelled[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
  const [header, ...rows] = lines.map(fields)
  if (header?.[0] !== 'name' || header[1] !== 'code') throw new Error(`${file}: header should be name,code,note`)
  return rows.map(([name, code, note]) => ({ name: name!, codes: code!.split('|'), note: note ?? '' }))
}

/** every label that is not a leaf of the table, as "name → code (why)" */
export function labelProblems(set: Labelled[], rows: TaxCodeRow[]): string[] {
  const byCode = new Map(rows.map((r) => [r.code, r]))
  return set.flatMap((item) =>
    item.codes.filter((c) => !byCode.get(c)?.isLeaf).map((c) => `${item.name} → ${c} (${byCode.has(c) ? `${byCode.get(c)!.name}：不是末级编码` : '表中没有此编码'})`),
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('bench/match-labels.ts')) {
  const table = path.resolve(process.argv[2] ?? 'resources/taxcodes/taxcodes.csv')
  const rows = parseTaxCodeCsv(fs.readFileSync(table), path.basename(table))
  let bad = 0
  for (const file of ['bench/match-eval.csv', 'bench/match-heldout.csv', 'bench/match-blind.csv']) {
    const set = readLabelled(path.resolve(file))
    const problems = labelProblems(set, rows)
    bad += problems.length
    console.log(`${file}: ${set.length} names, ${problems.length} labels that are no leaf of ${path.basename(table)}`)
    for (const p of problems) console.log(`  ${p}`)
  }
  process.exitCode = bad > 0 ? 1 : 0
}
