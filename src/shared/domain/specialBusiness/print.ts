// What a 特定业务 prints: its label beside the title and the 特定信息 block (captions, one row of
// values per SpecialBusiness row). The 数电票 prints these fields in their own block, where the paper
// invoices of 公告2016年第23号 put them in 备注.
import { specialKindSpec } from './kinds'
import type { SpecialBusiness } from './draft'

export interface SpecialPrintBlock {
  label: string
  captions: string[]
  rows: string[][]
}

export function specialPrintBlock(sb: SpecialBusiness): SpecialPrintBlock {
  const { print } = specialKindSpec(sb.kind)
  const cell = (row: Record<string, string>, keys: readonly string[], join: string) =>
    keys
      .map((k) => (row[k] ?? '').trim())
      .filter((v) => v !== '')
      .join(join)
  return {
    label: print.label,
    captions: print.columns.map((c) => c.caption),
    rows: sb.rows.map((row) => print.columns.map((c) => cell(row, c.keys, c.join ?? ''))),
  }
}
