// 商品和服务税收分类编码 (DOMAIN.md §8): the local copy of the table, its picker and search.
import { z } from 'zod'
import { call, fileToken, jobId } from './define'

export interface TaxCode {
  code: string
  parentCode: string | null
  name: string
  shortName: string
  isLeaf: boolean
  /** rates as labels ('13%', '免税'); the first is the default */
  rates: string[]
  specialManagement: string
  keywords: string
  description: string
}

export interface TaxCodeNode extends TaxCode {
  hasChildren: boolean
}

export type TaxCodeMatchField = '编码' | '名称' | '简称' | '关键字' | '说明'

export interface TaxCodeHit extends TaxCode {
  /** what the text matched, shown to the user as the reason */
  matchedBy: TaxCodeMatchField
  score: number
}

/** 智能匹配: why a code is suggested for a 项目名称 */
export type TaxCodeMatchReason = '历史使用' | '名称匹配' | '关键字' | '说明'

export interface TaxCodeMatchHit {
  code: string
  name: string
  shortName: string
  rates: string[]
  /** 增值税特殊管理: which 征收率 the code allows (the rate rules) */
  specialManagement: string
  matchedBy: TaxCodeMatchReason
  score: number
}

/**
 * Where the ledger's table came from: builtin — the full public table shipped with the app
 * (resources/taxcodes); platform — downloaded from the tax platform when its version changed;
 * csv / xml — imported by the user.
 */
export type TaxCodeTableSource = 'builtin' | 'platform' | 'csv' | 'xml'

/** 来源 as a person reads it */
export const TAXCODE_SOURCE_LABELS: Record<TaxCodeTableSource, string> = {
  builtin: '内置编码表',
  platform: '税务平台下发',
  csv: '导入 CSV',
  xml: '导入 XML',
}

export interface TaxCodeTableInfo {
  /** 条数 */
  total: number
  /** 末级条数: the codes that may go on an invoice */
  leaves: number
  source: TaxCodeTableSource
  /** 来源 in words (TAXCODE_SOURCE_LABELS) */
  sourceLabel: string
  /** 版本: the shipped table's ('2018-01'), the platform's; '' for a file the user imported */
  version: string
  /** what it was made from: the public table's provenance, the platform's file, the imported file's name */
  origin: string
  loadedAt: string
}

/**
 * resources/taxcodes/manifest.json: the table shipped with the app, written by
 * scripts/convert-taxcodes.ts beside the table itself. The sandbox serves that table with this
 * version until another is imported.
 */
export interface BuiltinTaxcodesManifest {
  /** 版本 of the public table ('2018-01'); rates are today's */
  version: string
  /** 来源: the public table's provenance, in words */
  source: string
  /** which 2018 rates became which of today's */
  rates: string
  /** 条数 */
  total: number
  /** 末级条数 */
  leaves: number
  /** the table beside the manifest: CSV, the header the CSV import reads */
  file: string
  /** the public file it was converted from, and its sha256 */
  convertedFrom: { file: string; sha256: string }
}

export const taxcodesApi = {
  'taxcodes.search': call(z.object({ text: z.string().trim().max(100), top: z.coerce.number().int().min(1).max(200).default(20) })).returns<TaxCodeHit[]>(),
  /** 智能匹配: leaf codes for an item name — what this company used before first, then the table */
  'taxcodes.match': call(z.object({ name: z.string().trim().max(200), top: z.coerce.number().int().min(1).max(50).default(10) })).returns<TaxCodeMatchHit[]>(),
  /** children of a node; null for the top level */
  'taxcodes.children': call(
    z.object({
      parent: z
        .string()
        .regex(/^\d{19}$/)
        .nullable(),
    }),
  ).returns<TaxCodeNode[]>(),
  'taxcodes.get': call(z.object({ code: z.string().regex(/^\d{19}$/, '税收分类编码应为 19 位数字') })).returns<TaxCode>(),
  /** the chain from the top level down to the code, for opening the tree at it */
  'taxcodes.path': call(z.object({ code: z.string().regex(/^\d{19}$/) })).returns<TaxCode[]>(),
  /** the table in use: 版本, 来源, 条数 */
  'taxcodes.info': call(z.object({}).optional()).returns<TaxCodeTableInfo>(),
  'taxcodes.import': call(z.object({ file: fileToken, jobId })).returns<TaxCodeTableInfo>(),
}
