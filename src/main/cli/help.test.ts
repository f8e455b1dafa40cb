// Help in Chinese and English, with examples that are real command lines: every example is parsed
// against its command's declaration, so an example can never drift from what the command accepts.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCommandLine } from './parse'
import { groups } from './program'
import { asksVersion, cliVersion } from './version'

const entries = groups.flatMap((g) => g.entries)
const cjk = /[\u4e00-\u9fff]/

/** an example line as a shell splits it: words, a "double-quoted" value with spaces as one */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!)
}

describe('every command', () => {
  it.each(entries.map((e) => [e.words, e] as const))('%s has an English summary and examples in both languages', (_w, e) => {
    expect(e.spec.summaryEn.trim()).not.toBe('')
    expect(e.spec.summaryEn).not.toMatch(/^[\u4e00-\u9fff]/)
    expect(e.spec.examples.length).toBeGreaterThanOrEqual(1)
    for (const x of e.spec.examples) {
      expect(x.zh, x.line).toMatch(cjk)
      expect(x.en.trim(), x.line).not.toBe('')
    }
  })

  it.each(entries.flatMap((e) => e.spec.examples.map((x) => [x.line, e.words] as const)))('the example “%s” runs %s', (line, command) => {
    const parsed = parseCommandLine(words(line), groups)
    expect(parsed.kind === 'refused' ? parsed.message : parsed.kind).toBe('run')
    expect(parsed.kind === 'run' && parsed.entry.words).toBe(command)
  })

  it('an example that does not match its declaration is caught (the check above can fail)', () => {
    expect(parseCommandLine(words('invoices lookup --number 26442000000000000001 --side 进项'), groups).kind).toBe('refused')
    expect(words('customers list --query "星河 数据" --json')).toEqual(['customers', 'list', '--query', '星河 数据', '--json'])
  })
})

describe('--help', () => {
  it.each(entries.map((e) => [e.words, e] as const))('fapiao %s --help shows its summary and examples in both languages', (w, e) => {
    const line = parseCommandLine([...w.split(' '), '--help'], groups)
    const text = line.kind === 'help' ? line.text : ''
    expect(text).toContain(`用法 Usage: fapiao ${w}`)
    expect(text).toContain(e.spec.summary)
    expect(text).toContain(e.spec.summaryEn)
    for (const x of e.spec.examples) expect(text).toContain(`  fapiao ${x.line}\n      ${x.zh}\n      ${x.en}\n`)
  })

  it('the overview names the program fapiao and gives every summary in both languages', () => {
    const all = parseCommandLine(['--help'], groups)
    const text = all.kind === 'help' ? all.text : ''
    expect(text).not.toContain('npm run cli')
    expect(text).toContain('fapiao --version')
    for (const e of entries) expect(text).toContain(`  fapiao ${e.words}`)
    for (const e of entries) expect(text).toContain(`      ${e.spec.summary}\n      ${e.spec.summaryEn}\n`)
  })
})

describe('--version', () => {
  it('is package.json’s version', () => {
    expect(cliVersion()).toBe((JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version)
  })

  it('is asked only by the flag alone (with --json at most)', () => {
    expect(asksVersion(['--version'])).toBe(true)
    expect(asksVersion(['-V', '--json'])).toBe(true)
    expect(asksVersion(['invoices', 'list', '--version'])).toBe(false)
    expect(asksVersion([])).toBe(false)
  })
})
