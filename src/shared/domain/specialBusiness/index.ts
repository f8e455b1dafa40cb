// 特定业务 (issue 13): the five kinds, their fields, rules, allowed 税收分类编码 and print block —
// pure, shared by the issuing screen, the batch import, the core and the platform sandbox.
import { z } from 'zod'
import { SPECIAL_KIND_NAMES, SPECIAL_KINDS } from './kinds'
import type { SpecialBusiness } from './draft'

export { checkSpecialBusiness, specialCodeIssues, type DraftWithSpecial } from './check'
export type { SpecialBusiness } from './draft'
export { allowedCodesText, parseSpecialKind, SPECIAL_KIND_NAMES, SPECIAL_KINDS, specialFieldKey, specialKindSpec, specialKindsOfCode, type SpecialKind } from './kinds'
export { specialPrintBlock, type SpecialPrintBlock } from './print'
export { regionProblem } from './region'
export type { AllowedCode, SpecialContext, SpecialField, SpecialKindSpec, SpecialPrint, SpecialRow } from './types'

/** The most rows any kind may be given before checking (the platform's hard limit, template row 1). */
const ROWS_HARD_MAX = 5000

/**
 * The draft's `specialBusiness` (optional, null for a plain invoice). Field values are strings as
 * typed; checkSpecialBusiness judges them, so a draft being typed still saves.
 */
export const specialBusinessSchema = z
  .object({
    kind: z.enum(SPECIAL_KIND_NAMES, { error: `特定业务应为 ${SPECIAL_KINDS.map((k) => k.kind).join('、')}` }),
    rows: z.array(z.record(z.string(), z.string().max(1000, '特定业务的每一项不能超过 1000 个字符'))).max(ROWS_HARD_MAX, `特定业务信息不能超过 ${ROWS_HARD_MAX} 行`),
  })
  .nullable()
  .optional() satisfies z.ZodType<SpecialBusiness | null | undefined, unknown>
