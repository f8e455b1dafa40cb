// taxcodes.match in the ledger: the matcher over the company's table (built once per table) and
// the company's history — its maintained items and the lines of invoices it queued or issued.
import type { TaxCodeMatchHit } from '../../../../shared/api/taxcodes'
import { cachedByLedger } from '../../ledger/changeStamp'
import type { Ledger } from '../../ledger/open'
import { buildMatcher, type MatchHistoryEntry, type TaxCodeMatcher } from './match'
import { taxCodeIndex } from './service'
import type { TaxCodeIndex } from './search'

const matchers = new WeakMap<TaxCodeIndex, TaxCodeMatcher>()

const history = cachedByLedger(
  (db) =>
    db
      .prepare(
        `SELECT name, tax_code AS taxCode, count(*) AS count FROM (
           SELECT name, tax_code FROM items
           UNION ALL
           SELECT name, tax_code FROM invoice_lines WHERE nature <> '01'
         ) GROUP BY name, tax_code`,
      )
      .all() as MatchHistoryEntry[],
)

export function matchTaxCodes(ledger: Ledger, name: string, top: number): TaxCodeMatchHit[] {
  // the index is rebuilt when the table is replaced, and the matcher with it
  const index = taxCodeIndex(ledger)
  let matcher = matchers.get(index)
  if (!matcher) {
    matcher = buildMatcher(index.rows)
    matchers.set(index, matcher)
  }
  return matcher.match(name, top, history(ledger.db))
}
