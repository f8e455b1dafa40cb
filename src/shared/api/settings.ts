// 系统设置: the platform connection (embedded sandbox or a URL, with 测试连接) and the user's own
// mail server for 交付 by e-mail (with 测试).
import { z } from 'zod'
import { call } from './define'
import { emailOf } from './fields'

export interface PlatformSettings {
  mode: 'embedded' | 'remote'
  /** the configured URL (remote) or the embedded sandbox's (once started) */
  url: string | null
  /** the current company's login on the platform */
  taxId: string | null
  hasPassword: boolean
  /**
   * how saved passwords are kept: sealed by the OS keychain (Electron safeStorage), or as typed in
   * a file only this user may read (web and CLI mode, or a system without a keychain)
   */
  passwordProtection: 'keychain' | 'file'
  /** platform.json is there but damaged: sync is paused until these settings are saved again */
  damaged: { file: string; message: string } | null
}

const url = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/]+(\/.*)?$/, '平台地址应以 http:// 或 https:// 开头')

export const platformSettingsInput = z.object({
  /** null = use the embedded sandbox */
  url: url.nullable(),
  password: z.string().min(1, '请填写平台登录密码').max(200).optional(),
})

export interface MailSettings {
  host: string
  port: number
  /** TLS from the start (port 465); false: plain, upgraded by STARTTLS when the server offers it */
  secure: boolean
  user: string
  hasPassword: boolean
  /** 发件人名称 and address (the From: line) */
  fromName: string
  fromAddress: string
  /** how the password is kept: sealed by the OS keychain, or only by the file's 0600 mode */
  passwordProtection: 'keychain' | 'file'
  /** configured = a host and a sender address are saved */
  configured: boolean
}

const host = z
  .string()
  .trim()
  .min(1, '请填写 SMTP 服务器地址')
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/, 'SMTP 服务器地址应为域名或 IP 地址，例如 smtp.qq.com')
const port = z.coerce.number({ error: '端口应为数字' }).int('端口应为整数').min(1, '端口应在 1–65535 之间').max(65535, '端口应在 1–65535 之间')
const user = z.string().trim().max(200)
/** absent: keep the saved one; '' clears it */
const password = z.string().max(200).optional()
const fromName = z.string().trim().max(100)
const fromAddress = z.string().trim().min(1, '请填写发件人邮箱').pipe(emailOf('发件人邮箱'))

export const mailSettingsInput = z.object({
  host,
  port,
  secure: z.boolean().default(true),
  user: user.default(''),
  password,
  fromName: fromName.default(''),
  fromAddress,
})
/** 测试: each field given overrides the saved one (no defaults: what is left out is the saved value) */
export const mailTestInput = z.object({ host, port, secure: z.boolean(), user, password, fromName, fromAddress }).partial().optional()
export type MailSettingsInput = z.input<typeof mailSettingsInput>

export const settingsApi = {
  'settings.platform.get': call(z.object({}).optional()).returns<PlatformSettings>(),
  /** saves the URL (null = embedded) and the current company's password; nothing saved if invalid */
  'settings.platform.set': call(platformSettingsInput).returns<PlatformSettings & { /** where a damaged platform.json was kept */ keptDamagedAs?: string }>(),
  /** 测试连接: logs in with the given (or saved) settings, changes nothing */
  'settings.platform.test': call(platformSettingsInput.partial()).returns<{ ok: boolean; message: string; taxpayerName?: string }>(),
  'settings.mail.get': call(z.object({}).optional()).returns<MailSettings>(),
  'settings.mail.set': call(mailSettingsInput).returns<MailSettings>(),
  /** 测试: connects and logs in with the given (else saved) settings; sends nothing, saves nothing */
  'settings.mail.test': call(mailTestInput).returns<{ ok: true; message: string }>(),
}
