// 特定业务 (DOMAIN.md §1): a 数电票 that carries a 特定业务 adds its own fields (the batch template's
// sheet 3-特定业务信息) and may only use the 税收分类编码 of that business. This file declares what
// each kind file states about itself; the kinds are in the files beside it.

/** One field of a 特定业务 as the template (row 3 header, row 2 length and 必填) declares it. */
export interface SpecialField {
  /** key in a row of SpecialBusiness.rows */
  key: string
  /** Chinese label: the template's header and the printed caption */
  label: string
  /** most characters (code points), the template's row 2 */
  max: number
  /** 必填 in row 2; a required-if is a rule of the kind, not this flag */
  required: boolean
  /** the values it may take (a dropdown of the template) */
  list?: readonly string[]
  /**
   * a 行政区划 name: 'exact' a name of the list (建筑服务发生地, 不动产地址), 'prefix' a name of the list
   * optionally followed by an address (起运地, 出发地 … “可在县（市、区）后增添具体地址”)
   */
  region?: 'exact' | 'prefix'
  /** 合计（限N字符）: this field and that one together count against `max` (template row 2) */
  sumWith?: string
}

/** A 税收分类编码 prefix the kind allows, with the name of that branch of the table. */
export interface AllowedCode {
  prefix: string
  name: string
}

/** What prints: the 特定业务 label beside the title and the fields in the 特定信息 block. */
export interface SpecialPrint {
  /** printed beside the invoice title */
  label: string
  /** the block's columns in order; a column with several keys prints their values joined by `join` ('') */
  columns: readonly { caption: string; keys: readonly string[]; join?: string }[]
}

/** One row of 特定业务 fields by key; blank and missing keys mean the same. */
export type SpecialRow = Record<string, string>

/** Where a rule reports: the field key (or '' for the whole row) and a message without the row prefix. */
export type SaySpecial = (key: string, message: string) => void

/** What the caller knows beyond the draft (all optional: without it those checks are skipped). */
export interface SpecialContext {
  /**
   * The 行政区划 list (“省市县” names such as 北京市怀柔区) when the caller has it. Without it a
   * region is only checked to begin with a province-level name.
   */
  regions?: ReadonlySet<string>
  /** the seller is a 房地产开发企业: 不动产单元代码/网签合同备案编码 becomes required (template row 1) */
  sellerIsDeveloper?: boolean
}

/** What a rule may read besides its row. */
export interface RuleInput {
  row: SpecialRow
  /** the draft's lines' 税收分类编码 (trimmed) */
  taxCodes: readonly string[]
  ctx: SpecialContext
}

export interface SpecialKindSpec<K extends string = string> {
  /** the kind's name, as the platform writes it */
  kind: K
  /** 特定要素类型代码 (tdyslxDm) of the platform's issuing interface */
  code: string
  /** other names users and the template use (the template's sheet 3 says 不动产租赁) */
  aliases: readonly string[]
  /** rows the kind may hold: 1 for one block, more for the 运输 lists */
  maxRows: number
  fields: readonly SpecialField[]
  allowedCodes: readonly AllowedCode[]
  print: SpecialPrint
  /** the rules beyond each field's own length / required / list / region */
  rules: (input: RuleInput, say: SaySpecial) => void
}
