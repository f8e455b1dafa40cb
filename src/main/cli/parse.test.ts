// The command line checked against the commands' declarations, on the real command tables.
import { describe, expect, it } from 'vitest'
import { parseCommandLine } from './parse'
import { groups } from './program'

const parse = (...argv: string[]) => parseCommandLine(argv, groups)

function refusal(...argv: string[]): string {
  const line = parse(...argv)
  if (line.kind !== 'refused') throw new Error(`expected a refusal, got ${line.kind}`)
  return line.message
}

describe('command declarations', () => {
  const declarations = groups.flatMap((g) => [['(global)', g.globals] as const, ...g.entries.map((e) => [e.words, e.spec.options ?? {}] as const)])

  it('give every option one type whichever command declares it (a value is taken alike everywhere)', () => {
    const types = new Map<string, Set<string>>()
    for (const [, options] of declarations) for (const [name, o] of Object.entries(options)) types.set(name, (types.get(name) ?? new Set()).add(o.type ?? 'string'))
    expect([...types].filter(([, t]) => t.size > 1)).toEqual([])
  })

  it('describe every command, argument and option in Chinese', () => {
    const cjk = /[\u4e00-\u9fff]/
    for (const g of groups)
      for (const e of g.entries) {
        expect(e.spec.summary, e.words).toMatch(cjk)
        for (const a of e.spec.args ?? []) expect(a.description, `${e.words} ${a.name}`).toMatch(cjk)
      }
    for (const [words, options] of declarations) for (const [name, o] of Object.entries(options)) expect(o.description, `${words} --${name}`).toMatch(cjk)
  })
})

describe('parseCommandLine', () => {
  it('hands a command its arguments and its own options, globals included', () => {
    const line = parse('--data', '/tmp/x', 'customers', 'list', '--query', 'hwjs', '--size', '5', '--json')
    expect(line).toMatchObject({ kind: 'run', json: true, args: [], values: { data: '/tmp/x', query: 'hwjs', size: '5', json: true, help: false } })
    expect(line.kind === 'run' && line.entry.words).toBe('customers list')
    expect(parse('extras', 'delete', '甲', '乙')).toMatchObject({ kind: 'run', args: ['甲', '乙'] })
    expect(parse('sync', 'status')).toMatchObject({ kind: 'run', args: [] })
    expect(parse('platform', 'quota', 'show', '--data', 'd', '--tax-id', 'T')).toMatchObject({ kind: 'run', values: { data: 'd', 'tax-id': 'T' } })
  })

  it('refuses an unknown option naming it and listing the command’s options', () => {
    const m = refusal('customers', 'list', '--bogus', '1')
    expect(m).toContain('customers list 没有选项 --bogus')
    expect(m).toContain('--query Q、--page P、--size S')
    expect(refusal('customers', 'list', '-x')).toContain('没有选项 -x')
  })

  it('refuses another command’s option, saying whose it is', () => {
    expect(refusal('customers', 'list', '--reason', '01')).toContain('没有选项 --reason（它是 red create 的选项）')
    expect(refusal('company', 'add', '--name', 'X', '--opinion', 'x')).toContain('--opinion（它是 red decide 的选项）')
    expect(refusal('platform', 'quota', 'show', '--data', 'd', '--tax-id', 'T', '--company', 'x')).toContain('--company（它是票税通命令的全局选项）')
    expect(refusal('items', 'list', '--tax-id', 'x')).toMatch(/它是 company add、settings platform、platform taxpayer add.* 的选项/)
  })

  it('refuses an option without its value, also when the next option was taken for it', () => {
    expect(refusal('company', 'add', '--name')).toContain('选项 --name 缺少值（企业名称），应写成 --name 名称')
    expect(refusal('company', 'add', '--name', '--json')).toContain('选项 --name 缺少值')
    expect(parse('company', 'add', '--name', '--json').json).toBe(true)
  })

  it('refuses a malformed value, a repeated option and a switch with a value', () => {
    expect(refusal('customers', 'list', '--page', 'abc')).toBe('选项 --page 的值“abc”不正确，应为正整数')
    expect(refusal('customers', 'list', '--page', '0')).toContain('应为正整数')
    expect(refusal('invoices', 'list', '--state', 'done')).toBe('选项 --state 的值“done”不正确，应为 draft、queued、issuing、issued、failed 之一')
    expect(refusal('customers', 'list', '--page', '1', '--page', '2')).toBe('选项 --page 写了两次')
    expect(refusal('customers', 'list', '--json=yes')).toBe('选项 --json 是开关，不带值')
  })

  it('refuses a missing required option, blank included', () => {
    expect(refusal('company', 'add', '--name', 'X', '--region', '44', '--operator', '王')).toBe('company add 缺少选项 --tax-id 纳税人识别号：统一社会信用代码（18 位）')
    expect(refusal('extras', 'add', '--name', ' ', '--type', '文本')).toContain('缺少选项 --name')
    expect(refusal('platform', 'quota', 'show', '--tax-id', 'T')).toContain('platform quota show 缺少选项 --data DIR')
  })

  it('refuses missing, extra and wrong arguments', () => {
    expect(refusal('items', 'import')).toBe('items import 缺少参数 FILE（要导入的表格文件）')
    expect(refusal('extras', 'delete')).toContain('extras delete 缺少参数 NAME')
    expect(refusal('customers', 'list', '01')).toBe('customers list 不接受多余的参数“01”')
    expect(refusal('red', 'decide', '1', 'maybe')).toBe('参数 CHOICE 的值“maybe”不正确，应为 agree、reject 之一')
    expect(refusal('invoices', 'draft', '--file', 'x.json')).toContain('缺少参数 create|validate')
  })

  it('refuses an unknown command, listing the commands with the same first word', () => {
    const line = parse('customers', 'lst')
    expect(line).toMatchObject({ kind: 'refused', message: '没有命令“customers lst”', hint: expect.stringContaining('customers list [--query Q]') })
    expect(parse()).toMatchObject({ kind: 'refused', message: '请写出要执行的命令' })
  })

  it('answers --help with the command’s options, or every command’s usage', () => {
    const own = parse('company', 'add', '--help')
    expect(own.kind).toBe('help')
    const text = own.kind === 'help' ? own.text : ''
    expect(text).toContain('用法 Usage: fapiao company add --name 名称 --tax-id 纳税人识别号 --region 地区 --operator 开票员 [--address 地址]')
    expect(text).toMatch(/--operator 开票员 +必填：开票员姓名/)
    expect(text).toMatch(/--company 纳税人识别号 +操作哪家企业/)
    // help wins over anything else wrong on the line
    expect(parse('customers', 'list', '--bogus', '-h').kind).toBe('help')
    const all = parse('--help')
    expect(all.kind === 'help' && all.text).toContain('platform red list --data DIR --tax-id 纳税人识别号')
    const platform = parse('platform', '--help')
    expect(platform.kind === 'help' && platform.text).not.toContain('company add')
  })
})
