// How a feature declares a call: an input schema (validated in the core, whatever the transport)
// and the output type (a phantom: it exists for the compiler only).
import { z } from 'zod'
import { chineseIssue } from './zodChinese'

// Every side that declares or checks calls imports this file — the core, the renderer's forms, the
// CLI — so each gets zod's own refusals in Chinese, naming the field, whatever parse it runs.
z.config({ customError: chineseIssue })

export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I
  /** never set at run time; carries the output type */
  readonly output?: O
}

export function call<I extends z.ZodType>(input: I) {
  return { returns: <O>(): CallSpec<I, O> => ({ input }) }
}

/** Paging as every list call takes it; paging happens in the core, never in the browser. */
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(500).default(20),
}

export interface Page<T> {
  total: number
  rows: T[]
}

/** A long job's id, chosen by the caller so it can follow progress and cancel before the call returns. */
export const jobId = z.string().min(1).max(64).optional()

/** An opaque token for a file the user chose (upload / native dialog) or a file the core produced. */
export const fileToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '文件标识无效')

export interface FileRef {
  token: string
  name: string
}

export const idList = z.array(z.number().int().positive()).min(1, '请至少选择一条记录').max(10_000, '一次最多删除 10,000 条记录')
