// The invoice draft: the documented CLI/file format (issue #3 §1) that the issuing screen, the core
// and the platform sandbox all pass around. Amounts and rates are decimal strings (never floats) so
// a draft survives JSON unchanged.
import type { IdTypeCode } from '../idTypes'
import type { CodeRates, SellerRates } from '../rateRules'
import type { PolicyCode } from '../rates'
import type { InvoiceKind } from './kinds'
import type { SpecialBusiness } from '../specialBusiness/draft'
import type { SpecialContext } from '../specialBusiness/types'

export const TAX_MODES = ['普通征税', '差额征税'] as const
export type TaxMode = (typeof TAX_MODES)[number]

export const DIFFERENCE_MODES = [
  { code: '01', label: '全额开票' },
  { code: '02', label: '差额开票' },
] as const
export type DifferenceMode = (typeof DIFFERENCE_MODES)[number]['code']

export const BUYER_TYPES = ['企业', '自然人'] as const
export type BuyerType = (typeof BUYER_TYPES)[number]

export interface DraftBuyer {
  type: BuyerType
  name: string
  /** 统一社会信用代码/纳税人识别号; optional for a 自然人 */
  taxId: string
  /** 自然人 only: 证件类型 and 证件号码 (DOMAIN.md §1: name + 身份证号 reach their personal folder) */
  idType?: IdTypeCode | null
  idNumber?: string
  address: string
  phone: string
  bank: string
  account: string
  /** print 地址/电话 and 开户银行/账号 on the invoice */
  showAddressPhone: boolean
  showBank: boolean
}

/**
 * One 项目 as the user enters it. Blank (null or '') 数量/单价/金额/税额 are derived by computeDraft;
 * given ones are kept and checked against each other by validateDraft.
 */
export interface DraftLine {
  name: string
  /** 19-digit 商品和服务税收分类编码 */
  taxCode: string
  spec: string
  unit: string
  quantity: string | null
  unitPrice: string | null
  /** 金额: tax-inclusive (under 差额征税 the 含税销售额) while the draft says priceIncludesTax, until computed */
  amount: string | null
  /** '0.13'; 免税/不征税 are '0' with policy 03/04 */
  taxRate: string
  policy: PolicyCode | null
  /** 税额; blank until computed */
  tax?: string | null
  /**
   * 折扣额: null, or the discount as a positive amount on the line's own basis (含税 while the
   * draft says priceIncludesTax, until computed; tax-exclusive after), printed as a following 折扣行
   */
  discount: string | null
  /** the 折扣行's 税额 as a positive amount (the row carries it negated); blank until computed */
  discountTax?: string | null
  /** 扣除额 under 差额征税 */
  deduction?: string | null
}

export interface DraftExtra {
  name: string
  value: string
}

/** 购买方经办人 (DOMAIN.md §9): every field optional, checked when given. */
export interface DraftAgent {
  name: string
  idType: IdTypeCode | null
  idNumber: string
  nationality: string
  /** 自然人纳税人识别号 */
  taxId: string
}

export interface InvoiceDraft {
  kind: InvoiceKind
  taxMode: TaxMode
  /** required with 差额征税 */
  differenceMode?: DifferenceMode | null
  /** 是否含税: the lines' 单价/金额 were typed tax-inclusive */
  priceIncludesTax: boolean
  buyer: DraftBuyer
  lines: DraftLine[]
  extras: DraftExtra[]
  remark: string
  agent: DraftAgent | null
  /** 收款人, 复核人 (optional); 开票人 is the operator, supplied by the caller */
  payee: string
  reviewer: string
  /**
   * 放弃享受减按1%征收率原因 (one per invoice, as the batch template's sheet 1): one of
   * REDUCED_REASONS, required of a 小规模纳税人's 专票 at 3% while 减按1% applies
   */
  reducedReason?: string | null
  /** 特定业务 (建筑服务, 不动产经营租赁 …): its kind and fields; absent or null for a plain invoice */
  specialBusiness?: SpecialBusiness | null
}

export interface Totals {
  /** 合计金额 (Σ金额, discount rows included) */
  amount: string
  /** 合计税额 */
  tax: string
  /** 价税合计（小写） */
  total: string
  /** 价税合计（大写） */
  totalInWords: string
}

/** A draft after computeDraft: every computable line filled, tax-exclusive, with totals. */
export interface ComputedDraft extends InvoiceDraft {
  priceIncludesTax: false
  totals: Totals
}

/** A problem found by validateDraft: a field path ('lines.2.quantity') and a Chinese message. */
export interface DraftIssue {
  path: string
  message: string
}

/**
 * What the caller knows of the seller and the tax-code table, for the rate rules (rateRules.ts).
 * Without it only the draft's own consistency is checked (a draft being typed, a file checked alone).
 */
export interface QualificationContext {
  /** 纳税人类型 and the rates the platform lets this taxpayer use (cached per company) */
  seller: SellerRates
  /** the table's row for a code, null when the table lacks it */
  taxCode: (code: string) => CodeRates | null
  /** today in Shanghai, 'YYYYMMDD' (the 减按1% period) */
  today: string
}

/** What the caller knows beyond the draft. */
export interface DraftContext {
  /** 开票人: the company's operator issuing the invoice (required) */
  operator: string
  qualification?: QualificationContext
  /** what 特定业务 checks need from outside the draft (the 行政区划 list) */
  special?: SpecialContext
}
