// Idempotency-Key (docs/platform-api.md): the first successful answer to a key is stored in the same
// transaction as the change it made, so a repeat — a retry after a lost response, even after a
// restart — gets that answer again and changes nothing. The same key with another request is a
// client bug and is refused. Refusals are not stored: they changed nothing, so the same request
// may be sent again with its key once the cause is fixed (e.g. the quota raised).
import { createHash } from 'node:crypto'
import { toShanghaiIso } from '../clock'
import { PlatformError } from '../errors'
import { stmt } from '../store/statements'
import type { Ctx } from './context'

export interface StoredResponse {
  status: number
  body: string
}

/** JSON with object keys sorted: the same request hashes alike however a client orders its keys. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('hex')
}

/** A key as the header gives it: required, 1–200 visible ASCII characters. */
export function checkKey(key: string | undefined): string {
  if (key === undefined || key.trim() === '') throw new PlatformError('IDEMPOTENCY_KEY_REQUIRED', '缺少幂等键（Idempotency-Key）：每个修改数据的请求都须带一个，重试时使用同一个')
  if (!/^[\x21-\x7e]{1,200}$/.test(key))
    throw new PlatformError('VALIDATION', '幂等键（Idempotency-Key）应为 1–200 个可见 ASCII 字符', [{ path: 'Idempotency-Key', message: '格式不正确' }])
  return key
}

/** The stored answer for a repeat of this request, null for a new key; IDEMPOTENCY_MISMATCH for a reused one. */
export function replayOf(ctx: Ctx, taxId: string, key: string, hash: string): StoredResponse | null {
  const row = stmt(ctx.db, 'SELECT request_hash, status, body FROM idempotency WHERE tax_id = ? AND key = ?').get(taxId, key) as
    { request_hash: string; status: number; body: string } | undefined
  if (!row) return null
  if (row.request_hash !== hash) throw new PlatformError('IDEMPOTENCY_MISMATCH', `幂等键 ${key} 已用于另一个不同内容的请求；新的请求须使用新的幂等键`)
  return { status: row.status, body: row.body }
}

export function recordResponse(ctx: Ctx, taxId: string, key: string, hash: string, response: StoredResponse, at: string): void {
  stmt(ctx.db, 'INSERT INTO idempotency (tax_id, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(taxId, key, hash, response.status, response.body, at)
}

export interface KeyedRequest {
  method: string
  path: string
  body: unknown
}

/**
 * One mutating call under its key: the stored answer for a repeat, else `work` and the record of its
 * answer in one transaction. `key` null = an admin call that keeps no record (the CLI's mark-booked).
 * `work` throws PlatformError to refuse; the transaction then leaves nothing behind.
 */
export function runIdempotent(ctx: Ctx, taxId: string, key: string | null, request: KeyedRequest, work: () => StoredResponse): StoredResponse & { replayed: boolean } {
  const hash = requestHash(request.method, request.path, request.body)
  return ctx.db
    .transaction(() => {
      const earlier = key === null ? null : replayOf(ctx, taxId, key, hash)
      if (earlier) return { ...earlier, replayed: true }
      const response = work()
      if (key !== null) recordResponse(ctx, taxId, key, hash, response, toShanghaiIso(ctx.clock.now()))
      return { ...response, replayed: false }
    })
    .immediate()
}
