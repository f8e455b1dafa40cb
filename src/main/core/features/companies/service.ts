// 销售方: creating a company creates its ledger, fills it with the tax-code table shipped with the
// app and makes it current.
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import type { Company, CompanySummary } from '../../../../shared/api/companies'
import type { ParsedInput } from '../../../../shared/api'
import { regionName } from '../../../../shared/domain/regions'
import type { SellerRates } from '../../../../shared/domain/rateRules'
import type { RateLabel } from '../../../../shared/domain/rates'
import { DEFAULT_TAXPAYER_TYPE, parseTaxpayerType, RATES_BY_TYPE } from '../../../../shared/domain/taxpayerType'
import type { CoreContext } from '../../context'
import { AppError } from '../../errors'
import { openLedger, type Db, type Ledger } from '../../ledger/open'
import { company } from '../../ledger/schema'
import { recordAudit } from '../audit/service'
import { readBuiltinTable } from '../taxcodes/builtin'
import { loadBuiltinTable } from '../taxcodes/service'

type CompanyRow = typeof company.$inferSelect

function toCompany(r: CompanyRow): Company {
  const { id: _id, ...rest } = r
  return {
    ...rest,
    regionName: regionName(r.region),
    taxpayerType: parseTaxpayerType(r.taxpayerType) ?? DEFAULT_TAXPAYER_TYPE,
    platformRates: r.platformRates === null ? null : (r.platformRates.split('|').filter(Boolean) as RateLabel[]),
  }
}

/** What the rate rules need of this company: its type and the rates it may use (the platform's, once read). */
export function companySeller(c: Pick<Company, 'taxpayerType' | 'platformRates'>): SellerRates {
  return { type: c.taxpayerType, rates: c.platformRates ?? RATES_BY_TYPE[c.taxpayerType] }
}

export function readCompany(orm: Db): Company | null {
  const row = orm.select().from(company).where(eq(company.id, 1)).get()
  return row ? toCompany(row) : null
}

export function listCompanies(ctx: CoreContext): CompanySummary[] {
  const current = ctx.session.currentTaxId()
  return ctx.session.companies().map((taxId) => ({ taxId, name: ctx.session.companyName(taxId), current: taxId === current }))
}

export async function currentCompany(ctx: CoreContext): Promise<Company | null> {
  try {
    return readCompany((await ctx.ledger()).orm)
  } catch (e) {
    if (e instanceof AppError && e.code === 'NO_COMPANY') return null
    throw e
  }
}

type CompanyInput = ParsedInput<'companies.create'>

/** a new ledger's first transaction: the company row and the full tax-code table */
function fillNewLedger(ctx: CoreContext, ledger: Ledger, input: CompanyInput): void {
  const now = ctx.now()
  const builtin = readBuiltinTable(ctx.appDir)
  ledger.orm.transaction((tx) => {
    tx.insert(company)
      .values({ id: 1, ...input, createdAt: now, updatedAt: now })
      .run()
    loadBuiltinTable(ledger.db, builtin, now)
    recordAudit(tx, now, { action: 'create', entity: 'company', entityId: input.taxId, summary: `创建企业 ${input.name}` })
  })
}

/**
 * Another company's ledger, created beside the current one without switching to it (the embedded
 * sandbox's demo counterparties). Does nothing when the company exists.
 */
export async function addCompanyAside(ctx: CoreContext, input: CompanyInput): Promise<void> {
  if (ctx.session.companies().includes(input.taxId)) return
  const file = ctx.session.ledgerFile(input.taxId)
  const ledger = await openLedger(file, { migrationsDir: path.join(ctx.appDir, 'migrations', 'ledger'), clock: ctx.clock })
  try {
    fillNewLedger(ctx, ledger, input)
  } catch (e) {
    ledger.close()
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
    throw e
  }
  ledger.close()
}

export async function createCompany(ctx: CoreContext, input: CompanyInput): Promise<Company> {
  if (ctx.session.companies().includes(input.taxId)) throw new AppError('CONFLICT', `纳税人识别号为 ${input.taxId} 的企业已经存在，请在顶部切换到该企业`)
  const file = ctx.session.ledgerFile(input.taxId)
  let ledger
  try {
    ledger = await ctx.session.switchTo(input.taxId, { create: true })
    fillNewLedger(ctx, ledger, input)
  } catch (e) {
    // no half-made company: without its company row the ledger is useless
    ctx.session.closeCurrent()
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
    throw e
  }
  return readCompany(ledger.orm)!
}

export async function updateCompany(ctx: CoreContext, input: ParsedInput<'companies.update'>): Promise<Company> {
  const ledger = await ctx.ledger()
  const existing = readCompany(ledger.orm)!
  if (existing.taxId !== input.taxId)
    throw new AppError('VALIDATION', '纳税人识别号不能修改；如需登记另一家企业，请新增企业', {
      issues: [{ path: 'taxId', message: '纳税人识别号不能修改' }],
    })
  const now = ctx.now()
  ledger.orm.transaction((tx) => {
    // a type changed here drops the platform's rates for the old one; the next sync tells the platform's own
    const retyped = input.taxpayerType !== existing.taxpayerType ? { platformRates: null, ratesReadAt: null } : {}
    tx.update(company)
      .set({ ...input, ...retyped, updatedAt: now })
      .where(eq(company.id, 1))
      .run()
    recordAudit(tx, now, { action: 'update', entity: 'company', entityId: input.taxId, summary: `修改企业信息 ${input.name}` })
  })
  return readCompany(ledger.orm)!
}

export async function switchCompany(ctx: CoreContext, taxId: string): Promise<Company> {
  const ledger = await ctx.session.switchTo(taxId)
  return readCompany(ledger.orm)!
}
