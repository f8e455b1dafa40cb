// `npm start` where no Electron binary can be had (issue 10 §5): no raw `TypeError: fetch failed`
// stack, one plain sentence that the desktop shell is missing, and the web UI's address.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { tempDir } from '../support/core'

const installed = fs.existsSync(path.resolve('node_modules/electron/path.txt'))

/** runs `npm start`'s script until it prints the web address; its whole output so far */
function startUntilWeb(env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--data', tempDir(), '--port', '0'], { env, detached: true })
  onTestFinished(() => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
  })
  let out = ''
  return new Promise((resolve, reject) => {
    const take = (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('FAPIAO_WEB_URL=')) resolve(out)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('exit', (code) => reject(new Error(`npm start ended (${code}) before web mode:\n${out}`)))
  })
}

describe.skipIf(installed)('npm start without an Electron binary', { timeout: 180_000 }, () => {
  it('a download that cannot reach the network: one plain sentence, no stack, and the web address', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/' }
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
    const out = await startUntilWeb(env)
    expect(out).not.toMatch(/TypeError|\n\s+at /)
    expect(out).toContain('无法下载 Electron 桌面程序')
    expect(out).toContain('改用网页模式启动')
    expect(out).toMatch(/请在浏览器中打开：http:\/\/127\.0\.0\.1:\d+\//)
  })

  it('installed with ELECTRON_SKIP_BINARY_DOWNLOAD: says so, and starts web mode', async () => {
    const out = await startUntilWeb({ ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
    expect(out).toContain('本机未安装 Electron 桌面程序（安装时设置了 ELECTRON_SKIP_BINARY_DOWNLOAD）')
    expect(out).not.toContain('正在下载')
  })
})
