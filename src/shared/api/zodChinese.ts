// Zod's own refusals in Chinese, each naming its field (labels.ts): `第 3 行单价应为文本`,
// `请填写纳税人识别号`, `每页条数不能大于 500`. A schema's own message (`请填写项目名称`) always
// wins — zod asks this map only for issues that have none. The core's registry, the renderer's
// forms (through define.ts) and the platform sandbox all use this one map.
import type { z } from 'zod'
import { fieldLabel, WHOLE_REQUEST } from './labels'

type Issue = z.core.$ZodRawIssue

/** a type as a bookkeeper would name it */
const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: 'true 或 false',
  date: '日期',
  array: '列表',
  object: 'JSON 对象',
  record: 'JSON 对象',
}

/** at most this many allowed values are listed; a longer list (34 地区) just says the value is not one */
const LIST_AT_MOST = 8

const number = (n: number | bigint) => n.toLocaleString('en-US')

function tooBig(label: string, i: Extract<Issue, { code: 'too_big' }>): string {
  const max = number(i.maximum)
  switch (i.origin) {
    case 'string':
      return `${label}不能超过 ${max} 个字符`
    case 'array':
    case 'set':
      return `${label}最多 ${max} 项`
    case 'file':
      return `${label}不能超过 ${max} 字节`
    default:
      return i.inclusive === false ? `${label}应小于 ${max}` : `${label}不能大于 ${max}`
  }
}

function tooSmall(label: string, i: Extract<Issue, { code: 'too_small' }>): string {
  const min = number(i.minimum)
  switch (i.origin) {
    case 'string':
      return Number(i.minimum) <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字符`
    case 'array':
    case 'set':
      return `${label}至少 ${min} 项`
    default:
      return i.inclusive === false ? `${label}应大于 ${min}` : `${label}不能小于 ${min}`
  }
}

function invalidType(label: string, i: Extract<Issue, { code: 'invalid_type' }>): string {
  if (i.input === undefined || i.input === null) return i.expected === 'object' || i.expected === 'array' ? `缺少${label}` : `请填写${label}`
  if (typeof i.input === 'number' && Number.isNaN(i.input)) return `${label}应为数字`
  const name = TYPE_NAMES[i.expected]
  if (!name) return `${label}格式不正确`
  return /^[A-Za-z]/.test(name) ? `${label}应为 ${name}` : `${label}应为${name}`
}

/** the message for one zod issue that its schema left without one */
export function chineseIssueMessage(i: Issue): string {
  const label = fieldLabel(i.path ?? [])
  switch (i.code) {
    case 'invalid_type':
      return invalidType(label, i)
    case 'too_big':
      return tooBig(label, i)
    case 'too_small':
      return tooSmall(label, i)
    case 'invalid_value':
      return i.values.length <= LIST_AT_MOST ? `${label}应为以下之一：${i.values.map(String).join('、')}` : `${label}不是可选的值`
    case 'invalid_format':
      if (i.format === 'email') return `${label}不是有效的电子邮箱地址`
      if (i.format === 'url') return `${label}不是有效的网址`
      return `${label}格式不正确`
    case 'not_multiple_of':
      return `${label}应为 ${i.divisor} 的整数倍`
    case 'unrecognized_keys':
      return `${label === WHOLE_REQUEST ? label : `${label}中`}有不认识的字段：${i.keys.join('、')}`
    case 'invalid_key':
    case 'invalid_element':
      return `${label}中有无效的值`
    default:
      return `${label}不正确`
  }
}

/** as zod takes it: `schema.safeParse(v, { error: chineseIssue })` or `z.config({ customError })` */
export const chineseIssue: z.core.$ZodErrorMap = (issue) => chineseIssueMessage(issue)
