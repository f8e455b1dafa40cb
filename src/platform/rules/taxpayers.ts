// 纳税人 accounts: provisioning (admin) and look-ups. A taxpayer logs in with its 纳税人识别号 and
// the password of its one operator.
import { parseRegion } from '../../shared/domain/regions'
import { taxIdProblem } from '../../shared/domain/taxpayerId'
import { fenOfText } from '../../shared/domain/invoice'
import type { SellerRates } from '../../shared/domain/rateRules'
import { parseRate, type RateLabel } from '../../shared/domain/rates'
import { DEFAULT_TAXPAYER_TYPE, parseTaxpayerType, RATES_BY_TYPE, TAXPAYER_TYPES, type TaxpayerType } from '../../shared/domain/taxpayerType'
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
  taxpayer_type: TaxpayerType
  /** '|'-joined labels, null: every rate of its type */
  rates: string | null
}

const COLUMNS = 'tax_id, name, region, default_quota_fen, taxpayer_type, rates'

/** the login every taxpayer has; 办税员 of their own can come later */
export const DEFAULT_LOGIN = 'admin'

export function findTaxpayer(ctx: Ctx, taxId: string): TaxpayerRow | undefined {
  return stmt(ctx.db, `SELECT ${COLUMNS} FROM taxpayers WHERE tax_id = ?`).get(taxId) as TaxpayerRow | undefined
}

export function requireTaxpayer(ctx: Ctx, taxId: string): TaxpayerRow {
  const row = findTaxpayer(ctx, taxId)
  if (!row) throw new PlatformError('NOT_FOUND', `平台上没有纳税人 ${taxId}`)
  return row
}

export function taxpayerInfo(row: TaxpayerRow): TaxpayerInfo {
  return { taxId: row.tax_id, name: row.name, region: row.region }
}

/** The taxpayer's 纳税人类型 and the rates the platform grants it (the issuance rules and `/me`). */
export function sellerRates(row: TaxpayerRow): SellerRates {
  return { type: row.taxpayer_type, rates: row.rates === null ? RATES_BY_TYPE[row.taxpayer_type] : (row.rates.split('|') as RateLabel[]) }
}

/** The admin's rate list: labels of the type's own set, e.g. '3%,1%,免税'; '' or absent: the whole set. */
function grantedRates(type: TaxpayerType, text: string | undefined): string | null {
  if (text === undefined || text.trim() === '') return null
  const labels: RateLabel[] = []
  for (const part of text.split(/[,，、|\s]+/).filter(Boolean)) {
    const label = parseRate(part)
    if (!label) throw new PlatformError('VALIDATION', `无法识别的税率/征收率：${part}`, [{ path: 'rates', message: `无法识别的税率/征收率：${part}` }])
    if (!RATES_BY_TYPE[type].includes(label))
      throw new PlatformError('VALIDATION', `${type}不能使用税率/征收率 ${label}`, [{ path: 'rates', message: `${type}不能使用税率/征收率 ${label}` }])
    if (!labels.includes(label)) labels.push(label)
  }
  return labels.join('|')
}

/**
 * The admin changes a taxpayer's 纳税人类型 and/or its rates (`platform taxpayer set`). A new type
 * without a list grants every rate of that type; clients learn it at their next sync (`/me`).
 */
export function setQualification(ctx: Ctx, taxId: string, change: { type?: string; rates?: string }): SellerRates {
  const row = requireTaxpayer(ctx, taxId)
  let type = row.taxpayer_type
  if (change.type !== undefined) {
    const parsed = parseTaxpayerType(change.type)
    if (!parsed) throw new PlatformError('VALIDATION', `纳税人类型应为 ${TAXPAYER_TYPES.join(' 或 ')}，现为“${change.type}”`, [{ path: 'type', message: '纳税人类型不正确' }])
    type = parsed
  }
  const rates = change.rates !== undefined || type !== row.taxpayer_type ? grantedRates(type, change.rates) : row.rates
  stmt(ctx.db, 'UPDATE taxpayers SET taxpayer_type = ?, rates = ? WHERE tax_id = ?').run(type, rates, taxId)
  return sellerRates(requireTaxpayer(ctx, taxId))
}

/** 总额度 text → 分; refuses negatives, more than 2 decimals and words */
export function quotaFenOf(text: string, label = '额度'): number {
  const fen = fenOfText(text)
  if (fen === null || fen < 0)
    throw new PlatformError('VALIDATION', `${label}应为不小于 0 的金额（最多两位小数），现为“${text}”`, [{ path: 'quota', message: `${label}格式不正确` }])
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
          { password_hash: string; salt: string } | undefined
        if (op && verifyPassword(input.password, op.password_hash, op.salt)) return { taxpayer: taxpayerInfo(existing), created: false }
        throw new PlatformError('CONFLICT', `纳税人 ${taxId} 已在平台注册`)
      }
      const at = toShanghaiIso(ctx.clock.now())
      stmt(ctx.db, 'INSERT INTO taxpayers (tax_id, name, region, default_quota_fen, created_at, taxpayer_type) VALUES (?, ?, ?, ?, ?, ?)').run(
        taxId,
        input.name.trim(),
        region,
        defaultQuotaFen,
        at,
        input.taxpayerType ?? DEFAULT_TAXPAYER_TYPE,
      )
      const { hash, salt } = hashPassword(input.password)
      stmt(ctx.db, 'INSERT INTO operators (tax_id, login, password_hash, salt, created_at) VALUES (?, ?, ?, ?, ?)').run(taxId, DEFAULT_LOGIN, hash, salt, at)
      return { taxpayer: { taxId, name: input.name.trim(), region }, created: true }
    })
    .immediate()
}
