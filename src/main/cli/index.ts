// The `fapiao` command (docs/cli.md). This entry imports next to nothing: `--version` answers at
// once, and the command line is read (main.ts) before any command's code is loaded — each command
// loads the core, or the sandbox's store, only when it runs.
import { asksVersion, cliVersion } from './version'

const argv = process.argv.slice(2)
if (asksVersion(argv)) process.stdout.write(argv.includes('--json') ? `${JSON.stringify({ version: cliVersion() })}\n` : `${cliVersion()}\n`)
else {
  const { main } = await import('./main')
  process.exitCode = await main(argv)
}
