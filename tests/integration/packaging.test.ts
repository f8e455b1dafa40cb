// The packaged-file check: electron-builder cannot run here (it downloads Electron), so its globs
// from electron-builder.yml are applied to the electron-vite build as app-builder-lib applies them
// (scripts/packagedFiles.ts), and what the installed app needs is checked against the result
// (scripts/packagedCheck.ts). A resource left out fails here, not on a user's machine.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import yaml from 'js-yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { packagingProblems } from '../../scripts/packagedCheck'
import { packagedFiles, readBuilderConfig, type BuilderConfig, type PackagedFiles, type Platform } from '../../scripts/packagedFiles'

const ROOT = path.resolve('.')
const config = readBuilderConfig(path.join(ROOT, 'electron-builder.yml'))

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'out/main/index.js'))) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' })
}, 180_000)

describe.each<Platform>(['win', 'mac'])('electron-builder.yml packs what the app needs (%s)', (platform) => {
  let files: PackagedFiles
  beforeAll(() => {
    files = packagedFiles(ROOT, config, platform)
  })

  it('finds no problem', () => {
    expect(packagingProblems(ROOT, files, platform)).toEqual([])
  })

  it('packs the bundles, the shipped resources and the unpacked native module, and nothing of the sources', () => {
    expect(files.asar).toEqual(expect.arrayContaining(['out/main/index.js', 'out/main/importWorker.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']))
    // the CLI is built with the app once electron.vite.config.ts has its entry
    if (fs.existsSync(path.join(ROOT, 'out/main/cli.js'))) expect(files.asar).toContain('out/main/cli.js')
    expect(files.unpacked).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node')
    expect(files.resources).toEqual(
      expect.arrayContaining([
        'resources/taxcodes/manifest.json',
        'resources/fonts/LXGWWenKai-Regular.ttf',
        'resources/codes/regions.json',
        'migrations/ledger/meta/_journal.json',
      ]),
    )
    expect(files.asar.filter((f) => /^(src|tests|bench|scripts|docs|migrations|resources)\//.test(f))).toEqual([])
    // sqlite3.c and friends: 9 MB nobody loads
    expect(files.asar.filter((f) => f.startsWith('node_modules/better-sqlite3/deps/'))).toEqual([])
  })
})

describe('electron-builder.yml makes what the updater and the build host need', () => {
  const raw = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')
  const yml = yaml.load(raw) as Record<string, unknown> & {
    mac: { target: { target: string; arch: string[] }[] }
    win: { target: { target: string }[] }
    nsis: Record<string, unknown>
  }

  it('a generic feed whose URL comes from the environment, never a placeholder shipped by mistake', () => {
    expect(yml.publish).toEqual({ provider: 'generic', url: '${env.FAPIAO_UPDATE_URL}' })
  })

  it('a zip beside each dmg (electron-updater installs a Mac update only from a zip), for both architectures', () => {
    expect(yml.mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ])
  })

  it('a per-user NSIS installer that never asks for administrator rights', () => {
    expect(yml.win.target.map((t) => t.target)).toEqual(['nsis'])
    expect(yml.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false })
  })

  it('the icon, entitlements and NSIS include it names exist; the icon is a 1024 px PNG', () => {
    const build = path.join(ROOT, 'resources/build')
    for (const file of ['icon.png', 'entitlements.mac.plist', 'installer.nsh']) expect(fs.existsSync(path.join(build, file)), file).toBe(true)
    const png = fs.readFileSync(path.join(build, 'icon.png'))
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
  })
})

/** the real configuration with one change, as a maintainer might make it */
function changed(change: (c: BuilderConfig) => void): BuilderConfig {
  const copy = structuredClone(config)
  change(copy)
  return copy
}

describe('the check fails when electron-builder.yml leaves something out', () => {
  it('names the font the invoices are set in when the fonts are filtered out of extraResources', () => {
    const c = changed((c) => {
      const set = (c.extraResources as { from?: string; filter?: string[] }[]).find((s) => s.from === 'resources')!
      set.filter = [...(set.filter ?? []), '!fonts/**']
    })
    expect(packagingProblems(ROOT, packagedFiles(ROOT, c, 'win'), 'win')).toContain('resources 目录缺少 resources/fonts/LXGWWenKai-Regular.ttf（程序运行时读取）')
  })

  it('names every ledger migration when migrations/ is not shipped', () => {
    const c = changed((c) => {
      c.extraResources = (c.extraResources as { from?: string }[]).filter((s) => s.from !== 'migrations')
    })
    const problems = packagingProblems(ROOT, packagedFiles(ROOT, c, 'mac'), 'mac')
    for (const sql of fs.readdirSync(path.join(ROOT, 'migrations/ledger')).filter((f) => f.endsWith('.sql'))) {
      expect(problems).toContain(`resources 目录缺少 migrations/ledger/${sql}（程序运行时读取）`)
    }
  })

  it('names the preload script when files: forgets out/preload', () => {
    const c = changed((c) => {
      c.files = (c.files as string[]).filter((p) => p !== 'out/preload/**')
    })
    expect(packagingProblems(ROOT, packagedFiles(ROOT, c, 'win'), 'win')).toContain('app.asar 缺少 out/preload/index.cjs（构建产物）')
  })

  it("names the import worker's packages when only better-sqlite3 is unpacked", () => {
    const c = changed((c) => {
      c.asarUnpack = ['out/main/**', 'node_modules/better-sqlite3/**']
    })
    const problems = packagingProblems(ROOT, packagedFiles(ROOT, c, 'win'), 'win')
    expect(problems).toContain('app.asar.unpacked 缺少 node_modules/exceljs/package.json（解包运行的工作线程要从磁盘加载它）')
    expect(problems).not.toContain('app.asar.unpacked 缺少 node_modules/better-sqlite3/package.json（解包运行的工作线程要从磁盘加载它）')
  })

  it('names a bench output in out/ when files: packs all of out/', () => {
    const stray = path.join(ROOT, 'out/bench/packaging-check.mjs')
    fs.mkdirSync(path.dirname(stray), { recursive: true })
    fs.writeFileSync(stray, 'export {}\n')
    try {
      const c = changed((c) => {
        c.files = ['out/**', '!**/*.map']
      })
      expect(packagingProblems(ROOT, packagedFiles(ROOT, c, 'win'), 'win')).toContain('app.asar 不应包含 out/bench/packaging-check.mjs（不是应用的构建产物）')
    } finally {
      fs.rmSync(stray)
    }
  })
})
