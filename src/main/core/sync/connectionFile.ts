// Where the app finds the platform and how each company logs in: <dataDir>/platform.json, this
// user's only (0600) and replaced whole (privateFile.ts). In Electron the host passes a `SecretSeal`
// backed by safeStorage, so passwords in the file are sealed by the OS keychain rather than
// readable text; without one (web and CLI mode, or no keychain) they are kept as typed.
//
// A missing file means the embedded sandbox. A file that is there but cannot be read or is not
// what this app writes is *damaged*: it may have named a real platform, so nothing may guess —
// every read refuses (SETTINGS_DAMAGED, saying where the file is) and nothing writes over it until
// the user saves 平台连接 again, and then the damaged file is kept beside the new one.
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { toShanghaiIso } from '../../../shared/domain/time'
import { AppError } from '../errors'
import { PRIVATE_MODE, syncDir, writePrivateFile } from '../privateFile'

/** Electron's safeStorage (or any keychain): seal and open a secret as text. */
export interface SecretSeal {
  seal(plain: string): string
  open(sealed: string): string
  /** false when the OS offers no keychain (safeStorage.isEncryptionAvailable()): secrets stay as typed */
  available?(): boolean
}

/** how the saved passwords are protected: sealed by the OS keychain, or only by the file's 0600 mode */
export type PasswordProtection = 'keychain' | 'file'

const configSchema = z.object({
  /** null: the embedded sandbox */
  url: z
    .string()
    .regex(/^https?:\/\/\S+$/)
    .nullable()
    .default(null),
  /**
   * platform identity ('embedded' or the URL) → 纳税人识别号 → password (sealed when a SecretSeal is
   * given): the sandbox's generated password never goes to another platform, nor the other way
   */
  passwords: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** the taxpayers this app registered on its embedded sandbox (their passwords are generated) */
  provisioned: z.array(z.string()).default([]),
  /** the two demo counterparties were added (embedded mode, once) */
  demoAdded: z.boolean().default(false),
})

export type ConnectionConfig = z.output<typeof configSchema>

/** the identity of the embedded sandbox (its URL changes from run to run) */
export const EMBEDDED = 'embedded'
export const identityOf = (url: string | null) => url ?? EMBEDDED

export const EMPTY_CONFIG: ConnectionConfig = { url: null, passwords: {}, provisioned: [], demoAdded: false }

/** what is on disk: settings (none = the embedded sandbox), or a damaged file and why */
export type FileState = { config: ConnectionConfig; damaged: null } | { config: null; damaged: AppError & { details: DamagedDetails } }

export interface DamagedDetails {
  file: string
  reason: string
}

export interface ConnectionFile {
  /** where the settings live (shown when the file is damaged) */
  readonly path: string
  /** the settings; SETTINGS_DAMAGED when the file is there but unreadable or not ours */
  read(): ConnectionConfig
  /** the settings or why the file is damaged, for screens that show either */
  inspect(): FileState
  /** replaces a sound (or missing) file; refuses over a damaged one */
  write(c: ConnectionConfig): void
  /** the user saved 平台连接: a damaged file is kept beside (its new name returned), then replaced */
  replace(c: ConnectionConfig): { keptAs: string | null }
  password(c: ConnectionConfig, identity: string, taxId: string): string | null
  withPassword(c: ConnectionConfig, identity: string, taxId: string, password: string): ConnectionConfig
  protection(): PasswordProtection
}

function damagedError(file: string, reason: string): AppError & { details: DamagedDetails } {
  const message =
    `平台连接设置文件已损坏（${reason}），同步已暂停：${file}。` +
    '为免把发票开到错误的平台，本软件不会猜测设置，也不会改动这个文件。' +
    '请在 系统设置 › 平台连接 中重新选择平台并保存（命令行：settings platform --url 平台地址或 embedded），损坏的文件会另存一份在旁边。'
  return new AppError('SETTINGS_DAMAGED', message, { file, reason }) as AppError & { details: DamagedDetails }
}

function readState(file: string): FileState {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { config: { ...EMPTY_CONFIG }, damaged: null }
    return { config: null, damaged: damagedError(file, `无法读取：${code ?? (e as Error).message}`) }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { config: null, damaged: damagedError(file, text.trim() === '' ? '文件是空的' : '不是有效的 JSON') }
  }
  const parsed = configSchema.safeParse(json)
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.map(String).join('.') || '整个文件'
    return { config: null, damaged: damagedError(file, `内容不是本软件写入的格式（${where}）`) }
  }
  return { config: parsed.data, damaged: null }
}

/** platform.json.damaged-20261128-213005 (a second one the same second gets -2, …) */
function keepAside(file: string): string {
  const stamp = toShanghaiIso(new Date()).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  let target = `${file}.damaged-${stamp}`
  for (let i = 2; fs.existsSync(target); i++) target = `${file}.damaged-${stamp}-${i}`
  // a hard link (else a copy) keeps the damaged bytes under the new name while platform.json stays
  // in place until the new file is renamed over it: no moment without a file, when a sync running
  // meanwhile would take the missing file for "embedded". Only what neither can keep (a folder
  // named platform.json) is moved aside.
  try {
    fs.linkSync(file, target)
  } catch {
    try {
      fs.copyFileSync(file, target, fs.constants.COPYFILE_EXCL)
    } catch {
      fs.renameSync(file, target)
    }
  }
  if (process.platform !== 'win32' && fs.statSync(target).isFile()) fs.chmodSync(target, PRIVATE_MODE)
  syncDir(path.dirname(file))
  return target
}

export function connectionFile(dataDir: string, seal?: SecretSeal): ConnectionFile {
  const file = path.join(dataDir, 'platform.json')
  const save = (c: ConnectionConfig) => writePrivateFile(file, JSON.stringify(c, null, 2))
  const keychain = () => seal !== undefined && (seal.available?.() ?? true)
  return {
    path: file,
    read() {
      const state = readState(file)
      if (state.damaged) throw state.damaged
      return state.config
    },
    inspect: () => readState(file),
    write(c) {
      const state = readState(file)
      if (state.damaged) throw state.damaged
      save(c)
    },
    replace(c) {
      const keptAs = readState(file).damaged ? keepAside(file) : null
      save(c)
      return { keptAs }
    },
    password(c, identity, taxId) {
      const stored = c.passwords[identity]?.[taxId]
      if (stored === undefined) return null
      return seal ? seal.open(stored) : stored
    },
    withPassword(c, identity, taxId, password) {
      const sealed = seal && keychain() ? seal.seal(password) : password
      return { ...c, passwords: { ...c.passwords, [identity]: { ...c.passwords[identity], [taxId]: sealed } } }
    },
    protection: () => (keychain() ? 'keychain' : 'file'),
  }
}
