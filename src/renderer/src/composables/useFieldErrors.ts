// Errors shown next to the inputs: from the shared zod schema before sending (the same rules the
// core applies), then from the core's answer (duplicates, codes not in the table).
import { reactive } from 'vue'
import type { z } from 'zod'
import { ApiError } from '../api'

export function useFieldErrors() {
  const errors = reactive<Record<string, string>>({})

  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }

  /** true when the form passes the schema; otherwise the messages are set per field */
  function check(schema: z.ZodType, value: unknown): boolean {
    clear()
    const r = schema.safeParse(value)
    if (r.success) return true
    for (const i of r.error.issues) errors[String(i.path[0] ?? '')] ??= i.message
    return false
  }

  /** takes an error from the core: true when it named fields (shown inline) */
  function fromError(e: unknown): boolean {
    if (!(e instanceof ApiError)) return false
    const fields = e.fieldErrors()
    Object.assign(errors, fields)
    return Object.keys(fields).length > 0
  }

  return { errors, clear, check, fromError }
}
