// The public XML form of the table (an Odoo data file): <record model="tax.category"> with
// fields code, name, print_name (简称), note (说明), help (关键字), tax_rate, can_use (leaf),
// superior (parent, by record id) and base_category (增值税特殊管理, by record id).
import type * as Fxp from 'fast-xml-parser'
import { AppError } from '../../errors'
import { lazyRequire } from '../../lazyRequire'
import { currentRates } from '../../../../shared/domain/taxcodeRates'
import type { TaxCodeRow } from './table'

const fxp = lazyRequire<typeof Fxp>('fast-xml-parser')

interface XmlField {
  '@_name': string
  '@_ref'?: string
  '#text'?: string | number | boolean
}

interface XmlRecord {
  '@_id': string
  '@_model': string
  field?: XmlField | XmlField[]
}

export function parseTaxCodeXml(text: string): TaxCodeRow[] {
  const parser = new (fxp().XMLParser)({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => name === 'record' || name === 'field',
  })
  let doc: { openerp?: { data?: { record?: XmlRecord[] } | { record?: XmlRecord[] }[] } }
  try {
    doc = parser.parse(text, true) as typeof doc
  } catch (e) {
    throw new AppError('FILE_INVALID', `XML 文件格式错误：${(e as Error).message}`)
  }
  const dataNodes = doc.openerp?.data
  const records = (Array.isArray(dataNodes) ? dataNodes : dataNodes ? [dataNodes] : []).flatMap((d) => d.record ?? [])
  if (records.length === 0) throw new AppError('FILE_INVALID', 'XML 文件中没有找到税收分类编码记录（tax.category）')

  const fieldsOf = (r: XmlRecord) => {
    const map = new Map<string, XmlField>()
    for (const f of [r.field ?? []].flat()) map.set(f['@_name'], f)
    return map
  }
  const textOf = (f: XmlField | undefined) => String(f?.['#text'] ?? '').trim()

  const categoryNames = new Map<string, string>()
  const codeById = new Map<string, string>()
  for (const r of records) {
    const f = fieldsOf(r)
    if (r['@_model'] === 'tax.base.category') categoryNames.set(r['@_id'], textOf(f.get('name')))
    if (r['@_model'] === 'tax.category') codeById.set(r['@_id'], textOf(f.get('code')))
  }
  return records
    .filter((r) => r['@_model'] === 'tax.category')
    .map((r) => {
      const f = fieldsOf(r)
      const superior = f.get('superior')?.['@_ref']
      const category = f.get('base_category')?.['@_ref']
      return {
        code: textOf(f.get('code')),
        parentCode: superior ? (codeById.get(superior) ?? null) : null,
        name: textOf(f.get('name')),
        shortName: textOf(f.get('print_name')),
        isLeaf: textOf(f.get('can_use')).toLowerCase() === 'true',
        rates: currentRates(textOf(f.get('tax_rate'))),
        specialManagement: category ? (categoryNames.get(category) ?? '') : '',
        keywords: textOf(f.get('help')),
        description: textOf(f.get('note')),
      }
    })
}
