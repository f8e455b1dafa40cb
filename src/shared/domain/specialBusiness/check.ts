// checkSpecialBusiness: the 特定业务 rules of a draft, as { path, message } issues in the shape
// validateDraft gives, so the issuing screen and the batch import show them the same way.
import type { DraftIssue, DraftLine } from '../invoice/types'
import { isBlank } from '../invoice/money'
import { charLength } from '../text'
import { allowedCodesText, specialKindSpec, type SpecialKind } from './kinds'
import { regionProblem } from './region'
import type { SpecialBusiness } from './draft'
import type { SpecialContext, SpecialField, SpecialKindSpec, SpecialRow } from './types'

/** What checkSpecialBusiness reads of a draft. */
export interface DraftWithSpecial {
  lines: readonly Pick<DraftLine, 'taxCode'>[]
  specialBusiness?: SpecialBusiness | null
}

type Say = (key: string, message: string) => void

// a dropdown of dozens of names is not worth quoting in full
const LIST_QUOTE_MAX = 10

function fieldProblem(f: SpecialField, value: string, ctx: SpecialContext): string | null {
  const n = charLength(value)
  if (n > f.max) return `${f.label}不能超过 ${f.max} 个字符（现为 ${n} 个）`
  if (f.list && !f.list.includes(value))
    return f.list.length <= LIST_QUOTE_MAX ? `${f.label}“${value}”无效，应为 ${f.list.join('、')}` : `${f.label}“${value}”不在列表中，请从列表选择`
  if (f.region) return regionProblem(f.label, value, f.region, ctx)
  return null
}

function checkRow(spec: SpecialKindSpec<SpecialKind>, row: SpecialRow, taxCodes: readonly string[], ctx: SpecialContext, say: Say): void {
  const known = new Set(spec.fields.map((f) => f.key))
  for (const key of Object.keys(row)) if (!known.has(key)) say(key, `没有“${key}”这一项（${spec.kind}的项目为 ${spec.fields.map((f) => f.label).join('、')}）`)
  for (const f of spec.fields) {
    const value = (row[f.key] ?? '').trim()
    if (isBlank(value)) {
      if (f.required) say(f.key, `请填写${f.label}`)
      continue
    }
    const problem = fieldProblem(f, value, ctx)
    if (problem) say(f.key, problem)
    // a field already too long alone is not told again about the sum
    const other = f.sumWith && charLength(value) <= f.max ? spec.fields.find((g) => g.key === f.sumWith) : undefined
    if (other) {
      // template row 2: “合计（限120字符）” over the 地址 and its 详细地址
      const sum = charLength(value) + charLength((row[other.key] ?? '').trim())
      if (sum > f.max) say(other.key, `${f.label}与${other.label}合计不能超过 ${f.max} 个字符（现为 ${sum} 个）`)
    }
  }
  spec.rules({ row, taxCodes, ctx }, say)
}

/**
 * Each line whose 税收分类编码 does not lie under one of the draft's 特定业务's branches of the table
 * (path lines.<i>.taxCode): the issuing screen tells these at the line as it is typed.
 */
export function specialCodeIssues(draft: DraftWithSpecial): DraftIssue[] {
  const sb = draft.specialBusiness
  if (!sb) return []
  const spec = specialKindSpec(sb.kind)
  const allowed = allowedCodesText(sb.kind)
  return draft.lines.flatMap((line, i) => {
    const code = line.taxCode.trim()
    // a blank or malformed code is validateDraft's message already
    if (!/^\d{19}$/.test(code) || spec.allowedCodes.some((c) => code.startsWith(c.prefix))) return []
    return [{ path: `lines.${i}.taxCode`, message: `第 ${i + 1} 行：${spec.kind}发票的商品和服务税收分类编码应属于 ${allowed}，${code} 不属于` }]
  })
}

/**
 * Every 特定业务 problem of a draft, in form order: the rows' fields, then the lines' 税收分类编码.
 * A draft without specialBusiness has none. Paths: specialBusiness.rows.<i>.<key>, lines.<i>.taxCode.
 */
export function checkSpecialBusiness(draft: DraftWithSpecial, ctx: SpecialContext = {}): DraftIssue[] {
  const sb = draft.specialBusiness
  if (!sb) return []
  const issues: DraftIssue[] = []
  const add = (path: string, message: string) => issues.push({ path, message })
  const spec = specialKindSpec(sb.kind)
  const taxCodes = draft.lines.map((l) => l.taxCode.trim())

  if (sb.rows.length === 0) add('specialBusiness.rows', `请填写${spec.kind}的特定业务信息`)
  if (sb.rows.length > spec.maxRows)
    add(
      'specialBusiness.rows',
      spec.maxRows === 1
        ? `${spec.kind}只能填写 1 组特定业务信息（现为 ${sb.rows.length} 组）`
        : `${spec.kind}的特定业务信息不能超过 ${spec.maxRows} 行（现为 ${sb.rows.length} 行）`,
    )
  sb.rows.forEach((row, i) => {
    const where = spec.maxRows === 1 ? `${spec.kind}：` : `${spec.kind}第 ${i + 1} 行：`
    checkRow(spec, row, taxCodes, ctx, (key, message) => add(`specialBusiness.rows.${i}.${key}`, `${where}${message}`))
  })
  return [...issues, ...specialCodeIssues(draft)]
}
