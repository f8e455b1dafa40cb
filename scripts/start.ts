// `npm start`: builds, then opens the desktop app — or, where no Electron binary can be had
// (ELECTRON_SKIP_BINARY_DOWNLOAD, no network), the same app in web mode.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const electronDir = path.join(root, 'node_modules', 'electron')

function electronBinary(): string | null {
  const installed = () => {
    const p = path.join(electronDir, 'path.txt')
    return fs.existsSync(p) && fs.existsSync(path.join(electronDir, 'dist', fs.readFileSync(p, 'utf8')))
  }
  if (!installed() && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('正在下载 Electron……')
    spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit', timeout: 300_000 })
  }
  return installed() ? path.join(electronDir, 'dist', fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8')) : null
}

const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const binary = electronBinary()
const child = binary
  ? spawn(binary, ['.'], { cwd: root, stdio: 'inherit' })
  : (console.log('没有可用的 Electron 程序，改用网页模式启动（同一个应用，在浏览器中使用）。'),
    spawn('npx', ['tsx', 'src/main/web/start.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }))
child.on('exit', (code) => process.exit(code ?? 0))
