// 授信额度 (DOMAIN.md §3): a monthly 总额度 per taxpayer — the month's explicit grant, else the
// taxpayer's default — of which issued blue 金额 is 已使用. Months are Shanghai calendar months, so
// a new month starts with nothing used.
import { moneyFromFen } from '../../shared/domain/invoice'
import type { QuotaSnapshot } from '../../shared/platform/wire'
import { toShanghaiIso } from '../clock'
import { PlatformError } from '../errors'
import { stmt } from '../store/statements'
import { appendChange } from './changes'
import type { Ctx } from './context'
import { requireTaxpayer } from './taxpayers'

export interface QuotaFen {
  month: string
  totalFen: number
  usedFen: number
  /** never below 0, even when the 总额度 was lowered under what is used */
  availableFen: number
}

export function quotaFen(ctx: Ctx, taxId: string, month: string): QuotaFen {
  const row = stmt(
    ctx.db,
    `SELECT coalesce(q.total_fen, t.default_quota_fen) AS total, coalesce(q.used_fen, 0) AS used
       FROM taxpayers t LEFT JOIN quota_months q ON q.tax_id = t.tax_id AND q.month = ?
      WHERE t.tax_id = ?`,
  ).get(month, taxId) as { total: number; used: number } | undefined
  if (!row) throw new PlatformError('NOT_FOUND', `平台上没有纳税人 ${taxId}`)
  return { month, totalFen: row.total, usedFen: row.used, availableFen: Math.max(0, row.total - row.used) }
}

export function snapshotOf(q: QuotaFen, readAt: Date): QuotaSnapshot {
  return {
    month: q.month,
    total: moneyFromFen(q.totalFen),
    used: moneyFromFen(q.usedFen),
    available: moneyFromFen(q.availableFen),
    readAt: toShanghaiIso(readAt),
  }
}

/**
 * Consumes `fen` of the month's quota, or refuses with QUOTA_EXCEEDED naming the amounts.
 * Call inside the issuing transaction: the refusal rolls everything back.
 */
export function consumeQuota(ctx: Ctx, taxId: string, month: string, fen: number, at: string): QuotaFen {
  const q = quotaFen(ctx, taxId, month)
  if (fen > q.availableFen)
    throw new PlatformError(
      'QUOTA_EXCEEDED',
      `授信额度不足：本张发票金额 ${moneyFromFen(fen)} 元，超过 ${month.slice(0, 4)} 年 ${month.slice(4)} 月可用额度 ${moneyFromFen(q.availableFen)} 元（总额度 ${moneyFromFen(q.totalFen)} 元，已使用 ${moneyFromFen(q.usedFen)} 元）`,
    )
  stmt(
    ctx.db,
    `INSERT INTO quota_months (tax_id, month, total_fen, used_fen, updated_at) VALUES (?, ?, NULL, ?, ?)
     ON CONFLICT (tax_id, month) DO UPDATE SET used_fen = used_fen + excluded.used_fen, updated_at = excluded.updated_at`,
  ).run(taxId, month, fen, at)
  return { ...q, usedFen: q.usedFen + fen, availableFen: Math.max(0, q.totalFen - q.usedFen - fen) }
}

/** Grants a month's 总额度 (a manual adjustment); the taxpayer hears of it in its change feed. */
export function setQuota(ctx: Ctx, taxId: string, month: string, totalFen: number): QuotaSnapshot {
  return ctx.db
    .transaction(() => {
      requireTaxpayer(ctx, taxId)
      const now = ctx.clock.now()
      const at = toShanghaiIso(now)
      stmt(
        ctx.db,
        `INSERT INTO quota_months (tax_id, month, total_fen, used_fen, updated_at) VALUES (?, ?, ?, 0, ?)
         ON CONFLICT (tax_id, month) DO UPDATE SET total_fen = excluded.total_fen, updated_at = excluded.updated_at`,
      ).run(taxId, month, totalFen, at)
      const snapshot = snapshotOf(quotaFen(ctx, taxId, month), now)
      appendChange(ctx, taxId, 'quota.changed', at, snapshot)
      return snapshot
    })
    .immediate()
}

/**
 * Gives `fen` back to the month's 已使用 (a red invoice in its blue invoice's month, DOMAIN.md §3),
 * never below nothing used. Call inside the issuing transaction.
 */
export function restoreQuota(ctx: Ctx, taxId: string, month: string, fen: number, at: string): QuotaFen {
  stmt(
    ctx.db,
    `INSERT INTO quota_months (tax_id, month, total_fen, used_fen, updated_at) VALUES (?, ?, NULL, 0, ?)
     ON CONFLICT (tax_id, month) DO UPDATE SET used_fen = max(0, used_fen - ?), updated_at = excluded.updated_at`,
  ).run(taxId, month, at, fen)
  return quotaFen(ctx, taxId, month)
}
