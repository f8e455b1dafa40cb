// Stable error codes of the contract. Programs branch on these; people read `message`.
export const ERROR_CODES = [
  'VALIDATION', // the input breaks a rule; details name the fields
  'NOT_FOUND',
  'CONFLICT', // a duplicate, or a change the current state forbids
  'LIMIT', // a count or size limit (10 附加要素, 50 MB, 200,000 rows)
  'IN_USE', // the record is referenced by another and cannot be removed
  'FILE_INVALID', // not a readable spreadsheet / data file
  'CANCELLED', // a long job was cancelled by the user
  'NO_COMPANY', // no company is set up or selected yet
  'LEDGER_TOO_NEW', // the ledger was written by a newer version of the app
  'UNKNOWN_CALL',
  'UNAUTHORIZED',
  'QUOTA_EXCEEDED',
  'PLATFORM_REJECTED',
  'OFFLINE',
  'MAIL_REJECTED', // the user's mail server refused the login or the message (交付 by e-mail)
  'SETTINGS_DAMAGED', // platform.json is there but unreadable: sync refuses until 平台连接 is saved again
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorBody {
  code: ErrorCode
  message: string
  details?: unknown
}

export interface FieldIssue {
  path: string
  message: string
}
