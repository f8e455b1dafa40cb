// 合计 and 价税合计 of an invoice. Sums run in integer 分 (exact, and fast enough that a 2,000-line
// invoice can be re-totalled on every keystroke).
import { amountInWords } from './amountInWords'
import { fenOfText, moneyFromFen } from './money'
import type { InvoiceRow } from './rows'
import type { Totals } from './types'

/**
 * Σ金额, Σ税额 and 价税合计 over the invoice rows, discount rows included. An amount still blank or
 * invalid counts as 0, so the screen shows totals while the user types; validation reports it.
 */
export function totalsOf(rows: readonly Pick<InvoiceRow, 'amount' | 'tax'>[]): Totals {
  // bigint: 2,000 rows near the per-row ceiling would pass 2^53 分
  let amount = 0n
  let tax = 0n
  for (const r of rows) {
    amount += BigInt(fenOfText(r.amount) ?? 0)
    tax += BigInt(fenOfText(r.tax) ?? 0)
  }
  const total = moneyFromFen(amount + tax)
  return { amount: moneyFromFen(amount), tax: moneyFromFen(tax), total, totalInWords: amountInWords(total) }
}
