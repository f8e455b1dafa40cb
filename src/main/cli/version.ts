// The program's version for `fapiao --version`: inlined by the build (electron.vite.config.ts
// `define`), so the built CLI answers without reading a file; under tsx (`npm run cli`) the
// checkout's package.json says it.
import fs from 'node:fs'

declare const __FAPIAO_VERSION__: string | undefined

export function cliVersion(): string {
  if (typeof __FAPIAO_VERSION__ === 'string') return __FAPIAO_VERSION__
  const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

/** `fapiao --version` (`-v`, `-V`), alone or with --json: nothing else on the line */
export function asksVersion(argv: readonly string[]): boolean {
  const words = argv.filter((a) => a !== '--json')
  return words.length === 1 && ['--version', '-v', '-V'].includes(words[0]!)
}
