// 纳税人 accounts: provisioning (admin) and look-ups. A taxpayer logs in with its 纳税人识别号 and
// the password of its one operator.
import { parseRegion } from '../../shared/domain/regions'
import { taxIdProblem } from '../../shared/domain/taxpayerId'
import { fenOfText } from '../../shared/domain/invoice'
import { type AddTaxpayerRequest, DEFAULT_MONTHLY_QUOTA, type TaxpayerInfo } from '../../shared/platform/wire'
import { toShanghaiIso } from '../clock'
import { PlatformError } from '../errors'
import { stmt } from '../store/statements'
import type { Ctx } from './context'
import { hashPassword, verifyPassword } from './passwords'

export interface TaxpayerRow {
  tax_id: string
  name: string
  region: string
  default_quota_fen: number
}

/** the login every taxpayer has; 办税员 of their own can come later */
export const DEFAULT_LOGIN = 'admin'

export function findTaxpayer(ctx: Ctx, taxId: string): TaxpayerRow | undefined {
  return stmt(ctx.db, 'SELECT tax_id, name, region, default_quota_fen FROM taxpayers WHERE tax_id = ?').get(taxId) as TaxpayerRow | undefined
}

export function requireTaxpayer(ctx: Ctx, taxId: string): TaxpayerRow {
  const row = findTaxpayer(ctx, taxId)
  if (!row) throw new PlatformError('NOT_FOUND', `平台上没有纳税人 ${taxId}`)
  return row
}

export function taxpayerInfo(row: TaxpayerRow): TaxpayerInfo {
  return { taxId: row.tax_id, name: row.name, region: row.region }
}

/** 总额度 text → 分; refuses negatives, more than 2 decimals and words */
export function quotaFenOf(text: string, label = '额度'): number {
  const fen = fenOfText(text)
  if (fen === null || fen < 0) throw new PlatformError('VALIDATION', `${label}应为不小于 0 的金额（最多两位小数），现为“${text}”`, [{ path: 'quota', message: `${label}格式不正确` }])
  return fen
}

/**
 * Adds a taxpayer with its operator. Repeating the call with the same password answers the existing
 * taxpayer (provisioning can run again); another password is a CONFLICT.
 */
export function addTaxpayer(ctx: Ctx, input: AddTaxpayerRequest): { taxpayer: TaxpayerInfo; created: boolean } {
  const taxId = input.taxId.trim().toUpperCase()
  const idProblem = taxIdProblem(taxId, { allowLegacy: false })
  if (idProblem) throw new PlatformError('VALIDATION', `纳税人识别号${idProblem}`, [{ path: 'taxId', message: `纳税人识别号${idProblem}` }])
  const region = parseRegion(input.region)
  if (!region) throw new PlatformError('VALIDATION', `无法识别的所在地区：${input.region}`, [{ path: 'region', message: '请填写地区代码（如 44）或名称（如 广东）' }])
  const defaultQuotaFen = quotaFenOf(input.quota ?? DEFAULT_MONTHLY_QUOTA, '每月总额度')

  return ctx.db
    .transaction(() => {
      const existing = findTaxpayer(ctx, taxId)
      if (existing) {
        const op = stmt(ctx.db, 'SELECT password_hash, salt FROM operators WHERE tax_id = ? AND login = ?').get(taxId, DEFAULT_LOGIN) as
          | { password_hash: string; salt: string }
          | undefined
        if (op && verifyPassword(input.password, op.password_hash, op.salt)) return { taxpayer: taxpayerInfo(existing), created: false }
        throw new PlatformError('CONFLICT', `纳税人 ${taxId} 已在平台注册`)
      }
      const at = toShanghaiIso(ctx.clock.now())
      stmt(ctx.db, 'INSERT INTO taxpayers (tax_id, name, region, default_quota_fen, created_at) VALUES (?, ?, ?, ?, ?)').run(
        taxId,
        input.name.trim(),
        region,
        defaultQuotaFen,
        at,
      )
      const { hash, salt } = hashPassword(input.password)
      stmt(ctx.db, 'INSERT INTO operators (tax_id, login, password_hash, salt, created_at) VALUES (?, ?, ?, ?, ?)').run(taxId, DEFAULT_LOGIN, hash, salt, at)
      return { taxpayer: { taxId, name: input.name.trim(), region }, created: true }
    })
    .immediate()
}
