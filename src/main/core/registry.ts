// The core's handler registry: exactly one handler per contract call, every input validated
// with the call's schema before the handler runs, whatever the transport.
import { z } from 'zod'
import { api, isCallName, type CallName, type Output, type ParsedInput } from '../../shared/api'
import type { ApiErrorBody, FieldIssue } from '../../shared/api/errors'
import { controlCharIssues } from '../../shared/domain/controlChars'
import { fieldLabel } from '../../shared/api/labels'
import { chineseIssue } from '../../shared/api/zodChinese'
import type { CoreContext } from './context'
import { AppError, isAppError } from './errors'

export type Handler<N extends CallName> = (input: ParsedInput<N>, ctx: CoreContext) => Output<N> | Promise<Output<N>>

export interface Registry {
  handle<N extends CallName>(name: N, handler: Handler<N>): void
  dispatch(name: string, input: unknown, ctx: CoreContext): Promise<unknown>
  /** contract calls without a handler: start-up refuses to run with any */
  missing(): CallName[]
}

export function validationError(error: z.ZodError): AppError {
  return issuesError(error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })))
}

function issuesError(issues: FieldIssue[]): AppError {
  const shown = issues.slice(0, 3).map((i) => i.message)
  const more = issues.length > 3 ? `等 ${issues.length} 处问题` : ''
  return new AppError('VALIDATION', shown.join('；') + more, { issues })
}

export function createRegistry(): Registry {
  // one map for all calls; the handler type is checked where it is registered
  const handlers = new Map<string, (input: unknown, ctx: CoreContext) => unknown>()
  return {
    handle(name, handler) {
      if (handlers.has(name)) throw new Error(`duplicate handler for ${name}`)
      handlers.set(name, handler as (input: unknown, ctx: CoreContext) => unknown)
    },
    async dispatch(name, input, ctx) {
      if (!isCallName(name)) throw new AppError('UNKNOWN_CALL', `未知的调用：${name}`)
      const handler = handlers.get(name)
      if (!handler) throw new AppError('UNKNOWN_CALL', `尚未实现的调用：${name}`)
      // NUL and other control characters are refused in every text of every call (docs/domain-rules.md §1)
      const controls = controlCharIssues(input, fieldLabel)
      if (controls.length > 0) throw issuesError(controls)
      // the map is stated here too: the core never depends on who imported define.ts first
      const parsed = api[name].input.safeParse(input, { error: chineseIssue })
      if (!parsed.success) throw validationError(parsed.error)
      return handler(parsed.data, ctx)
    },
    missing() {
      return (Object.keys(api) as CallName[]).filter((n) => !handlers.has(n))
    },
  }
}

/** Every error leaves the core in this one shape. */
export function toErrorBody(e: unknown): ApiErrorBody {
  if (isAppError(e)) return { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) }
  const code = (e as { code?: unknown } | null)?.code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return { code: 'CONFLICT', message: '账簿正被另一个票税通窗口或命令占用，请稍后重试' }
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return { code: 'CONFLICT', message: '保存失败：与已有数据冲突（重复或仍被引用）' }
  const message = e instanceof Error ? e.message : String(e)
  return { code: 'INTERNAL', message: `程序内部错误：${message}` }
}

/** A handler that changes data: once it succeeds, open lists of these entities refresh. */
export function mutates<N extends CallName>(entities: string[], handler: Handler<N>): Handler<N> {
  return async (input, ctx) => {
    const result = await handler(input, ctx)
    for (const entity of entities) ctx.events.emit({ type: 'data.changed', entity })
    return result
  }
}
