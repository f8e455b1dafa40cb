// 进项 first from the platform: received invoices of the range that the change feed has not brought
// yet are asked for month by month — the platform answers one 开票月份 per request, well inside its
// 3-month query window — and stored as the feed stores them (sync/apply.ts recordReceived).
import { AppError } from '../../errors'
import type { Ledger } from '../../ledger/open'
import { recordReceived } from '../../sync/apply'
import type { Connection } from '../../sync/connection'
import { Refused, Unreachable } from '../../sync/platformClient'

/** the platform's largest page */
const PAGE_SIZE = 200

/** the months YYYYMM from the month of `from` to the month of `to` (days 'YYYY-MM-DD'), in order */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  const last = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7))
  while (y * 12 + m <= last) {
    out.push(`${y}${String(m).padStart(2, '0')}`)
    if (++m > 12) {
      m = 1
      y++
    }
  }
  return out
}

export interface FetchOutcome {
  /** invoices the platform listed for the months */
  listed: number
  /** why the platform could not be asked (then the job uses what the ledger has), else null */
  unavailable: { offline: boolean; reason: string } | null
}

export async function fetchReceived(
  ledger: Ledger,
  connect: () => Promise<Connection>,
  range: { from: string; to: string },
  opts: { now: () => string; checkpoint: () => void; progress: (month: number, months: number) => void },
): Promise<FetchOutcome> {
  const months = monthsOf(range.from, range.to)
  let listed = 0
  try {
    const conn = await connect()
    for (const [i, month] of months.entries()) {
      for (let page = 1; ; page++) {
        opts.checkpoint()
        const answer = await conn.authed((token) => conn.client.invoices(token, { role: 'buyer', month, page, size: PAGE_SIZE }))
        const now = opts.now()
        ledger.db.transaction(() => answer.rows.forEach((inv) => recordReceived(ledger, inv, now))).immediate()
        listed += answer.rows.length
        // a sign of life between pages: a month of thousands of invoices takes many
        opts.progress(i, months.length)
        if (answer.rows.length < PAGE_SIZE || page * PAGE_SIZE >= answer.total) break
      }
      opts.progress(i + 1, months.length)
    }
    return { listed, unavailable: null }
  } catch (e) {
    if (e instanceof AppError && e.code === 'CANCELLED') throw e
    if (e instanceof Unreachable || (e instanceof AppError && e.code === 'OFFLINE')) return { listed, unavailable: { offline: true, reason: e.message } }
    // the platform said no (a password no longer valid, a damaged platform.json): said in the result
    if (e instanceof Refused || e instanceof AppError) return { listed, unavailable: { offline: false, reason: e.message } }
    throw e
  }
}
