// 销售方 (the company issuing invoices). One ledger file per company.
import { z } from 'zod'
import { call } from './define'
import { codeText, optionalText, requiredText } from './fields'
import { taxIdProblem } from '../domain/taxpayerId'
import { REGION_CODES } from '../domain/regions'

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
