// Login and tokens. A token is 32 random bytes shown once; the database keeps only its sha256, so
// a copy of platform.db opens no session. Tokens live 12 hours on the platform's clock.
import { createHash, randomBytes } from 'node:crypto'
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

export function login(ctx: Ctx, input: LoginRequest): LoginResponse {
  const taxId = input.taxId.trim().toUpperCase()
  const taxpayer = findTaxpayer(ctx, taxId)
  const op = taxpayer
    ? (stmt(ctx.db, 'SELECT id, password_hash, salt FROM operators WHERE tax_id = ? AND login = ?').get(taxId, DEFAULT_LOGIN) as
        | { id: number; password_hash: string; salt: string }
        | undefined)
    : undefined
  const ok = verifyPassword(input.password, op?.password_hash ?? DUMMY.hash, op?.salt ?? DUMMY.salt)
  if (!taxpayer || !op || !ok) throw new PlatformError('UNAUTHORIZED', WRONG)

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
  const row = stmt(ctx.db, 'SELECT tax_id, expires_at FROM tokens WHERE token_hash = ?').get(hashToken(token)) as
    | { tax_id: string; expires_at: string }
    | undefined
  if (!row) throw new PlatformError('UNAUTHORIZED', '登录凭证无效，请重新登录税务平台')
  if (row.expires_at <= ctx.clock.now().toISOString()) throw new PlatformError('UNAUTHORIZED', '登录已过期，请重新登录税务平台')
  return row.tax_id
}
