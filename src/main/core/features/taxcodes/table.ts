// One row of the 商品和服务税收分类编码 table as the ledger keeps it, and the checks every
// source (starter CSV, imported CSV or XML, later the platform) passes through.
import type { TaxCode } from '../../../../shared/api/taxcodes'
import { AppError } from '../../errors'

/** a row of the table is exactly what the contract calls a TaxCode */
export type TaxCodeRow = TaxCode

/** The parent of a 19-digit code: its last non-zero two-digit level zeroed (top levels have none). */
export function structuralParent(code: string): string | null {
  // level 1 is one digit, every further level two digits
  const body = code.replace(/0+$/, '')
  if (body.length <= 1) return null
  const levels = Math.ceil((body.length - 1) / 2)
  const keep = 1 + (levels - 1) * 2
  return code.slice(0, keep).padEnd(19, '0')
}

export function parseLeafFlag(v: string): boolean | null {
  const t = v.trim().toUpperCase()
  if (['Y', 'YES', 'TRUE', '1', '是'].includes(t)) return true
  if (['N', 'NO', 'FALSE', '0', '否'].includes(t)) return false
  return null
}

/**
 * Checks a whole table before it replaces the ledger's copy: a broken file must change nothing.
 * Parents missing from the table are re-attached to the nearest ancestor that is present.
 */
export function checkTable(rows: TaxCodeRow[], source: string): TaxCodeRow[] {
  if (rows.length === 0) throw new AppError('FILE_INVALID', `${source}中没有税收分类编码`)
  const seen = new Set<string>()
  for (const [i, r] of rows.entries()) {
    const where = `${source}第 ${i + 1} 条（编码 ${r.code || '空'}）`
    if (!/^\d{19}$/.test(r.code)) throw new AppError('FILE_INVALID', `${where}：编码应为 19 位数字`)
    if (r.name === '') throw new AppError('FILE_INVALID', `${where}：缺少名称`)
    if (seen.has(r.code)) throw new AppError('FILE_INVALID', `${where}：编码重复`)
    seen.add(r.code)
  }
  return rows.map((r) => {
    let parent = r.parentCode && seen.has(r.parentCode) ? r.parentCode : structuralParent(r.code)
    while (parent !== null && !seen.has(parent)) parent = structuralParent(parent)
    return { ...r, parentCode: parent }
  })
}
