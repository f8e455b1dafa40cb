// For the sandbox's own tests: a platform on a throwaway data directory, the test taxpayers, a
// valid issue request and a blue invoice to reverse. (Integration tests over HTTP use tests/support/platform.ts.)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { onTestFinished } from 'vitest'
import { testDraft } from '../shared/domain/invoice/testDraft'
import type { InvoiceDraft } from '../shared/domain/invoice'
import type { IssueRequest, PlatformInvoice } from '../shared/platform/wire'
import type { Clock } from './clock'
import { PlatformError } from './errors'
import { createPlatform, type Platform } from './platform'

export const SELLER = { taxId: '91440300MA5G0X1U23', name: '深圳市测试科技有限公司', region: '44', password: 'seller-pass' }
export const BUYER = { taxId: '91110108551385082Q', name: '北京示例贸易有限公司', region: '11', password: 'buyer-pass' }
export const THIRD = { taxId: '91310115MA1H7Q3PX4', name: '上海第三方有限公司', region: '31', password: 'third-pass' }

export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-platform-'))
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A platform with SELLER and BUYER registered, closed after the test. */
export function tempPlatform(opts: { clock?: Clock; dataDir?: string; quota?: string } = {}): Platform {
  const platform = createPlatform({ dataDir: opts.dataDir ?? tempDataDir(), clock: opts.clock })
  onTestFinished(() => platform.close())
  platform.addTaxpayer({ ...SELLER, quota: opts.quota })
  platform.addTaxpayer(BUYER)
  return platform
}

/** 数电专票 to BUYER: one 6% line of 10,000.00 (金额 10000.00, 价税合计 10600.00). */
export function issueRequestFor(over: Partial<InvoiceDraft> = {}, drawer = '王会计'): IssueRequest {
  const base = testDraft()
  return { draft: testDraft({ buyer: { ...base.buyer, name: BUYER.name, taxId: BUYER.taxId }, ...over }), drawer }
}

let keys = 0
/** a fresh Idempotency-Key */
export const newKey = (what = 'k'): string => `${what}-${++keys}`

/** A blue invoice from SELLER to BUYER: one line of 10 × 1,000.00 at 6% (金额 10000.00, 税额 600.00). */
export function issueBlue(platform: Platform): PlatformInvoice {
  const line = { ...issueRequestFor().draft.lines[0]!, unit: '套', quantity: '10', unitPrice: '1000' }
  return platform.issue(SELLER.taxId, issueRequestFor({ lines: [line] }), newKey('blue'))
}

/** YYYYMM of an invoice's 开票日期: the earliest 入账所属期 it takes */
export const monthOf = (invoice: PlatformInvoice): string => invoice.issuedAt.slice(0, 7).replace('-', '')

/** the refusal a call throws (fails the test if it returns) */
export function refusal(work: () => unknown): PlatformError {
  try {
    work()
  } catch (e) {
    if (e instanceof PlatformError) return e
    throw e
  }
  throw new Error('expected a refusal, but the call succeeded')
}
