// 邮件设置 (settings.mail.get/set/test): saved only when valid; a password left out keeps the saved
// one; 测试 uses what is typed over what is saved and changes nothing.
import type { ParsedInput } from '../../../../shared/api'
import type { MailSettings } from '../../../../shared/api/settings'
import { AppError } from '../../errors'
import type { MailFile, SmtpSettings } from './mailFile'
import { verifySmtp } from './smtp'

export const mailSettingsOf = (mail: MailFile): MailSettings => mail.view(mail.read())

function merged(saved: SmtpSettings | null, input: NonNullable<ParsedInput<'settings.mail.test'>>): SmtpSettings {
  return {
    host: input.host ?? saved?.host ?? '',
    port: input.port ?? saved?.port ?? 465,
    secure: input.secure ?? saved?.secure ?? true,
    user: input.user ?? saved?.user ?? '',
    password: input.password ?? saved?.password ?? '',
    fromName: input.fromName ?? saved?.fromName ?? '',
    fromAddress: input.fromAddress ?? saved?.fromAddress ?? '',
  }
}

export function saveMailSettings(mail: MailFile, input: ParsedInput<'settings.mail.set'>): MailSettings {
  const next = merged(mail.read(), input)
  mail.write(next)
  return mail.view(next)
}

export async function testMailSettings(mail: MailFile, input: ParsedInput<'settings.mail.test'>): Promise<{ ok: true; message: string }> {
  const s = merged(mail.read(), input ?? {})
  if (!s.host) throw new AppError('VALIDATION', '请填写 SMTP 服务器地址', { issues: [{ path: 'host', message: '请填写 SMTP 服务器地址' }] })
  await verifySmtp(s)
  return { ok: true, message: `已连接邮件服务器 ${s.host}:${s.port}${s.user ? `，并以 ${s.user} 登录成功` : ''}` }
}
