// The table side of smart matching, built once per table: an inverted index from character
// uni-/bigram to the leaves holding it (flat typed arrays, IDF weights), and the table's whole
// terms (names and their parts, keywords, 简称, phrases of descriptions) by their first characters.
import { cjkLength, gramSet, isPair, normalizeText, pairKey, type GramKey } from './matchText'
import type { TaxCodeRow } from './table'

// where a gram or term was found on a leaf
export const Field = { Name: 0, Keyword: 1, Short: 2, Description: 3, Parent: 4 } as const
export type Field = (typeof Field)[keyof typeof Field]
export const FIELD_WEIGHT = [1, 0.85, 0.5, 0.35, 0.25]

/** gram → the leaves holding it, each with its strongest field; flat arrays, not objects */
export interface Postings {
  ids: Map<GramKey, number>
  idf: Float64Array
  /** the postings of gram id g are [offset[g], offset[g + 1]) */
  offset: Int32Array
  leaf: Int32Array
  weight: Float32Array
  field: Uint8Array
}

export interface Term {
  text: string
  leaf: number
  field: Field
  /** field weight × how much of a name it is (a part of a name, a name without 其他, weigh less) */
  weight: number
  /** typed exactly, it is the answer */
  exact: boolean
}

/** a code's texts, normalised once */
interface Texts {
  name: string
  keywords: string
  shortName: string
  /** without its exclusions ("不包括…（详见…）"): they name other codes */
  description: string
}

function textsOf(row: TaxCodeRow): Texts {
  return {
    name: normalizeText(row.name),
    keywords: normalizeText(row.keywords),
    shortName: normalizeText(row.shortName),
    description: normalizeText(row.description.replace(/不包括[^。；]*[。；]?|（详见[^）]*）/g, '')),
  }
}

/** the texts of a leaf's parents, two levels up at most and never the top level (货物, 销售服务) */
function parentText(row: TaxCodeRow, byCode: Map<string, TaxCodeRow>, texts: Map<string, Texts>): string {
  const out: string[] = []
  let p = row.parentCode ? byCode.get(row.parentCode) : undefined
  for (let depth = 0; p?.parentCode && depth < 2; depth++, p = byCode.get(p.parentCode)) {
    const t = texts.get(p.code)!
    out.push(t.name, t.keywords, t.description)
  }
  return out.join(' ')
}

/** Whole terms a typed name may contain: the name and its parts, keywords, 简称, phrases of the description. */
function termsOf(t: Texts, leaf: number, common: (pair: string) => boolean, into: (term: Term) => void): void {
  const seen = new Set<string>()
  const add = (field: Field, text: string | undefined, share: number, exact: boolean) => {
    if (!text || text.length > 20 || cjkLength(text) === 0) return
    const key = `${field}${text}`
    if (seen.has(key)) return
    seen.add(key)
    into({ text, leaf, field, weight: FIELD_WEIGHT[field]! * share, exact })
  }
  const bare = t.name.replace(/[（(][^）)]*[）)]/g, '')
  add(Field.Name, t.name, 1, true)
  add(Field.Name, bare, 1, true)
  add(Field.Name, t.name.match(/[（(]([^）)]*)[）)]/)?.[1], 0.8, true)
  add(Field.Name, bare.replace(/^其他(未列明)?/, ''), 0.7, false)
  add(Field.Name, bare.replace(/(服务|劳务|业务|产品)$/, ''), 0.7, false)
  // a part of a listing name (塑料板、片) names less than the whole; a lone character part, nothing
  for (const part of bare.split(/[、，,]/)) if (part !== bare && part.length > 1) add(Field.Name, part, 0.5, false)
  // 帽子, 裙子, 桌子: typed as 棒球帽, 连衣裙
  if (/^[\u3400-\u9fff]子$/.test(bare)) add(Field.Name, bare[0], 0.8, false)
  for (const k of t.keywords.split(/[、，,;；\s]+/)) add(Field.Keyword, k, 1, true)
  add(Field.Short, t.shortName, 1, false)
  for (const phrase of t.description.split(/[、，,；;。：:（）()“”"\s]+/)) {
    const d = phrase.replace(/^(包括|包含|是指|指|如|含|即|又称|又名|主要|以及|及|和|或|等)+/, '').replace(/等+$/, '')
    // two characters many leaves hold (服务, 产品) are no phrase of this one
    if (cjkLength(d) >= 2 && d.length <= 10 && !(d.length === 2 && common(d))) add(Field.Description, d, 1, false)
  }
}

function lengthNorm(len: number, avg: number): number {
  return len <= avg ? 1 : 1 / (1 + Math.log2(len / avg))
}

/** A leaf's field: its kind, its length, its grams (shared between leaves with the same parents). */
type FieldGrams = [Field, number, Set<GramKey>]

/** The inverted index: long texts (keyword lists, descriptions) weigh less per gram. */
function buildPostings(fields: FieldGrams[][]): Postings {
  const n = fields.length
  const avgLen = [0, 0, 0, 0, 0]
  for (const f of fields) for (const [field, length] of f) avgLen[field]! += length / Math.max(1, n)
  const ids = new Map<GramKey, number>()
  let gram = new Int32Array(1 << 16)
  let leaf = new Int32Array(1 << 16)
  let weight = new Float32Array(1 << 16)
  let field = new Uint8Array(1 << 16)
  let size = 0
  const grow = () => {
    const copy = <T extends Int32Array | Float32Array | Uint8Array>(a: T, b: T) => (b.set(a), b)
    gram = copy(gram, new Int32Array(gram.length * 2))
    leaf = copy(leaf, new Int32Array(leaf.length * 2))
    weight = copy(weight, new Float32Array(weight.length * 2))
    field = copy(field, new Uint8Array(field.length * 2))
  }
  fields.forEach((texts, l) => {
    const at = new Map<number, number>() // this leaf's gram → its posting
    for (const [f, length, grams] of texts) {
      const w = FIELD_WEIGHT[f]! * (f === Field.Name ? 1 : lengthNorm(length, Math.max(4, avgLen[f]!)))
      for (const g of grams) {
        let id = ids.get(g)
        if (id === undefined) ids.set(g, (id = ids.size))
        const k = at.get(id)
        if (k !== undefined) {
          if (w > weight[k]!) {
            weight[k] = w
            field[k] = f
          }
          continue
        }
        if (size === gram.length) grow()
        gram[size] = id
        leaf[size] = l
        weight[size] = w
        field[size] = f
        at.set(id, size++)
      }
    }
  })
  // group by gram (counting sort), leaves in order within a gram
  const offset = new Int32Array(ids.size + 1)
  for (let k = 0; k < size; k++) offset[gram[k]! + 1]!++
  for (let g = 0; g < ids.size; g++) offset[g + 1]! += offset[g]!
  const fill = offset.slice(0, ids.size)
  const out = { leaf: new Int32Array(size), weight: new Float32Array(size), field: new Uint8Array(size) }
  for (let k = 0; k < size; k++) {
    const to = fill[gram[k]!]!++
    out.leaf[to] = leaf[k]!
    out.weight[to] = weight[k]!
    out.field[to] = field[k]!
  }
  const idf = new Float64Array(ids.size)
  for (let g = 0; g < ids.size; g++) idf[g] = Math.log(1 + n / (offset[g + 1]! - offset[g]!))
  return { ids, idf, offset, ...out }
}

export interface MatchIndex {
  leaves: TaxCodeRow[]
  postings: Postings
  /** whole terms by their first two characters (single characters by themselves) */
  termsByStart: Map<string, Term[]>
  /** 0.5 … 1: a term many leaves share (型材, 服务) says less than a rare one */
  rarity: Map<string, number>
  /** the pairs (and Latin words) that name things in the table: not those of descriptions (的的 is no word) */
  namedGrams: Set<GramKey>
  /** the characters the table's names and 简称 end in: its head nouns (羊, 蟹, 帽) */
  headChars: Set<string>
}

export function buildMatchIndex(rows: TaxCodeRow[]): MatchIndex {
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const leaves = rows.filter((r) => r.isLeaf)
  const n = leaves.length
  const texts = new Map(rows.map((r) => [r.code, textsOf(r)]))
  const parentGrams = new Map<string | null, [number, Set<GramKey>]>()
  const postings = buildPostings(
    leaves.map((row) => {
      const t = texts.get(row.code)!
      let parent = parentGrams.get(row.parentCode)
      if (!parent) {
        const text = parentText(row, byCode, texts)
        parentGrams.set(row.parentCode, (parent = [text.length, gramSet(text)]))
      }
      const own = (f: Field, text: string): FieldGrams => [f, text.length, gramSet(text)]
      return [own(Field.Name, t.name), own(Field.Keyword, t.keywords), own(Field.Short, t.shortName), own(Field.Description, t.description), [Field.Parent, ...parent]]
    }),
  )

  const common = (pair: string) => {
    const id = postings.ids.get(pairKey(pair))
    return id !== undefined && postings.offset[id + 1]! - postings.offset[id]! > n / 50
  }
  const termsByStart = new Map<string, Term[]>()
  const holders = new Map<string, number>()
  const lastHolder = new Map<string, number>()
  leaves.forEach((row, leaf) =>
    termsOf(texts.get(row.code)!, leaf, common, (term) => {
      const start = term.text.slice(0, 2)
      const list = termsByStart.get(start)
      if (list) list.push(term)
      else termsByStart.set(start, [term])
      if (lastHolder.get(term.text) !== leaf) holders.set(term.text, (holders.get(term.text) ?? 0) + 1)
      lastHolder.set(term.text, leaf)
    }),
  )
  const rarity = new Map<string, number>()
  for (const [text, h] of holders) rarity.set(text, 0.5 + (0.5 * Math.log(1 + n / h)) / Math.log(1 + n))

  // a pair of characters names something when a name or 简称 holds it, or the keywords of two
  // leaves (one keyword list alone holds fragments: 二三联件 makes no word of 二三)
  const namedGrams = new Set<GramKey>()
  const inKeywords = new Map<GramKey, number>()
  const headChars = new Set<string>()
  for (const row of leaves) {
    const t = texts.get(row.code)!
    for (const g of [...gramSet(t.name), ...gramSet(t.shortName)]) namedGrams.add(g)
    for (const g of gramSet(t.keywords)) inKeywords.set(g, (inKeywords.get(g) ?? 0) + 1)
    // each part of a name ends in a head noun (羊; 猪、牛、羊…肉), brackets aside
    let bare = t.name
    while (/[（(][^（()）]*[）)]/.test(bare)) bare = bare.replace(/[（(][^（()）]*[）)]/g, '')
    for (const part of [...bare.split(/[、，,]/), t.shortName]) {
      const last = part.match(/[\u3400-\u9fff](?=[^\u3400-\u9fff]*$)/)
      if (last) headChars.add(last[0])
    }
  }
  for (const [g, count] of inKeywords) if (count >= 2 || !isPair(g)) namedGrams.add(g)

  return { leaves, postings, termsByStart, rarity, namedGrams, headChars }
}
