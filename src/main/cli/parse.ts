// Checks a command line against the commands' declarations (src/shared/cli.ts) before anything
// runs: the command's words; each option — this command's or a global one, with a value when it
// takes one, one of its choices, given once —; the required options; the arguments. A refusal is
// a Chinese sentence naming the option and what the command accepts instead.
import { parseArgs } from 'node:util'
import type { CliArg, CliOption, CliOptions, CliRawValues } from '../../shared/cli'
import type { CliEntry } from './entry'
import { commandHelp, optionText, overview, PROGRAM, synopsis } from './help'

/** commands sharing their global options: the app's, or the sandbox's `platform …` */
export interface CliGroup {
  title: string
  titleEn: string
  /** the first word of all its commands ('' for none) */
  prefix: string
  globals: CliOptions
  entries: CliEntry[]
}

export type ParsedLine = { json: boolean } & (
  { kind: 'help'; text: string } | { kind: 'run'; entry: CliEntry; args: string[]; values: CliRawValues } | { kind: 'refused'; message: string; details?: unknown; hint: string }
)

type Token = ReturnType<typeof parseArgs>['tokens'] extends (infer T)[] | undefined ? T : never
type OptionToken = Extract<Token, { kind: 'option' }>

/**
 * Every option any command declares, with its type, so that a value is always taken by its option
 * whatever the command (an option of another command is then refused by name, its value with it).
 */
export function knownOptions(groups: CliGroup[]): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const known: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } }
  for (const g of groups)
    for (const options of [g.globals, ...g.entries.map((e) => e.spec.options ?? {})]) for (const [name, o] of Object.entries(options)) known[name] ??= { type: o.type ?? 'string' }
  return known
}

function matchCommand(groups: CliGroup[], words: string[]): CliEntry | undefined {
  for (let n = Math.min(3, words.length); n > 0; n--) {
    const key = words.slice(0, n).join(' ')
    for (const g of groups) {
      const hit = g.entries.find((e) => e.words === key)
      if (hit) return hit
    }
  }
  return undefined
}

function groupOf(groups: CliGroup[], words: string[]): CliGroup[] {
  const named = groups.filter((g) => g.prefix !== '' && g.prefix === words[0])
  return named.length ? named : groups
}

function listOptions(entry: CliEntry): string {
  const own = Object.entries(entry.spec.options ?? {}).map(([n, o]) => optionText(n, o))
  const globals = Object.entries(entry.globals).map(([n, o]) => optionText(n, o))
  return `${entry.words} 的选项：${own.length ? own.join('、') : '无'}；全局选项：${globals.join('、')}`
}

function optionNames(entry: CliEntry): string[] {
  return [...Object.keys(entry.spec.options ?? {}), ...Object.keys(entry.globals)].map((n) => `--${n}`)
}

function checkValue(raw: string, o: CliOption, value: string): string | undefined {
  if (o.choices && !o.choices.includes(value)) return `选项 ${raw} 的值“${value}”不正确，应为 ${o.choices.join('、')} 之一`
  if (o.positive && !(/^\d{1,9}$/.test(value) && Number(value) >= 1)) return `选项 ${raw} 的值“${value}”不正确，应为正整数`
  return undefined
}

function argLabel(a: CliArg): string {
  return a.choices ? a.choices.join('|') : a.name
}

/** the arguments against their declaration: none missing, none extra, each one of its choices */
function checkArgs(entry: CliEntry, given: string[]): string | undefined {
  const declared = entry.spec.args ?? []
  for (const [i, a] of declared.entries()) {
    const mine = a.variadic ? given.slice(i) : given.slice(i, i + 1)
    if (mine.length === 0 && !a.optional) return `${entry.words} 缺少参数 ${argLabel(a)}（${a.description}）`
    const wrong = a.choices ? mine.find((v) => !a.choices!.includes(v)) : undefined
    if (wrong !== undefined) return `参数 ${a.name} 的值“${wrong}”不正确，应为 ${a.choices!.join('、')} 之一`
  }
  const capacity = declared.some((a) => a.variadic) ? Infinity : declared.length
  if (given.length > capacity) return `${entry.words} 不接受多余的参数“${given.slice(capacity).join(' ')}”`
  return undefined
}

function unknownOption(groups: CliGroup[], entry: CliEntry, t: OptionToken): string {
  const owners = groups.flatMap((g) => g.entries.filter((e) => e.spec.options?.[t.name]).map((e) => e.words))
  const elsewhere = groups.filter((g) => g.globals[t.name] && !entry.globals[t.name]).map((g) => `它是${g.title}的全局选项`)
  const whose = [...(owners.length ? [`它是 ${owners.join('、')} 的选项`] : []), ...elsewhere]
  return `${entry.words} 没有选项 ${t.rawName}${whose.length ? `（${whose.join('；')}）` : ''}。${listOptions(entry)}`
}

/** the first problem of the options, or their values by name */
function checkOptions(groups: CliGroup[], entry: CliEntry, tokens: OptionToken[]): { problem: string; option: string } | { values: CliRawValues } {
  const declared: CliOptions = { ...entry.globals, ...entry.spec.options }
  const values: CliRawValues = {}
  for (const t of tokens) {
    const o = declared[t.name]
    if (!o) return { problem: unknownOption(groups, entry, t), option: t.rawName }
    if (t.name in values) return { problem: `选项 ${t.rawName} 写了两次`, option: t.rawName }
    if (o.type === 'boolean') {
      if (t.inlineValue) return { problem: `选项 ${t.rawName} 是开关，不带值`, option: t.rawName }
      values[t.name] = true
      continue
    }
    // `--name --json`: the value was forgotten and the next option taken for it
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--')))
      return { problem: `选项 ${t.rawName} 缺少值（${o.description}），应写成 ${optionText(t.name, o)}`, option: t.rawName }
    const bad = checkValue(t.rawName, o, t.value)
    if (bad) return { problem: bad, option: t.rawName }
    values[t.name] = t.value
  }
  for (const [name, o] of Object.entries(declared)) {
    const v = values[name]
    if (o.required && (typeof v !== 'string' || v.trim() === '')) return { problem: `${entry.words} 缺少选项 ${optionText(name, o)}：${o.description}`, option: `--${name}` }
    if (o.type === 'boolean') values[name] = v === true
  }
  return { values }
}

export function parseCommandLine(argv: string[], groups: CliGroup[]): ParsedLine {
  const { tokens = [] } = parseArgs({ args: argv, options: knownOptions(groups), strict: false, allowPositionals: true, tokens: true })
  const options = tokens.filter((t): t is OptionToken => t.kind === 'option')
  const words = tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : []))
  // `--name --json`: the forgotten value's refusal still goes out as the JSON asked for
  const json = options.some((t) => t.name === 'json' || (!t.inlineValue && t.value === '--json'))
  const entry = matchCommand(groups, words)
  const overviews = () =>
    groupOf(groups, words)
      .map((g) => overview(`${g.title} · ${g.titleEn}`, g.entries, g.globals))
      .join('\n')
  if (options.some((t) => t.name === 'help')) return { json, kind: 'help', text: entry ? commandHelp(entry) : overviews() }
  if (!entry) {
    const asked = words.slice(0, 3).join(' ')
    // `customers lst`: the commands that start with the same word are what was meant
    const near = groups.flatMap((g) => g.entries).filter((e) => words.length > 0 && e.words.startsWith(`${words[0]} `))
    const hint = near.length ? `可用的命令：\n${near.map((e) => `  ${PROGRAM} ${synopsis(e)}`).join('\n')}` : overviews()
    return { json, kind: 'refused', message: asked ? `没有命令“${asked}”` : '请写出要执行的命令', details: { command: asked }, hint }
  }
  const hint = `查看用法：${PROGRAM} ${entry.words} --help`
  const checked = checkOptions(groups, entry, options)
  if ('problem' in checked) return { json, kind: 'refused', message: checked.problem, details: { command: entry.words, option: checked.option, options: optionNames(entry) }, hint }
  const args = words.slice(entry.words.split(' ').length)
  const problem = checkArgs(entry, args)
  if (problem) return { json, kind: 'refused', message: problem, details: { command: entry.words, options: optionNames(entry) }, hint }
  return { json, kind: 'run', entry, args, values: checked.values }
}
