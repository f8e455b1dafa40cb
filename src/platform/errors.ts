// A refusal of the platform: a stable code (wire.ts PLATFORM_ERROR_CODES), its HTTP status and a
// Chinese message fit to show the bookkeeper. The server turns it into { error: { … } }.
import { z } from 'zod'
import type { PlatformErrorBody, PlatformErrorCode } from '../shared/platform/wire'
import { chineseIssue } from '../shared/api/zodChinese'

export type PlatformIssue = { path: string; message: string }

const STATUS: Record<PlatformErrorCode, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  IDEMPOTENCY_MISMATCH: 409,
  QUOTA_EXCEEDED: 422,
  CONFLICT: 409,
  RED_NOT_ALLOWED: 422,
  EXPIRED: 409,
  TOO_LARGE: 413,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
}

export class PlatformError extends Error {
  readonly status: number
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    readonly issues?: PlatformIssue[],
  ) {
    super(message)
    this.name = 'PlatformError'
    this.status = STATUS[code]
  }

  toBody(): PlatformErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } }
  }
}

/**
 * Issues of a zod failure or the domain's rules, as one refusal: VALIDATION, or RED_NOT_ALLOWED for
 * red lines the rules of DOMAIN.md §4 refuse.
 */
export function validationFailure(summary: string, issues: PlatformIssue[], code: 'VALIDATION' | 'RED_NOT_ALLOWED' = 'VALIDATION'): PlatformError {
  const shown = issues.slice(0, 3).map((i) => i.message)
  const more = issues.length > 3 ? `等 ${issues.length} 处问题` : ''
  return new PlatformError(code, `${summary}：${shown.join('；')}${more}`, issues)
}

/** Anything thrown below the rules, in the wire's shape (SQLite busy = try later). */
export function toPlatformError(e: unknown): PlatformError {
  if (e instanceof PlatformError) return e
  const code = (e as { code?: unknown } | null)?.code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new PlatformError('INTERNAL', '平台繁忙，请稍后重试')
  return new PlatformError('INTERNAL', `平台内部错误：${e instanceof Error ? e.message : String(e)}`)
}

/** A request part of the wire's shape, or VALIDATION naming each field. */
export function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown, summary = '请求内容不正确'): T {
  const r = schema.safeParse(value, { error: chineseIssue })
  if (!r.success)
    throw validationFailure(
      summary,
      r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    )
  return r.data
}
