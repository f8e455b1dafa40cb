/// <reference lib="dom" />
// Keyboard-first (issue 10 §5), at 1366 × 768, with keys only (page.keyboard — no click, no fill):
// from the start page through the left menu to an invoice the platform sandbox issues; Enter in the
// buyer field and in 项目名称 right after typing; the 编码表 walked with arrows and Enter; the
// sticky action bar never over the field with the cursor; the 快捷键 panel lists what the handlers
// answer (both read src/renderer/src/shortcuts.ts), and README.md lists the same. Checked against the
// ledger and the sandbox's own books.
import fs from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, SELLER, test, type AppUnderTest } from './fixtures'
import { uscc } from './helpers'

test.use({ platform: true, viewport: { width: 1366, height: 768 } })

// its 拼音首字母 start gzhn
const GUANGZHOU = { name: '广州华南贸易有限公司', taxId: uscc('91440101MA59HNMY0') }
const CONSULTING = '3040603000000000000' // 咨询服务, *鉴证咨询服务*, 6%

async function seed(app: AppUnderTest): Promise<void> {
  await app.createCompany()
  await app.core.call('customers.create', { ...GUANGZHOU, address: '广州市天河区珠江新城华夏路8号' })
  await app.core.call('customers.create', { name: '广州珠江物流有限公司', taxId: uscc('91440101MA5CJJWL1') })
}

/** README.md's 快捷键 table: [场合, 按键, 作用] per row, 场合 carried down where left blank */
function readmeShortcuts(): string[][] {
  const section = fs.readFileSync('README.md', 'utf8').split('## Keyboard shortcuts')[1]!.split('\n## ')[0]!
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 场合') && !l.startsWith('| ---'))
  let group = ''
  return rows.map((l) => {
    const [where, keys, label] = l
      .split('|')
      .slice(1, 4)
      .map((c) => c.trim()) as [string, string, string]
    group = where || group
    return [group, keys, label]
  })
}

/** the data-testid of the element with the cursor (or of the nearest marked element around it) */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null)
}

/** how far the element with the cursor reaches under the issuing screen's sticky action bar (≤ 0: clear of it) */
function underTheBar(page: Page): Promise<{ what: string; by: number }> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null
    // a switch's or a radio's own input is drawn as the control around it
    while (el && el.getBoundingClientRect().height === 0) el = el.parentElement
    const bar = document.querySelector('.actions')
    if (!el || !bar || bar.contains(el)) return { what: 'the bar', by: 0 }
    const what = el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.outerHTML.slice(0, 60)
    return { what, by: Math.round(el.getBoundingClientRect().bottom - bar.getBoundingClientRect().top) }
  })
}

test('from the start page to an issued invoice with the keyboard only', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await seed(app)
  await app.open(page)
  await expect(page).toHaveURL(/#\/basic\/items$/)

  // ── the left menu: Tab reaches the current page's row, with a visible focus ring ──
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('menu-items')
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
  expect(ring, 'the focused menu row shows a focus ring').toBe('solid')
  // ← goes up to the group, ← again folds it, → opens it again
  await page.keyboard.press('ArrowLeft')
  expect(await focused(page)).toBe('menu')
  await expect(page.getByTestId('menu-items')).toBeVisible()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('menu-items')).toBeHidden()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('menu-items')).toBeVisible()
  // Home: the first row (电子发票开具); ↓ ↓: 蓝字发票开具 › 电子发票开具; Enter opens it
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  expect(await focused(page)).toBe('menu-issue')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/invoice\/issue/)
  // the cursor follows into the page: its first field
  await expect(page.getByTestId('buyer-name')).toBeFocused()

  // ── 购买方: gzhn and Enter at once — the first customer found, taken when the list comes ──
  await page.keyboard.type('gzhn')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('buyer-name')).toHaveValue(GUANGZHOU.name)
  await expect(page.getByTestId('buyer-taxid')).toHaveValue(GUANGZHOU.taxId)
  await expect(page.getByTestId('buyer-address')).toHaveValue('广州市天河区珠江新城华夏路8号')
  // and the cursor goes on to the lines
  await expect(page.getByTestId('line-1-name')).toBeFocused()

  // ── line 1: a name and Enter at once — the code 智能匹配 finds is kept, the cursor moves on ──
  await page.keyboard.type('软件开发')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('line-1-spec')).toBeFocused()
  await expect(page.getByTestId('line-1-code')).toHaveText('*信息技术服务*')
  await expect(page.getByTestId('line-1-taxRate')).toHaveValue('6%')
  await page.keyboard.press('Enter')
  await page.keyboard.type('项')
  await page.keyboard.press('Enter')
  await page.keyboard.type('2')
  await page.keyboard.press('Enter')
  await page.keyboard.type('5000')
  await expect(page.getByTestId('line-1-tax')).toHaveText('600.00')

  // ── line 2: a name 智能匹配 cannot code is said so; Alt+K opens the 编码表, ↓ and Enter choose ──
  await page.keyboard.press('Alt+KeyN')
  await expect(page.getByTestId('line-2-name')).toBeFocused()
  await page.keyboard.type('展台搭建')
  await page.keyboard.press('Enter')
  await expect(page.locator('.el-message--warning', { hasText: '第 2 行“展台搭建”没有找到匹配的税收分类编码' })).toBeVisible()
  await expect(page.getByTestId('line-2-code')).toHaveText('选择编码')
  await page.keyboard.press('Alt+KeyK')
  const codes = page.getByTestId('line-taxcode-dialog')
  await expect(codes.getByTestId('taxcode-search')).toBeFocused()
  await page.keyboard.type('咨询服务')
  await expect(codes.getByTestId('taxcode-hits').locator('.el-table__body tr').first()).toContainText(CONSULTING)
  // the first hit is highlighted; ↓ ↑ move and come back; Enter chooses it
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await expect(codes.getByTestId('taxcode-detail')).toContainText(CONSULTING)
  await page.keyboard.press('Enter')
  await expect(codes).toBeHidden()
  await expect(page.getByTestId('line-2-code')).toHaveText('*鉴证咨询服务*')
  await expect(page.getByTestId('line-2-name')).toBeFocused()
  for (const [cells, text] of [
    [3, '1'],
    [1, '3000'],
  ] as const) {
    for (let i = 0; i < cells; i++) await page.keyboard.press('Enter')
    await page.keyboard.type(text)
  }
  await expect(page.getByTestId('totals-total')).toHaveText('¥13,780.00')

  // ── on through the rest of the form with Tab: the cursor is never under the action bar ──
  for (let i = 0; i < 60 && (await focused(page)) !== 'invoice-reviewer'; i++) {
    await page.keyboard.press('Tab')
    const under = await underTheBar(page)
    expect(under.by, `${under.what} lies under the action bar`).toBeLessThanOrEqual(0)
  }
  expect(await focused(page)).toBe('invoice-reviewer')
  await page.keyboard.type('赵复核')

  // ── 开票 (F9), confirmed with Enter; the sandbox issues it and says so in a dialog no toast covers ──
  await page.keyboard.press('F9')
  await expect(page.locator('.el-message-box')).toContainText('¥13,780.00')
  await page.keyboard.press('Enter')
  const issued = page.getByTestId('issued-dialog')
  await expect(issued.getByTestId('issued-number')).toHaveText(/^\d{20}$/)
  await expect(issued.getByTestId('issued-total')).toHaveText('13,780.00')
  const covered = await page.evaluate(() => {
    const box = document.querySelector('[data-testid="issued-dialog"]')!.getBoundingClientRect()
    return [...document.querySelectorAll<HTMLElement>('.el-message, .el-notification')]
      .filter((t) => getComputedStyle(t).display !== 'none' && Number(getComputedStyle(t).opacity) > 0)
      .map((t) => t.getBoundingClientRect())
      .filter((r) => r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom).length
  })
  expect(covered, 'a toast over the 开具成功 dialog').toBe(0)
  await expect(page.locator('.el-message')).toHaveCount(0)

  const number = (await issued.getByTestId('issued-number').textContent())!
  const onPlatform = app.sandbox!.platform.getInvoice(SELLER.taxId, number)
  expect(onPlatform.draft.buyer).toMatchObject({ name: GUANGZHOU.name, taxId: GUANGZHOU.taxId })
  expect(onPlatform.draft.lines.map((l) => [l.name, l.taxCode, l.amount])).toEqual([
    ['软件开发', '3040201010000000000', '10000.00'],
    ['展台搭建', CONSULTING, '3000.00'],
  ])
  expect(onPlatform.draft.reviewer).toBe('赵复核')
})

test('购买方 from the keyboard: Enter takes the highlighted suggestion; with none the typed name stays, offered to be kept', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await seed(app)
  await app.open(page, '/invoice/issue')
  await page.getByTestId('buyer-name').focus()

  // the list is shown: the first is highlighted and Enter takes it; ↓ first takes the second
  await page.keyboard.type('gz')
  const options = page.getByTestId('buyer-suggestion')
  await expect(options).toHaveCount(2)
  const second = (await options.nth(1).locator('span').first().textContent())!
  await expect(page.locator('.buyer-suggest li').first()).toHaveClass(/highlighted/)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('buyer-name')).toHaveValue(second)
  await expect(page.getByTestId('line-1-name')).toBeFocused()

  // nothing found: the typed text stays, 保存为客户 is offered, the cursor goes on to 纳税人识别号
  await page.getByTestId('buyer-name').focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('深圳新客户有限公司')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('buyer-taxid')).toBeFocused()
  await expect(page.getByTestId('buyer-name')).toHaveValue('深圳新客户有限公司')
  await expect(page.getByTestId('buyer-save-customer')).toBeVisible()

  // a wrong check digit is said as the field is left, in 开票's words, and goes once it is fixed
  await page.keyboard.press('Control+A')
  await page.keyboard.type('914403001922038217')
  await expect(page.getByTestId('buyer-section')).not.toContainText('校验位')
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('buyer-section')).toContainText('购买方纳税人识别号校验位不正确（按前 17 位计算，第 18 位校验码应为 6），请核对')
  await page.getByTestId('buyer-taxid').focus()
  await page.keyboard.press('Backspace')
  await page.keyboard.type('6')
  await expect(page.getByTestId('buyer-section')).not.toContainText('校验位')
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('buyer-section')).not.toContainText('校验位')

  // on with Tab to the lines: 含税, 新增行 and 选择常用开票项 are never under the action bar
  const passed: string[] = []
  for (let i = 0; i < 30 && (await focused(page)) !== 'line-1-name'; i++) {
    await page.keyboard.press('Tab')
    const under = await underTheBar(page)
    passed.push(under.what)
    expect(under.by, `${under.what} lies under the action bar`).toBeLessThanOrEqual(0)
  }
  expect(passed).toEqual(expect.arrayContaining(['lines-includes-tax', 'lines-add', 'lines-pick-items', 'line-1-name']))
})

test('项目名称 Enter with the suggestions shown takes the first; the 编码表 tree: ↓ enters it, → opens, Enter on a group folds it, Enter on a leaf chooses', async ({
  app,
  page,
  consoleErrors,
}) => {
  void consoleErrors
  await app.createCompany()
  const chain = (await app.core.call('taxcodes.path', { code: CONSULTING })).map((c) => c.code)
  await app.open(page, '/invoice/issue')
  await page.getByTestId('line-1-name').focus()
  // with the suggestions shown and none picked, Enter keeps the first for a line without a code
  await page.keyboard.type('咨询服务')
  await expect(page.getByTestId('taxcode-suggest-option').first()).toHaveAttribute('data-code', CONSULTING)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('line-1-spec')).toBeFocused()
  await expect(page.getByTestId('line-1-code')).toHaveText('*鉴证咨询服务*')

  // line 2 from the tree
  await page.keyboard.press('Alt+KeyN')
  await expect(page.getByTestId('line-2-name')).toBeFocused()
  await page.keyboard.press('Alt+KeyK')
  const dialog = page.getByTestId('line-taxcode-dialog')
  await expect(dialog.getByTestId('taxcode-search')).toBeFocused()
  await expect(dialog.getByTestId('taxcode-tree').locator('.el-tree-node').first()).toBeVisible()
  await page.keyboard.press('ArrowDown')
  const key = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.key ?? null)
  for (const [level, code] of chain.entries()) {
    for (let i = 0; i < 80 && (await key()) !== code; i++) await page.keyboard.press('ArrowDown')
    expect(await key()).toBe(code)
    // the row with the cursor is the one shown below (and 确定 would take it)
    await expect(dialog.getByTestId('taxcode-detail')).toContainText(code)
    if (level === chain.length - 1) break
    if (level === 0) {
      // Enter on a group opens it and Enter again folds it
      await page.keyboard.press('Enter')
      await expect(dialog.getByTestId(`taxcode-node-${chain[1]}`)).toBeVisible()
      await page.keyboard.press('Enter')
      await expect(dialog.getByTestId(`taxcode-node-${chain[1]}`)).toBeHidden()
    }
    await page.keyboard.press('ArrowRight')
    await expect(dialog.getByTestId(`taxcode-node-${chain[level + 1]}`)).toBeVisible()
    await page.keyboard.press('ArrowRight')
  }
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('line-2-code')).toHaveText('*鉴证咨询服务*')
  await expect(page.getByTestId('line-2-name')).toBeFocused()
})

test('快捷键: the panel lists every shortcut, opened from the top bar, with F1 and with ?', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  await app.open(page, '/basic/items')
  const panel = page.getByTestId('shortcuts-panel')
  // the app's keys are listened for once it is drawn: a key pressed while the page loads goes nowhere
  await expect(page.getByTestId('items-query')).toBeVisible()

  await page.keyboard.press('F1')
  await expect(panel).toBeVisible()
  // every group, every key with what it does — the same as README.md's table
  const shown = await panel.locator('section').evaluateAll((groups) =>
    groups.flatMap((g) => {
      const title = g.querySelector('h3')!.textContent!.trim()
      const keys = [...g.querySelectorAll('dt')].map((d) => d.textContent!.trim())
      const labels = [...g.querySelectorAll('dd')].map((d) => d.textContent!.trim())
      return keys.map((k, i) => [title, k, labels[i]!])
    }),
  )
  expect(shown.length).toBeGreaterThan(30)
  expect(shown).toEqual(readmeShortcuts())
  for (const keys of ['F9', 'Ctrl+S', 'Alt+I', 'Alt+K', 'Alt+P', 'Alt+M', 'F1 / ?']) expect(shown.map((r) => r[1])).toContain(keys)
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()

  // ? opens it too, but not while typing (a ? in a field is text)
  await page.keyboard.press('?')
  await expect(panel).toBeVisible()
  await page.keyboard.press('Escape')
  await page.getByTestId('items-query').focus()
  await page.keyboard.type('?')
  await expect(page.getByTestId('items-query')).toHaveValue('?')
  await expect(panel).toBeHidden()

  // the top bar's button, reached with Alt+M (the menu) and Tab
  await page.keyboard.press('Alt+KeyM')
  expect(await focused(page)).toBe('menu-items')
  await page.getByTestId('shortcuts-open').focus()
  await page.keyboard.press('Enter')
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('打开快捷键一览')
})

test('预览 shows the invoice being typed with its 附加要素 and 经办人', async ({ app, page, consoleErrors }) => {
  void consoleErrors
  await app.createCompany()
  const extra = await app.core.call('extras.create', { name: '项目编号', dataType: '文本' })
  await app.core.call('scenes.create', { name: '软件项目', extraIds: [extra.id] })
  const { id } = await app.core.call('invoices.saveDraft', {
    draft: {
      kind: '82',
      buyer: { type: '企业', name: GUANGZHOU.name, taxId: GUANGZHOU.taxId, address: '', phone: '', bank: '', account: '' },
      lines: [{ name: '软件开发服务', taxCode: '3040201010000000000', quantity: '1', unitPrice: '10000', taxRate: '0.06' }],
      extras: [{ name: '项目编号', value: 'P-2024-001' }],
      remark: '合同 HT-001',
      agent: { name: '张三', idType: '201', idNumber: '11010519491231002X', nationality: '中国', taxId: '' },
      payee: '钱收款',
      reviewer: '赵复核',
    },
  })
  await app.open(page, `/invoice/issue?id=${id}`)
  await expect(page.getByTestId('buyer-name')).toHaveValue(GUANGZHOU.name)
  await page.getByTestId('line-1-name').focus()
  await page.keyboard.press('Alt+KeyP')
  const preview = page.getByTestId('invoice-preview')
  await expect(preview.getByTestId('preview-buyer-name')).toHaveText(GUANGZHOU.name)
  await expect(preview.getByTestId('preview-total')).toHaveText('¥10,600.00')
  await expect(preview.getByTestId('preview-remark')).toHaveText('合同 HT-001')
  await expect(preview.getByTestId('preview-extra-项目编号')).toHaveText('P-2024-001')
  await expect(preview.getByTestId('preview-agent-name')).toHaveText('张三')
  await expect(preview.getByTestId('preview-agent-idnumber')).toHaveText('11010519491231002X')
  await expect(preview.getByTestId('preview-agent')).toContainText('居民身份证')
  await expect(preview.getByTestId('preview-drawer')).toHaveText(SELLER.operator)
  await expect(preview.getByTestId('preview-payee')).toHaveText('钱收款')
  await expect(preview.getByTestId('preview-reviewer')).toHaveText('赵复核')
  await page.keyboard.press('Escape')
  await expect(preview).toBeHidden()
})
