// What this company already coded: its maintained items and its past invoice lines, as
// { name, taxCode, count }. A name typed again, or one close to it, gets the same code first.
// A history list is prepared once (keys, bigrams, an index from bigram to entries), so a query
// looks only at the entries that share enough of its bigrams.
import { cjkLength, gramSet, isPair, normalizeText, splitQualifier, withoutFeeSuffix } from './matchText'

export interface MatchHistoryEntry {
  name: string
  taxCode: string
  /** how often it was used (invoice lines); 1 when absent */
  count?: number
}

export interface HistoryHit {
  code: string
  /** 0..1: 1 is the same name as typed */
  similarity: number
  count: number
}

/** how much a bigram says: rare in the table (or not in it: a brand, a model) is much */
export type BigramWeight = (pair: number) => number

interface Known {
  raw: string
  key: string
  bigrams: Set<number>
  code: string
  count: number
}

interface Prepared {
  known: Known[]
  /** bigram → the entries holding it */
  byBigram: Map<number, number[]>
  /** key → the entries with it (keys without bigrams: Latin names) */
  byKey: Map<string, number[]>
}

/** the part of a name that identifies the thing: no specs, brands, qualifiers or fee words */
function keyOf(name: string): string {
  const clean = withoutFeeSuffix(splitQualifier(name).name.replace(/ /g, ''))
  return clean.length >= 2 ? clean : normalizeText(name).replace(/\s+/g, '')
}

const bigramsOf = (key: string) => new Set([...gramSet(key)].filter(isPair))

const push = <K>(map: Map<K, number[]>, key: K, i: number) => {
  const list = map.get(key)
  if (list) list.push(i)
  else map.set(key, [i])
}

// a company's history is one list per ledger state; it is prepared once per list
const prepared = new WeakMap<readonly MatchHistoryEntry[], Prepared>()

function prepare(history: readonly MatchHistoryEntry[]): Prepared {
  let p = prepared.get(history)
  if (p) return p
  const known = history
    .filter((h) => h.name.trim() !== '' && /^\d{19}$/.test(h.taxCode))
    .map((h) => {
      const key = keyOf(h.name)
      return { raw: normalizeText(h.name), key, bigrams: bigramsOf(key), code: h.taxCode, count: Math.max(1, h.count ?? 1) }
    })
  p = { known, byBigram: new Map(), byKey: new Map() }
  for (const [i, k] of known.entries()) {
    for (const b of k.bigrams) push(p.byBigram, b, i)
    push(p.byKey, k.key, i)
  }
  prepared.set(history, p)
  return p
}

const mass = (grams: Iterable<number>, weight: BigramWeight) => {
  let m = 0
  for (const g of grams) m += weight(g)
  return m
}

/** a name found inside another must say at least this much (a rare bigram, or two common ones) */
const MIN_INSIDE = 4
/** below this, a history entry is not similar */
const THRESHOLD = 0.5

function similarity(raw: string, key: string, mine: number, common: number, k: Known, weight: BigramWeight): number {
  if (raw === k.raw) return 1
  if (key === k.key) return 0.95
  const theirs = mass(k.bigrams, weight)
  // shared bigrams, weighed: 设备租赁 and 汽车租赁 share only the common 租赁
  const dice = mine + theirs > 0 ? (2 * common) / (mine + theirs) : 0
  // one name inside the other (保洁费 / 办公室保洁费), unless what is inside is a common word (服务)
  const [short, long, shortMass, longMass] = key.length <= k.key.length ? [key, k.key, mine, theirs] : [k.key, key, theirs, mine]
  const inside = cjkLength(short) >= 2 && long.includes(short) && shortMass >= MIN_INSIDE ? 0.6 + 0.3 * (shortMass / Math.max(shortMass, longMass)) : 0
  return Math.max(inside, 0.9 * dice)
}

/** Codes this company used for the same or similar names, best first (one hit per code). */
export function historyHits(name: string, history: readonly MatchHistoryEntry[], weight: BigramWeight): HistoryHit[] {
  const { known, byBigram, byKey } = prepare(history)
  const key = keyOf(name)
  if (known.length === 0 || key === '') return []
  const raw = normalizeText(name)
  const bigrams = bigramsOf(key)
  const mine = mass(bigrams, weight)

  // shared bigram mass per entry, through the index; only entries sharing enough can be similar
  // (inside: all of the shorter name, ≥ MIN_INSIDE; dice ≥ THRESHOLD / 0.9: over a quarter of mine)
  const shared = new Map<number, number>()
  for (const b of bigrams) {
    const w = weight(b)
    for (const i of byBigram.get(b) ?? []) shared.set(i, (shared.get(i) ?? 0) + w)
  }
  const need = Math.min(MIN_INSIDE, (THRESHOLD / 0.9 / 2) * mine)
  const candidates = new Set([...shared].filter(([, m]) => m >= need - 1e-9).map(([i]) => i))
  for (const i of byKey.get(key) ?? []) candidates.add(i)

  const best = new Map<string, HistoryHit>()
  for (const i of candidates) {
    const k = known[i]!
    const s = similarity(raw, key, mine, shared.get(i) ?? 0, k, weight)
    if (s < THRESHOLD) continue
    const prev = best.get(k.code)
    if (!prev || s > prev.similarity) best.set(k.code, { code: k.code, similarity: s, count: k.count + (prev?.count ?? 0) })
    else prev.count += k.count
  }
  return [...best.values()].sort((a, b) => b.similarity - a.similarity || b.count - a.count)
}
