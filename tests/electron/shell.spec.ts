// The desktop shell for real: the native menu mirrors the menu tree and navigates; an invoice
// issued against the embedded sandbox is still there after quitting and starting again on the same
// data folder, in the window's remembered place; a second start exits and hands its spreadsheet to
// the first, which opens the matching import. Runs only where an Electron binary is installed.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { electronBinary, launchApp, NO_ELECTRON, NO_ELECTRON_REASON } from './launch'
import { isMenuGroup, MENU_TREE, type MenuNode, type MenuPage } from '../../src/shared/menuTree'
import { testDraft } from '../../src/shared/domain/invoice/testDraft'
import { writeSheet } from '../e2e/helpers'

test.skip(NO_ELECTRON, NO_ELECTRON_REASON)

const SELLER = { name: '深圳市测试科技有限公司', taxId: '91440300MA5G0X1U23', region: '44', operator: '王会计' }
const pagesOf = (nodes: MenuNode[]): MenuPage[] => nodes.flatMap((n) => (isMenuGroup(n) ? pagesOf(n.children) : [n]))

function bridge(page: Page) {
  const invoke = (name: string, input: unknown) =>
    page.evaluate(([n, i]) => (globalThis as unknown as { fapiao: { invoke(n: string, i: unknown): Promise<unknown> } }).fapiao.invoke(n, i), [name, input] as const)
  return async <T>(name: string, input: unknown): Promise<T> => {
    const r = (await invoke(name, input)) as { ok: boolean; value: T }
    expect(r, name).toMatchObject({ ok: true })
    return r.value
  }
}

/** clicks the native menu's page item with this label (the leaf, not a group of the same title) */
async function clickMenu(app: ElectronApplication, label: string): Promise<void> {
  await app.evaluate(({ Menu }, wanted) => {
    const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined => {
      for (const i of items) {
        const found = i.submenu ? find(i.submenu.items) : i.label === wanted ? i : undefined
        if (found) return found
      }
      return undefined
    }
    const item = find(Menu.getApplicationMenu()!.items)
    if (!item) throw new Error(`no menu item ${wanted}`)
    item.click()
  }, label)
}

test('the native menu offers every page of the menu tree, and its items navigate', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-electron-menu-'))
  const app = await launchApp(dataDir)
  try {
    const page = await app.firstWindow()
    await expect(page.getByText('欢迎使用票税通')).toBeVisible()
    const leaves = await app.evaluate(({ Menu }) => {
      const walk = (items: Electron.MenuItem[]): string[] => items.flatMap((i) => (i.submenu ? walk(i.submenu.items) : [i.label]))
      return walk(Menu.getApplicationMenu()!.items)
    })
    for (const p of pagesOf(MENU_TREE))
      expect(
        leaves.filter((l) => l === p.title),
        p.title,
      ).toHaveLength(1)
    await bridge(page)('companies.create', SELLER)
    await page.reload()
    await clickMenu(app, '客户信息维护')
    await expect(page).toHaveURL(/\/basic\/customers$/)
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})

test('issue, quit, start again on the same data: the invoice is in 发票查询, the window where it was', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-electron-restart-'))
  const bounds = { x: 40, y: 40, width: 1100, height: 700 }
  let app = await launchApp(dataDir)
  try {
    let page = await app.firstWindow()
    await expect(page.getByText('欢迎使用票税通')).toBeVisible()
    const value = bridge(page)
    await value('companies.create', SELLER)
    const { id } = await value<{ id: number }>('invoices.saveDraft', { draft: testDraft() })
    await value('invoices.issue', { id })
    // sent to the embedded sandbox now: nothing stays queued, so the quit asks nothing
    await value('sync.now', {})
    await expect.poll(async () => (await value<{ state: string; number: string | null }>('invoices.get', { id })).state).toBe('issued')
    const { number } = await value<{ number: string }>('invoices.get', { id })
    await app.evaluate(({ BrowserWindow }, b) => BrowserWindow.getAllWindows()[0]!.setBounds(b), bounds)
    await app.close()
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'window.json'), 'utf8'))).toMatchObject({ bounds, maximized: false })

    app = await launchApp(dataDir)
    page = await app.firstWindow()
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds())).toEqual(bounds)
    await clickMenu(app, '销项发票')
    await expect(page).toHaveURL(/\/invoice\/list$/)
    await expect(page.getByText(number)).toBeVisible()
    await expect(page.getByText('华为技术有限公司').first()).toBeVisible()
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})

test('a second start exits at once and hands its customers file to the first, which opens 客户导入 with it', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-electron-single-'))
  const file = path.join(dataDir, '客户名单.xlsx')
  await writeSheet(file, ['客户名称', '纳税人识别号'], [['华为技术有限公司', '914403001922038216']])
  const app = await launchApp(dataDir)
  try {
    const page = await app.firstWindow()
    await expect(page.getByText('欢迎使用票税通')).toBeVisible()
    await bridge(page)('companies.create', SELLER)
    await page.reload()
    await app.evaluate(({ app: electronApp }) => {
      const g = globalThis as unknown as { secondStarts: number }
      g.secondStarts = 0
      electronApp.on('second-instance', () => g.secondStarts++)
    })

    const second = spawn(electronBinary, ['.', file], { env: { ...process.env, FAPIAO_DATA: dataDir }, stdio: 'ignore' })
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve))
    expect(code).toBe(0)
    expect(await app.evaluate(() => (globalThis as unknown as { secondStarts: number }).secondStarts)).toBe(1)
    // still one window, now showing the import the file belongs to
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    await expect(page).toHaveURL(/\/basic\/customers$/)
    await expect(page.getByTestId('import-file-name')).toHaveText('客户名单.xlsx')
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
