// Two client ledgers — the seller SELLER's and the buyer OTHER's, each its own data directory — on
// one platform sandbox over HTTP, as two taxpayers meet: red-letter forms, 入账, 进项.
import path from 'node:path'
import { expect, onTestFinished } from 'vitest'
import type { Core } from '../../src/main/core/app'
import type { Clock } from '../../src/shared/clock'
import { OTHER, SELLER, tempDir, testCore } from './core'
import { startTestSandbox } from './sandbox'

export const PARTY_PASSWORD = 'two-party-password'

export async function twoParties(opts: { clock?: Clock; buyerDataDir?: string } = {}) {
  const sandbox = await startTestSandbox(path.join(tempDir(), 'platform'), { clock: opts.clock })
  onTestFinished(() => sandbox.stop())
  for (const t of [SELLER, OTHER]) sandbox.platform.addTaxpayer({ taxId: t.taxId, name: t.name, region: t.region, password: PARTY_PASSWORD })
  const seller = await testCore({ clock: opts.clock })
  const buyer = await testCore({ company: false, clock: opts.clock, ...(opts.buyerDataDir ? { dataDir: opts.buyerDataDir } : {}) })
  await buyer.call('companies.create', OTHER)
  for (const core of [seller, buyer]) await core.call('settings.platform.set', { url: sandbox.url, password: PARTY_PASSWORD })
  return { sandbox, seller, buyer }
}

/** one sync run of each, each expected to go through */
export async function syncAll(...cores: Core[]): Promise<void> {
  for (const c of cores) expect((await c.call('sync.now', {})).error).toBeNull()
}
