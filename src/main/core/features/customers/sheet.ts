// The customer spreadsheet: template, import and export share these columns.
import { customerInput, type Customer } from '../../../../shared/api/customers'
import { ID_TYPES, idTypeName, parseIdType } from '../../../../shared/domain/idTypes'
import type { CellIssue, TableImport } from '../../files/tableImportSpec'
import type { TableExport } from '../../files/tableExport'
import type { SheetSpec } from '../../files/excel/spec'
import type { Ledger } from '../../ledger/open'
import { customers } from '../../ledger/schema'
import { selectCustomers, type CustomerQuery } from './selection'
import { toRow, type CustomerFields } from './row'

export const customerSheet: SheetSpec = {
  sheetName: '客户信息',
  title: '客户信息导入模板',
  instructions: [
    '请从第 2 行开始填写，每行一个客户；表头不要修改，列的顺序可以调整。',
    '企业客户以“统一社会信用代码/纳税人识别号”识别：导入已存在的纳税人识别号会更新该客户的信息。',
    '自然人客户以“名称 + 证件号码”识别。客户类型留空视为“企业”。',
    '纳税人识别号、证件号码、银行账号、手机号请保持“文本”格式，否则 Excel 会把长数字变成 9.13E+17 这样的科学计数法，导致号码丢失。',
  ],
  columns: [
    { key: 'name', header: '名称', synonyms: ['客户名称', '购买方名称', '购方名称', '单位名称', '公司名称'], required: true, width: 32, note: '必填，不超过 100 个字符' },
    { key: 'type', header: '客户类型', synonyms: ['类型', '购买方类型'], options: ['企业', '自然人'], width: 10, note: '企业 或 自然人，留空为企业' },
    {
      key: 'taxId',
      header: '统一社会信用代码/纳税人识别号',
      synonyms: ['税号', '纳税人识别号', '统一社会信用代码', '购买方纳税人识别号', '购方税号', '购买方税号', '识别号'],
      text: true,
      width: 24,
      note: '企业必填：18 位统一社会信用代码（校验位须正确），或 15、17、20 位纳税人识别号',
    },
    { key: 'idType', header: '证件类型', options: ID_TYPES.map((t) => t.name), width: 22, note: '自然人选填，填写证件号码时默认为居民身份证' },
    { key: 'idNumber', header: '证件号码', synonyms: ['身份证号', '身份证号码', '证件号'], text: true, width: 22, note: '居民身份证号码会校验' },
    { key: 'address', header: '地址', synonyms: ['购买方地址', '单位地址', '注册地址'], width: 30 },
    { key: 'phone', header: '电话', synonyms: ['联系电话', '购买方电话', '单位电话'], text: true, width: 16 },
    { key: 'bank', header: '开户银行', synonyms: ['开户行', '购买方开户银行', '银行名称'], width: 24 },
    { key: 'account', header: '银行账号', synonyms: ['账号', '开户账号', '购买方银行账号', '银行帐号'], text: true, width: 24 },
    { key: 'email', header: '邮箱', synonyms: ['电子邮箱', '邮件', 'Email', 'E-mail'], width: 24 },
    { key: 'mobile', header: '手机号', synonyms: ['手机', '手机号码', '联系手机'], text: true, width: 14 },
  ],
}

const TYPE_WORDS: Record<string, string> = { 企业单位: '企业', 单位: '企业', 公司: '企业', 个人: '自然人' }

export const customerImport: TableImport<CustomerFields> = {
  sheet: customerSheet,
  entity: 'customer',
  label: '客户',
  toInput(v) {
    const issues: CellIssue[] = []
    let idType: string | null = null
    if (v.idType) {
      idType = parseIdType(v.idType)
      if (!idType) issues.push({ key: 'idType', message: `证件类型“${v.idType}”无法识别，应为：${ID_TYPES.map((t) => t.name).join('、')}` })
    }
    const type = TYPE_WORDS[v.type ?? ''] ?? v.type
    return { input: { ...v, type, idType }, issues }
  },
  schema: customerInput,
  table: customers,
  toRow,
  // as the ledger's unique indexes customers_enterprise and customers_person say
  identity: [
    { where: { type: '企业' }, columns: ['taxId'] },
    { where: { type: '自然人' }, columns: ['name', 'idNumber'] },
  ],
}

export function customerExport(ledger: Ledger, q: CustomerQuery): TableExport<Customer> {
  const selection = selectCustomers(ledger, q)
  return {
    sheet: customerSheet,
    fileName: '客户信息.xlsx',
    count: () => selection.total,
    page: (offset, limit) => selection.page(offset, limit),
    toValues: (c) => ({ ...c, idType: idTypeName(c.idType) }),
  }
}
