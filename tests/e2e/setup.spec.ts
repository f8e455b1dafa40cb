import { expect, SELLER, test } from './fixtures'

test('first run: create the company, then it is current', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.open(page)
  await expect(page.getByText('欢迎使用票税通')).toBeVisible()

  // a wrong check digit is refused next to the field
  await page.getByTestId('company-name').fill(SELLER.name)
  await page.getByTestId('company-taxId').fill('91440300MA5G0X1U2A')
  await page.getByTestId('company-operator').fill(SELLER.operator)
  await page.getByTestId('company-region').click()
  await page.getByRole('option', { name: '广东省' }).click()
  await page.getByTestId('company-save').click()
  await expect(page.getByText('校验位不正确')).toBeVisible()

  await page.getByTestId('company-taxId').fill(SELLER.taxId)
  await page.getByTestId('company-save').click()
  await expect(page.getByTestId('company-current')).toContainText(SELLER.name)
  const list = await app.core.call('companies.list', {})
  expect(list).toEqual([{ taxId: SELLER.taxId, name: SELLER.name, current: true }])
})
