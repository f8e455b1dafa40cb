// The `fapiao` command: `fapiao [--data DIR] [--company TAX_ID] <command> [options] [--json]`.
// Every command is a call of the same core the app uses. The command line is checked against the
// command's declaration first (parse.ts): a refusal exits 2. With --json exactly one JSON document
// goes to stdout; a failure exits non-zero with {"error":{code,message,…}}.
import { parseCommandLine } from './parse'
import { groups } from './program'

export async function main(argv: string[]): Promise<number> {
  const line = parseCommandLine(argv, groups)
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
