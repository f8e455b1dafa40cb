// `npm start`: builds, then opens the desktop app — or, where no Electron binary can be had
// (ELECTRON_SKIP_BINARY_DOWNLOAD, no network), the same app in web mode, saying plainly why and
// where the web UI is. The download's own output (a stack trace when the network is closed) is kept
// out of the way: a newcomer reads one sentence, not a TypeError.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const electronDir = path.join(root, 'node_modules', 'electron')

function installedBinary(): string | null {
  const p = path.join(electronDir, 'path.txt')
  if (!fs.existsSync(p)) return null
  const binary = path.join(electronDir, 'dist', fs.readFileSync(p, 'utf8'))
  return fs.existsSync(binary) ? binary : null
}

/** the desktop binary, downloading it once where allowed; null (and why) where it cannot be had */
function electronBinary(): { binary: string } | { missing: string } {
  const present = installedBinary()
  if (present) return { binary: present }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { missing: '本机未安装 Electron 桌面程序（安装时设置了 ELECTRON_SKIP_BINARY_DOWNLOAD）' }
  console.log('正在下载 Electron 桌面程序……')
  const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 300_000 })
  const binary = installedBinary()
  if (binary) return { binary }
  const detail = `${download.stderr ?? ''}${download.stdout ?? ''}`.match(/ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|fetch failed|HTTPError[^\n]*/)?.[0]
  return { missing: `无法下载 Electron 桌面程序${detail ? `（${detail}）` : ''}：网络不可用或下载地址被拦截` }
}

const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const electron = electronBinary()
let child
if ('binary' in electron) child = spawn(electron.binary, ['.'], { cwd: root, stdio: 'inherit' })
else {
  console.log(`${electron.missing}，桌面窗口暂不可用。
改用网页模式启动：同一个应用、同一份数据，在浏览器中使用——请打开下面显示的地址。
（有网络时再运行 npm start 会自动下载桌面程序。）`)
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/start.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
}
child.on('exit', (code) => process.exit(code ?? 0))
