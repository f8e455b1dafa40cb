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
  /** 纳税人识别号 → password (sealed when a SecretSeal is given) */
  passwords: Record<string, string>
  /** the taxpayers this app registered on its embedded sandbox (their passwords are generated) */
  provisioned: string[]
  /** the two demo counterparties were added (embedded mode, once) */
  demoAdded: boolean
}

const EMPTY: ConnectionConfig = { url: null, passwords: {}, provisioned: [], demoAdded: false }

export interface ConnectionFile {
  read(): ConnectionConfig
  write(c: ConnectionConfig): void
  password(c: ConnectionConfig, taxId: string): string | null
  withPassword(c: ConnectionConfig, taxId: string, password: string): ConnectionConfig
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
    password(c, taxId) {
      const stored = c.passwords[taxId]
      if (stored === undefined) return null
      return seal ? seal.open(stored) : stored
    },
    withPassword(c, taxId, password) {
      return { ...c, passwords: { ...c.passwords, [taxId]: seal ? seal.seal(password) : password } }
    },
  }
}
