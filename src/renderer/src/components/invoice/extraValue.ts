// The content of a 附加要素 checked against its data type (DOMAIN.md §7: 文本, 数值, 日期). The
// draft records only name and content, so these checks run on the issuing screen, where the types
// are known from 附加要素信息维护.
import type { ExtraType } from '../../../../shared/api/extras'

const NUMBER = /^-?\d+(\.\d+)?$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function realDate(text: string): boolean {
  const m = DATE.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** null when the content fits the type; blank content is left to the invoice's own rules */
export function extraValueProblem(type: ExtraType | undefined, value: string): string | null {
  const v = value.trim()
  if (v === '') return null
  if (type === '数值' && !NUMBER.test(v)) return '应为数字，例如 1280 或 12.5'
  if (type === '日期' && !realDate(v)) return '应为日期，格式 YYYY-MM-DD，例如 2024-05-14'
  return null
}

export const EXTRA_PLACEHOLDER: Record<ExtraType, string> = {
  文本: '',
  数值: '数字，例如 1280',
  日期: 'YYYY-MM-DD',
}
