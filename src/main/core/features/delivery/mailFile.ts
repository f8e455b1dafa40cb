// 邮件设置: <dataDir>/mail.json, the user's SMTP server and sender, this user only (0600) and
// replaced whole (privateFile.ts). The password is sealed with the OS keychain when the host gives
// a SecretSeal (Electron safeStorage) and the OS has one; otherwise it is kept as typed, and
// settings.mail.get says which (as 平台连接 does for platform.json).
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { MailSettings } from '../../../../shared/api/settings'
import { writePrivateFile } from '../../privateFile'
import type { SecretSeal } from '../../sync/connectionFile'

const stored = z.object({
  host: z.string(),
  port: z.number().int(),
  secure: z.boolean(),
  user: z.string(),
  /** sealed (when `sealed`) or as typed; '' = none */
  password: z.string(),
  sealed: z.boolean(),
  fromName: z.string(),
  fromAddress: z.string(),
})
export type StoredMail = z.output<typeof stored>

/** the settings with the password opened: what a transport needs */
export interface SmtpSettings {
  host: string
  port: number
  secure: boolean
  user: string
  password: string
  fromName: string
  fromAddress: string
}

export interface MailFile {
  readonly path: string
  /** null when nothing is saved (or the file is not of this app's shape: it is saved over) */
  read(): SmtpSettings | null
  write(s: SmtpSettings): void
  view(s: SmtpSettings | null): MailSettings
}

export function mailFile(dataDir: string, seal?: SecretSeal): MailFile {
  const file = path.join(dataDir, 'mail.json')
  const keychain = () => seal !== undefined && (seal.available?.() ?? true)
  return {
    path: file,
    read() {
      let parsed: StoredMail
      try {
        parsed = stored.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
      } catch {
        return null
      }
      const { sealed, ...rest } = parsed
      return { ...rest, password: sealed && seal && rest.password ? seal.open(rest.password) : rest.password }
    },
    write(s) {
      const sealed = keychain() && s.password !== ''
      const password = sealed ? seal!.seal(s.password) : s.password
      writePrivateFile(file, JSON.stringify({ ...s, password, sealed } satisfies StoredMail, null, 2))
    },
    view(s) {
      return {
        host: s?.host ?? '',
        port: s?.port ?? 465,
        secure: s?.secure ?? true,
        user: s?.user ?? '',
        hasPassword: (s?.password ?? '') !== '',
        fromName: s?.fromName ?? '',
        fromAddress: s?.fromAddress ?? '',
        passwordProtection: keychain() ? 'keychain' : 'file',
        configured: !!s && s.host !== '' && s.fromAddress !== '',
      }
    },
  }
}
