// What the rate rules need to know on this side: the company's 纳税人类型 and granted rates (the
// platform's, once read) and its own tax-code table — the same rules the platform runs on its side.
import type { QualificationContext } from '../../../../shared/domain/invoice'
import type { Ledger } from '../../ledger/open'
import { companySeller, readCompany } from '../companies/service'
import { taxCodeIndex } from '../taxcodes/service'

/** `now`: ISO 8601 with +08:00, so its date is Shanghai's */
export function qualificationOf(ledger: Ledger, now: string): QualificationContext | undefined {
  const company = readCompany(ledger.orm)
  if (!company) return undefined
  const { byCode } = taxCodeIndex(ledger)
  return { seller: companySeller(company), taxCode: (code) => byCode.get(code) ?? null, today: now.slice(0, 10).replace(/-/g, '') }
}
