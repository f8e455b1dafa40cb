// 客户信息维护 (manual §1.1.2): the buyers a company invoices often.
import { z } from 'zod'
import { call, fileToken, idList, jobId, paging, type FileRef, type Page } from './define'
import { codeText, optionalText, requiredText } from './fields'
import type { ExportResult, ImportResult } from './importResult'
import { idCardProblem, taxIdProblem } from '../domain/taxpayerId'
import { ID_CARD, ID_TYPE_CODES, type IdTypeCode } from '../domain/idTypes'

export const CUSTOMER_TYPES = ['企业', '自然人'] as const
export type CustomerType = (typeof CUSTOMER_TYPES)[number]

const EMAIL = /^[^\s@，,;；]+@[^\s@，,;；]+\.[^\s@，,;；]+$/
const MOBILE = /^1[3-9]\d{9}$/

const customerFields = z.object({
  name: requiredText('名称', 100),
  // an empty 客户类型 means 企业
  type: z
    .union([z.enum(CUSTOMER_TYPES), z.literal('')], { error: '客户类型应为“企业”或“自然人”' })
    .optional()
    .transform((v): CustomerType => v || '企业'),
  taxId: codeText('纳税人识别号', 20),
  idType: z.enum(ID_TYPE_CODES, { error: '证件类型无效' }).nullable().default(null),
  idNumber: codeText('证件号码', 30),
  address: optionalText('地址', 100),
  phone: optionalText('电话', 30),
  bank: optionalText('开户银行', 100),
  account: optionalText('银行账号', 50),
  email: optionalText('邮箱', 100),
  // mobiles are typed as +86 138-0013-8000 too
  mobile: optionalText('手机号', 20).transform((s) => s.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '')),
})

type CustomerFields = z.output<typeof customerFields>

function checkCustomer(c: CustomerFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
  if (c.type === '企业') {
    if (c.taxId === '') issue('taxId', '企业客户须填写统一社会信用代码/纳税人识别号')
    else {
      const problem = taxIdProblem(c.taxId)
      if (problem) issue('taxId', `纳税人识别号${problem}`)
    }
  } else if (c.taxId !== '' && taxIdProblem(c.taxId) && idCardProblem(c.taxId)) {
    issue('taxId', '自然人的纳税人识别号应为身份证号码或统一社会信用代码，请核对')
  }
  if (c.idNumber !== '' && (c.idType ?? ID_CARD) === ID_CARD) {
    const problem = idCardProblem(c.idNumber)
    if (problem) issue('idNumber', problem)
  }
  if (c.idType !== null && c.idNumber === '') issue('idNumber', '已选择证件类型，请填写证件号码')
  if (c.email !== '' && !EMAIL.test(c.email)) issue('email', '邮箱格式不正确，例如 name@example.com')
  if (c.mobile !== '' && !MOBILE.test(c.mobile)) issue('mobile', '手机号应为 11 位大陆手机号码，例如 13800138000')
}

// a 证件号码 without a 证件类型 is taken as a 居民身份证
const withIdType = <T extends { idType: IdTypeCode | null; idNumber: string }>(c: T): T => (c.idNumber !== '' && c.idType === null ? { ...c, idType: ID_CARD } : c)

export const customerInput = customerFields.superRefine(checkCustomer).transform(withIdType)
export const customerUpdate = customerFields.extend({ id: z.number().int().positive() }).superRefine(checkCustomer).transform(withIdType)
export type CustomerInput = z.input<typeof customerInput>

export interface Customer {
  id: number
  name: string
  type: CustomerType
  taxId: string
  idType: IdTypeCode | null
  idNumber: string
  address: string
  phone: string
  bank: string
  account: string
  email: string
  mobile: string
  createdAt: string
  updatedAt: string
}

export const customerQuery = z.object({
  /** 名称 contains, 拼音首字母 contains (`hwkj`), or 纳税人识别号 starts with */
  query: z.string().trim().max(100).optional(),
  type: z.enum(CUSTOMER_TYPES).optional(),
})

export const customersApi = {
  'customers.list': call(customerQuery.extend(paging)).returns<Page<Customer>>(),
  'customers.create': call(customerInput).returns<Customer>(),
  'customers.update': call(customerUpdate).returns<Customer>(),
  'customers.delete': call(z.object({ ids: idList })).returns<{ deleted: number }>(),
  'customers.template': call(z.object({}).optional()).returns<FileRef>(),
  'customers.import': call(z.object({ file: fileToken, jobId })).returns<ImportResult>(),
  'customers.export': call(customerQuery.extend({ jobId })).returns<ExportResult>(),
}
