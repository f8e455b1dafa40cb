// A period of 开票日期 as calendar days in Shanghai. Times in the books are ISO 8601 with +08:00, so
// a day is a prefix and the period is one range of text: from the first day up to the day after the last.
export function dayBounds(from: string, to: string): { from: string; until: string } {
  const next = new Date(`${to}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return { from, until: next.toISOString().slice(0, 10) }
}
