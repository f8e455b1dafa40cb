import { describe, expect, it } from 'vitest'
import { goodWith, issuesOf } from './testSpecial'

const K = '不动产销售'
const at = (key: string) => `specialBusiness.rows.0.${key}`
const one = (over: Record<string, string>) => issuesOf(K, [goodWith(K, over)])

describe('不动产销售', () => {
  it('a good row, with or without 核定计税价格, has no issues', () => {
    expect(one({})).toEqual([])
    expect(one({ assessedPrice: '3000000', dealAmount: '3200000.50', unitCode: '110105001001GB00001F0001', landVatProjectNo: 'TD2026001', crossCity: '是' })).toEqual([])
  })

  it.each<[string, Record<string, string>, [string, string][]]>([
    ['不动产地址 missing', { address: '' }, [[at('address'), '不动产销售：请填写不动产地址']]],
    ['不动产地址 not a 行政区划', { address: '望京' }, [[at('address'), '不动产销售：不动产地址“望京”应以省级行政区划名称开头（如“北京市”“河北省”），并填写到县（市、区）']]],
    ['详细地址 missing', { detailAddress: '' }, [[at('detailAddress'), '不动产销售：请填写不动产详细地址']]],
    ['地址 over 120 together', { detailAddress: '号'.repeat(115) }, [[at('detailAddress'), '不动产销售：不动产地址与不动产详细地址合计不能超过 120 个字符（现为 121 个）']]],
    ['产权证书号 over 40', { certificateNo: '证'.repeat(41) }, [[at('certificateNo'), '不动产销售：产权证书/不动产权证号码不能超过 40 个字符（现为 41 个）']]],
    ['单元代码 over 28', { unitCode: '1'.repeat(29) }, [[at('unitCode'), '不动产销售：不动产单元代码/网签合同备案编码不能超过 28 个字符（现为 29 个）']]],
    ['跨地市标志 missing', { crossCity: '' }, [[at('crossCity'), '不动产销售：请填写跨地市标志']]],
    ['面积单位 missing', { areaUnit: '' }, [[at('areaUnit'), '不动产销售：请填写面积单位']]],
    [
      '面积单位 not in the list',
      { areaUnit: '平米' },
      [[at('areaUnit'), '不动产销售：面积单位“平米”无效，应为 平方米、亩、㎡、平方千米、公顷、h㎡、k㎡、孔公里、米(铁路线与管道等使用)']],
    ],
    ['核定计税价格 not money', { assessedPrice: '三百万', dealAmount: '3000000' }, [[at('assessedPrice'), '不动产销售：核定计税价格应为大于 0 的金额，最多 2 位小数']]],
    ['核定计税价格 without 实际成交含税金额', { assessedPrice: '3000000' }, [[at('dealAmount'), '不动产销售：按核定计税价格征税的，请填写实际成交含税金额']]],
    ['实际成交含税金额 of 3 decimals', { dealAmount: '100.001' }, [[at('dealAmount'), '不动产销售：实际成交含税金额应为大于 0 的金额，最多 2 位小数']]],
  ])('%s', (_, over, expected) => {
    expect(one(over)).toEqual(expected)
  })

  it('a 房地产开发企业 must give the 不动产单元代码/网签合同备案编码', () => {
    expect(issuesOf(K, undefined, undefined, { sellerIsDeveloper: true })).toEqual([
      [at('unitCode'), '不动产销售：房地产开发企业销售不动产，请填写不动产单元代码/网签合同备案编码'],
    ])
    expect(issuesOf(K, [goodWith(K, { unitCode: '110105001001GB00001F0001' })], undefined, { sellerIsDeveloper: true })).toEqual([])
  })

  it('allows only 不动产 codes (5…)', () => {
    expect(issuesOf(K, undefined, ['5010101000000000000', '5020000000000000000', '5030000000000000000'])).toEqual([])
    expect(issuesOf(K, undefined, ['3040502020400000000'])).toEqual([
      ['lines.0.taxCode', '第 1 行：不动产销售发票的商品和服务税收分类编码应属于 不动产（5…），3040502020400000000 不属于'],
    ])
  })
})
