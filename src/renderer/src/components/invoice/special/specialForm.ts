// What the issuing screen's 特定业务 block needs beyond the shared specs: an empty row of a kind, whether
// anything was typed (changing the kind then asks first).
import { specialKindSpec, type SpecialBusiness, type SpecialKind, type SpecialRow } from '../../../../../shared/domain/specialBusiness'

/** Every field of the kind present and empty, so the inputs can bind to them. */
export function blankSpecialRow(kind: SpecialKind): SpecialRow {
  return Object.fromEntries(specialKindSpec(kind).fields.map((f) => [f.key, '']))
}

/** A new 特定业务 of this kind: one empty row (a 运输 list starts with one trip). */
export function blankSpecial(kind: SpecialKind): SpecialBusiness {
  return { kind, rows: [blankSpecialRow(kind)] }
}

export const rowTyped = (row: SpecialRow): boolean => Object.values(row).some((v) => v.trim() !== '')

/** Something was typed into the block: dropping it (another kind, 无) asks first. */
export function specialTyped(sb: SpecialBusiness | null | undefined): boolean {
  return !!sb && sb.rows.some(rowTyped)
}

/**
 * An opened draft's 特定业务 as the block binds it: every field of its kind present in every row (a
 * file may lack some), and at least one row to type into.
 */
export function completeSpecial(sb: SpecialBusiness | null | undefined): SpecialBusiness | null {
  if (!sb) return null
  const blank = blankSpecialRow(sb.kind)
  return { kind: sb.kind, rows: sb.rows.length > 0 ? sb.rows.map((r) => ({ ...blank, ...r })) : [blank] }
}

/**
 * Up to `max` names of the 行政区划 list holding every typed character in order, so a short typing
 * finds the county (北京朝阳 → 北京市朝阳区, 石家庄长安 → 河北省石家庄市长安区); list order kept.
 */
export function matchRegions(list: readonly string[], text: string, max: number): string[] {
  const typed = [...text.trim()]
  const out: string[] = []
  for (const name of list) {
    let at = 0
    for (const ch of name) if (ch === typed[at]) at++
    if (at === typed.length) out.push(name)
    if (out.length === max) break
  }
  return out
}
