// Each test gets its own data directory and its own web-mode server (the real core over HTTP),
// and fails on any console error in the page.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { createCore, type Core } from '../../src/main/core/app'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import { startTestSandbox, type TestSandbox } from '../support/sandbox'

export interface AppUnderTest {
  core: Core
  server: WebServer
  dataDir: string
  /** opens the app in the page */
  open(page: Page, hash?: string): Promise<void>
  /** a company made directly through the core, to skip the setup screen */
  createCompany(input?: Partial<{ name: string; taxId: string }>): Promise<void>
  /** the platform sandbox the core uses as its embedded platform (with `test.use({ platform: true })`) */
  sandbox: TestSandbox | null
}

export const SELLER = { name: '深圳市测试科技有限公司', taxId: '91440300MA5G0X1U23', region: '44' as const, operator: '王会计' }

export const test = base.extend<{ platform: boolean; dataDirIn: string | null; app: AppUnderTest; consoleErrors: string[] }>({
  /** give the app an embedded platform sandbox and background sync, as `npm run web` does */
  platform: [false, { option: true }],
  /** a folder the data folder is made inside, e.g. 'OneDrive' (a folder a sync client copies) */
  dataDirIn: [null, { option: true }],
  app: async ({ platform, dataDirIn }, use) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-e2e-'))
    const dataDir = dataDirIn ? path.join(root, dataDirIn, 'fapiao-desk') : root
    fs.mkdirSync(dataDir, { recursive: true })
    const sandbox = platform ? await startTestSandbox(path.join(dataDir, 'platform-sandbox')) : null
    const core = createCore({ dataDir, embeddedPlatform: sandbox?.embedded, backgroundSync: platform })
    const server = await startWebServer({ core, rendererDir: path.resolve('out/renderer') })
    await use({
      core,
      server,
      dataDir,
      sandbox,
      async open(page, hash = '') {
        await page.goto(`${server.openUrl}${hash ? `#${hash}` : ''}`)
      },
      async createCompany(input = {}) {
        await core.call('companies.create', { ...SELLER, ...input })
      },
    })
    await server.close()
    core.close()
    await sandbox?.stop()
    fs.rmSync(root, { recursive: true, force: true })
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(e.message))
    await use(errors)
    expect(errors, 'the page logged errors').toEqual([])
  },
})

export { expect }
