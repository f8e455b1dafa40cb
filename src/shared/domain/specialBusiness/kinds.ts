// The five 特定业务 this app issues (issue 13), in the order the template's sheet 3 lists them.
import { construction } from './construction'
import { goodsTransport } from './goodsTransport'
import { passengerTransport } from './passengerTransport'
import { realEstateLease } from './realEstateLease'
import { realEstateSale } from './realEstateSale'
import type { SpecialKindSpec } from './types'

export const SPECIAL_KINDS = [construction, goodsTransport, realEstateSale, realEstateLease, passengerTransport] as const

export type SpecialKind = (typeof SPECIAL_KINDS)[number]['kind']
export const SPECIAL_KIND_NAMES = SPECIAL_KINDS.map((k) => k.kind) as [SpecialKind, ...SpecialKind[]]

export function specialKindSpec(kind: SpecialKind): SpecialKindSpec<SpecialKind> {
  return SPECIAL_KINDS.find((k) => k.kind === kind) as SpecialKindSpec<SpecialKind>
}

/** A kind typed by name, alias (the template's 不动产租赁) or 特定要素类型代码, or null. */
export function parseSpecialKind(text: string): SpecialKind | null {
  const t = text.trim()
  return SPECIAL_KINDS.find((k) => k.kind === t || k.code === t || k.aliases.includes(t))?.kind ?? null
}

/** The field key of a kind's column header (the template's row 3), for importers; null if unknown. */
export function specialFieldKey(kind: SpecialKind, header: string): string | null {
  const h = header.trim()
  return specialKindSpec(kind).fields.find((f) => f.label === h)?.key ?? null
}

/** The kinds whose allowed 税收分类编码 include this code (what the issuing screen may suggest). */
export function specialKindsOfCode(taxCode: string): SpecialKind[] {
  const code = taxCode.trim()
  return SPECIAL_KINDS.filter((k) => k.allowedCodes.some((c) => code.startsWith(c.prefix))).map((k) => k.kind)
}

/** “建筑服务（305…）、…”: the branches of the 税收分类编码表 a kind allows, as the rules and the issuing screen name them. */
export function allowedCodesText(kind: SpecialKind): string {
  return specialKindSpec(kind)
    .allowedCodes.map((c) => `${c.name}（${c.prefix}…）`)
    .join('、')
}
