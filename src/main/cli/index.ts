// The `fapiao` command: `npm run cli -- [--data DIR] [--company TAX_ID] <command> [--json]`.
// Every command is a call of the same core the app uses. With --json exactly one JSON document
// goes to stdout; a failure exits non-zero with {"error":{code,message,…}}.
import { parseArgs } from 'node:util'
import { resolveDataDir } from '../core/dataDir'
import { AppError, isAppError } from '../core/errors'
import { platformUsage, runPlatformCli } from '../../platform/cli'
import { commands, usage } from './commands'
import { printHuman } from './print'

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  strict: true,
  options: {
    data: { type: 'string' },
    company: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    // command options
    name: { type: 'string' },
    'tax-id': { type: 'string' },
    region: { type: 'string' },
    address: { type: 'string' },
    phone: { type: 'string' },
    bank: { type: 'string' },
    account: { type: 'string' },
    operator: { type: 'string' },
    top: { type: 'string' },
    query: { type: 'string' },
    page: { type: 'string' },
    size: { type: 'string' },
    type: { type: 'string' },
    extras: { type: 'string' },
    file: { type: 'string' },
    state: { type: 'string' },
    // red … (红字确认单)
    blue: { type: 'string' },
    reason: { type: 'string' },
    as: { type: 'string' },
    lines: { type: 'string' },
    opinion: { type: 'string' },
    status: { type: 'string' },
    // platform … (the sandbox's admin commands) and platform settings
    host: { type: 'string' },
    port: { type: 'string' },
    password: { type: 'string' },
    quota: { type: 'string' },
    month: { type: 'string' },
    total: { type: 'string' },
    role: { type: 'string' },
    period: { type: 'string' },
    'confirm-issues': { type: 'string' },
    url: { type: 'string' },
  },
})

const key = positionals.slice(0, 2).join(' ')
const command = commands[key]

async function main(): Promise<number> {
  if (flags.help || !command) {
    process.stdout.write(`${usage()}\n${platformUsage()}`)
    return flags.help ? 0 : 2
  }
  // loaded here, not above: `platform …` commands need none of the core and start seconds faster
  const { createCore } = await import('../core/app')
  const { toErrorBody } = await import('../core/registry')
  const { embeddedSandbox } = await import('../embeddedPlatform')
  const dataDir = resolveDataDir(flags.data)
  // with no platform configured, `sync` starts the embedded sandbox for the command's duration
  const sandbox = embeddedSandbox(dataDir)
  const core = createCore({ dataDir, company: flags.company, embeddedPlatform: sandbox.start })
  if (!flags.json)
    core.events.on((e) => {
      if (e.type === 'progress') process.stderr.write(`\r${e.phase} ${e.done}/${e.total}   `)
    })
  try {
    const result = await command.run(core, positionals.slice(2), flags)
    if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else printHuman(result)
    return 0
  } catch (e) {
    const error = toErrorBody(e)
    if (flags.json) process.stdout.write(`${JSON.stringify({ error })}\n`)
    else process.stderr.write(`错误（${error.code}）：${error.message}\n`)
    if (!isAppError(e) && !(e instanceof AppError)) process.stderr.write(`${(e as Error).stack ?? ''}\n`)
    return 1
  } finally {
    core.close()
    await sandbox.close()
  }
}

// `platform …` talks to the sandbox's own database, not to a company's books: no core is created
process.exitCode = positionals[0] === 'platform' ? await runPlatformCli(positionals.slice(1), flags, printHuman) : await main()
