// The `fapiao` command: `npm run cli -- [--data DIR] [--company TAX_ID] <command> [options] [--json]`.
// Every command is a call of the same core the app uses. The command line is checked against the
// command's declaration first (parse.ts): a refusal exits 2. With --json exactly one JSON document
// goes to stdout; a failure exits non-zero with {"error":{code,message,…}}.
import { parseCommandLine } from './parse'
import { groups } from './program'

async function main(): Promise<number> {
  const line = parseCommandLine(process.argv.slice(2), groups)
  if (line.kind === 'help') {
    process.stdout.write(line.text)
    return 0
  }
  if (line.kind === 'refused') {
    if (line.json) process.stdout.write(`${JSON.stringify({ error: { code: 'VALIDATION', message: line.message, details: line.details } })}\n`)
    else process.stderr.write(`错误：${line.message}\n${line.hint}\n`)
    return 2
  }
  return line.entry.execute(line.args, line.values)
}

process.exitCode = await main()
