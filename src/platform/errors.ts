// A refusal of the platform: a stable code (wire.ts PLATFORM_ERROR_CODES), its HTTP status and a
// Chinese message fit to show the bookkeeper. The server turns it into { error: { … } }.
import type { PlatformErrorBody, PlatformErrorCode } from '../shared/platform/wire'

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
  TOO_LARGE: 413,
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

/** Issues of a zod failure or the domain's validateDraft, as one VALIDATION refusal. */
export function validationFailure(summary: string, issues: PlatformIssue[]): PlatformError {
  const shown = issues.slice(0, 3).map((i) => i.message)
  const more = issues.length > 3 ? `等 ${issues.length} 处问题` : ''
  return new PlatformError('VALIDATION', `${summary}：${shown.join('；')}${more}`, issues)
}

/** Anything thrown below the rules, in the wire's shape (SQLite busy = try later). */
export function toPlatformError(e: unknown): PlatformError {
  if (e instanceof PlatformError) return e
  const code = (e as { code?: unknown } | null)?.code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new PlatformError('INTERNAL', '平台繁忙，请稍后重试')
  return new PlatformError('INTERNAL', `平台内部错误：${e instanceof Error ? e.message : String(e)}`)
}
