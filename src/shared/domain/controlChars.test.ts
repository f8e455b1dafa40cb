import { describe, expect, it } from 'vitest'
import { controlCharIssues, controlCharProblem } from './controlChars'

describe('control characters in text', () => {
  it.each<[string, string, boolean, string | null]>([
    ['plain Chinese', '华为技术有限公司', false, null],
    ['NUL', 'a\u0000b', false, '名称含有不可见的控制字符（U+0000），请删除后重新输入'],
    ['BEL', '\u0007', true, '名称含有不可见的控制字符（U+0007），请删除后重新输入'],
    ['DEL', 'x\u007f', false, '名称含有不可见的控制字符（U+007F），请删除后重新输入'],
    ['a C1 control', '\u0085', false, '名称含有不可见的控制字符（U+0085），请删除后重新输入'],
    ['a line separator', '\u2028', true, '名称含有不可见的控制字符（U+2028），请删除后重新输入'],
    ['a newline in one line', 'a\nb', false, '名称不能包含换行，请改为一行'],
    ['a tab in one line', 'a\tb', false, '名称不能包含制表符，请改为一行'],
    ['newline, tab and CRLF where lines are allowed', 'a\r\n\tb', true, null],
    ['full-width space and emoji are text', '　😀', false, null],
  ])('%s', (_, text, multiLine, expected) => {
    expect(controlCharProblem('名称', text, multiLine)).toBe(expected)
  })

  it('finds every bad string in a nested input, by path, letting 备注 span lines', () => {
    const input = { draft: { remark: '第一行\n第二行', buyer: { name: '华\u0000为' }, lines: [{ name: 'ok' }, { name: 'a\tb' }] }, n: 1 }
    expect(controlCharIssues(input, (p) => `字段 ${p.join('.')} `)).toEqual([
      { path: 'draft.buyer.name', message: '字段 draft.buyer.name 含有不可见的控制字符（U+0000），请删除后重新输入' },
      { path: 'draft.lines.1.name', message: '字段 draft.lines.1.name 不能包含制表符，请改为一行' },
    ])
  })
})
