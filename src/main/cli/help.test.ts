// Help in Chinese and English, with examples that are real command lines: every example is parsed
// against its command's declaration, so an example can never drift from what the command accepts.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCommandLine } from './parse'
import { groups } from './program'
import { asksVersion, cliVersion } from './version'

const entries = groups.flatMap((g) => g.entries)
const cjk = /[\u4e00-\u9fff]/

/** Chinese left in an English description once the two things it may quote are taken out: a
 *  domain term in parentheses, "(红字确认单)", and a value the user types (its choices, 销项) */
function chineseOutsideTerms(en: string, choices: readonly string[] = []): string[] {
  const typed = choices.reduce((t, c) => t.split(c).join(' '), en.replace(/\([^()]*\)/g, ' '))
  return [...typed.matchAll(/[\u4e00-\u9fff]+/g)].map((m) => m[0])
}

/** every argument and option of every command with its English, named as help names it */
const described = entries.flatMap((e) => [
  ...(e.spec.args ?? []).map((a) => [`${e.words} ${a.name}`, a.descriptionEn, a.choices] as const),
  ...Object.entries(e.spec.options ?? {}).map(([n, o]) => [`${e.words} --${n}`, o.descriptionEn, o.choices] as const),
])

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

  it.each(described)('%s has an English description (Chinese only as a term in parentheses or a value to type)', (_n, en, choices) => {
    expect(en.trim()).not.toBe('')
    expect(en).toMatch(/[a-z]{2}/i)
    expect(chineseOutsideTerms(en, choices)).toEqual([])
  })

  it('the English check catches Chinese outside parentheses and choices (the check above can fail)', () => {
    expect(chineseOutsideTerms('红字确认单 number')).toEqual(['红字确认单'])
    expect(chineseOutsideTerms('number of the red-letter confirmation (红字确认单)')).toEqual([])
    expect(chineseOutsideTerms('side: 销项 issued or 进项 received', ['销项', '进项'])).toEqual([])
    expect(chineseOutsideTerms('side: 销项 issued, 全部 all', ['销项', '进项'])).toEqual(['全部'])
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

  it.each(entries.map((e) => [e.words, e] as const))('fapiao %s --help gives each argument and option in Chinese with the English under it', (w, e) => {
    const line = parseCommandLine([...w.split(' '), '--help'], groups)
    const text = line.kind === 'help' ? line.text : ''
    const lines = text.split('\n')
    /** the English on the lines after the Chinese, starting in its column, none wider than 80 */
    const under = (zh: string, en: string) => {
      const i = lines.findIndex((l) => l.endsWith(zh))
      expect(i, zh).toBeGreaterThan(-1)
      const column = displayColumn(lines[i]!, zh)
      const english: string[] = []
      for (let j = i + 1; lines[j]?.startsWith(' '.repeat(column)) && lines[j]![column] !== ' '; j++) english.push(lines[j]!)
      expect(english.map((l) => l.trim()).join(' '), zh).toBe(en)
      for (const l of english) if (l.trim().includes(' ')) expect(displayWidth(l), l).toBeLessThanOrEqual(80)
    }
    for (const a of e.spec.args ?? []) under(a.description, a.descriptionEn)
    for (const [, o] of [...Object.entries(e.spec.options ?? {}), ...Object.entries(e.globals)])
      under(o.required ? `必填：${o.description}` : o.description, o.required ? `required: ${o.descriptionEn}` : o.descriptionEn)
  })

  it('keeps the Chinese and the English of an option apart in an 80-column terminal', () => {
    const line = parseCommandLine(['red', 'create', '--help'], groups)
    const text = line.kind === 'help' ? line.text : ''
    expect(text).toContain('  --blue 发票号码        必填：蓝字发票的 20 位发票号码\n')
    expect(text).toContain('\n                         required: 20-digit number of the blue invoice\n                         (蓝字发票)\n')
    expect(text).toContain('\n                         required: reason: 01 issued in error, 02 goods\n                         returned, 03 service stopped, 04 sales discount\n')
    expect(text).not.toContain(' / ')
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

/** columns a terminal gives the text: a Chinese character takes two */
function displayWidth(text: string): number {
  return [...text].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0)
}

/** the terminal column where zh starts in line */
function displayColumn(line: string, zh: string): number {
  return displayWidth(line.slice(0, line.lastIndexOf(zh)))
}

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
