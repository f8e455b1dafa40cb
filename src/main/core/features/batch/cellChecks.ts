// One cell against its column of the template: required, the dropdown, the length of row 2, the
// number's precision. The first problem only: a bookkeeper fixes a cell once.
import { Dec, decimalPlaces } from '../../../../shared/domain/invoice'
import { charLength } from '../../../../shared/domain/text'
import type { BatchColumn } from './templateSpec'

const NUMBER = /^-?\d+(\.\d+)?$/
/** dropdowns this long are named by where to pick from, not listed */
const LISTED_OPTIONS = 8

const label = (column: BatchColumn) => column.header.replace(/\s+/g, '')

export function cellIssue(column: BatchColumn, value: string, required: boolean): string | null {
  const name = label(column)
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
  return null
}

function optionIssue(name: string, value: string, options: readonly string[]): string {
  if (options.length <= LISTED_OPTIONS) return `${name}「${value}」应为${options.map((o) => `“${o}”`).join('、')}之一`
  return `${name}「${value}」不在模板的下拉选项中：请从下拉列表中选择`
}
