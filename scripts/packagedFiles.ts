// What electron-builder will pack, computed here without running it (it downloads Electron, which
// these machines cannot): `electron-builder.yml` read with js-yaml, its globs applied with minimatch
// exactly as app-builder-lib 26 does (node_modules/app-builder-lib/out/fileMatcher.js, util/filter.js,
// util/NodeModuleCopyHelper.js, asar/unpackDetector.js), to the `electron-vite build` output and the
// production node_modules. tests/integration/packaging.test.ts asserts the result, so a resource the
// app opens but the installer leaves out fails a test, not a user.
import fs from 'node:fs'
import path from 'node:path'
import yaml from 'js-yaml'
import { Minimatch } from 'minimatch'

/** the parts of electron-builder's configuration this check reads */
export interface FileSet {
  from?: string
  to?: string
  filter?: string | string[]
}
export type FilePatterns = string | (string | FileSet)[]
interface PlatformOptions {
  files?: FilePatterns
  extraResources?: FilePatterns
  extraFiles?: FilePatterns
  asarUnpack?: string | string[]
  executableName?: string
}
export interface BuilderConfig extends PlatformOptions {
  productName?: string
  directories?: { output?: string; buildResources?: string }
  mac?: PlatformOptions
  win?: PlatformOptions
}
export type Platform = 'mac' | 'win'

/** One packed app: paths are POSIX, relative to the app root (asar), Contents/Resources or the install folder. */
export interface PackagedFiles {
  /** everything in app.asar (unpacked files included: the archive lists them) */
  asar: string[]
  /** the asar entries kept beside it in app.asar.unpacked */
  unpacked: string[]
  /** extraResources: beside app.asar (Electron's process.resourcesPath) */
  resources: string[]
  /** extraFiles: the install folder (beside the .exe) or the bundle's Contents/ */
  appRoot: string[]
}

export function readBuilderConfig(file: string): BuilderConfig {
  return yaml.load(fs.readFileSync(file, 'utf8')) as BuilderConfig
}

// fileMatcher.js: `{ dot: true }`, and the names and extensions never packed
const MATCH = { dot: true }
const EXCLUDED_NAMES =
  '.git,.hg,.svn,CVS,RCS,SCCS,__pycache__,.DS_Store,thumbs.db,.gitignore,.gitkeep,.gitattributes,.npmignore,.idea,.vs,.flowconfig,.jshintrc,.eslintrc,.circleci,' +
  '.yarn-integrity,.yarn-metadata.json,yarn-error.log,yarn.lock,package-lock.json,npm-debug.log,pnpm-lock.yaml,bun.lock,bun.lockb,appveyor.yml,.travis.yml,circle.yml,.nyc_output,.husky,.github,electron-builder.env'
const EXCLUDED_EXTS = 'iml,hprof,orig,pyc,pyo,rbc,swp,csproj,sln,suo,xproj,cc,d.ts,mk,a,o,obj,forge-meta'

const normalizePattern = (p: string): string => path.posix.normalize((p.startsWith('./') ? p.slice(2) : p).replace(/\\/g, '/'))
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

function hasMagic(m: Minimatch): boolean {
  return m.set.length > 1 || (m.set[0] ?? []).some((part) => typeof part !== 'string')
}

/** FileMatcher.computeParsedPatterns: a plain folder name also means everything below it */
function parsePatterns(patterns: string[]): Minimatch[] {
  const out: Minimatch[] = []
  for (const p of patterns) {
    const m = new Minimatch(p, MATCH)
    out.push(m)
    if (!p.includes('.') && !hasMagic(m)) out.push(new Minimatch(`${p}/**/*`, MATCH))
  }
  return out
}

/** filter.js's minimatchAll: the last pattern that applies decides; a folder may match partially */
function matchAll(relative: string, patterns: Minimatch[], isDir: boolean): boolean {
  let match = false
  for (const p of patterns) {
    if (match !== p.negate) continue
    match = p.match(relative, isDir && !p.negate)
  }
  return match
}

export type Filter = (relative: string, isDir: boolean) => boolean
export function filterOf(patterns: string[]): Filter {
  const parsed = parsePatterns(patterns)
  return (relative, isDir) => relative !== 'node_modules' && matchAll(relative.endsWith('/node_modules') ? `${relative}/` : relative, parsed, isDir)
}

/** the files below `root` a filter keeps, walking only into the folders it keeps (as copyDir does) */
function walk(root: string, keep: Filter, prefix = ''): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(path.join(root, prefix), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name
    if (!keep(rel, entry.isDirectory())) continue
    if (entry.isDirectory()) out.push(...walk(root, keep, rel))
    else out.push(rel)
  }
  return out
}

function merged(config: BuilderConfig, platform: Platform, key: 'files' | 'extraResources' | 'extraFiles'): (string | FileSet)[] {
  return [...asArray(config[key]), ...asArray(config[platform]?.[key])]
}

/** getMainFileMatchers: the `files` patterns with the defaults electron-builder adds around them */
export function mainPatterns(config: BuilderConfig, platform: Platform): string[] {
  const entries = merged(config, platform, 'files')
  if (entries.some((e) => typeof e !== 'string')) throw new Error('electron-builder.yml: files 只写字符串形式的匹配式，本检查不支持 from/to 形式')
  const patterns = (entries as string[]).map(normalizePattern)
  const outDir = normalizePattern(config.directories?.output ?? 'dist')
  // getFileMatchers: a previous build's unpacked app is never packed again
  if (!outDir.startsWith('.')) patterns.push(`!${outDir}/*-unpacked{,/**/*}`)
  const first: string[] = []
  if (patterns.length === 0 || patterns.every((p) => p.startsWith('!'))) first.push('**/*')
  else if (!patterns.includes('package.json')) patterns.push('package.json')
  const nm = patterns.findIndex((p) => !p.startsWith('!') && (p.includes('/node_modules') || p.includes('node_modules/')))
  if (nm >= 0) patterns.splice(nm, 0, '!**/node_modules/**')
  else first.push('!**/node_modules/**')
  const buildResources = normalizePattern(config.directories?.buildResources ?? 'build')
  if (!buildResources.startsWith('.')) first.push(`!${buildResources}{,/**/*}`)
  if (!outDir.startsWith('.')) first.push(`!${outDir}{,/**/*}`)
  let at = 0
  for (let i = patterns.length - 1; i >= 0; i--) {
    if (patterns[i]!.startsWith('**/')) {
      at = i + 1
      break
    }
  }
  patterns.splice(at, 0, ...first)
  patterns.push(`!**/*.{${EXCLUDED_EXTS},pdb}`, '!**/._*', '!**/electron-builder.{yaml,yml,json,json5,toml,ts}', `!**/{${EXCLUDED_NAMES}}`)
  patterns.push('!.yarn{,/**/*}', '!.editorconfig', '!.yarnrc.yml')
  return patterns
}

interface LockPackage {
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

/**
 * The production dependencies electron-builder packs (its node-module collector asks npm for the
 * `dependencies` tree): package.json's dependencies and theirs. Returns lock paths
 * (`node_modules/a/node_modules/b`).
 */
export function productionPackages(projectDir: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as LockPackage
  return dependencyClosure(projectDir, [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})])
}

function resolveIn(packages: Record<string, LockPackage>, from: string, name: string): string | undefined {
  let base = from
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`
    if (packages[candidate]) return candidate
    if (!base) return undefined
    const cut = base.lastIndexOf('/node_modules/')
    base = cut < 0 ? '' : base.slice(0, cut)
  }
}

// NodeModuleCopyHelper: what is left out of every package, and of a package's top folder
const NM_EXCLUDED = new Set([
  '.DS_Store',
  'node_modules',
  'CHANGELOG.md',
  'ChangeLog',
  'changelog.md',
  'Changelog.md',
  'Changelog',
  'binding.gyp',
  '.npmignore',
  'node_gyp_bins',
  ...EXCLUDED_NAMES.split(','),
])
const NM_TOP_EXCLUDED = new Set([
  'karma.conf.js',
  '.coveralls.yml',
  'README.md',
  'readme.markdown',
  'README',
  'readme.md',
  'Readme.md',
  'Readme',
  'readme',
  'test',
  'tests',
  '__tests__',
  'powered-test',
  'example',
  'examples',
  '.bin',
])
const NM_EXCLUDED_EXTS = ['.o', '.obj', '.pdb', ...EXCLUDED_EXTS.split(',').map((e) => `.${e}`)]

function packageFiles(projectDir: string, lockPath: string, configExcludes: Filter | null): string[] {
  const keep: Filter = (rel, isDir) => {
    const name = rel.slice(rel.lastIndexOf('/') + 1)
    if (NM_EXCLUDED.has(name) || name.startsWith('._')) return false
    if (!rel.includes('/') && NM_TOP_EXCLUDED.has(name)) return false
    if (!isDir && NM_EXCLUDED_EXTS.some((e) => name.endsWith(e))) return false
    if (/(^|\/)build\/[^/]+$/.test(rel) && (name === 'gyp-mac-tool' || name === 'Makefile' || /\.(mk|gypi|Makefile)$/.test(name))) return false
    if (/(^|\/)Release\/[^/]+$/.test(rel) && (name === '.deps' || name === 'obj.target')) return false
    return configExcludes === null || configExcludes(`${lockPath}/${rel}`, isDir)
  }
  return walk(path.join(projectDir, lockPath), keep).map((f) => `${lockPath}/${f}`)
}

/** getNodeModuleFileMatcher: only the `!` patterns of `files` apply inside node_modules */
export function nodeModuleExcludes(config: BuilderConfig, platform: Platform): Filter | null {
  const excludes = merged(config, platform, 'files')
    .filter((e): e is string => typeof e === 'string' && e.startsWith('!'))
    .map(normalizePattern)
  return excludes.length === 0 ? null : filterOf(['**/*', ...excludes])
}

/** extraResources / extraFiles: each entry copies `from` (a folder or a file) to `to`, filtered */
function extraFiles(projectDir: string, entries: (string | FileSet)[]): string[] {
  const out: string[] = []
  const plain = entries.filter((e): e is string => typeof e === 'string').map(normalizePattern)
  if (plain.length > 0) out.push(...walk(projectDir, filterOf(plain)))
  for (const set of entries.filter((e): e is FileSet => typeof e !== 'string')) {
    const from = path.resolve(projectDir, set.from ?? '.')
    const to = set.to === undefined ? '' : normalizePattern(set.to).replace(/^\.$/, '')
    if (!fs.existsSync(from)) throw new Error(`electron-builder.yml: 找不到要打包的 ${set.from ?? '.'}`)
    if (fs.statSync(from).isFile()) {
      out.push(to || path.basename(from))
      continue
    }
    let patterns = asArray(set.filter).map(normalizePattern)
    if (patterns.length === 0 || patterns.every((p) => p.startsWith('!'))) patterns = ['**/*', ...patterns]
    out.push(...walk(from, filterOf(patterns)).map((f) => (to ? `${to}/${f}` : f)))
  }
  return [...new Set(out)].sort()
}

export function packagedFiles(projectDir: string, config: BuilderConfig, platform: Platform): PackagedFiles {
  const main = filterOf(mainPatterns(config, platform))
  const appFiles = walk(projectDir, (rel, isDir) => rel !== '.git' && main(rel, isDir))
  const excludes = nodeModuleExcludes(config, platform)
  const packages = productionPackages(projectDir)
  const byPackage = new Map(packages.map((p) => [p, packageFiles(projectDir, p, excludes)]))
  const moduleFiles = [...byPackage.values()].flat()
  const asar = [...appFiles, ...moduleFiles].sort()

  const unpackPatterns = [...asArray(config.asarUnpack), ...asArray(config[platform]?.asarUnpack)].map(normalizePattern)
  const unpackFilter = unpackPatterns.length > 0 ? filterOf(unpackPatterns) : null
  // unpackDetector.js (smartUnpack): a package holding a native library or executable is unpacked whole
  const native = new Set([...byPackage].filter(([, files]) => files.some((f) => /\.(node|dll|exe|dylib|so)$/.test(f))).flatMap(([, files]) => files))
  const unpacked = asar.filter((f) => native.has(f) || (unpackFilter !== null && unpackFilter(f, false)))

  return {
    asar,
    unpacked,
    resources: extraFiles(projectDir, merged(config, platform, 'extraResources')),
    appRoot: extraFiles(projectDir, merged(config, platform, 'extraFiles')),
  }
}

const BUILTINS = new Set(['electron'])

/**
 * The npm packages a built module imports by bare name (`node:` and Electron's own are not
 * packages). Rolldown writes every import it emits with double quotes; a single-quoted `import('…')`
 * is text inside a string (worker.ts's tsx bootstrap, only ever run from TypeScript sources).
 */
export function importedPackages(code: string): string[] {
  const names = new Set<string>()
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)"([^"./][^"]*)"/g)) {
    const spec = m[1]!
    if (spec.startsWith('node:') || BUILTINS.has(spec)) continue
    const parts = spec.split('/')
    names.add(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!)
  }
  return [...names].sort()
}

/** the relative modules a built module loads: static and dynamic imports, `new URL('./x', import.meta.url)` */
export function relativeImports(code: string): string[] {
  const specs = new Set<string>()
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'`](\.\.?\/[^"'`$]+)["'`]/g)) specs.add(m[1]!)
  for (const m of code.matchAll(/new URL\(\s*["'`](\.\.?\/[^"'`$]+)["'`]\s*,\s*import\.meta\.url/g)) specs.add(m[1]!)
  return [...specs].sort()
}

/**
 * The packages (lock paths) the named ones need at run time, themselves included, resolved as Node
 * would through package-lock.json's node_modules paths. An optional dependency for another platform
 * (fsevents off macOS) is not installed, so not packed either.
 */
export function dependencyClosure(projectDir: string, names: string[]): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(projectDir, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> }
  const seen = new Set<string>()
  const visit = (from: string, name: string): void => {
    const at = resolveIn(lock.packages, from, name)
    if (at === undefined || seen.has(at) || !fs.existsSync(path.join(projectDir, at, 'package.json'))) return
    seen.add(at)
    const pkg = lock.packages[at]!
    for (const dep of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})]) visit(at, dep)
  }
  for (const name of names) visit('', name)
  return [...seen].sort()
}
