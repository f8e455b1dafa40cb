// The platform's word on who this company is for the rate rules: its 纳税人类型 and the rates it may
// use, read from `/me` at every sync and cached on the company row with the time it was read. The
// platform's answer wins over the type the user chose when creating the company.
import { eq } from 'drizzle-orm'
import type { MeResponse } from '../../../shared/platform/wire'
import type { Ledger } from '../ledger/open'
import { company } from '../ledger/schema'

/** Saves the platform's type and rates; true when either changed (the screens re-read the company). */
export function saveQualification(ledger: Ledger, me: Pick<MeResponse, 'taxpayerType' | 'rates'>, now: string): boolean {
  const before = ledger.orm.select({ type: company.taxpayerType, rates: company.platformRates }).from(company).where(eq(company.id, 1)).get()
  const rates = me.rates.join('|')
  ledger.orm.update(company).set({ taxpayerType: me.taxpayerType, platformRates: rates, ratesReadAt: now }).where(eq(company.id, 1)).run()
  return before?.type !== me.taxpayerType || before.rates !== rates
}
