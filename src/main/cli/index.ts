// The `fapiao` command (docs/cli.md). This entry imports next to nothing: `--version` answers at
// once, and the command line is read (main.ts) before any command's code is loaded — each command
// loads the core, or the sandbox's store, only when it runs.
import module from 'node:module'
import { asksVersion, cliVersion } from './version'

const argv = process.argv.slice(2)
// Node 22+ (the app's own binary, which the installed launcher runs as Node) keeps the compiled code
// of the modules between runs; Node 20 has no such cache and skips this
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()
if (asksVersion(argv)) process.stdout.write(argv.includes('--json') ? `${JSON.stringify({ version: cliVersion() })}\n` : `${cliVersion()}\n`)
else {
  const { main } = await import('./main')
  process.exitCode = await main(argv)
}
