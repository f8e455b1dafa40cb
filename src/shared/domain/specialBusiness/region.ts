// 行政区划 fields: the template fills them from its hidden list of county-level names (“北京市怀柔区”,
// plus 境外 and 境内海域). The list is national reference data the caller supplies (SpecialContext);
// without it we can only check that the name begins with a province-level name.
import { REGIONS } from '../regions'
import type { SpecialContext } from './types'

/** Names in the list that are not under a province (the template's own entries). */
const OUTSIDE = ['境外', '境内海域'] as const

/** Province-level names: regions.ts without the 计划单列市, plus 台湾省 and the two SARs (template list). */
const PROVINCES: readonly string[] = [...REGIONS.filter((r) => r.code.length === 2).map((r) => r.name), '台湾省', '香港特别行政区', '澳门特别行政区']

// the list's names have a handful of lengths: look a prefix up by each length, not by scanning
const lengthsOf = new WeakMap<ReadonlySet<string>, number[]>()
function nameLengths(list: ReadonlySet<string>): number[] {
  let lengths = lengthsOf.get(list)
  if (!lengths) {
    lengths = [...new Set([...list].map((n) => n.length))].sort((a, b) => b - a)
    lengthsOf.set(list, lengths)
  }
  return lengths
}

/**
 * Why a 行政区划 value is not acceptable, or null. 'exact': a name of the list; 'prefix': a name of
 * the list, then optionally a detailed address.
 */
export function regionProblem(label: string, value: string, mode: 'exact' | 'prefix', ctx: SpecialContext): string | null {
  const list = ctx.regions
  if (list) {
    if (list.has(value)) return null
    if (mode === 'prefix' && nameLengths(list).some((n) => n < value.length && list.has(value.slice(0, n)))) return null
    return mode === 'exact'
      ? `${label}“${value}”不在行政区划列表中，请从列表选择（含县（市、区），如“北京市怀柔区”）`
      : `${label}“${value}”应以行政区划名称开头（含县（市、区），如“北京市怀柔区”），其后可接具体地址`
  }
  if ((OUTSIDE as readonly string[]).includes(value)) return null
  const province = PROVINCES.find((p) => value.startsWith(p))
  if (!province) return `${label}“${value}”应以省级行政区划名称开头（如“北京市”“河北省”），并填写到县（市、区）`
  if (value === province) return `${label}应填写到县（市、区），如“${province}……区（县）”`
  return null
}
