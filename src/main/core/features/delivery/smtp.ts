// The user's own SMTP server through nodemailer: a transport from 邮件设置, and every failure said
// in Chinese with what to check (wrong password, a host that does not answer, TLS on the wrong port).
import { AppError } from '../../errors'
import type { SmtpSettings } from './mailFile'

/** a server that does not answer is reported within this time, not after minutes */
const CONNECT_TIMEOUT_MS = 10_000

/** nodemailer is loaded when mail is first sent or tested, not when the core starts */
export async function transportOf(s: SmtpSettings) {
  const { default: nodemailer } = await import('nodemailer')
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    auth: s.user ? { user: s.user, pass: s.password } : undefined,
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: 60_000,
  })
}

interface SmtpError extends Error {
  code?: string
  responseCode?: number
  response?: string
}

/** why the server refused or could not be reached, as the bookkeeper can act on it */
export function mailError(e: unknown, s: Pick<SmtpSettings, 'host' | 'port' | 'secure'>): AppError {
  const err = e as SmtpError
  const where = `${s.host}:${s.port}`
  const said = err.response ? `（服务器答复：${err.response.slice(0, 200)}）` : ''
  const text = `${err.message ?? ''} ${err.response ?? ''}`
  const tlsHint = '请核对端口与“SSL/TLS”选项（465 端口一般勾选，25/587 端口一般不勾选）'
  // OpenSSL's own words are of no use to a bookkeeper: they are told what it means
  if (/wrong version number|packet length too long|unknown protocol|WRONG_VERSION/i.test(text))
    return new AppError('OFFLINE', `与邮件服务器 ${where} 建立加密连接失败：该端口不使用 SSL/TLS。${tlsHint}`)
  if (/certificate|self[ -]signed|CERT_|unable to verify/i.test(text))
    return new AppError('OFFLINE', `与邮件服务器 ${where} 建立加密连接失败：服务器证书不受信任（自签名、已过期或与地址不符）。请核对服务器地址，或向邮箱服务商确认`)
  switch (err.code) {
    case 'EAUTH':
    case 'ENOAUTH':
      return new AppError('MAIL_REJECTED', `邮件服务器拒绝登录：用户名或密码（授权码）不正确${said}。请在 系统设置 › 邮件设置 中核对；QQ、163 等邮箱须填写授权码而非登录密码`)
    case 'EDNS':
      return new AppError('OFFLINE', `找不到邮件服务器 ${s.host}：请核对 SMTP 服务器地址，或检查网络连接`)
    case 'ETIMEDOUT':
      return new AppError('OFFLINE', `连接邮件服务器 ${where} 超时：请核对服务器地址和端口，或检查网络和防火墙`)
    case 'ETLS':
      return new AppError('OFFLINE', `与邮件服务器 ${where} 建立加密连接失败${said}：${tlsHint}`)
  }
  if (/ECONNREFUSED/.test(text)) return new AppError('OFFLINE', `邮件服务器 ${where} 拒绝连接：请核对服务器地址和端口`)
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return new AppError('OFFLINE', `找不到邮件服务器 ${s.host}：请核对 SMTP 服务器地址，或检查网络连接`)
  if (err.code === 'EENVELOPE') return new AppError('VALIDATION', `邮件服务器不接受发件人或收件人地址${said}：请核对邮箱地址`)
  if (err.code === 'EMESSAGE' || (err.responseCode ?? 0) >= 500) return new AppError('MAIL_REJECTED', `邮件服务器拒收了这封邮件${said}`)
  return new AppError('OFFLINE', `无法通过邮件服务器 ${where} 发送：${err.message ?? String(e)}`)
}

/** 测试: connects, says hello, logs in — sends nothing */
export async function verifySmtp(s: SmtpSettings): Promise<void> {
  const transport = await transportOf(s)
  try {
    await transport.verify()
  } catch (e) {
    throw mailError(e, s)
  } finally {
    transport.close()
  }
}
