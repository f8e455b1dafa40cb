// 不动产销售 (特定要素类型代码 05). Fields and rules: the template's sheet 3-特定业务信息, columns M–U
// (row 1 rules 1–4); 国家税务总局公告2016年第23号 第四条（四）: 产权证书号码, 面积单位 and the
// property's detailed address on the invoice.
import { parseMoney } from '../invoice/money'
import type { SpecialKindSpec } from './types'
import { blank, valueOf, YES_NO } from './values'

/** 面积单位 of a sale (template dropdown, column U). */
export const SALE_AREA_UNITS = ['平方米', '亩', '㎡', '平方千米', '公顷', 'h㎡', 'k㎡', '孔公里', '米(铁路线与管道等使用)'] as const

/** A money field: a positive amount of at most 2 decimals. */
function moneyProblem(label: string, text: string): string | null {
  const d = parseMoney(text)
  return d !== null && d.gt(0) ? null : `${label}应为大于 0 的金额，最多 2 位小数`
}

export const realEstateSale: SpecialKindSpec<'不动产销售'> = {
  kind: '不动产销售',
  code: '05',
  aliases: ['销售不动产'],
  maxRows: 1,
  fields: [
    { key: 'certificateNo', label: '产权证书/不动产权证号码', max: 40, required: false },
    { key: 'address', label: '不动产地址', max: 120, required: true, region: 'exact', sumWith: 'detailAddress' },
    { key: 'detailAddress', label: '不动产详细地址', max: 120, required: true },
    { key: 'unitCode', label: '不动产单元代码/网签合同备案编码', max: 28, required: false },
    { key: 'landVatProjectNo', label: '土地增值税项目编号', max: 20, required: false },
    { key: 'assessedPrice', label: '核定计税价格', max: 20, required: false },
    { key: 'dealAmount', label: '实际成交含税金额', max: 20, required: false },
    { key: 'crossCity', label: '跨地市标志', max: 2, required: true, list: YES_NO },
    { key: 'areaUnit', label: '面积单位', max: 12, required: true, list: SALE_AREA_UNITS },
  ],
  // 税收分类编码表 5000000000000000000 不动产 (建筑物, 构筑物, 其他不动产)
  allowedCodes: [{ prefix: '5', name: '不动产' }],
  print: {
    label: '不动产销售',
    columns: [
      { caption: '不动产单元代码/网签合同备案编号', keys: ['unitCode'] },
      { caption: '不动产地址', keys: ['address', 'detailAddress'] },
      { caption: '跨地（市）标志', keys: ['crossCity'] },
      { caption: '土地增值税项目编号', keys: ['landVatProjectNo'] },
      { caption: '核定计税价格', keys: ['assessedPrice'] },
      { caption: '实际成交含税金额', keys: ['dealAmount'] },
    ],
  },
  rules({ row, ctx }, say) {
    // template row 1 rule 2: required of a 房地产开发企业, not needed of others
    if (ctx.sellerIsDeveloper && blank(row, 'unitCode')) say('unitCode', '房地产开发企业销售不动产，请填写不动产单元代码/网签合同备案编码')
    for (const [key, label] of [
      ['assessedPrice', '核定计税价格'],
      ['dealAmount', '实际成交含税金额'],
    ] as const) {
      const problem = blank(row, key) ? null : moneyProblem(label, valueOf(row, key))
      if (problem) say(key, problem)
    }
    // template row 1 rule 4: taxed on the 核定计税价格 → the real price is required beside it
    if (!blank(row, 'assessedPrice') && blank(row, 'dealAmount')) say('dealAmount', '按核定计税价格征税的，请填写实际成交含税金额')
  },
}
