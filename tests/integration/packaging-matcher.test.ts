// scripts/packagedFiles.ts re-implements electron-builder's file matching (its packager cannot run
// here). This holds the copy to the original: app-builder-lib's own matchers, built from the same
// electron-builder.yml, must reach the same patterns and the same decision for every path.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { filterOf, mainPatterns, nodeModuleExcludes, readBuilderConfig, type FileSet, type Platform } from '../../scripts/packagedFiles'

const ROOT = path.resolve('.')
const config = readBuilderConfig(path.join(ROOT, 'electron-builder.yml'))
const require = createRequire(import.meta.url)

interface Matcher {
  patterns: string[]
  createFilter(): (file: string, stat: fs.Stats & { moduleFullFilePath?: string }) => boolean
}
interface FileMatcherModule {
  getMainFileMatchers(appDir: string, dest: string, expand: (s: string) => string, platformOptions: object, packager: object, outDir: string, isElectronCompile: boolean): Matcher[]
  getNodeModuleFileMatcher(appDir: string, dest: string, expand: (s: string) => string, platformOptions: object, packager: object): Matcher
  getFileMatchers(config: object, name: string, dest: string, options: object): Matcher[] | null
}
const original = require('app-builder-lib/out/fileMatcher.js') as FileMatcherModule

const identity = (s: string): string => s
const packagerInfo = {
  projectDir: ROOT,
  buildResourcesDir: path.join(ROOT, config.directories!.buildResources!),
  isPrepackedAppAsar: false,
  config,
  debugLogger: { isEnabled: false },
}
const outDir = path.join(ROOT, config.directories!.output!)

/** every path of the project (node_modules and .git themselves only), with its stat */
function projectPaths(): { rel: string; stat: fs.Stats }[] {
  const out: { rel: string; stat: fs.Stats }[] = []
  const visit = (prefix: string): void => {
    for (const name of fs.readdirSync(path.join(ROOT, prefix))) {
      const rel = prefix ? `${prefix}/${name}` : name
      const stat = fs.lstatSync(path.join(ROOT, rel))
      out.push({ rel, stat })
      if (stat.isDirectory() && rel !== 'node_modules' && rel !== '.git') visit(rel)
    }
  }
  visit('')
  return out
}

describe.each<Platform>(['win', 'mac'])("the copy of electron-builder's matching agrees with app-builder-lib (%s)", (platform) => {
  const platformOptions = config[platform] ?? {}

  it('the files patterns, defaults included, in the same order', () => {
    const [main] = original.getMainFileMatchers(ROOT, path.join(ROOT, 'app'), identity, platformOptions, { info: packagerInfo }, outDir, false)
    expect(mainPatterns(config, platform)).toEqual(main!.patterns)
  })

  it('the same decision for every path of the project', () => {
    const [main] = original.getMainFileMatchers(ROOT, path.join(ROOT, 'app'), identity, platformOptions, { info: packagerInfo }, outDir, false)
    const theirs = main!.createFilter()
    const ours = filterOf(mainPatterns(config, platform))
    const differ = projectPaths().filter(({ rel, stat }) => theirs(path.join(ROOT, rel), stat) !== ours(rel, stat.isDirectory()))
    expect(differ.map((d) => d.rel)).toEqual([])
  })

  it('inside node_modules only the ! patterns apply, with the same decisions', () => {
    const matcher = original.getNodeModuleFileMatcher(ROOT, path.join(ROOT, 'app'), identity, platformOptions, { config, debugLogger: { isEnabled: false } })
    const theirs = matcher.createFilter()
    const ours = nodeModuleExcludes(config, platform)!
    const dir = path.join(ROOT, 'node_modules/better-sqlite3')
    const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).map((f) => path.relative(ROOT, path.join(f.parentPath, f.name)).split(path.sep).join('/'))
    expect(files.length).toBeGreaterThan(10)
    const differ = files.filter((rel) => {
      const stat = Object.assign(fs.lstatSync(path.join(ROOT, rel)), { moduleFullFilePath: rel })
      return theirs(path.join(ROOT, rel), stat) !== ours(rel, stat.isDirectory())
    })
    expect(differ).toEqual([])
    // and the check is not empty: the sources of better-sqlite3 are left out by both
    expect(ours('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', false)).toBe(false)
  })

  it.each(['extraResources', 'extraFiles'] as const)('%s: the same folders, destinations and decisions for every file', (key) => {
    const dest = path.join(ROOT, 'Resources')
    const theirs = original.getFileMatchers(config, key, dest, { macroExpander: identity, customBuildOptions: platformOptions, globalOutDir: outDir, defaultSrc: ROOT }) ?? []
    const sets = [...[config[key] ?? []].flat(), ...[platformOptions[key] ?? []].flat()]
    expect(theirs).toHaveLength(sets.length)
    theirs.forEach((matcher, i) => {
      const set = sets[i] as FileSet
      const m = matcher as Matcher & { from: string; to: string }
      expect(m.from).toBe(path.resolve(ROOT, set.from!))
      expect(m.to).toBe(path.resolve(dest, set.to!))
      if (fs.statSync(m.from).isFile()) return
      // copyFiles: a set with no pattern, or only exclusions, copies everything else
      if (m.patterns.length === 0 || m.patterns.every((p) => p.startsWith('!'))) m.patterns.unshift('**/*')
      const filter = m.createFilter()
      const patterns = [set.filter ?? []].flat()
      const ours = filterOf(patterns.length === 0 || patterns.every((p) => p.startsWith('!')) ? ['**/*', ...patterns] : patterns)
      const entries = fs.readdirSync(m.from, { recursive: true, withFileTypes: true })
      const differ = entries.filter((e) => {
        const abs = path.join(e.parentPath, e.name)
        return filter(abs, fs.lstatSync(abs)) !== ours(path.relative(m.from, abs).split(path.sep).join('/'), e.isDirectory())
      })
      expect(differ.map((e) => e.name)).toEqual([])
    })
  })

  it('asarUnpack: the same decisions for the build output and the native module', () => {
    const [unpack] = original.getFileMatchers(config, 'asarUnpack', path.join(ROOT, 'app'), {
      macroExpander: identity,
      customBuildOptions: platformOptions,
      globalOutDir: outDir,
      defaultSrc: ROOT,
    })!
    const theirs = unpack!.createFilter()
    const ours = filterOf([...[config.asarUnpack ?? []].flat(), ...[platformOptions.asarUnpack ?? []].flat()])
    const samples = [
      'out/main/index.js',
      'out/main/importWorker.js',
      'out/renderer/index.html',
      'out/preload/index.cjs',
      'package.json',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/exceljs/package.json',
    ]
    for (const rel of samples) {
      const file = path.join(ROOT, rel)
      if (!fs.existsSync(file)) continue
      const stat = fs.lstatSync(file)
      expect(ours(rel, false), rel).toBe(theirs(file, stat))
    }
  })
})
