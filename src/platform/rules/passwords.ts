// Operator passwords: scrypt with a random salt per password; compared in constant time.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

const KEY_LENGTH = 32

export function hashPassword(password: string): { hash: string; salt: string } {
  const salt = randomBytes(16).toString('hex')
  return { hash: scryptSync(password, salt, KEY_LENGTH).toString('hex'), salt }
}

export function verifyPassword(password: string, hash: string, salt: string): boolean {
  const expected = Buffer.from(hash, 'hex')
  const actual = scryptSync(password, salt, KEY_LENGTH)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
