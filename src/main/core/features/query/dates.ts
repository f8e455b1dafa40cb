// 开票日期 bounds of 发票查询: `to` includes its whole day, so a bound is "before the next day".

/** the day after a YYYY-MM-DD day */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}
