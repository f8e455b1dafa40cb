// 附加要素信息维护 (manual §1.1.3): elements (at most 10, never 备注), scene templates with an
// ordered choice of elements, and the rule that an element used by a template cannot be deleted.
import type { Page } from '@playwright/test'
import type { ExtraType } from '../../src/shared/api/extras'
import { expect, test, type AppUnderTest } from './fixtures'

/** the table row holding the cell with this test id */
function row(page: Page, testId: string) {
  return page.locator('.el-table__row').filter({ has: page.getByTestId(testId) })
}

async function tick(page: Page, testId: string) {
  await row(page, testId).locator('.el-checkbox').click()
}

/** the message box offering this button (a confirm may be fading out as the next box opens) */
function box(page: Page, button: string) {
  return page.locator('.el-message-box').filter({ has: page.getByRole('button', { name: button, exact: true }) })
}

/** answers the message box offering this button, and waits for it to go */
async function answer(page: Page, button: string) {
  await box(page, button).getByRole('button', { name: button, exact: true }).click()
  await expect(box(page, button)).toHaveCount(0)
}

async function addElement(page: Page, name: string, type: ExtraType = '文本') {
  await page.getByTestId('extra-add').click()
  await page.getByTestId('extra-form-name').fill(name)
  await page.getByTestId(`extra-form-type-${type}`).click()
  await page.getByTestId('extra-form-save').click()
  await expect(page.getByTestId('extra-dialog')).toBeHidden()
  await expect(page.getByTestId(`extra-row-${name}`)).toBeVisible()
}

async function elementNames(app: AppUnderTest) {
  return (await app.core.call('extras.list', {})).rows.map((e) => e.name)
}

test('elements: inline errors, edit, and the limit of 10', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/extras')
  await expect(page.getByTestId('extras-count')).toHaveText('已有 0 个，最多 10 个')

  // inline errors from the core's own schema, before anything is sent
  await page.getByTestId('extra-add').click()
  await page.getByTestId('extra-form-save').click()
  await expect(page.getByTestId('extra-dialog')).toContainText('请填写附加要素名称')
  await page.getByTestId('extra-form-name').fill('备注')
  await page.getByTestId('extra-form-save').click()
  await expect(page.getByTestId('extra-dialog')).toContainText('“备注”是发票的固有栏目')
  expect(await elementNames(app)).toEqual([])

  await page.getByTestId('extra-form-name').fill('项目编号')
  await page.getByTestId('extra-form-save').click()
  await expect(page.getByTestId('extra-row-项目编号')).toBeVisible()
  await addElement(page, '合同金额', '数值')
  await expect(page.getByTestId('extras-count')).toHaveText('已有 2 个，最多 10 个')

  // a duplicate name: the core refuses, shown next to the field
  await page.getByTestId('extra-add').click()
  await page.getByTestId('extra-form-name').fill('项目编号')
  await page.getByTestId('extra-form-save').click()
  await expect(page.getByTestId('extra-dialog')).toContainText('该附加要素名称已存在')
  // typed work is not thrown away without asking
  await page.getByTestId('extra-form-cancel').click()
  await answer(page, '继续填写')
  await expect(page.getByTestId('extra-dialog')).toBeVisible()
  await page.getByTestId('extra-form-cancel').click()
  await answer(page, '放弃')
  await expect(page.getByTestId('extra-dialog')).toBeHidden()

  // edit: name and type
  await page.getByTestId('extra-edit-项目编号').click()
  await expect(page.getByTestId('extra-form-name')).toHaveValue('项目编号')
  await page.getByTestId('extra-form-name').fill('工程项目编号')
  await page.getByTestId('extra-form-type-日期').click()
  await page.getByTestId('extra-form-save').click()
  await expect(page.getByTestId('extra-row-工程项目编号')).toBeVisible()
  await expect(row(page, 'extra-row-工程项目编号')).toContainText('日期')
  const listed = await app.core.call('extras.list', {})
  expect(listed.rows.map((e) => [e.name, e.dataType])).toEqual([
    ['工程项目编号', '日期'],
    ['合同金额', '数值'],
  ])

  // up to 9 through the core; the query filters the table, the count still counts them all
  for (let i = 3; i <= 9; i++) await app.core.call('extras.create', { name: `要素${i}`, dataType: '文本' })
  await expect(page.getByTestId('extras-count')).toHaveText('已有 9 个，最多 10 个')
  await page.getByTestId('extras-query-name').fill('合同')
  await page.getByTestId('extras-search').click()
  await expect(page.locator('[data-testid="extras-table"] .el-table__row')).toHaveCount(1)
  await expect(page.getByTestId('extras-count')).toHaveText('已有 9 个，最多 10 个')
  await page.getByTestId('extras-reset').click()
  await expect(page.locator('[data-testid="extras-table"] .el-table__row')).toHaveCount(9)

  // the 10th arrives from elsewhere while this dialog is open: the core's LIMIT is shown
  await page.getByTestId('extra-add').click()
  await page.getByTestId('extra-form-name').fill('第十一个')
  await app.core.call('extras.create', { name: '要素10', dataType: '文本' })
  await expect(page.getByTestId('extras-count')).toHaveText('已有 10 个，最多 10 个')
  await page.getByTestId('extra-form-save').click()
  await expect(page.getByTestId('extra-form-error')).toContainText('最多 10 个')
  await page.getByTestId('extra-form-cancel').click()
  await answer(page, '放弃')

  // at 10, 新增 is disabled and says why; the core refuses an 11th however it is asked
  await expect(page.getByTestId('extra-add')).toBeDisabled()
  await page.getByTestId('extra-add').hover()
  await expect(page.getByRole('tooltip')).toContainText('最多 10 个')
  await expect(app.core.call('extras.create', { name: '第十一个', dataType: '文本' })).rejects.toMatchObject({ code: 'LIMIT' })
  expect(await elementNames(app)).toHaveLength(10)
})

test('scene templates: ordered elements; an element in use cannot be deleted', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  for (const [name, dataType] of [
    ['项目编号', '文本'],
    ['合同号', '文本'],
    ['工程名称', '文本'],
    ['开工日期', '日期'],
  ] as const)
    await app.core.call('extras.create', { name, dataType })
  await app.open(page, '/basic/extras')
  await expect(page.getByTestId('extra-row-开工日期')).toBeVisible()

  await page.getByTestId('extras-tab-scenes').click()
  await page.getByTestId('scene-add').click()
  await page.getByTestId('scene-form-save').click()
  await expect(page.getByTestId('scene-dialog')).toContainText('请填写场景模板名称')
  await expect(page.getByTestId('scene-dialog')).toContainText('请至少选择一个附加要素')

  // three elements, picked in one order and rearranged: the invoice shows them in the final order
  await page.getByTestId('scene-form-name').fill('建筑服务')
  await page.getByTestId('scene-pick-工程名称').click()
  await page.getByTestId('scene-pick-项目编号').click()
  await page.getByTestId('scene-pick-合同号').click()
  await page.getByTestId('scene-up-合同号').click()
  await expect(page.getByTestId('scene-chosen').locator('li')).toHaveText([/^工程名称/, /^合同号/, /^项目编号/])
  await page.getByTestId('scene-form-save').click()
  await expect(page.getByTestId('scene-dialog')).toBeHidden()
  await expect(page.getByTestId('scene-extras-建筑服务').locator('.el-tag')).toHaveText(['1. 工程名称', '2. 合同号', '3. 项目编号'])
  const scenes = await app.core.call('scenes.list', {})
  expect(scenes.rows.map((s) => [s.name, s.extras.map((e) => e.name)])).toEqual([['建筑服务', ['工程名称', '合同号', '项目编号']]])

  // edit: move 项目编号 to the top, drop 合同号
  await page.getByTestId('scene-edit-建筑服务').click()
  await expect(page.getByTestId('scene-chosen').locator('li')).toHaveCount(3)
  await page.getByTestId('scene-up-项目编号').click()
  await page.getByTestId('scene-up-项目编号').click()
  await page.getByTestId('scene-remove-合同号').click()
  await page.getByTestId('scene-form-save').click()
  await expect(page.getByTestId('scene-extras-建筑服务').locator('.el-tag')).toHaveText(['1. 项目编号', '2. 工程名称'])
  expect((await app.core.call('scenes.list', {})).rows[0]?.extras.map((e) => e.name)).toEqual(['项目编号', '工程名称'])

  // an element the template uses: refused with the core's message naming the template
  await page.getByTestId('extras-tab-items').click()
  await expect(page.getByTestId('extra-usedby-工程名称')).toHaveText('建筑服务')
  await page.getByTestId('extra-delete-工程名称').click()
  await answer(page, '删除')
  await expect(box(page, '知道了')).toContainText('附加要素“工程名称”正被场景模板“建筑服务”使用')
  await answer(page, '知道了')
  // a batch holding one such element deletes nothing
  await tick(page, 'extra-row-工程名称')
  await tick(page, 'extra-row-开工日期')
  await page.getByTestId('extras-batch-delete').click()
  await answer(page, '删除')
  await expect(box(page, '知道了')).toContainText('建筑服务')
  await answer(page, '知道了')
  expect(await elementNames(app)).toEqual(['项目编号', '合同号', '工程名称', '开工日期'])
  // the ticks survive the refusal, so the element in use can be unticked and the rest deleted
  await expect(row(page, 'extra-row-工程名称').locator('.el-checkbox')).toHaveClass(/is-checked/)
  await expect(row(page, 'extra-row-开工日期').locator('.el-checkbox')).toHaveClass(/is-checked/)

  // delete the template, then the element can go
  await page.getByTestId('extras-tab-scenes').click()
  await page.getByTestId('scene-delete-建筑服务').click()
  await answer(page, '删除')
  await expect(page.getByTestId('scene-row-建筑服务')).toBeHidden()
  expect((await app.core.call('scenes.list', {})).total).toBe(0)
  await page.getByTestId('extras-tab-items').click()
  await expect(row(page, 'extra-row-工程名称')).toContainText('未被引用')
  await page.getByTestId('extra-delete-工程名称').click()
  await answer(page, '删除')
  await expect(page.getByTestId('extra-row-工程名称')).toBeHidden()
  expect(await elementNames(app)).toEqual(['项目编号', '合同号', '开工日期'])

  // batch delete of elements, after a confirmation: 开工日期 is still ticked from before
  await tick(page, 'extra-row-项目编号')
  await page.getByTestId('extras-batch-delete').click()
  await expect(box(page, '删除')).toContainText('选中的 2 个附加要素')
  await answer(page, '删除')
  await expect(page.getByTestId('extra-row-开工日期')).toBeHidden()
  expect(await elementNames(app)).toEqual(['合同号'])

  // batch delete of templates
  const [only] = (await app.core.call('extras.list', {})).rows
  for (const name of ['货物运输', '不动产租赁']) await app.core.call('scenes.create', { name, extraIds: [only!.id] })
  await page.getByTestId('extras-tab-scenes').click()
  await tick(page, 'scene-row-货物运输')
  await tick(page, 'scene-row-不动产租赁')
  await page.getByTestId('scenes-batch-delete').click()
  await answer(page, '删除')
  await expect(page.getByTestId('scene-row-货物运输')).toBeHidden()
  expect((await app.core.call('scenes.list', {})).total).toBe(0)
})
