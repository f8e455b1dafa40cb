// The real desktop shell: the window opens with the sandboxed preload, and a call crosses the
// one IPC channel to the core. Runs only where an Electron binary is installed.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const electronDir = path.resolve('node_modules/electron')
const pathFile = path.join(electronDir, 'path.txt')
const binary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8')) : ''

test.skip(
  !binary || !fs.existsSync(binary),
  'no Electron binary here: it is installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and cannot be downloaded on this machine',
)

test('the desktop window starts on the first-run screen and reaches the core', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-electron-'))
  const app = await electron.launch({ executablePath: binary, args: ['.'], env: { ...process.env, FAPIAO_DATA: dataDir } })
  try {
    const page = await app.firstWindow()
    await expect(page.getByText('欢迎使用票税通')).toBeVisible()
    // the preload exposes the contract bridge and nothing of Node
    expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined')
    const current = await page.evaluate(() => (globalThis as unknown as { fapiao: { invoke(n: string, i: unknown): Promise<unknown> } }).fapiao.invoke('companies.current', {}))
    expect(current).toEqual({ ok: true, value: null })
    const refused = await page.evaluate(() => (globalThis as unknown as { fapiao: { invoke(n: string, i: unknown): Promise<unknown> } }).fapiao.invoke('fs.readFile', {}))
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } })
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
