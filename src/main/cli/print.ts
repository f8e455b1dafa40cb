// Output for people: lists as aligned rows, everything else as indented JSON.

function cell(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object') return Array.isArray(v) ? v.map(cell).join('、') : JSON.stringify(v)
  return String(v)
}

export function printHuman(result: unknown): void {
  const page = result as { total?: unknown; rows?: unknown }
  if (typeof page?.total === 'number' && Array.isArray(page.rows)) {
    for (const row of page.rows as Record<string, unknown>[]) console.log(Object.values(row).map(cell).join('\t'))
    console.log(`共 ${page.total} 条`)
    // 发票查询 also gives the totals of everything that matches
    const totals = (result as { totals?: { amount: string; tax: string; total: string } }).totals
    if (totals) console.log(`合计：金额 ${totals.amount}，税额 ${totals.tax}，价税合计 ${totals.total}`)
    return
  }
  if (Array.isArray(result)) {
    for (const row of result as Record<string, unknown>[]) console.log(Object.values(row).map(cell).join('\t'))
    return
  }
  console.log(JSON.stringify(result, null, 2))
}
