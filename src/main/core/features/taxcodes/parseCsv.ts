// The flattened CSV form of the table (also our starter table):
// code,parent_code,name,short_name,is_leaf,tax_rates[_2018],vat_special_mgmt,keywords,description
import { AppError } from '../../errors'
import { readTable } from '../../files/excel/read'
import type { SheetSpec } from '../../files/excel/spec'
import { currentRates } from '../../../../shared/domain/taxcodeRates'
import { parseLeafFlag, type TaxCodeRow } from './table'

export const taxCodeSheet: SheetSpec = {
  sheetName: '税收分类编码',
  title: '商品和服务税收分类编码表',
  instructions: [],
  columns: [
    { key: 'code', header: 'code', synonyms: ['编码', '税收分类编码', '商品和服务税收分类编码'], required: true, text: true },
    { key: 'parent', header: 'parent_code', synonyms: ['上级编码'], text: true },
    { key: 'name', header: 'name', synonyms: ['名称', '货物和劳务名称'], required: true },
    { key: 'shortName', header: 'short_name', synonyms: ['简称', '商品和服务分类简称'] },
    { key: 'isLeaf', header: 'is_leaf', synonyms: ['是否末级', '可用'] },
    { key: 'rates', header: 'tax_rates', synonyms: ['tax_rates_2018', '税率', '增值税税率'] },
    { key: 'special', header: 'vat_special_mgmt', synonyms: ['增值税特殊管理'] },
    { key: 'keywords', header: 'keywords', synonyms: ['关键字'] },
    { key: 'description', header: 'description', synonyms: ['说明'] },
  ],
}

export function parseTaxCodeCsv(bytes: Uint8Array, fileName: string): TaxCodeRow[] {
  const table = readTable(bytes, fileName, taxCodeSheet)
  return table.rows.map((r) => {
    const v = r.values
    const isLeaf = parseLeafFlag(v.isLeaf ?? '')
    if (r.problems.length > 0 || isLeaf === null)
      throw new AppError('FILE_INVALID', `第 ${r.row} 行：${r.problems[0]?.message ?? `是否末级（is_leaf）应为 Y 或 N，现为“${v.isLeaf ?? ''}”`}`)
    return {
      code: v.code ?? '',
      parentCode: v.parent || null,
      name: v.name ?? '',
      shortName: v.shortName ?? '',
      isLeaf,
      rates: currentRates(v.rates ?? ''),
      specialManagement: v.special ?? '',
      keywords: v.keywords ?? '',
      description: v.description ?? '',
    }
  })
}
