// Platform passwords sealed with Electron's safeStorage (the OS keychain: DPAPI, Keychain, libsecret)
// where it is available. Where it is not (safeStorage.isEncryptionAvailable() false: a Linux
// without a keyring) they are kept as typed in the 0600 platform.json, and the seal says so
// (`available()`), so 平台连接 can warn. A password sealed on this machine opens only here.
import type { SecretSeal } from '../core/sync/connectionFile'

/** the part of Electron's safeStorage this needs */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(sealed: Buffer): string
}

const PREFIX = 'sealed:'

export function safeStorageSeal(safeStorage: SafeStorageLike): SecretSeal {
  return {
    available: () => safeStorage.isEncryptionAvailable(),
    seal: (plain) => (safeStorage.isEncryptionAvailable() ? `${PREFIX}${safeStorage.encryptString(plain).toString('base64')}` : plain),
    open: (stored) => (stored.startsWith(PREFIX) ? safeStorage.decryptString(Buffer.from(stored.slice(PREFIX.length), 'base64')) : stored),
  }
}
