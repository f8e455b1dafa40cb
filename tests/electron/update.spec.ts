// 软件更新 in the real desktop shell: the host.update.* calls reach the controller over the one IPC
// channel, and an unpackaged app never checks a feed (electron-updater is active only when
// packaged). Runs only where an Electron binary is installed.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { launchApp, NO_ELECTRON, NO_ELECTRON_REASON } from './launch'

test.skip(NO_ELECTRON, NO_ELECTRON_REASON)

test('the update host calls answer the controller state; an unpackaged app says it does not check', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fapiao-electron-'))
  fs.writeFileSync(path.join(dataDir, 'updates.json'), JSON.stringify({ feedUrl: 'http://127.0.0.1:9/', channel: 'latest', autoCheck: false, skippedVersions: [] }), {
    mode: 0o600,
  })
  const app = await launchApp(dataDir)
  try {
    const page = await app.firstWindow()
    const invoke = (name: string, input: unknown) =>
      page.evaluate(([n, i]) => (globalThis as unknown as { fapiao: { invoke(n: string, i: unknown): Promise<unknown> } }).fapiao.invoke(n, i), [name, input] as const)
    expect(await invoke('host.update.state', {})).toMatchObject({ ok: true, value: { step: 'idle' } })
    expect(await invoke('host.update.check', {})).toEqual({ ok: true, value: { step: 'error', message: '检查更新失败：未打包的开发版本不检查更新' } })
    // nothing downloaded: 安装 changes nothing; a made-up answer is refused
    expect(await invoke('host.update.install', { when: 'now' })).toMatchObject({ ok: true, value: { step: 'error' } })
    expect(await invoke('host.update.install', { when: 'tomorrow' })).toMatchObject({ ok: false, error: { message: '安装时机无效' } })
    await expect(page.getByTestId('update-prompt')).toBeHidden()
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
