// Several companies in one app (DESIGN.md §4): each has its own ledger; the top bar adds them,
// switches between them and shows the current one.
import { expect, SELLER, test } from './fixtures'
import { uscc } from './helpers'

const SECOND = { name: '北京第二测试有限公司', taxId: uscc('91110108MA01AB1C2'), operator: '李会计' }

test('a second company has its own ledger; switching shows each one its own data', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.core.call('extras.create', { name: '合同号', dataType: '文本' })
  await app.open(page, '/basic/extras')
  await expect(page.getByTestId('company-current')).toContainText(SELLER.name)
  await expect(page.getByTestId('extra-row-合同号')).toBeVisible()

  // 顶部 → 新增企业: the setup form, then the new company is current
  await page.getByTestId('company-current').click()
  await page.getByTestId('company-add').click()
  await expect(page.getByText('新增企业')).toBeVisible()
  await page.getByTestId('company-name').fill(SECOND.name)
  await page.getByTestId('company-taxId').fill(SECOND.taxId)
  await page.getByTestId('company-region').click()
  await page.getByRole('option', { name: '北京市' }).click()
  await page.getByTestId('company-operator').fill(SECOND.operator)
  await page.getByTestId('company-save').click()
  await expect(page.getByTestId('company-current')).toContainText(SECOND.name)
  expect(await app.core.call('companies.list', {})).toEqual([
    { taxId: SECOND.taxId, name: SECOND.name, current: true },
    { taxId: SELLER.taxId, name: SELLER.name, current: false },
  ])

  // the new company's ledger starts empty; what is added now is its own
  await app.core.call('extras.create', { name: '项目编号', dataType: '数值' })
  await page.getByTestId('menu-extras').click()
  await expect(page.getByTestId('extra-row-项目编号')).toBeVisible()
  await expect(page.getByTestId('extra-row-合同号')).toHaveCount(0)
  await expect(page.getByTestId('extras-count')).toHaveText('已有 1 个，最多 10 个')

  // back to the first company in the top bar: its own data, not the second's
  await page.getByTestId('company-current').click()
  await page.getByTestId(`company-option-${SELLER.taxId}`).click()
  await expect(page.getByTestId('company-current')).toContainText(SELLER.name)
  await expect(page.getByTestId('extra-row-合同号')).toBeVisible()
  await expect(page.getByTestId('extra-row-项目编号')).toHaveCount(0)
  expect((await app.core.call('extras.list', {})).rows.map((e) => e.name)).toEqual(['合同号'])

  // 系统设置 › 企业信息: an edit shows in the top bar at once
  await page.getByTestId('menu-company').click()
  await expect(page.getByTestId('company-name')).toHaveValue(SELLER.name)
  await page.getByTestId('company-name').fill('深圳市测试科技（集团）有限公司')
  await page.getByTestId('company-save').click()
  await expect(page.getByTestId('company-current')).toContainText('深圳市测试科技（集团）有限公司')
  expect((await app.core.call('companies.current', {}))?.name).toBe('深圳市测试科技（集团）有限公司')
  await page.getByTestId('company-current').click()
  await expect(page.getByTestId(`company-option-${SELLER.taxId}`)).toContainText('深圳市测试科技（集团）有限公司')
  await expect(page.getByTestId(`company-option-${SECOND.taxId}`)).toContainText(SECOND.name)
})
