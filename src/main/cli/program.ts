// The CLI's two groups of commands and how each runs: the app's commands on a company's books
// (a core per run), the sandbox's `platform …` commands on the platform's own database.
import { resolveDataDir } from '../core/dataDir'
import { AppError, isAppError } from '../core/errors'
import { PLATFORM_GLOBAL_OPTIONS, platformCommands, runPlatformCli } from '../../platform/cli'
import type { CliRawValues, CliValues } from '../../shared/cli'
import type { Command } from './command'
import { commands, GLOBAL_OPTIONS } from './commands'
import type { CliGroup } from './parse'
import { printHuman } from './print'
import { cliVersion } from './version'

export const groups: CliGroup[] = [
  {
    title: '票税通命令',
    titleEn: 'Fapiao Desk commands',
    prefix: '',
    globals: GLOBAL_OPTIONS,
    entries: Object.entries(commands).map(([words, spec]) => ({ words, spec, globals: GLOBAL_OPTIONS, execute: (args, values) => runCommand(spec, args, values) })),
  },
  {
    title: '税务平台沙箱命令（platform …）',
    titleEn: 'tax platform sandbox commands (platform …)',
    prefix: 'platform',
    globals: PLATFORM_GLOBAL_OPTIONS,
    // `platform …` talks to the sandbox's own database, not to a company's books: no core is created
    entries: Object.entries(platformCommands).map(([words, spec]) => ({
      words,
      spec,
      globals: PLATFORM_GLOBAL_OPTIONS,
      execute: (args, values) => runPlatformCli(spec, args, values, printHuman),
    })),
  },
]

async function runCommand(command: Command, args: string[], options: CliRawValues): Promise<number> {
  // the parser hands over every global option, checked
  const flags = options as CliValues<typeof GLOBAL_OPTIONS>
  // loaded here, not above: `platform …` commands need none of the core and start seconds faster
  const { createCore, findAppDir } = await import('../core/app')
  const { toErrorBody } = await import('../core/registry')
  const { embeddedSandbox } = await import('../embeddedPlatform')
  const dataDir = resolveDataDir(flags.data)
  const fail = (e: unknown): number => {
    const error = toErrorBody(e)
    if (flags.json) process.stdout.write(`${JSON.stringify({ error })}\n`)
    else process.stderr.write(`错误（${error.code}）：${error.message}\n`)
    if (!isAppError(e) && !(e instanceof AppError)) process.stderr.write(`${(e as Error).stack ?? ''}\n`)
    return 1
  }
  // installed, the launcher names the resources folder (FAPIAO_APP_DIR); in a checkout it is found above out/main/
  let appDir: string
  try {
    appDir = findAppDir()
  } catch (e) {
    return fail(e)
  }
  // with no platform configured, `sync` starts the embedded sandbox for the command's duration
  const sandbox = embeddedSandbox(dataDir, appDir)
  // download jobs run in the app; a command runs one only when asked (`downloads create --wait`)
  const core = createCore({ dataDir, appDir, company: flags.company, version: cliVersion(), embeddedPlatform: sandbox.start, downloadJobs: false })
  if (!flags.json)
    core.events.on((e) => {
      if (e.type === 'progress') process.stderr.write(`\r${e.phase} ${e.done}/${e.total}   `)
    })
  try {
    const result = await command.run(core, args, options)
    if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else printHuman(result)
    return 0
  } catch (e) {
    return fail(e)
  } finally {
    core.close()
    await sandbox.close()
  }
}
