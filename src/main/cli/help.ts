// The help texts, written from the commands' declarations (src/shared/cli.ts), in Chinese and
// English: a usage line and summary per command for `--help`, and a command's arguments, options
// (each in Chinese with the English under it) and examples for `<command> --help`.
import type { CliArg, CliExample, CliOption, CliOptions } from '../../shared/cli'
import type { CliEntry } from './entry'

/** the name help writes: `npm link` in a checkout and the installer's launcher both give `fapiao` */
export const PROGRAM = 'fapiao'

export function optionText(name: string, o: CliOption): string {
  return o.type === 'boolean' ? `--${name}` : `--${name} ${o.value ?? o.choices?.join('|') ?? '值'}`
}

function argText(a: CliArg): string {
  const word = `${a.choices ? a.choices.join('|') : a.name}${a.variadic ? '…' : ''}`
  return a.optional ? `[${word}]` : word
}

/** `red create --blue 发票号码 --reason 01|02|03|04 … [--lines FILE.json]`: required options first */
export function synopsis(entry: CliEntry): string {
  const required = Object.entries(entry.globals).filter(([, o]) => o.required)
  const own = Object.entries(entry.spec.options ?? {})
  return [
    entry.words,
    ...(entry.spec.args ?? []).map(argText),
    ...[...required, ...own.filter(([, o]) => o.required)].map(([n, o]) => optionText(n, o)),
    ...own.filter(([, o]) => !o.required).map(([n, o]) => `[${optionText(n, o)}]`),
  ].join(' ')
}

/** columns as a terminal shows them: a Chinese character takes two */
function width(s: string): number {
  let w = 0
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1
  return w
}

/** a help row: the option or argument, its Chinese description and the English one */
type Row = [left: string, zh: string, en: string]

/** the terminal help is written for */
const COLUMNS = 80

/** English broken between words to fit the columns right of `indent` (a word longer stays whole) */
function wrap(text: string, indent: number): string {
  const room = Math.max(COLUMNS - indent, 30)
  const lines = ['']
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1]!
    if (last && width(last) + 1 + width(word) > room) lines.push(word)
    else lines[lines.length - 1] = last ? `${last} ${word}` : word
  }
  return lines.join(`\n${' '.repeat(indent)}`)
}

/** the widest option or argument that keeps its description beside it; a wider one (a long list of
 *  choices) has its description start on the next line, so the English keeps room to wrap */
const LABEL_COLUMNS = 26

/** the left column padded to its widest; the English under the Chinese, wrapped, so a row stays
 *  readable in an 80-column terminal */
function table(rows: Row[]): string {
  const left = Math.min(Math.max(...rows.map(([l]) => width(l))), LABEL_COLUMNS)
  const indent = left + 5
  const pad = ' '.repeat(indent)
  return rows
    .map(([l, zh, en]) => {
      const head = width(l) <= left ? `  ${l}${' '.repeat(left - width(l))}   ${zh}` : `  ${l}\n${pad}${zh}`
      return `${head}\n${pad}${wrap(en, indent)}`
    })
    .join('\n')
}

function optionRows(options: CliOptions): Row[] {
  return Object.entries(options).map(([n, o]) =>
    o.required ? [optionText(n, o), `必填：${o.description}`, `required: ${o.descriptionEn}`] : [optionText(n, o), o.description, o.descriptionEn],
  )
}

function exampleText(e: CliExample): string {
  return `  ${PROGRAM} ${e.line}\n      ${e.zh}\n      ${e.en}`
}

/** `--help`: every command of the group with its usage and what it does */
export function overview(title: string, entries: CliEntry[], globals: CliOptions): string {
  const commands = entries.map((e) => `  ${PROGRAM} ${synopsis(e)}\n      ${e.spec.summary}\n      ${e.spec.summaryEn}`).join('\n')
  return [
    title,
    '',
    commands,
    '',
    `全局选项 Global options:\n${table(optionRows(globals))}`,
    '',
    `一个命令的选项和示例 A command's options and examples:  ${PROGRAM} <命令 command> --help`,
    `版本 Version:  ${PROGRAM} --version`,
    '',
  ].join('\n')
}

/** `<command> --help`: its usage, its arguments and options, the global options */
export function commandHelp(entry: CliEntry): string {
  const args = (entry.spec.args ?? []).map((a): Row => [argText(a), a.description, a.descriptionEn])
  const own = optionRows(entry.spec.options ?? {})
  return [
    `用法 Usage: ${PROGRAM} ${synopsis(entry)}`,
    '',
    entry.spec.summary,
    entry.spec.summaryEn,
    ...(args.length ? ['', '参数 Arguments:', table(args)] : []),
    '',
    own.length ? `选项 Options:\n${table(own)}` : '选项 Options: 无（只有全局选项） none (only the global options)',
    '',
    `全局选项 Global options:\n${table(optionRows(entry.globals))}`,
    '',
    '示例 Examples:',
    ...entry.spec.examples.map(exampleText),
    '',
  ].join('\n')
}
