// 草稿箱 (issue #3 §4): lists the drafts (not what is queued), queries them, opens one on the
// issuing screen, copies one into a new draft, and deletes only after asking. Checked against the ledger.
import type { Page } from '@playwright/test'
import type { InvoiceDraftInput } from '../../src/shared/api/invoices'
import { sampleDraft } from '../../src/shared/domain/invoice'
import { expect, test, type AppUnderTest } from './fixtures'
import { row } from './helpers'

const BUYERS = ['甲方科技有限公司', '乙方贸易有限公司', '丙方咨询有限公司'] as const

function draftFor(buyer: string): InvoiceDraftInput {
  const draft = sampleDraft(2)
  return { ...draft, buyer: { ...draft.buyer, name: buyer, taxId: '' } }
}

async function drafts(app: AppUnderTest) {
  return (await app.core.call('invoices.list', { state: 'draft' })).rows
}

/** the message box offering this button, answered; waits for it to go */
async function answer(page: Page, button: string) {
  const box = page.locator('.el-message-box').filter({ has: page.getByRole('button', { name: button, exact: true }) })
  await box.getByRole('button', { name: button, exact: true }).click()
  await expect(box).toHaveCount(0)
}

test('草稿箱: list, query, open, copy, delete after confirming', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const ids: Record<string, number> = {}
  for (const b of BUYERS) ids[b] = (await app.core.call('invoices.saveDraft', { draft: draftFor(b) })).id
  // a queued invoice is no longer a draft
  const { id: queuedId } = await app.core.call('invoices.saveDraft', { draft: sampleDraft(1) })
  await app.core.call('invoices.issue', { id: queuedId })

  await app.open(page, '/invoice/drafts')
  const table = page.getByTestId('drafts-table')
  for (const b of BUYERS) await expect(row(page, 'drafts-table', b)).toBeVisible()
  await expect(table.locator('.el-table__body tr')).toHaveCount(3)
  await expect(table).not.toContainText('华为技术有限公司')

  // query by buyer name
  await page.getByTestId('drafts-query').fill('乙方')
  await page.getByTestId('drafts-query').press('Enter')
  await expect(table.locator('.el-table__body tr')).toHaveCount(1)
  await expect(row(page, 'drafts-table', BUYERS[1])).toBeVisible()
  await page.getByTestId('drafts-reset').click()
  await expect(table.locator('.el-table__body tr')).toHaveCount(3)

  // open: the issuing screen with the draft
  await row(page, 'drafts-table', BUYERS[0]).getByTestId('draft-open').click()
  await expect(page).toHaveURL(new RegExp(`#/invoice/issue\\?id=${ids[BUYERS[0]]}$`))
  await expect(page.getByTestId('buyer-name')).toHaveValue(BUYERS[0])
  await expect(page.getByTestId('line-2-name')).toHaveValue('台式计算机')

  // copy: a new draft with the same content, opened in its place
  await page.getByTestId('menu-drafts').click()
  await row(page, 'drafts-table', BUYERS[1]).getByTestId('draft-copy').click()
  await expect(page.getByTestId('buyer-name')).toHaveValue(BUYERS[1])
  const copyId = Number(/id=(\d+)/.exec(page.url())?.[1])
  expect(copyId).not.toBe(ids[BUYERS[1]])
  const copied = await app.core.call('invoices.get', { id: copyId })
  expect(copied).toMatchObject({ state: 'draft', buyerName: BUYERS[1], lineCount: 2 })
  expect((await drafts(app)).length).toBe(4)

  // delete: asked first; 取消 keeps it
  await page.getByTestId('menu-drafts').click()
  await expect(table.locator('.el-table__body tr')).toHaveCount(4)
  await row(page, 'drafts-table', BUYERS[2]).getByTestId('draft-delete').click()
  await answer(page, '取消')
  await expect(row(page, 'drafts-table', BUYERS[2])).toBeVisible()
  await row(page, 'drafts-table', BUYERS[2]).getByTestId('draft-delete').click()
  await answer(page, '删除')
  await expect(row(page, 'drafts-table', BUYERS[2])).toHaveCount(0)
  const left = await drafts(app)
  expect(left.map((d) => d.id).sort()).toEqual([ids[BUYERS[0]], ids[BUYERS[1]], copyId].sort())
  // the queued invoice was never offered
  expect((await app.core.call('invoices.list', { state: 'queued' })).rows.map((r) => r.id)).toEqual([queuedId])
})

test('a new invoice from the 草稿箱 starts blank and lands in the 草稿箱 once typed', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/invoice/drafts')
  await expect(page.getByTestId('drafts-table')).toContainText('草稿箱是空的')
  await page.getByTestId('drafts-new').click()
  await expect(page.getByTestId('buyer-name')).toHaveValue('')
  await page.getByTestId('buyer-name').fill('丁方服务有限公司')
  await expect(page.getByTestId('autosave-status')).toContainText('已自动保存')
  await page.getByTestId('menu-drafts').click()
  await expect(row(page, 'drafts-table', '丁方服务有限公司')).toBeVisible()
})
