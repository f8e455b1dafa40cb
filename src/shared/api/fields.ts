// Field schemas with the Chinese messages a bookkeeper sees next to the input.
import { z } from 'zod'
import { charLength, normalizeCode } from '../domain/text'

const lengthOk = (max: number) => (s: string) => charLength(s) <= max

/** Optional text: trimmed (full-width spaces too), '' when absent, at most `max` characters. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .refine(lengthOk(max), `${label}不能超过 ${max} 个字符`)
    .optional()
    .transform((s) => s ?? '')
}

export function requiredText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine(lengthOk(max), `${label}不能超过 ${max} 个字符`)
}

/** An identifier: half-width, upper case, spaces removed before it is checked. */
export function codeText(label: string, max: number) {
  return z
    .string()
    .optional()
    .transform((s) => normalizeCode(s ?? ''))
    .refine(lengthOk(max), `${label}不能超过 ${max} 个字符`)
}

/**
 * A non-negative decimal as text (数量/单价: ≤ 16 characters, ≤ 13 decimals, DOMAIN.md §1).
 * Leading zeros and a trailing decimal point are dropped so equal values compare equal.
 */
export function decimalText(label: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ?? '').replace(/，/g, ','))
    .superRefine((s, ctx) => {
      if (s === '') return
      if (!/^\d+(\.\d+)?$/.test(s)) ctx.addIssue({ code: 'custom', message: `${label}应为不小于 0 的数字` })
      else if ((s.split('.')[1] ?? '').length > 13) ctx.addIssue({ code: 'custom', message: `${label}最多保留 13 位小数` })
      else if (s.length > 16) ctx.addIssue({ code: 'custom', message: `${label}不能超过 16 个字符（含小数点）` })
    })
    .transform((s) => (s === '' ? null : canonicalDecimal(s)))
}

function canonicalDecimal(s: string): string {
  const [int = '0', frac = ''] = s.split('.')
  const i = int.replace(/^0+(?=\d)/, '')
  const f = frac.replace(/0+$/, '')
  return f ? `${i}.${f}` : i
}

const EMAIL = /^[^\s@，,;；<>"]+@[^\s@，,;；<>"]+\.[^\s@，,;；<>"]+$/
/** an e-mail address, named by `label` in the message */
export const emailOf = (label: string) => z.string().trim().max(200).regex(EMAIL, `${label}格式不正确，例如 name@example.com`)
