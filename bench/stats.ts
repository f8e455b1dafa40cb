// The few figures every benchmark reports: a run of timed rounds and its percentiles.

/** the p-th percentile of the times (nearest rank; the list itself is left as it is) */
export function percentile(times: number[], p: number): number {
  const s = [...times].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!
}

/** `rounds` runs of f, each timed in ms */
export function timeRounds(rounds: number, f: () => unknown): number[] {
  const out: number[] = []
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now()
    f()
    out.push(performance.now() - t0)
  }
  return out
}
