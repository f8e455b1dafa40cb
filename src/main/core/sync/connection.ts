// Which platform this company talks to and as whom. A configured URL is used with the saved
// password; with none, the embedded sandbox the host started, where the app registers each of its
// companies itself (a generated password) and, once, two demo counterparties to try both sides of
// every flow on one machine.
import crypto from 'node:crypto'
import type { TaxpayerType } from '../../../shared/domain/taxpayerType'
import type { CoreContext } from '../context'
import { AppError } from '../errors'
import { addCompanyAside, readCompany } from '../features/companies/service'
import type { Ledger } from '../ledger/open'
import { connectionFile, EMBEDDED, identityOf, type ConnectionFile, type SecretSeal } from './connectionFile'
import { platformClient, Refused, type PlatformClient } from './platformClient'

/** what the host gives when it can start the embedded sandbox */
export type EmbeddedPlatform = () => Promise<{ url: string; adminToken: string }>

/** (assumed) two counterparties with valid IDs, in other provinces, to trade with on the sandbox */
export const DEMO_COUNTERPARTIES = [
  { taxId: '91110105MA01ABCD26', name: '北京示例科技有限公司', region: '11', operator: '李会计', taxpayerType: '一般纳税人' },
  { taxId: '91310115MA1H7Q3PX4', name: '上海示例贸易有限公司', region: '31', operator: '张会计', taxpayerType: '一般纳税人' },
] as const

export interface Connection {
  client: PlatformClient
  /** 'embedded' or the URL: the change-feed cursor belongs to one platform */
  identity: string
  mode: 'embedded' | 'remote'
  taxId: string
  /** runs a call with a token, logging in again once when the platform no longer knows it (expiry, reset) */
  authed<T>(call: (token: string) => Promise<T>): Promise<T>
}

export interface Connector {
  file: ConnectionFile
  /** the embedded sandbox's URL once started (for the settings screen) */
  embeddedUrl(): string | null
  connect(ledger: Ledger): Promise<Connection>
  /** 测试连接 with settings not yet saved (the embedded sandbox registers the company first) */
  tryLogin(ledger: Ledger, url: string | null, password: string | null): Promise<{ name: string }>
}

const newPassword = () => crypto.randomBytes(18).toString('base64url')

export function createConnector(ctx: CoreContext, opts: { embedded?: EmbeddedPlatform; seal?: SecretSeal }): Connector {
  const file = connectionFile(ctx.dataDir, opts.seal)
  let embedded: { url: string; adminToken: string } | null = null
  const tokens = new Map<string, string>()

  const startEmbedded = async () => {
    if (!opts.embedded) throw new AppError('OFFLINE', '尚未设置税务平台地址：请在 系统设置 › 平台连接 中填写平台地址和登录密码')
    embedded ??= await opts.embedded()
    return embedded
  }

  /** registers a taxpayer on the embedded sandbox with a generated password, once */
  const provision = async (client: PlatformClient, adminToken: string, who: { taxId: string; name: string; region: string; taxpayerType: TaxpayerType }) => {
    let cfg = file.read()
    let password = file.password(cfg, EMBEDDED, who.taxId)
    if (password && cfg.provisioned.includes(who.taxId)) return
    password ??= newPassword()
    await client.addTaxpayer(adminToken, { taxId: who.taxId, name: who.name, region: who.region, taxpayerType: who.taxpayerType, password })
    cfg = file.withPassword(file.read(), EMBEDDED, who.taxId, password)
    file.write({ ...cfg, provisioned: [...new Set([...cfg.provisioned, who.taxId])] })
  }

  const addDemoCounterparties = async (client: PlatformClient, adminToken: string) => {
    if (file.read().demoAdded) return
    for (const demo of DEMO_COUNTERPARTIES) {
      await provision(client, adminToken, demo)
      await addCompanyAside(ctx, { ...demo, address: '', phone: '', bank: '', account: '' })
    }
    file.write({ ...file.read(), demoAdded: true })
    ctx.events.emit({ type: 'data.changed', entity: 'companies' })
  }

  /** the client for a URL, or for the embedded sandbox with this company registered on it */
  const clientFor = async (url: string | null, ledger: Ledger): Promise<{ client: PlatformClient; taxId: string }> => {
    const company = readCompany(ledger.orm)
    if (!company) throw new AppError('NO_COMPANY', '请先创建企业')
    if (url) return { client: platformClient(url), taxId: company.taxId }
    const sandbox = await startEmbedded()
    const client = platformClient(sandbox.url)
    await provision(client, sandbox.adminToken, company)
    await addDemoCounterparties(client, sandbox.adminToken)
    return { client, taxId: company.taxId }
  }

  return {
    file,
    embeddedUrl: () => embedded?.url ?? null,
    async connect(ledger) {
      const cfg = file.read()
      const { client, taxId } = await clientFor(cfg.url, ledger)
      const identity = identityOf(cfg.url)
      const tokenKey = `${identity} ${taxId}`
      const token = async (renew: boolean) => {
        const known = tokens.get(tokenKey)
        if (known && !renew) return known
        const password = file.password(file.read(), identity, taxId)
        if (!password) throw new AppError('UNAUTHORIZED', `尚未保存企业 ${taxId} 的平台登录密码：请在 系统设置 › 平台连接 中填写`)
        try {
          const { token } = await client.login(taxId, password)
          tokens.set(tokenKey, token)
          return token
        } catch (e) {
          if (e instanceof Refused && e.code === 'UNAUTHORIZED')
            throw new AppError('UNAUTHORIZED', `税务平台拒绝登录（${e.message}）：请在 系统设置 › 平台连接 中检查纳税人识别号和密码`)
          throw e
        }
      }
      return {
        client,
        identity,
        mode: cfg.url ? 'remote' : 'embedded',
        taxId,
        async authed(call) {
          try {
            return await call(await token(false))
          } catch (e) {
            if (!(e instanceof Refused && e.code === 'UNAUTHORIZED')) throw e
            return call(await token(true))
          }
        },
      }
    },
    async tryLogin(ledger, url, password) {
      const { client, taxId } = await clientFor(url, ledger)
      // the sandbox's password is the app's own; another platform's is the one typed or saved for it
      const pwd = (url ? password : null) ?? file.password(file.read(), identityOf(url), taxId)
      if (!pwd) throw new AppError('VALIDATION', '请填写平台登录密码', { issues: [{ path: 'password', message: '请填写平台登录密码' }] })
      try {
        const { taxpayer } = await client.login(taxId, pwd)
        return { name: taxpayer.name }
      } catch (e) {
        if (e instanceof Refused && e.code === 'UNAUTHORIZED') throw new AppError('UNAUTHORIZED', `税务平台拒绝登录：${e.message}`)
        throw e
      }
    },
  }
}
