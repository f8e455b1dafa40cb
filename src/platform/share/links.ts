// 发票二维码交付 (manual §1.1.10): the seller or the buyer asks for a link the other party opens on
// a phone, without logging in, to fetch the invoice's PDF/OFD/XML. So the link is the only key:
// 32 random bytes (256 bits) shown once, only their sha256 kept (a copy of platform.db opens no
// link). It lives SHARE_TTL_MS on the platform's clock.
import { createHash, randomBytes } from 'node:crypto'
import type { PlatformInvoice } from '../../shared/platform/wire'
import { toShanghaiIso } from '../clock'
import type { Ctx } from '../rules/context'
import { getInvoice } from '../rules/invoices'
import { stmt } from '../store/statements'

/**
 * (assumed) 24 hours: long enough for the buyer to scan it the day it is handed over and fetch the
 * files again the next morning; short, so a photographed or forwarded code soon opens nothing. A new
 * link can be asked for at any time.
 */
export const SHARE_TTL_MS = 24 * 3600 * 1000
/** expired links are kept this long (their page says 已过期, not 不存在), then deleted */
const KEEP_EXPIRED_MS = 7 * 24 * 3600 * 1000

/** 43 base64url characters: what randomBytes(32) gives; anything else is not looked up */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{43}$/

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex')

export interface ShareLink {
  token: string
  /** +08:00 */
  expiresAt: string
}

/** a new link to an invoice the caller is a party to (NOT_FOUND otherwise, as for reading it) */
export function createShareLink(ctx: Ctx, taxId: string, number: string): ShareLink {
  const invoice = getInvoice(ctx, taxId, number)
  const now = ctx.clock.now().getTime()
  const token = randomBytes(32).toString('base64url')
  const expires = new Date(now + SHARE_TTL_MS)
  ctx.db.transaction(() => {
    stmt(ctx.db, 'DELETE FROM share_links WHERE expires_at < ?').run(new Date(now - KEEP_EXPIRED_MS).toISOString())
    stmt(ctx.db, 'INSERT INTO share_links (token_hash, number, tax_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      hashOf(token),
      invoice.number,
      taxId,
      toShanghaiIso(new Date(now)),
      expires.toISOString(),
    )
  })()
  return { token, expiresAt: toShanghaiIso(expires) }
}

export type SharedInvoice = { state: 'open'; invoice: PlatformInvoice; expiresAt: string } | { state: 'expired' } | { state: 'unknown' }

/** what a link opens now: the invoice (read as the party that made the link), or why not */
export function openShareLink(ctx: Ctx, token: string): SharedInvoice {
  if (!SHARE_TOKEN.test(token)) return { state: 'unknown' }
  const row = stmt(ctx.db, 'SELECT number, tax_id, expires_at FROM share_links WHERE token_hash = ?').get(hashOf(token)) as
    { number: string; tax_id: string; expires_at: string } | undefined
  if (!row) return { state: 'unknown' }
  if (row.expires_at <= ctx.clock.now().toISOString()) return { state: 'expired' }
  return { state: 'open', invoice: getInvoice(ctx, row.tax_id, row.number), expiresAt: toShanghaiIso(new Date(row.expires_at)) }
}
