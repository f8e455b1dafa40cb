// 销售方 (the company issuing invoices). One ledger file per company.
import { z } from 'zod'
import { call } from './define'
import { codeText, optionalText, requiredText } from './fields'
import { taxIdProblem } from '../domain/taxpayerId'
import { REGION_CODES } from '../domain/regions'
import type { RateLabel } from '../domain/rates'
import { DEFAULT_TAXPAYER_TYPE, TAXPAYER_TYPES, type TaxpayerType } from '../domain/taxpayerType'

export const companyInput = z
  .object({
    name: requiredText('名称', 100),
    taxId: codeText('统一社会信用代码', 20),
    region: z.enum(REGION_CODES, { error: '请选择所在地区' }),
    address: optionalText('地址', 100),
    phone: optionalText('电话', 30),
    bank: optionalText('开户银行', 100),
    account: optionalText('银行账号', 50),
    operator: requiredText('开票员', 20),
    taxpayerType: z.enum(TAXPAYER_TYPES, { error: `纳税人类型应为 ${TAXPAYER_TYPES.join(' 或 ')}` }).default(DEFAULT_TAXPAYER_TYPE),
  })
  .superRefine((c, ctx) => {
    const problem = taxIdProblem(c.taxId)
    if (problem) ctx.addIssue({ code: 'custom', path: ['taxId'], message: `统一社会信用代码${problem}` })
  })

export type CompanyInput = z.input<typeof companyInput>

export interface Company {
  taxId: string
  name: string
  region: string
  regionName: string
  address: string
  phone: string
  bank: string
  account: string
  operator: string
  /** 纳税人类型: as the platform last told it, else as the user chose */
  taxpayerType: TaxpayerType
  /** the rates the platform grants this company, null until it answered (then the type's whole set applies) */
  platformRates: RateLabel[] | null
  /** when the platform last told the type and rates */
  ratesReadAt: string | null
  createdAt: string
  updatedAt: string
}

export interface CompanySummary {
  taxId: string
  name: string
  current: boolean
}

export const companiesApi = {
  'companies.list': call(z.object({}).optional()).returns<CompanySummary[]>(),
  'companies.current': call(z.object({}).optional()).returns<Company | null>(),
  /** creates the company's ledger and makes it the current company */
  'companies.create': call(companyInput).returns<Company>(),
  /** the tax ID names the ledger and cannot change; everything else can */
  'companies.update': call(companyInput).returns<Company>(),
  'companies.switch': call(z.object({ taxId: z.string().min(1) })).returns<Company>(),
}
