// Which links the app may hand to the system browser (shell.openExternal). Only https pages of the
// State Taxation Administration — chinatax.gov.cn and its subdomains: the national site, the
// 全国增值税发票查验平台 (inv-veri.chinatax.gov.cn) and each province's 电子税务局 / 数电 platform
// (etax.<省>.chinatax.gov.cn, dppt.<省>.chinatax.gov.cn). Anything else — another host, http, a
// file:, a custom scheme that would start another program, credentials or an odd port in the URL —
// stays closed: a link in an invoice's 备注 or a platform message must not open whatever it names.

export const EXTERNAL_DOMAINS = ['chinatax.gov.cn'] as const

export function isAllowedExternal(url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return false
  const host = u.hostname.toLowerCase()
  return EXTERNAL_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`))
}
