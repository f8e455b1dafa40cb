// The item spreadsheet: template, import and export share these columns.
import { itemInput, type Item } from '../../../../shared/api/items'
import { POLICIES, RATE_LABELS, parsePolicy, parseRate, policyLabel, type PolicyCode } from '../../../../shared/domain/rates'
import type { CellIssue, TableImport } from '../../files/tableImportSpec'
import type { TableExport } from '../../files/tableExport'
import type { SheetSpec } from '../../files/excel/spec'
import type { Ledger } from '../../ledger/open'
import { items } from '../../ledger/schema'
import { leafProblem } from '../taxcodes/service'
import { countItems, itemWhere, pageItems, toRow, type ItemFields } from './service'

export const itemSheet: SheetSpec = {
  sheetName: '项目信息',
  title: '项目信息导入模板',
  instructions: [
    '请从第 2 行开始填写，每行一个项目；表头不要修改，列的顺序可以调整。',
    '项目以“项目名称 + 规格型号”识别：导入已存在的项目会更新它的信息。',
    '商品和服务税收分类编码须为 19 位末级编码，可在票税通的“税收分类编码”选择器中查找；请保持“文本”格式。',
    '税率/征收率可写 13%、0.13 或 13；免税、不征税请直接选择“免税”“不征税”。',
  ],
  columns: [
    {
      key: 'name',
      header: '项目名称',
      synonyms: ['商品名称', '货物或应税劳务、服务名称', '货物或应税劳务名称', '货物名称', '服务名称'],
      required: true,
      width: 30,
      note: '必填，不超过 100 个字符',
    },
    {
      key: 'taxCode',
      header: '商品和服务税收分类编码',
      synonyms: ['税收编码', '商品和服务税收编码', '税收分类编码', '商品编码', '税收商品编码', '商品和服务税收分类合并编码'],
      required: true,
      text: true,
      width: 24,
      note: '必填，19 位末级编码',
    },
    { key: 'spec', header: '规格型号', synonyms: ['规格', '型号'], width: 16, note: '不超过 40 个字符' },
    { key: 'unit', header: '单位', synonyms: ['计量单位'], width: 8, note: '不超过 22 个字符' },
    { key: 'unitPrice', header: '单价', width: 14, note: '可不填；最多 13 位小数' },
    { key: 'priceIncludesTax', header: '含税标志', synonyms: ['是否含税', '含税'], options: ['是', '否'], width: 10, note: '单价是否含税：是 / 否，留空为否' },
    { key: 'rate', header: '税率/征收率', synonyms: ['税率', '征收率', '税率（征收率）'], options: RATE_LABELS, width: 12, note: '必填' },
    { key: 'policy', header: '优惠政策类型', synonyms: ['优惠政策', '优惠政策标识', '优惠政策类型代码'], options: POLICIES.map((p) => p.label), width: 22, note: '选填' },
    { key: 'category', header: '项目分类', synonyms: ['分类', '商品分类'], width: 14, note: '选填，便于查询' },
  ],
}

const YES = ['是', 'Y', 'YES', 'TRUE', '1', '含税']
const NO = ['否', 'N', 'NO', 'FALSE', '0', '不含税', '']

export const itemImport: TableImport<ItemFields> = {
  sheet: itemSheet,
  entity: 'item',
  label: '项目',
  toInput(v) {
    const issues: CellIssue[] = []
    const flag = (v.priceIncludesTax ?? '').toUpperCase()
    let priceIncludesTax = false
    if (YES.includes(flag)) priceIncludesTax = true
    else if (!NO.includes(flag)) issues.push({ key: 'priceIncludesTax', message: `含税标志应为“是”或“否”，现为“${v.priceIncludesTax}”` })
    let rate: string | undefined
    if (v.rate) {
      rate = parseRate(v.rate) ?? undefined
      if (!rate) issues.push({ key: 'rate', message: `税率/征收率“${v.rate}”无法识别，应为：${RATE_LABELS.join('、')}` })
    }
    let policy: PolicyCode | null = null
    if (v.policy) {
      policy = parsePolicy(v.policy)
      if (!policy) issues.push({ key: 'policy', message: `优惠政策类型“${v.policy}”无法识别` })
    }
    return { input: { ...v, priceIncludesTax, rate, policy }, issues }
  },
  schema: itemInput,
  check(ledger, f) {
    const problem = leafProblem(ledger, f.taxCode)
    return problem ? { key: 'taxCode', message: problem } : null
  },
  table: items,
  toRow,
  // as the ledger's unique index items_identity says
  identity: [{ columns: ['name', 'spec'] }],
}

export function itemExport(ledger: Ledger, q: { query?: string; category?: string }): TableExport<Item> {
  const where = itemWhere(q)
  return {
    sheet: itemSheet,
    fileName: '项目信息.xlsx',
    count: () => countItems(ledger.orm, where),
    page: (offset, limit) => pageItems(ledger.orm, where, offset, limit),
    toValues: (i) => ({
      ...i,
      unitPrice: i.unitPrice ?? '',
      priceIncludesTax: i.priceIncludesTax ? '是' : '否',
      // 免税/不征税 already say their policy
      policy: i.rate === '免税' || i.rate === '不征税' ? '' : policyLabel(i.policy),
    }),
  }
}
