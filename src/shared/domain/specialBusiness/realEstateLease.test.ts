import { describe, expect, it } from 'vitest'
import { PARKING_CODE } from './realEstateLease'
import { goodWith, issuesOf } from './testSpecial'

const K = '不动产经营租赁服务'
const at = (key: string) => `specialBusiness.rows.0.${key}`
const one = (over: Record<string, string>, codes?: string[]) => issuesOf(K, [goodWith(K, over)], codes)

describe('不动产经营租赁服务', () => {
  it('a good row has no issues; 起 = 止 is allowed', () => {
    expect(one({})).toEqual([])
    expect(one({ leaseStart: '20260301', leaseEnd: '20260301' })).toEqual([])
  })

  it('reads only the template date format (YYYYMMDD)', () => {
    expect(one({ leaseStart: '2026-01-01' })).toEqual([[at('leaseStart'), '不动产经营租赁服务：租赁期起“2026-01-01”无效，应为8 位日期，如 20220201']])
  })

  it.each<[string, Record<string, string>, [string, string][]]>([
    ['产权证书号 missing', { certificateNo: '' }, [[at('certificateNo'), '不动产经营租赁服务：请填写产权证书/不动产权证号码']]],
    ['不动产地址 missing', { address: '' }, [[at('address'), '不动产经营租赁服务：请填写不动产地址']]],
    ['详细地址 missing', { detailAddress: '' }, [[at('detailAddress'), '不动产经营租赁服务：请填写不动产详细地址']]],
    ['租赁期起 missing', { leaseStart: '' }, [[at('leaseStart'), '不动产经营租赁服务：请填写租赁期起']]],
    ['租赁期止 missing', { leaseEnd: '' }, [[at('leaseEnd'), '不动产经营租赁服务：请填写租赁期止']]],
    ['租赁期起 not a date', { leaseStart: '20261301' }, [[at('leaseStart'), '不动产经营租赁服务：租赁期起“20261301”无效，应为8 位日期，如 20220201']]],
    ['租赁期止 before 起', { leaseStart: '20261231', leaseEnd: '20260101' }, [[at('leaseEnd'), '不动产经营租赁服务：租赁期止（20260101）不能早于租赁期起（20261231）']]],
    ['租赁期 to the minute without 车辆停放', { leaseStart: '202601010800' }, [[at('leaseStart'), '不动产经营租赁服务：租赁期起“202601010800”无效，应为8 位日期，如 20220201']]],
    ['跨地市标志 missing', { crossCity: '' }, [[at('crossCity'), '不动产经营租赁服务：请填写跨地市标志']]],
    [
      '面积单位 孔公里 (only for a sale)',
      { areaUnit: '孔公里' },
      [[at('areaUnit'), '不动产经营租赁服务：面积单位“孔公里”无效，应为 平方米、亩、㎡、平方千米、公顷、h㎡、k㎡、米(铁路线与管道等使用)']],
    ],
    ['车牌号 over 20', { plateNo: '京'.repeat(21) }, [[at('plateNo'), '不动产经营租赁服务：车牌号不能超过 20 个字符（现为 21 个）']]],
  ])('%s', (_, over, expected) => {
    expect(one(over)).toEqual(expected)
  })

  it('车辆停放服务 writes the 租赁期 to the minute', () => {
    expect(one({ leaseStart: '202602011631', leaseEnd: '202602011805', plateNo: '京A12345' }, [PARKING_CODE])).toEqual([])
    expect(one({ leaseStart: '20260201', leaseEnd: '202602011805' }, [PARKING_CODE])).toEqual([
      [at('leaseStart'), '不动产经营租赁服务：租赁期起“20260201”无效，应为12 位日期时间，如 202202011631（车辆停放服务精确到分钟）'],
    ])
    expect(one({ leaseStart: '202602011805', leaseEnd: '202602011631' }, [PARKING_CODE])).toEqual([
      [at('leaseEnd'), '不动产经营租赁服务：租赁期止（202602011631）不能早于租赁期起（202602011805）'],
    ])
    expect(one({ leaseStart: '202602012460', leaseEnd: '202602011631' }, [PARKING_CODE]).map(([p]) => p)).toEqual([at('leaseStart')])
  })

  it('allows the 不动产经营租赁 codes (304050202…), refuses 有形动产 and 不动产 sales', () => {
    expect(one({}, ['3040502020101000000', '3040502020400000000', '3040502029902000000'])).toEqual([])
    expect(one({}, ['3040502010100000000', '5010101000000000000'])).toEqual([
      ['lines.0.taxCode', '第 1 行：不动产经营租赁服务发票的商品和服务税收分类编码应属于 不动产经营租赁（304050202…），3040502010100000000 不属于'],
      ['lines.1.taxCode', '第 2 行：不动产经营租赁服务发票的商品和服务税收分类编码应属于 不动产经营租赁（304050202…），5010101000000000000 不属于'],
    ])
  })
})
