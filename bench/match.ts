// Issue #3 §3, issue 10 §1: smart tax-code matching against the table shipped with the app
// (resources/taxcodes, 3,534 leaves), read with the product's own parser. Figures, not pass/fail:
// hit@1 and hit@5 over three labelled sets of real-world 项目名称 — bench/match-eval.csv (rows
// noted 复核集 were written after the matcher was first tuned), bench/match-heldout.csv (227 names
// written and committed before the issue 10 tuning, then tuned on) and bench/match-blind.csv (120
// names written after that tuning and never tuned on: the honest estimate for names nobody has
// seen) — per-query latency and the index build time, each beside its target. Then a company
// history of 20 maintained items, which must come first.
// Runnable alone: `npx tsx bench/match.ts [--smoke] [--failures]`.
import path from 'node:path'
import { readBuiltinTable } from '../src/main/core/features/taxcodes/builtin'
import { buildMatcher, type MatchHistoryEntry, type TaxCodeMatcher } from '../src/main/core/features/taxcodes/match'
import { labelProblems, readLabelled, type Labelled } from './match-labels'

const EVAL = path.resolve('bench/match-eval.csv')
const HELD_OUT = path.resolve('bench/match-heldout.csv')
const BLIND = path.resolve('bench/match-blind.csv')

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const pct = (k: number, n: number) => `${((100 * k) / Math.max(1, n)).toFixed(1)}%`

/** hit@1, hit@5 and per-query latency; the set is timed `rounds` times (after a warm-up pass) */
function evaluate(matcher: TaxCodeMatcher, set: Labelled[], history?: MatchHistoryEntry[], rounds = 1) {
  const rank = new Map<Labelled, number>()
  const misses: string[] = []
  for (const item of set) {
    const hits = matcher.match(item.name, 5, history)
    const r = hits.findIndex((h) => item.codes.includes(h.code))
    rank.set(item, r)
    if (r !== 0)
      misses.push(
        `${r < 0 ? '  miss' : `  @${r + 1}  `} ${item.name} → want ${item.codes[0]}; got ${hits
          .slice(0, 3)
          .map((h) => `${h.name}(${h.matchedBy} ${h.score})`)
          .join(' | ')}`,
      )
  }
  const times: number[] = []
  for (let round = 0; round < rounds; round++)
    for (const item of set) {
      const t0 = performance.now()
      matcher.match(item.name, 5, history)
      times.push(performance.now() - t0)
    }
  times.sort((a, b) => a - b)
  const hits = (of: Labelled[]) => ({
    n: of.length,
    hit1: of.filter((i) => rank.get(i) === 0).length,
    hit5: of.filter((i) => rank.get(i)! >= 0).length,
  })
  return { ...hits(set), reviewed: hits(set.filter((i) => i.note.startsWith('复核集'))), p50: percentile(times, 50), p95: percentile(times, 95), misses }
}

// A company's own items: some coded the way the table would rank them, some the company's own
// way (its 技术服务费 is software maintenance, its 礼品 are tea). Typed again as is, and typed a
// little differently (another period, another spec): history must come first either way.
const COMPANY_ITEMS: { name: string; taxCode: string; count: number; typed: string }[] = [
  { name: '技术服务费', taxCode: '3040201030000000000', count: 40, typed: '2025年3月技术服务费' },
  { name: '办公室保洁服务', taxCode: '3079900000000000000', count: 12, typed: '办公室保洁费（4月）' },
  { name: '中秋礼品', taxCode: '1030308010000000000', count: 3, typed: '2025中秋礼品' },
  { name: '联想ThinkPad E14笔记本电脑', taxCode: '1090509010000000000', count: 5, typed: '联想ThinkPad E16笔记本电脑' },
  { name: '物业管理费', taxCode: '3040801010000000000', count: 24, typed: '2025年第二季度物业管理费' },
  { name: '顺丰快递费', taxCode: '3040409010000000000', count: 60, typed: '快递费（顺丰）' },
  { name: 'A4复印纸', taxCode: '1060103020000000000', count: 8, typed: 'A4复印纸 80g 5包/箱' },
  { name: '年度审计服务', taxCode: '3040602990000000000', count: 2, typed: '2024年度审计服务费' },
  { name: '员工培训费', taxCode: '3070201020000000000', count: 6, typed: '新员工培训费' },
  { name: '设备维修', taxCode: '2020000000000000000', count: 9, typed: '设备维修费' },
  { name: '会议服务', taxCode: '3040304010000000000', count: 4, typed: '年会会议服务费' },
  { name: '工作餐', taxCode: '3070401000000000000', count: 30, typed: '加班工作餐' },
  { name: '写字楼租金', taxCode: '3040502020400000000', count: 12, typed: '写字楼租金（2025年5月）' },
  { name: '保安服务', taxCode: '3040804000000000000', count: 12, typed: '保安服务费' },
  { name: '劳务派遣服务费', taxCode: '3040803010000000000', count: 12, typed: '劳务派遣服务费（3月）' },
  { name: '服务器', taxCode: '1090509010000000000', count: 2, typed: '戴尔服务器 R750' },
  { name: '宣传册印刷', taxCode: '1060201030000000000', count: 3, typed: '产品宣传册印刷' },
  { name: '运输费', taxCode: '3010102020100000000', count: 50, typed: '运输费（上海-杭州）' },
  { name: '软件开发服务', taxCode: '3040201010000000000', count: 7, typed: '定制软件开发服务' },
  { name: '茶叶', taxCode: '1030308010000000000', count: 5, typed: '茶叶礼盒' },
]

function historyBench(matcher: TaxCodeMatcher, set: Labelled[]) {
  const history: MatchHistoryEntry[] = COMPANY_ITEMS.map(({ name, taxCode, count }) => ({ name, taxCode, count }))
  const first = (typed: string, code: string) => {
    const top = matcher.match(typed, 5, history)[0]
    return top?.code === code && top.matchedBy === '历史使用'
  }
  const exact = COMPANY_ITEMS.filter((i) => first(i.name, i.taxCode)).length
  const similar = COMPANY_ITEMS.filter((i) => first(i.typed, i.taxCode)).length
  const withHistory = evaluate(matcher, set, history)
  // a history hit on an unrelated name pushes the right code down
  const stray = set.filter((item) => {
    const top = matcher.match(item.name, 1, history)[0]
    return top?.matchedBy === '历史使用' && !item.codes.includes(top.code)
  }).length
  console.log(
    `  with a history of ${history.length} company items: 历史使用 first for ${exact}/${COMPANY_ITEMS.length} typed as kept, ` +
      `${similar}/${COMPANY_ITEMS.length} typed differently (another period, spec, word order) (target: all)`,
  )
  console.log(
    `  the eval set with that history: hit@1 ${pct(withHistory.hit1, withHistory.n)}, hit@5 ${pct(withHistory.hit5, withHistory.n)}, ` +
      `p95 ${withHistory.p95.toFixed(2)} ms; history put a different code first for ${stray} of ${set.length} names`,
  )
}

/** a labelled set, checked against the table: a label that is no leaf would count a right answer wrong */
function labelled(file: string, rows: Parameters<typeof labelProblems>[1], smoke: boolean): Labelled[] {
  const set = readLabelled(file)
  const problems = labelProblems(set, rows)
  if (problems.length > 0) throw new Error(`${path.basename(file)}: labels that are no leaf of the table:\n  ${problems.join('\n  ')}`)
  // the smoke run takes every fifth row
  return smoke ? set.filter((_, i) => i % 5 === 0) : set
}

export function matchBench(smoke: boolean, showFailures = false): void {
  console.log('tax-code matching (issue #3 §3, issue 10 §1)')
  const t0 = performance.now()
  const { rows, manifest } = readBuiltinTable(path.resolve('.'))
  const t1 = performance.now()
  const matcher = buildMatcher(rows)
  const t2 = performance.now()
  console.log(
    `  table: the shipped ${manifest.version} table, ${rows.length.toLocaleString()} codes, ${matcher.leaves.toLocaleString()} leaves; ` +
      `read ${(t1 - t0).toFixed(0)} ms, index build ${(t2 - t1).toFixed(0)} ms (once per table)`,
  )
  const sets: [string, string, Labelled[], string][] = [
    ['eval set', EVAL, labelled(EVAL, rows, smoke), 'target: hit@1 ≥ 70%, hit@5 ≥ 90%'],
    ['held-out set', HELD_OUT, labelled(HELD_OUT, rows, smoke), 'target: hit@1 ≥ 80%, hit@5 ≥ 95%'],
    ['blind set, never tuned on', BLIND, labelled(BLIND, rows, smoke), 'no target: the honest estimate'],
  ]
  for (const [, , set] of sets) for (const item of set) matcher.match(item.name, 5) // warm up (JIT), not timed
  for (const [label, file, set, target] of sets) {
    const r = evaluate(matcher, set, undefined, smoke ? 1 : 3)
    console.log(
      `  ${label} (${path.basename(file)}, ${r.n} names${smoke ? ', smoke: every 5th' : ''}): hit@1 ${pct(r.hit1, r.n)}, hit@5 ${pct(r.hit5, r.n)} (${target}); ` +
        `per query p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms (target p95 ≤ 5 ms)`,
    )
    const v = r.reviewed
    if (v.n > 0) console.log(`    of which ${v.n} noted 复核集 (written after the first tuning): hit@1 ${pct(v.hit1, v.n)}, hit@5 ${pct(v.hit5, v.n)}`)
    if (showFailures) for (const m of r.misses) console.log(m)
  }
  historyBench(matcher, sets[0]![2])
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('bench/match.ts')) matchBench(process.argv.includes('--smoke'), process.argv.includes('--failures'))
