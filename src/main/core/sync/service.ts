// 同步 as the bookkeeper sees it: the top bar's status, 重试 on one invoice, the platform settings
// and the 进项 list.
import { count, eq } from 'drizzle-orm'
import type { QuotaReading, SyncStatus } from '../../../shared/api/sync'
import type { PlatformSettings } from '../../../shared/api/settings'
import type { CoreContext } from '../context'
import { AppError, isAppError } from '../errors'
import type { Ledger } from '../ledger/open'
import { invoices, syncState } from '../ledger/schema'
import type { Connector } from './connection'
import type { SyncEngine } from './engine'
import { latestRows, markDueNow, needsActionCount, openCount } from './outbox'
import { EMPTY_CONFIG, identityOf } from './connectionFile'
import { Refused, Unreachable } from './platformClient'
import { issueInvoice } from '../features/invoices/service'
import { readCompany } from '../features/companies/service'

export interface SyncParts {
  engine: SyncEngine
  connector: Connector
}

async function ledgerOrNull(ctx: CoreContext): Promise<Ledger | null> {
  try {
    return await ctx.ledger()
  } catch (e) {
    if (isAppError(e) && e.code === 'NO_COMPANY') return null
    throw e
  }
}

/** the 可用额度 last read from the configured platform (one read from another platform says nothing now) */
export function cachedQuota(ledger: Ledger, connector: Connector): QuotaReading | null {
  const { config: cfg } = connector.file.inspect()
  const row = ledger.orm.select({ platformUrl: syncState.platformUrl, quota: syncState.quota }).from(syncState).where(eq(syncState.id, 1)).get()
  return cfg && row?.quota && row.platformUrl === identityOf(cfg.url) ? (JSON.parse(row.quota) as QuotaReading) : null
}

export async function syncStatus(ctx: CoreContext, { engine, connector }: SyncParts): Promise<SyncStatus> {
  const { config: cfg, damaged } = connector.file.inspect()
  const live = engine.state()
  const ledger = await ledgerOrNull(ctx)
  const row = ledger?.orm.select().from(syncState).where(eq(syncState.id, 1)).get()
  // what was read from another platform than the configured one says nothing now (nor anything,
  // while the settings file is damaged and the platform unknown)
  const stored = cfg && row && row.platformUrl === identityOf(cfg.url) ? row : undefined
  const failed = ledger ? (ledger.orm.select({ n: count() }).from(invoices).where(eq(invoices.state, 'failed')).get()?.n ?? 0) + needsActionCount(ledger) : 0
  return {
    mode: cfg?.url ? 'remote' : 'embedded',
    url: cfg ? (cfg.url ?? connector.embeddedUrl()) : null,
    online: damaged ? null : live.online,
    running: live.running,
    pending: ledger ? openCount(ledger) : 0,
    failed,
    lastSuccessAt: stored?.lastSuccessAt ?? null,
    lastAttemptAt: stored?.lastAttemptAt ?? null,
    lastError: damaged ? damaged.message : (live.lastError ?? stored?.lastError ?? null),
    blocked: damaged ? { code: damaged.code, message: damaged.message } : null,
    quota: stored?.quota ? (JSON.parse(stored.quota) as QuotaReading) : null,
  }
}

/**
 * 重试: a waiting invoice is sent at once; a refused one is queued again as it stands (after the
 * quota was raised, say) with a new key — the old key's answer was the refusal.
 */
export async function retryInvoice(ctx: CoreContext, { engine }: SyncParts, invoiceId: number): Promise<{ queued: boolean }> {
  const ledger = await ctx.ledger()
  const row = latestRows(ledger, 'invoice', [invoiceId]).get(invoiceId)
  const state = ledger.orm.select({ state: invoices.state }).from(invoices).where(eq(invoices.id, invoiceId)).get()?.state
  if (!state) throw new AppError('NOT_FOUND', `发票（编号 ${invoiceId}）不存在`)
  if (state === 'issued') throw new AppError('CONFLICT', '发票已开具，无需重试')
  if (state === 'draft') throw new AppError('CONFLICT', '这是一张草稿，请在开票页面点击 开票')
  if (state === 'failed') issueInvoice(ledger, invoiceId, ctx.now())
  else if (row) markDueNow(ledger, row.id, ctx.now())
  // a refusal (settings damaged) shows in the status; only a bug belongs in the log
  void engine.run({ manual: true }).catch((e) => isAppError(e) || console.error('[sync]', e))
  return { queued: true }
}

/** the settings screen's values; a damaged file is reported (with where it is), never guessed past */
export async function platformSettings(ctx: CoreContext, { connector }: SyncParts): Promise<PlatformSettings> {
  const { config: cfg, damaged } = connector.file.inspect()
  const ledger = await ledgerOrNull(ctx)
  const taxId = ledger ? (readCompany(ledger.orm)?.taxId ?? null) : null
  return {
    mode: cfg?.url ? 'remote' : 'embedded',
    url: cfg ? (cfg.url ?? connector.embeddedUrl()) : null,
    taxId,
    hasPassword: cfg && taxId ? connector.file.password(cfg, identityOf(cfg.url), taxId) !== null : false,
    passwordProtection: connector.file.protection(),
    damaged: damaged ? { file: damaged.details.file, message: damaged.message } : null,
  }
}

async function currentTaxId(ctx: CoreContext): Promise<string> {
  const company = readCompany((await ctx.ledger()).orm)
  if (!company) throw new AppError('NO_COMPANY', '请先创建企业')
  return company.taxId
}

/**
 * 保存 on 平台连接 (or `settings platform`): the user's explicit choice, so it may replace a damaged
 * platform.json — which is kept beside it first; what the damaged file held is not guessed at.
 */
export async function savePlatformSettings(
  ctx: CoreContext,
  parts: SyncParts,
  input: { url: string | null; password?: string },
): Promise<PlatformSettings & { keptDamagedAs?: string }> {
  const taxId = await currentTaxId(ctx)
  const { file } = parts.connector
  let cfg = { ...(file.inspect().config ?? EMPTY_CONFIG), url: input.url }
  // the embedded sandbox's password is generated and kept by the app: only another platform's is typed
  if (input.url) {
    if (!input.password && file.password(cfg, input.url, taxId) === null)
      throw new AppError('VALIDATION', '使用外部平台时请填写登录密码', { issues: [{ path: 'password', message: '请填写平台登录密码' }] })
    if (input.password) cfg = file.withPassword(cfg, input.url, taxId, input.password)
  }
  const { keptAs } = file.replace(cfg)
  return { ...(await platformSettings(ctx, parts)), ...(keptAs ? { keptDamagedAs: keptAs } : {}) }
}

export async function testPlatform(ctx: CoreContext, { connector }: SyncParts, input: { url?: string | null; password?: string }) {
  const ledger = await ctx.ledger()
  try {
    const url = input.url === undefined ? connector.file.read().url : input.url
    const { name } = await connector.tryLogin(ledger, url, input.password ?? null)
    return { ok: true, message: `连接成功：已登录为 ${name}`, taxpayerName: name }
  } catch (e) {
    if (e instanceof Unreachable || e instanceof Refused || isAppError(e)) return { ok: false, message: e.message }
    throw e
  }
}
