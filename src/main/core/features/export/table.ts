// What the two writers (.xlsx, .csv) share: a table of columns, rows added one by one, and a 合计
// row at the end — the first column says 合计, the second how many rows, each money column its sum
// (kept in integer 分 while the rows go by).
import type { Column } from './columns'

export interface TableWriter<R> {
  add(r: R): void
  /** writes the 合计 row; `unit` counts the rows (张 invoices, 行 lines) */
  finish(unit: string): void
}

export class Totals<R> {
  private readonly sums: number[]
  /** the money columns' places: the rest are never summed (a row per line of 100,000 invoices passes here) */
  private readonly money: number[]
  rows = 0

  constructor(private readonly columns: Column<R>[]) {
    this.sums = columns.map(() => 0)
    this.money = columns.flatMap((c, i) => (c.kind === 'money' ? [i] : []))
  }

  add(r: R): void {
    this.rows++
    for (const i of this.money) this.sums[i]! += (this.columns[i]!.value(r) as number | null) ?? 0
  }

  /** the 合计 row's cells: money in 分, the rest text */
  cells(unit: string): (string | number | null)[] {
    return this.columns.map((c, i) => (i === 0 ? '合计' : i === 1 ? `${this.rows} ${unit}` : c.kind === 'money' ? this.sums[i]! : null))
  }
}

/** 数量/单价 as numbers when a double holds them exactly (≤ 15 significant digits), else as text */
export function decimalCell(text: string | null): string | number | null {
  if (text === null || text === '') return null
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '')
  return digits.length <= 15 && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text
}
