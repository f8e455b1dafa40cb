// The CLI in a child process as a script runs it, with --json — asynchronously, so a sandbox or SMTP
// server in the test's own process goes on answering it.
import { spawn } from 'node:child_process'
import { expect } from 'vitest'

export interface CliAnswer {
  status: number | null
  json: Record<string, unknown>
}

/** `fapiao --data DIR ARGS… --json`; stdout must be exactly one JSON document */
export async function cliJson(dataDir: string, ...args: string[]): Promise<CliAnswer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli/index.ts', '--data', dataDir, ...args, '--json'])
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const lines = stdout.trim().split('\n')
  expect(lines, `exactly one JSON document on stdout, got:\n${stdout}\n${stderr}`).toHaveLength(1)
  return { status, json: JSON.parse(lines[0]!) as Record<string, unknown> }
}
