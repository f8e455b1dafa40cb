// One cell against its column of the template: required, the dropdown, the length of row 2, the
// number's precision, the 行政区划 list when one is supplied. The first problem only: a bookkeeper
// fixes a cell once.
import { Dec, decimalPlaces } from '../../../../shared/domain/invoice'
import { charLength } from '../../../../shared/domain/text'
import type { BatchColumn, RegionLists } from './templateSpec'

const NUMBER = /^-?\d+(\.\d+)?$/
/** dropdowns this long are named by where to pick from, not listed */
const LISTED_OPTIONS = 8

const label = (column: BatchColumn, header?: string) => header ?? column.header.replace(/\s+/g, '')

export function cellIssue(column: BatchColumn, value: string, required: boolean, regions: RegionLists, header?: string): string | null {
  const name = label(column, header)
  if (value === '') return required ? `请填写${name}` : null
  if (column.options) return column.options.includes(value) ? null : optionIssue(name, value, column.options)
  const n = charLength(value)
  if (n > column.max) return `${name}不能超过 ${column.max} 个字符（现为 ${n} 个）`
  if (column.number) {
    const hint = column.hint ? `（${column.hint}）` : ''
    if (!NUMBER.test(value)) return `${name}「${value}」应为数字${hint}`
    if (column.number.money && new Dec(value).isNegative()) return `${name}「${value}」不能为负数`
    if (decimalPlaces(value) > column.number.decimals)
      return column.number.decimals === 0 ? `${name}「${value}」应为整数` : `${name}「${value}」最多保留 ${column.number.decimals} 位小数`
  }
  const list = column.regions && regions[column.regions.list]
  if (column.regions && list && !inRegions(list, value, column.regions.match)) {
    return column.regions.match === 'exact'
      ? `${name}「${value}」不是${column.regions.list}中的名称：请从下拉列表中选择（须到县、市、区）`
      : `${name}「${value}」应以${column.regions.list}名称开头（须到县、市、区），其后可填写具体地址`
  }
  return null
}

function optionIssue(name: string, value: string, options: readonly string[]): string {
  if (options.length <= LISTED_OPTIONS) return `${name}「${value}」应为${options.map((o) => `“${o}”`).join('、')}之一`
  return `${name}「${value}」不在模板的下拉选项中：请从下拉列表中选择`
}

function inRegions(list: ReadonlySet<string>, value: string, match: 'exact' | 'prefix'): boolean {
  if (list.has(value)) return true
  if (match === 'exact') return false
  const chars = [...value]
  for (let n = chars.length - 1; n > 0; n--) if (list.has(chars.slice(0, n).join(''))) return true
  return false
}

/** 合计（限N字符): two columns that share one length */
export function sharedIssue(a: BatchColumn, aValue: string, bValue: string, header?: string): string | null {
  if (!a.sharedMax) return null
  const n = charLength(aValue) + charLength(bValue)
  return n > a.sharedMax.total ? `${label(a, header)}与其详细地址合计不能超过 ${a.sharedMax.total} 个字符（现为 ${n} 个）` : null
}

/** 'YYYYMMDD' (or with 'HHmm' when `minutes`) naming a real day and time */
export function isStamp(text: string, minutes: boolean): boolean {
  const m = (minutes ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/ : /^(\d{4})(\d{2})(\d{2})$/).exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const day = new Date(Date.UTC(y, mo - 1, d))
  const dayOk = day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d
  return dayOk && (!minutes || (Number(m[4]) < 24 && Number(m[5]) < 60))
}
