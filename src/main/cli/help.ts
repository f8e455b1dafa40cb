// The help texts, written from the commands' declarations (src/shared/cli.ts), in Chinese and
// English: a usage line and summary per command for `--help`, and a command's options and examples
// for `<command> --help`.
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

function table(rows: [string, string][]): string {
  const left = Math.max(...rows.map(([l]) => width(l)))
  return rows.map(([l, r]) => `  ${l}${' '.repeat(left - width(l))}   ${r}`).join('\n')
}

function optionRows(options: CliOptions): [string, string][] {
  return Object.entries(options).map(([n, o]) => {
    const text = o.descriptionEn ? `${o.description} / ${o.descriptionEn}` : o.description
    return [optionText(n, o), o.required ? `必填：${text}` : text]
  })
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
  const args = (entry.spec.args ?? []).map((a): [string, string] => [argText(a), a.description])
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
