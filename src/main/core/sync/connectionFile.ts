// Where the app finds the platform and how each company logs in: <dataDir>/platform.json, written
// with mode 0600 (web and CLI mode). In Electron the host passes a `SecretSeal` backed by
// safeStorage, so passwords in the file are sealed by the OS keychain rather than readable text.
import fs from 'node:fs'
import path from 'node:path'

/** Electron's safeStorage (or any keychain): seal and open a secret as text. */
export interface SecretSeal {
  seal(plain: string): string
  open(sealed: string): string
}

export interface ConnectionConfig {
  /** null: the embedded sandbox */
  url: string | null
  /**
   * platform identity ('embedded' or the URL) → 纳税人识别号 → password (sealed when a SecretSeal is
   * given): the sandbox's generated password never goes to another platform, nor the other way
   */
  passwords: Record<string, Record<string, string>>
  /** the taxpayers this app registered on its embedded sandbox (their passwords are generated) */
  provisioned: string[]
  /** the two demo counterparties were added (embedded mode, once) */
  demoAdded: boolean
}

/** the identity of the embedded sandbox (its URL changes from run to run) */
export const EMBEDDED = 'embedded'
export const identityOf = (url: string | null) => url ?? EMBEDDED

const EMPTY: ConnectionConfig = { url: null, passwords: {}, provisioned: [], demoAdded: false }

export interface ConnectionFile {
  read(): ConnectionConfig
  write(c: ConnectionConfig): void
  password(c: ConnectionConfig, identity: string, taxId: string): string | null
  withPassword(c: ConnectionConfig, identity: string, taxId: string, password: string): ConnectionConfig
}

export function connectionFile(dataDir: string, seal?: SecretSeal): ConnectionFile {
  const file = path.join(dataDir, 'platform.json')
  return {
    read() {
      try {
        return { ...EMPTY, ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ConnectionConfig>) }
      } catch {
        return { ...EMPTY }
      }
    },
    write(c) {
      fs.mkdirSync(dataDir, { recursive: true })
      // written whole then renamed: a crash leaves the old file or the new one, never half
      const tmp = `${file}.tmp`
      fs.writeFileSync(tmp, JSON.stringify(c, null, 2), { mode: 0o600 })
      fs.chmodSync(tmp, 0o600)
      fs.renameSync(tmp, file)
    },
    password(c, identity, taxId) {
      const stored = c.passwords[identity]?.[taxId]
      if (stored === undefined) return null
      return seal ? seal.open(stored) : stored
    },
    withPassword(c, identity, taxId, password) {
      const sealed = seal ? seal.seal(password) : password
      return { ...c, passwords: { ...c.passwords, [identity]: { ...c.passwords[identity], [taxId]: sealed } } }
    },
  }
}
