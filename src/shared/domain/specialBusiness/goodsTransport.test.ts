import { describe, expect, it } from 'vitest'
import { GOOD, goodWith, issuesOf } from './testSpecial'

const K = '货物运输服务'
const at = (row: number, key: string) => `specialBusiness.rows.${row}.${key}`

describe('货物运输服务', () => {
  it('several good rows have no issues', () => {
    const rows = [GOOD[K].row, goodWith(K, { from: '天津市滨海新区', to: '境外', vehicleType: '水路运输', vehicleNo: '津海 0101', goods: '集装箱' })]
    expect(issuesOf(K, rows)).toEqual([])
  })

  it.each<[string, Record<string, string>, [string, string][]]>([
    ['起运地 missing', { from: '' }, [[at(1, 'from'), '货物运输服务第 2 行：请填写起运地']]],
    ['到达地 not a 行政区划', { to: '天津港' }, [[at(1, 'to'), '货物运输服务第 2 行：到达地“天津港”应以省级行政区划名称开头（如“北京市”“河北省”），并填写到县（市、区）']]],
    [
      '运输工具种类 not in the list',
      { vehicleType: '卡车' },
      [[at(1, 'vehicleType'), '货物运输服务第 2 行：运输工具种类“卡车”无效，应为 铁路运输、公路运输、水路运输、航空运输、管道运输、其他运输工具']],
    ],
    ['牌号 missing', { vehicleNo: '' }, [[at(1, 'vehicleNo'), '货物运输服务第 2 行：请填写运输工具牌号']]],
    ['管道运输 with a 牌号', { vehicleType: '管道运输', vehicleNo: '冀A12345' }, [[at(1, 'vehicleNo'), '货物运输服务第 2 行：管道运输没有运输工具牌号，请填写“无”']]],
    ['货物名称 over 80', { goods: '钢'.repeat(81) }, [[at(1, 'goods'), '货物运输服务第 2 行：运输货物名称不能超过 80 个字符（现为 81 个）']]],
    ['起运地 over 80', { from: `河北省${'路'.repeat(78)}` }, [[at(1, 'from'), '货物运输服务第 2 行：起运地不能超过 80 个字符（现为 81 个）']]],
  ])('%s (on the second row)', (_, over, expected) => {
    expect(issuesOf(K, [GOOD[K].row, goodWith(K, over)])).toEqual(expected)
  })

  it('管道运输 with 无 is good', () => {
    expect(issuesOf(K, [goodWith(K, { vehicleType: '管道运输', vehicleNo: '无' })], ['3010401010000000000'])).toEqual([])
  })

  it('with the 行政区划 list, 起运地 is a name of it followed by any address', () => {
    const regions = new Set(['河北省石家庄市长安区', '天津市滨海新区'])
    expect(issuesOf(K, undefined, undefined, { regions })).toEqual([])
    expect(issuesOf(K, [goodWith(K, { from: '河北省石家庄市' })], undefined, { regions })).toEqual([
      [at(0, 'from'), '货物运输服务第 1 行：起运地“河北省石家庄市”应以行政区划名称开头（含县（市、区），如“北京市怀柔区”），其后可接具体地址'],
    ])
  })

  it('takes up to 2,000 rows', () => {
    expect(
      issuesOf(
        K,
        Array.from({ length: 2000 }, () => GOOD[K].row),
      ),
    ).toEqual([])
    expect(
      issuesOf(
        K,
        Array.from({ length: 2001 }, () => GOOD[K].row),
      ),
    ).toEqual([['specialBusiness.rows', '货物运输服务的特定业务信息不能超过 2000 行（现为 2001 行）']])
  })

  it('allows the 货物 branches of 交通运输服务, refuses 旅客', () => {
    const goods = ['3010102010100000000', '3010202010000000000', '3010203020000000000', '3010204020000000000', '3010301020100000000', '3010301030200000000', '3010499010000000000']
    expect(issuesOf(K, undefined, goods)).toEqual([])
    const [path, message] = issuesOf(K, undefined, ['3010101010100000000'])[0]!
    expect(path).toBe('lines.0.taxCode')
    expect(message).toMatch(/^第 1 行：货物运输服务发票的商品和服务税收分类编码应属于 陆路货物运输服务（3010102…）、.*，3010101010100000000 不属于$/)
  })
})
