// 项目信息维护 (manual §1.1.1): the items a company invoices often.
import { z } from 'zod'
import { call, fileToken, idList, jobId, paging, type FileRef, type Page } from './define'
import { decimalText, optionalText, requiredText } from './fields'
import type { ExportResult, ImportResult } from './importResult'
import { POLICY_CODES, RATE_LABELS, ratePolicyProblem, type PolicyCode, type RateLabel } from '../domain/rates'

const itemFields = z.object({
  name: requiredText('项目名称', 100),
  taxCode: z
    .string({ error: '请选择商品和服务税收分类编码' })
    .trim()
    .regex(/^\d{19}$/, '商品和服务税收分类编码应为 19 位数字'),
  spec: optionalText('规格型号', 40),
  unit: optionalText('单位', 22),
  unitPrice: decimalText('单价'),
  priceIncludesTax: z.boolean().default(false),
  rate: z.enum(RATE_LABELS, { error: '请选择税率/征收率' }),
  policy: z.enum(POLICY_CODES, { error: '优惠政策类型无效' }).nullable().default(null),
  category: optionalText('项目分类', 50),
})

function checkItem(item: { rate: RateLabel; policy: PolicyCode | null }, ctx: z.RefinementCtx) {
  const problem = ratePolicyProblem(item.rate, item.policy)
  if (problem) ctx.addIssue({ code: 'custom', path: ['policy'], message: problem })
}

export const itemInput = itemFields.superRefine(checkItem)
export const itemUpdate = itemFields.extend({ id: z.number().int().positive() }).superRefine(checkItem)
export type ItemInput = z.input<typeof itemInput>

export interface Item {
  id: number
  name: string
  taxCode: string
  /** 简称 of the tax code, printed as *简称*项目名称 */
  taxCodeShortName: string
  spec: string
  unit: string
  unitPrice: string | null
  priceIncludesTax: boolean
  rate: RateLabel
  /** the decimal rate the invoice line carries ('0.13'); 免税/不征税 are '0' with a policy */
  taxRate: string
  policy: PolicyCode | null
  category: string
  createdAt: string
  updatedAt: string
}

export const itemQuery = z.object({
  /** 项目名称 contains, or 税收分类编码 starts with */
  query: z.string().trim().max(100).optional(),
  category: z.string().trim().max(50).optional(),
})

export const itemsApi = {
  'items.list': call(itemQuery.extend(paging)).returns<Page<Item>>(),
  'items.create': call(itemInput).returns<Item>(),
  'items.update': call(itemUpdate).returns<Item>(),
  'items.delete': call(z.object({ ids: idList })).returns<{ deleted: number }>(),
  'items.categories': call(z.object({}).optional()).returns<string[]>(),
  'items.template': call(z.object({}).optional()).returns<FileRef>(),
  'items.import': call(z.object({ file: fileToken, jobId })).returns<ImportResult>(),
  'items.export': call(itemQuery.extend({ jobId })).returns<ExportResult>(),
}
