// taxcodes.search: ranked leaf codes for what a bookkeeper types — a code or its prefix, a name,
// a 简称, a keyword, words of the description. Exact and prefix matches first. The table is small
// (a few thousand rows), so it is searched in memory; smart matching (issue 3) builds on this.
import type { TaxCodeHit, TaxCodeMatchField } from '../../../../shared/api/taxcodes'
import type { TaxCodeRow } from './table'

interface Scored {
  row: TaxCodeRow
  score: number
  matchedBy: TaxCodeMatchField
}

function splitKeywords(k: string): string[] {
  return k
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** The best way one text matches one row, or null. Higher is better. */
function scoreRow(row: TaxCodeRow, text: string, keywords: string[]): Scored | null {
  const candidates: [number, TaxCodeMatchField][] = []
  if (/^\d+$/.test(text)) {
    if (row.code === text) candidates.push([1000, '编码'])
    else if (row.code.startsWith(text)) candidates.push([900 - (19 - text.length), '编码'])
    else if (row.code.replace(/0+$/, '') === text) candidates.push([950, '编码'])
  }
  if (row.name === text) candidates.push([800, '名称'])
  else if (row.name.startsWith(text)) candidates.push([700, '名称'])
  else if (row.name.includes(text)) candidates.push([600, '名称'])
  if (row.shortName === text) candidates.push([750, '简称'])
  else if (row.shortName.includes(text)) candidates.push([500, '简称'])
  if (keywords.includes(text)) candidates.push([650, '关键字'])
  else if (keywords.some((k) => k.includes(text))) candidates.push([450, '关键字'])
  if (row.description.includes(text)) candidates.push([300, '说明'])
  if (candidates.length === 0) return null
  candidates.sort((a, b) => b[0] - a[0])
  const [score, matchedBy] = candidates[0]!
  // among equals, the shorter name is the more specific answer
  return { row, score: score - Math.min(row.name.length, 50) / 100, matchedBy }
}

export interface TaxCodeIndex {
  rows: TaxCodeRow[]
  byCode: Map<string, TaxCodeRow>
  children: Map<string | null, TaxCodeRow[]>
  search(text: string, top: number): TaxCodeHit[]
}

export function buildIndex(rows: TaxCodeRow[]): TaxCodeIndex {
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const children = new Map<string | null, TaxCodeRow[]>()
  for (const r of rows) {
    const list = children.get(r.parentCode) ?? []
    list.push(r)
    children.set(r.parentCode, list)
  }
  const leaves = rows.filter((r) => r.isLeaf).map((row) => ({ row, keywords: splitKeywords(row.keywords) }))
  return {
    rows,
    byCode,
    children,
    search(text, top) {
      const t = text.trim()
      if (t === '') return []
      const hits: Scored[] = []
      for (const { row, keywords } of leaves) {
        const s = scoreRow(row, t, keywords)
        if (s) hits.push(s)
      }
      hits.sort((a, b) => b.score - a.score || a.row.code.localeCompare(b.row.code))
      return hits.slice(0, top).map((h) => ({ ...h.row, matchedBy: h.matchedBy, score: Math.round(h.score * 100) / 100 }))
    },
  }
}
