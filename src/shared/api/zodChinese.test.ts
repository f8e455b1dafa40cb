// Zod's own refusals come out in Chinese, naming the field; a schema's own message stays as written.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { paging } from './define'
import { chineseIssue } from './zodChinese'

const messages = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value, { error: chineseIssue })
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('zod in Chinese', () => {
  const schema = z.object({
    name: z.string().min(1, '请填写项目名称').max(10),
    taxId: z.string().min(1).max(20),
    kind: z.enum(['81', '82']),
    agree: z.boolean(),
    lines: z.array(z.object({ unitPrice: z.string().max(3), quantity: z.number().int() })).max(3),
    ids: z.array(z.number()).min(1),
    ...paging,
  })

  it('names the field in every kind of refusal', () => {
    expect(
      messages(schema, {
        name: '',
        taxId: 'x'.repeat(21),
        kind: '83',
        agree: 'yes',
        lines: [{ unitPrice: 'abcd', quantity: 1.5 }, { unitPrice: 5 }, {}],
        ids: [],
        page: 'abc',
        size: 501,
      }),
    ).toEqual([
      'name: 请填写项目名称',
      'taxId: 纳税人识别号不能超过 20 个字符',
      'kind: 票种应为以下之一：81、82',
      'agree: 是否同意应为 true 或 false',
      'lines.0.unitPrice: 第 1 行单价不能超过 3 个字符',
      'lines.0.quantity: 第 1 行数量应为整数',
      'lines.1.unitPrice: 第 2 行单价应为文本',
      'lines.1.quantity: 请填写第 2 行数量',
      'lines.2.unitPrice: 请填写第 3 行单价',
      'lines.2.quantity: 请填写第 3 行数量',
      'ids: 所选记录至少 1 项',
      'page: 页码应为数字',
      'size: 每页条数不能大于 500',
    ])
    expect(messages(schema.pick({ lines: true }), { lines: [{}, {}, {}, {}] })).toEqual(['lines: 明细行最多 3 项'])
    expect(messages(schema, 'x')).toEqual([': 请求内容应为 JSON 对象'])
    expect(messages(schema.strict(), { ...schema.parse({ name: 'a', taxId: 'b', kind: '81', agree: true, lines: [], ids: [1] }), bogus: 1 })).toEqual([
      ': 请求内容有不认识的字段：bogus',
    ])
  })

  it('is what every parse gets once the contract is loaded (define.ts)', () => {
    const r = z.object({ taxId: z.string() }).safeParse({ taxId: 5 })
    expect(r.error?.issues[0]?.message).toBe('纳税人识别号应为文本')
  })
})
