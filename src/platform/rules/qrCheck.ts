// The QR's 4-hex check value. The real platform's algorithm is not public (DOMAIN.md §6); the
// sandbox's is the first 4 hex digits of an HMAC-SHA256 over the rest of the payload, keyed by a
// secret made once per sandbox and kept in its settings — so a payload another sandbox made, or
// one with a changed amount, does not check.
import { createHmac, randomBytes } from 'node:crypto'
import { qrSignedPart, type QrFields } from '../../shared/domain/qr'
import { stmt } from '../store/statements'
import type { Ctx } from './context'

const SECRET_KEY = 'qr.secret'

const secrets = new WeakMap<Ctx['db'], string>()

function secretOf(ctx: Ctx): string {
  let secret = secrets.get(ctx.db)
  if (secret === undefined) {
    // first use writes it; a second process racing here keeps the first one written
    stmt(ctx.db, 'INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(SECRET_KEY, randomBytes(32).toString('hex'))
    secret = (stmt(ctx.db, 'SELECT value FROM settings WHERE key = ?').get(SECRET_KEY) as { value: string }).value
    secrets.set(ctx.db, secret)
  }
  return secret
}

export function qrCheck(ctx: Ctx, fields: Omit<QrFields, 'check'>): string {
  return createHmac('sha256', secretOf(ctx)).update(qrSignedPart(fields)).digest('hex').slice(0, 4).toUpperCase()
}
