// What an installed 票税通 needs, checked against what electron-builder will pack
// (scripts/packagedFiles.ts). Each problem is one Chinese sentence naming the file, so the failing
// test says what to add to electron-builder.yml. "Needs" is derived from the build and the code
// where it can be: the modules the bundles load, the packages they import, the resource folders the
// core and the sandbox join onto appDir.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { INVOICE_FONT_FILE } from '../src/documents/font'
import { REGIONS_FILE } from '../src/shared/domain/specialBusiness/regionsFile'
import { dependencyClosure, importedPackages, relativeImports, type PackagedFiles, type Platform } from './packagedFiles'

/** the bundles electron-vite builds, each a start of the app (cli.js once the CLI is built with it) */
const ENTRIES = ['out/main/index.js', 'out/main/importWorker.js', 'out/main/cli.js', 'out/preload/index.cjs', 'out/renderer/index.html']
/** the build output that may ship: anything else in out/ (npm run bench writes out/bench/) must not */
const SHIPPED_OUT = ['out/main/', 'out/preload/', 'out/renderer/']
const NATIVE_MODULE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'

export function packagingProblems(projectDir: string, files: PackagedFiles, platform: Platform): string[] {
  const asar = new Set(files.asar)
  const unpacked = new Set(files.unpacked)
  const resources = new Set(files.resources)
  const problems: string[] = []
  const need = (set: Set<string>, file: string, where: string, why: string): void => {
    if (!set.has(file)) problems.push(`${where}缺少 ${file}（${why}）`)
  }

  // the bundles, and every module they load (static and dynamic imports, workers)
  const entries = ENTRIES.filter((f) => f !== 'out/main/cli.js' || fs.existsSync(path.join(projectDir, f)))
  for (const file of entries) need(asar, file, 'app.asar ', '构建产物')
  need(asar, 'package.json', 'app.asar ', 'Electron 从它找到主进程入口')
  for (const file of loadedModules(projectDir, entries)) need(asar, file, 'app.asar ', '构建产物引用的模块')

  // production dependencies: the bundles import them by name
  const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  for (const name of Object.keys(pkg.dependencies ?? {})) need(asar, `node_modules/${name}/package.json`, 'app.asar ', '运行时依赖')

  // native code cannot be loaded from inside the archive
  need(unpacked, NATIVE_MODULE, 'app.asar.unpacked ', '原生模块须解包才能加载')
  // a worker is started from app.asar.unpacked (src/main/core/files/worker.ts's siblingModule): it and
  // the chunks it loads must be there, and Node resolves their packages on disk beside them
  const fromDisk = loadedModules(projectDir, workerBundles(projectDir), true)
  for (const file of fromDisk) need(unpacked, file, 'app.asar.unpacked ', '工作线程从解包目录启动')
  const imported = [...new Set(fromDisk.flatMap((f) => importedPackages(fs.readFileSync(path.join(projectDir, f), 'utf8'))))]
  for (const dir of dependencyClosure(projectDir, imported)) need(unpacked, `${dir}/package.json`, 'app.asar.unpacked ', '解包运行的工作线程要从磁盘加载它')

  // what the core and the sandbox open under appDir (= the resources folder when packaged)
  for (const file of openedResources(projectDir)) need(resources, file, 'resources 目录', '程序运行时读取')

  // what must never ship
  for (const file of files.asar) {
    if (file.startsWith('node_modules/')) continue
    if (file.startsWith('out/') && !SHIPPED_OUT.some((dir) => file.startsWith(dir))) problems.push(`app.asar 不应包含 ${file}（不是应用的构建产物）`)
    if (!file.startsWith('out/') && file !== 'package.json') problems.push(`app.asar 不应包含 ${file}（源码、测试或开发文件）`)
  }
  for (const file of [...files.asar, ...files.resources, ...files.appRoot]) {
    if (file.endsWith('.map')) problems.push(`安装包不应包含 ${file}（source map）`)
  }
  for (const file of files.resources) {
    if (file.startsWith('resources/build/')) problems.push(`resources 目录不应包含 ${file}（只在打包机上用）`)
  }
  for (const file of forbiddenData(projectDir, files)) problems.push(`安装包不应包含 ${file}（../shared/data 的参考资料，不随应用发布）`)

  // the command line launcher for this platform
  if (platform === 'win' && !files.appRoot.includes('bin/fapiao.cmd')) problems.push('安装目录缺少 bin/fapiao.cmd（fapiao 命令行启动器）')
  if (platform === 'mac' && !files.resources.includes('bin/fapiao')) problems.push('resources 目录缺少 bin/fapiao（fapiao 命令行启动器）')
  return problems
}

/** the worker bundles the main process starts by name: `siblingModule(import.meta.url, 'importWorker')` → out/main/importWorker.js */
function workerBundles(projectDir: string): string[] {
  const names = new Set<string>()
  for (const file of sourceFiles(path.join(projectDir, 'src'))) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/siblingModule\([^,()]+,\s*['"]([\w.-]+)['"]\s*\)/g)) names.add(`out/main/${m[1]}.js`)
  }
  return [...names].sort()
}

/** every module the entries load, transitively (the entries too with `withEntries`): ES imports, dynamic imports, `new URL('./x', import.meta.url)`, scripts and styles of index.html */
function loadedModules(projectDir: string, entries: string[], withEntries = false): string[] {
  const seen = new Set<string>(withEntries ? entries : [])
  const queue = [...entries]
  while (queue.length > 0) {
    const file = queue.pop()!
    const abs = path.join(projectDir, file)
    if (!fs.existsSync(abs)) continue
    const text = fs.readFileSync(abs, 'utf8')
    const refs = file.endsWith('.html') ? [...text.matchAll(/(?:src|href)="(\.?\/?[^":]+?)"/g)].map((m) => m[1]!) : relativeImports(text)
    for (const ref of refs) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), ref.replace(/^\//, './')))
      if (seen.has(target)) continue
      seen.add(target)
      if (/\.(c|m)?js$/.test(target)) queue.push(target)
    }
  }
  return [...seen].sort()
}

/**
 * The files under appDir the app reads: every file of each `resources/<folder>` and
 * `migrations/<folder>` the source joins onto a directory (found by reading src/, so a new folder
 * is covered the day it is used), the tax-code table its manifest names, the invoice font.
 */
export function openedResources(projectDir: string): string[] {
  const folders = new Set<string>()
  for (const file of sourceFiles(path.join(projectDir, 'src'))) {
    const text = fs.readFileSync(file, 'utf8')
    for (const m of text.matchAll(/['"](resources|migrations)['"]\s*,\s*['"]([\w.-]+)['"]/g)) folders.add(`${m[1]}/${m[2]}`)
  }
  const files = new Set<string>()
  for (const folder of folders) {
    const dir = path.join(projectDir, folder)
    if (!fs.existsSync(dir)) continue
    for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (f.isFile()) files.add(path.relative(projectDir, path.join(f.parentPath, f.name)).split(path.sep).join('/'))
    }
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(projectDir, 'resources/taxcodes/manifest.json'), 'utf8')) as { file: string }
  files.add('resources/taxcodes/manifest.json')
  files.add(`resources/taxcodes/${manifest.file}`)
  files.add(`resources/fonts/${INVOICE_FONT_FILE}`)
  files.add(`resources/${REGIONS_FILE.join('/')}`)
  for (const set of ['ledger', 'platform']) files.add(`migrations/${set}/meta/_journal.json`)
  return [...files].sort()
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.ts$/.test(f.name) && !/\.test\.ts$/.test(f.name))
    .map((f) => path.join(f.parentPath, f.name))
}

/** packed files whose bytes are one of ../shared/data's reference files (the official template …) */
function forbiddenData(projectDir: string, files: PackagedFiles): string[] {
  const dataDir = path.resolve(projectDir, '../shared/data')
  if (!fs.existsSync(dataDir)) return []
  const hash = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
  const data = new Set(
    fs
      .readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => hash(path.join(f.parentPath, f.name))),
  )
  // app files and resources keep their paths from the project (migrations/, resources/, out/)
  const ours = [...files.asar.filter((f) => !f.startsWith('node_modules/')), ...files.resources]
  return ours.filter((f) => fs.existsSync(path.join(projectDir, f)) && data.has(hash(path.join(projectDir, f))))
}
