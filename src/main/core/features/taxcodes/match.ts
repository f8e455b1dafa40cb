// Smart tax-code matching (智能匹配, issue 3 §3): leaf codes ranked for a 项目名称 as a bookkeeper
// types it. What this company already used for the same or a similar name comes first; then the
// table, by its names, 简称, keywords and descriptions.
//
// The table side (matchIndex.ts) is built once per table. A query, cleaned of brands, specs and
// periods (matchText.ts) and widened by the table's words for everyday ones (matchAliases.ts),
// scores each leaf by its IDF-weighted grams, touching only their postings, plus the table's
// whole terms found in what was typed. Both count more near the end of the name: a Chinese name
// ends in its head noun ("华为Mate60 Pro手机", "猪配合饲料"), and a leaf that never mentions that
// noun (nor the table's word for it) ranks lower. A name the table has no word for (哈哈哈, 的的的)
// gets nothing rather than a random code.
import type { TaxCodeMatchHit, TaxCodeMatchReason } from '../../../../shared/api/taxcodes'
import { aliasesIn } from './matchAliases'
import { historyHits, type MatchHistoryEntry } from './matchHistory'
import { buildMatchIndex, Field } from './matchIndex'
import { cjkLength, forEachGram, gramSet, headPart, isCjk, isPair, isSingle, mainAndRest, splitQualifier, withoutFeeSuffix, type GramKey } from './matchText'
import type { TaxCodeRow } from './table'

export type { MatchHistoryEntry } from './matchHistory'

/** a suggested leaf: the contract's TaxCodeMatchHit (why: 历史使用, 名称匹配, 关键字, 说明) */
export type TaxCodeMatch = TaxCodeMatchHit

export interface TaxCodeMatcher {
  /** number of leaves indexed */
  readonly leaves: number
  /** the best `top` leaves for a name; the company's history ({ name, taxCode, count }) first */
  match(name: string, top: number, history?: readonly MatchHistoryEntry[]): TaxCodeMatch[]
}

const REASON: TaxCodeMatchReason[] = ['名称匹配', '关键字', '名称匹配', '说明', '说明']
/** a single character says less than a pair */
const UNIGRAM = 0.35
/** the table's words added for an everyday word weigh a little less than what was typed */
const ALIAS = 0.9
/** history hits rank above every table hit */
const HISTORY_BASE = 100
/** a leaf that never mentions the head noun (the name's last word), nor the table's word for it */
const HEAD_MISS = 0.55
/** a fee (…费, …服务) is mostly paid for a service: goods other than utilities (电费, 水费) weigh less */
const GOODS_FOR_FEE = 0.7

export function buildMatcher(rows: TaxCodeRow[]): TaxCodeMatcher {
  const { leaves, postings, termsByStart, rarity, namedGrams, headChars } = buildMatchIndex(rows)
  const leafIndex = new Map(leaves.map((r, i) => [r.code, i]))
  // goods other than electricity, heat, gas and water, which are paid for as 电费, 水费
  const isGoods = Uint8Array.from(leaves, (r) => (r.code.startsWith('1') && !r.code.startsWith('110') ? 1 : 0))
  const n = leaves.length

  // per-query scratch, reset after each query
  const score = new Float64Array(n)
  const why = new Uint8Array(n)
  const whyWeight = new Float64Array(n)
  const headHit = new Uint8Array(n)
  const touched: number[] = []
  const touch = (leaf: number) => {
    if (score[leaf] === 0 && whyWeight[leaf] === 0) touched.push(leaf)
  }
  const credit = (leaf: number, amount: number, field: Field) => {
    touch(leaf)
    score[leaf]! += amount
    if (amount > whyWeight[leaf]!) {
      whyWeight[leaf] = amount
      why[leaf] = field
    }
  }

  function tableHits(typed: string, top: number, skip: Set<string>): TaxCodeMatch[] {
    const typedName = splitQualifier(typed)
    const { main: name, rest } = mainAndRest(typedName.name)
    const qualifier = [rest, typedName.qualifier].filter((q) => q !== '').join(' ')
    const text = qualifier ? `${name} ${qualifier}` : name
    if (cjkLength(text) === 0 && !/[a-z]{2,}/.test(text)) return []
    // the head noun ends the name; a trailing fee word (费, 款), packing (套装) or deal (转让) is
    // not the end; a qualifier after the name weighs half
    const headEnd = Math.max(1, headPart(name).length)
    const place = (end: number) => (end > name.length ? 0.5 : 0.25 + 0.75 * Math.min(1, end / headEnd))
    const aliases = aliasesIn(text)
    // the head noun: a leaf that holds its last character, or the table's word for it, answers
    // what was typed (纸尿裤 is no 裤子, 草莓苗 no 草莓)
    const headAt = lastCjkBefore(name, headEnd)
    const coversHead = (from: number, to: number) => headAt >= 0 && from <= headAt && to > headAt
    const headGrams = new Set<GramKey>(headAt >= 0 ? gramSet(name[headAt]!) : [])
    for (const a of aliases) if (coversHead(a.start, a.end)) for (const g of gramSet(a.expansion)) if (isPair(g)) headGrams.add(g)

    // grams: as typed, by place; an alias's words where the everyday word was typed
    const wanted = new Map<GramKey, number>()
    const want = (gram: GramKey, w: number) => {
      const weight = isSingle(gram) ? w * UNIGRAM : w
      if (weight > (wanted.get(gram) ?? 0)) wanted.set(gram, weight)
    }
    forEachGram(text, (gram, end) => want(gram, place(end)))
    for (const a of aliases) forEachGram(a.expansion, (gram) => want(gram, ALIAS * place(a.end)))
    let total = 0
    for (const [gram, w] of wanted) {
      const id = postings.ids.get(gram)
      if (id === undefined) continue // a word the table never uses weighs on no leaf
      const gw = w * postings.idf[id]!
      total += gw
      const marksHead = headGrams.has(gram)
      for (let k = postings.offset[id]!; k < postings.offset[id + 1]!; k++) {
        credit(postings.leaf[k]!, gw * postings.weight[k]!, postings.field[k]! as Field)
        if (marksHead) headHit[postings.leaf[k]!] = 1
      }
    }
    if (total > 0)
      for (const leaf of touched) {
        score[leaf]! /= total
        whyWeight[leaf]! /= total
      }

    // whole table terms found in the typed text (never across a cut), and in alias words
    const cover = Math.max(2, cjkLength(text.slice(0, headEnd)))
    let termFound = false
    const termsIn = (source: string, weightAt: (end: number) => number, base: number, marksHead: (from: number, to: number) => boolean) => {
      const best = new Map<number, { b: number; field: Field }>()
      for (let i = 0; i < source.length; i++) {
        if (!isCjk(source[i]!)) continue
        const runEnd = (j: number) => j >= source.length || !isCjk(source[j]!)
        for (const start of [source.slice(i, i + 2), source[i]!]) {
          for (const t of termsByStart.get(start) ?? []) {
            if ((start.length === 1) !== (t.text.length === 1) || !source.startsWith(t.text, i)) continue
            const end = i + t.text.length
            // a single character counts only where a word ends (泵, 铜, 桃)
            if (t.text.length === 1 && !runEnd(end)) continue
            const b = base * t.weight * weightAt(end) * Math.sqrt(Math.min(1, cjkLength(t.text) / cover)) * rarity.get(t.text)!
            if (marksHead(i, end)) headHit[t.leaf] = 1
            termFound = true
            if (b > (best.get(t.leaf)?.b ?? 0)) best.set(t.leaf, { b, field: t.field })
          }
        }
      }
      for (const [leaf, { b, field }] of best) credit(leaf, b, field)
    }
    termsIn(text, place, 1, coversHead)
    // nothing for nothing: a name is understood through a pair of characters the table names
    // things with, a whole term of the table, a head noun the table's names end in, or an
    // everyday word we know — one character (的, 哈) alone is in too many texts to say anything
    const understood = aliases.length > 0 || termFound || (headAt >= 0 && headChars.has(name[headAt]!)) || [...wanted.keys()].some((g) => !isSingle(g) && namedGrams.has(g))
    if (!understood) return clear([])
    for (const a of aliases)
      termsIn(
        a.expansion,
        () => place(a.end),
        ALIAS * 0.8,
        () => coversHead(a.start, a.end),
      )

    // typed exactly as the table has it
    const whole = name.replace(/ /g, '')
    const head = withoutFeeSuffix(whole)
    for (const t of termsByStart.get(whole.slice(0, 2)) ?? [])
      if (t.exact && (t.text === whole || t.text === head)) {
        credit(t.leaf, t.field === Field.Name ? 1 : 0.6, t.field)
        headHit[t.leaf] = 1
        // the reason shown is the exact one (a name before a keyword)
        if (whyWeight[t.leaf] !== Infinity || t.field < why[t.leaf]!) {
          why[t.leaf] = t.field
          whyWeight[t.leaf] = Infinity
        }
      }

    if (headAt >= 0) for (const leaf of touched) if (!headHit[leaf]) score[leaf]! *= HEAD_MISS
    if (/(费|费用|服务)$/.test(name.replace(/ /g, ''))) for (const leaf of touched) if (isGoods[leaf] && whyWeight[leaf] !== Infinity) score[leaf]! *= GOODS_FOR_FEE

    const ranked = topOf(
      touched,
      top,
      (leaf) => (skip.has(leaves[leaf]!.code) ? 0 : score[leaf]!),
      (leaf) => leaves[leaf]!.code,
    )
    return clear(ranked.map((leaf) => ({ ...pick(leaves[leaf]!), matchedBy: REASON[why[leaf]!]!, score: Math.round(score[leaf]! * 1000) / 1000 })))
  }

  /** resets the per-query scratch for the next query, passing the answer through */
  function clear<T>(answer: T): T {
    for (const leaf of touched) score[leaf] = why[leaf] = whyWeight[leaf] = headHit[leaf] = 0
    touched.length = 0
    return answer
  }

  const maxIdf = Math.log(1 + n)
  const bigramWeight = (pair: number) => {
    const id = postings.ids.get(pair)
    return id === undefined ? maxIdf : postings.idf[id]!
  }

  return {
    leaves: n,
    match(name, top, history) {
      if (top <= 0 || name.trim() === '') return []
      const used: TaxCodeMatch[] = []
      for (const h of history ? historyHits(name, history, bigramWeight) : []) {
        const leaf = leafIndex.get(h.code)
        if (leaf === undefined) continue // not a leaf of this table (any more)
        const s = HISTORY_BASE + 10 * h.similarity + Math.log2(1 + h.count)
        used.push({ ...pick(leaves[leaf]!), matchedBy: '历史使用', score: Math.round(s * 1000) / 1000 })
        if (used.length >= top) return used
      }
      return [...used, ...tableHits(name, top - used.length, new Set(used.map((u) => u.code)))]
    },
  }
}

/** the index of the last Chinese character before `end`, or -1 */
function lastCjkBefore(text: string, end: number): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) if (isCjk(text[i]!)) return i
  return -1
}

/** the `top` items with the highest positive score, ties by key; without sorting them all */
function topOf(items: number[], top: number, scoreOf: (i: number) => number, keyOf: (i: number) => string): number[] {
  const best: number[] = []
  const better = (a: number, b: number) => scoreOf(a) > scoreOf(b) || (scoreOf(a) === scoreOf(b) && keyOf(a) < keyOf(b))
  for (const item of new Set(items)) {
    if (scoreOf(item) <= 0) continue
    if (best.length === top && !better(item, best[top - 1]!)) continue
    let at = best.length === top ? top - 1 : best.length
    best[at] = item
    while (at > 0 && better(best[at]!, best[at - 1]!)) {
      ;[best[at], best[at - 1]] = [best[at - 1]!, best[at]!]
      at--
    }
  }
  return best
}

function pick(row: TaxCodeRow) {
  return { code: row.code, name: row.name, shortName: row.shortName, rates: row.rates, specialManagement: row.specialManagement }
}
