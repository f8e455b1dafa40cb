// Login and tokens. A token is 32 random bytes shown once; the database keeps only its sha256, so
// a copy of platform.db opens no session. Tokens live 12 hours on the platform's clock.
// Failed logins are limited per 纳税人识别号 (LOGIN_LIMIT): past the limit every attempt — with the
// right password too — is 429 until the window has moved on, so a password cannot be guessed at
// speed; a success clears the count.
import { createHash, randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { LoginRequest, LoginResponse } from '../../shared/platform/wire'
import { toShanghaiIso } from '../clock'
import { PlatformError } from '../errors'
import { stmt } from '../store/statements'
import type { Ctx } from './context'
import { hashPassword, verifyPassword } from './passwords'
import { DEFAULT_LOGIN, findTaxpayer, taxpayerInfo } from './taxpayers'

export const TOKEN_TTL_MS = 12 * 3600 * 1000

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** compared against when the taxpayer is unknown, so a wrong ID costs the same time as a wrong password */
const DUMMY = hashPassword('never-a-password')

const WRONG = '纳税人识别号或密码不正确'

/** (assumed, the usual e-tax bureau practice) 5 failed logins within 15 minutes lock the 纳税人识别号 */
export const LOGIN_LIMIT = { failures: 5, windowMs: 15 * 60 * 1000 } as const

/** 429 with when to try again (the server sends it as Retry-After) */
export class TooManyLogins extends PlatformError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_ATTEMPTS', message)
  }
}

/**
 * The failed attempts per 纳税人识别号, on the platform's clock, kept in memory for each open platform
 * database (a restart forgets them, as a short lock-out may). Unknown IDs are counted too: the
 * limit must not tell which IDs exist.
 */
const failuresByDb = new WeakMap<Database.Database, Map<string, number[]>>()

function recentFailures(ctx: Ctx, taxId: string): number[] {
  let byTaxId = failuresByDb.get(ctx.db)
  if (!byTaxId) failuresByDb.set(ctx.db, (byTaxId = new Map()))
  const since = ctx.clock.now().getTime() - LOGIN_LIMIT.windowMs
  const recent = (byTaxId.get(taxId) ?? []).filter((t) => t > since)
  byTaxId.set(taxId, recent)
  return recent
}

function refuseWhileLocked(ctx: Ctx, taxId: string): void {
  const failures = recentFailures(ctx, taxId)
  if (failures.length < LOGIN_LIMIT.failures) return
  // open again once the oldest of the last `failures` attempts leaves the window
  const until = failures[failures.length - LOGIN_LIMIT.failures]! + LOGIN_LIMIT.windowMs
  const seconds = Math.max(1, Math.ceil((until - ctx.clock.now().getTime()) / 1000))
  const at = toShanghaiIso(new Date(until)).slice(11, 16)
  throw new TooManyLogins(
    `登录失败次数过多：纳税人识别号 ${taxId} 在 ${LOGIN_LIMIT.windowMs / 60_000} 分钟内密码错误 ${LOGIN_LIMIT.failures} 次，已暂停登录。请于 ${at}（约 ${Math.ceil(seconds / 60)} 分钟后）再试`,
    seconds,
  )
}

export function login(ctx: Ctx, input: LoginRequest): LoginResponse {
  const taxId = input.taxId.trim().toUpperCase()
  refuseWhileLocked(ctx, taxId)
  const taxpayer = findTaxpayer(ctx, taxId)
  const op = taxpayer
    ? (stmt(ctx.db, 'SELECT id, password_hash, salt FROM operators WHERE tax_id = ? AND login = ?').get(taxId, DEFAULT_LOGIN) as
        { id: number; password_hash: string; salt: string } | undefined)
    : undefined
  const ok = verifyPassword(input.password, op?.password_hash ?? DUMMY.hash, op?.salt ?? DUMMY.salt)
  if (!taxpayer || !op || !ok) {
    recentFailures(ctx, taxId).push(ctx.clock.now().getTime())
    throw new PlatformError('UNAUTHORIZED', WRONG)
  }
  failuresByDb.get(ctx.db)?.delete(taxId)

  const now = ctx.clock.now()
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS)
  ctx.db.transaction(() => {
    // expired sessions are of no use to anyone: sweep them while here
    stmt(ctx.db, 'DELETE FROM tokens WHERE expires_at <= ?').run(now.toISOString())
    stmt(ctx.db, 'INSERT INTO tokens (token_hash, tax_id, operator_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      hashToken(token),
      taxId,
      op.id,
      toShanghaiIso(now),
      expiresAt.toISOString(),
    )
  })()
  return { token, expiresAt: toShanghaiIso(expiresAt), taxpayer: taxpayerInfo(taxpayer) }
}

/** The taxpayer a bearer token belongs to; UNAUTHORIZED for none, unknown or expired. */
export function authenticate(ctx: Ctx, token: string | undefined): string {
  if (!token) throw new PlatformError('UNAUTHORIZED', '未登录：请先登录税务平台')
  const row = stmt(ctx.db, 'SELECT tax_id, expires_at FROM tokens WHERE token_hash = ?').get(hashToken(token)) as { tax_id: string; expires_at: string } | undefined
  if (!row) throw new PlatformError('UNAUTHORIZED', '登录凭证无效，请重新登录税务平台')
  if (row.expires_at <= ctx.clock.now().toISOString()) throw new PlatformError('UNAUTHORIZED', '登录已过期，请重新登录税务平台')
  return row.tax_id
}
