// One web instance playing both parties of an invoice (seller and buyer) by switching company in
// the top bar, against the real platform sandbox: the demo counterparties, a blue invoice issued
// through the core, 立即同步, and rows found by what they hold.
import type { Locator, Page } from '@playwright/test'
import type { InvoiceDraftInput } from '../../src/shared/api/invoices'
import { testDraft, testLine } from '../../src/shared/domain/invoice/testDraft'
import { expect, type AppUnderTest } from './fixtures'

// the two counterparties the embedded sandbox registers as companies of the app (src/main/core/sync/connection.ts)
export const BEIJING = { name: '北京示例科技有限公司', taxId: '91110105MA01ABCD26' }
export const SHANGHAI = { name: '上海示例贸易有限公司', taxId: '91310115MA1H7Q3PX4' }

/** two lines at 6%: 10 套 软件许可 at 1,000.00 and one 实施服务 at 3,000.00 — 价税合计 13,780.00 */
export function draftTo(buyer: { name: string; taxId: string }): InvoiceDraftInput {
  const d = testDraft()
  return {
    ...d,
    buyer: { ...d.buyer, ...buyer },
    lines: [testLine({ name: '软件许可', quantity: '10', unitPrice: '1000', unit: '套' }), testLine({ name: '实施服务', quantity: '1', unitPrice: '3000' })],
  }
}

/** the seller (current company) issues a blue invoice through the core; returns its number */
export async function issueBlue(app: AppUnderTest, buyer: { name: string; taxId: string }, draft: InvoiceDraftInput = draftTo(buyer)): Promise<string> {
  const { id } = await app.core.call('invoices.saveDraft', { draft })
  await app.core.call('invoices.issue', { id })
  expect((await app.core.call('sync.now', {})).error).toBeNull()
  const inv = await app.core.call('invoices.get', { id })
  expect(inv.state).toBe('issued')
  return inv.number!
}

/** a row of a table, marked by something inside it (el-table rows carry no attributes of their own) */
export function rowOf(page: Page, table: string, mark: Locator): Locator {
  return page.getByTestId(table).locator('.el-table__body tr', { has: mark })
}

/** 立即同步 in the top bar, waiting for the run to answer; it must complete */
export async function syncNow(page: Page): Promise<void> {
  const [res] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/call/sync.now')), page.getByTestId('sync-now').click()])
  const body = (await res.json()) as { value?: { error: string | null } }
  expect(body.value?.error).toBeNull()
}

/** news of an issued invoice sits in the top right, over the company switcher */
export async function dismissNotifications(page: Page): Promise<void> {
  const close = page.locator('.el-notification .el-notification__closeBtn')
  while ((await close.count()) > 0) {
    await close.first().click()
    await page.waitForTimeout(100)
  }
}

export async function switchCompany(page: Page, company: { name: string; taxId: string }): Promise<void> {
  await dismissNotifications(page)
  await page.getByTestId('company-current').click()
  await page.getByTestId(`company-option-${company.taxId}`).click()
  await expect(page.getByTestId('company-current')).toContainText(company.name)
}
