// The real desktop shell: the window opens with the sandboxed preload, and a call crosses the
// one IPC channel to the core. Runs only where an Electron binary is installed.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, NO_ELECTRON, NO_ELECTRON_REASON } from './launch'

test.skip(NO_ELECTRON, NO_ELECTRON_REASON)

test('the desktop window starts on the first-run screen and reaches the core', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-electron-'))
  const app = await launchApp(dataDir)
  try {
    const page = await app.firstWindow()
    await expect(page.getByText('欢迎使用票税通')).toBeVisible()
    // the preload exposes the contract bridge and nothing of Node
    expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined')
    const current = await page.evaluate(() => (globalThis as unknown as { fapiao: { invoke(n: string, i: unknown): Promise<unknown> } }).fapiao.invoke('companies.current', {}))
    expect(current).toEqual({ ok: true, value: null })
    const refused = await page.evaluate(() => (globalThis as unknown as { fapiao: { invoke(n: string, i: unknown): Promise<unknown> } }).fapiao.invoke('fs.readFile', {}))
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } })

    // the embedded platform sandbox: a company created here is registered on it, and its password
    // is sealed with safeStorage in platform.json
    const invoke = (name: string, input: unknown) =>
      page.evaluate(([n, i]) => (globalThis as unknown as { fapiao: { invoke(n: string, i: unknown): Promise<unknown> } }).fapiao.invoke(n, i), [name, input] as const)
    await invoke('companies.create', { name: '深圳市测试科技有限公司', taxId: '91440300MA5G0X1U23', region: '44', operator: '王会计' })
    expect(await invoke('sync.now', {})).toMatchObject({ ok: true, value: { error: null } })
    expect(await invoke('sync.status', {})).toMatchObject({ ok: true, value: { mode: 'embedded', online: true } })
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'platform.json'), 'utf8')) as { passwords: Record<string, Record<string, string>> }
    const sealing = await app.evaluate(({ safeStorage }) => safeStorage.isEncryptionAvailable())
    expect(saved.passwords.embedded?.['91440300MA5G0X1U23']?.startsWith('sealed:')).toBe(sealing)
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
