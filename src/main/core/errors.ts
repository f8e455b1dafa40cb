// Errors that cross the boundary (IPC, HTTP, CLI) as { code, message, details }.
// `code` is stable for programs; `message` is Chinese, fit to show a bookkeeper as is.
import type { ErrorCode } from '../../shared/api/errors'

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}
