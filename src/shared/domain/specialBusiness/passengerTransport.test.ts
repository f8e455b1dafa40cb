import { describe, expect, it } from 'vitest'
import { GOOD, goodWith, issuesOf, TRAVELLER_ID } from './testSpecial'

const K = '旅客运输服务'
const at = (key: string) => `specialBusiness.rows.0.${key}`
// the good number with another 18th character
const BAD_ID = `${TRAVELLER_ID.slice(0, 17)}${TRAVELLER_ID[17] === '0' ? '1' : '0'}`
const one = (over: Record<string, string>) => issuesOf(K, [goodWith(K, over)])

describe('旅客运输服务', () => {
  it('good rows have no issues: a train, a flight, a taxi without 等级, a passport', () => {
    const rows = [
      GOOD[K].row,
      goodWith(K, { vehicle: '飞机', class: '经济舱', date: '20260302' }),
      goodWith(K, { vehicle: '出租车', class: '' }),
      goodWith(K, { idType: '外国护照', idNumber: 'E12345678' }),
    ]
    expect(issuesOf(K, rows)).toEqual([])
  })

  it.each<[string, Record<string, string>, [string, string][]]>([
    ['出行人 missing', { traveller: '' }, [[at('traveller'), '旅客运输服务第 1 行：请填写出行人']]],
    ['证件类型 not in the list', { idType: '身份证' }, [[at('idType'), '旅客运输服务第 1 行：出行人证件类型“身份证”不在列表中，请从列表选择']]],
    ['证件号码 missing', { idNumber: '' }, [[at('idNumber'), '旅客运输服务第 1 行：请填写出行人证件号码']]],
    [
      '居民身份证 with a bad check digit',
      { idNumber: BAD_ID },
      [[at('idNumber'), `旅客运输服务第 1 行：出行人居民身份证号码校验位不正确（第 18 位应为 ${TRAVELLER_ID[17]}），请核对`]],
    ],
    ['居民身份证 too short', { idNumber: '1101051949' }, [[at('idNumber'), '旅客运输服务第 1 行：出行人居民身份证号码应为 18 位：17 位数字加 1 位数字或 X']]],
    ['出行日期 in another format', { date: '2026-03-01' }, [[at('date'), '旅客运输服务第 1 行：出行日期“2026-03-01”无效，应为 8 位日期，如 20220301']]],
    ['出行日期 not a date', { date: '20260230' }, [[at('date'), '旅客运输服务第 1 行：出行日期“20260230”无效，应为 8 位日期，如 20220301']]],
    ['出发地 missing', { from: '' }, [[at('from'), '旅客运输服务第 1 行：请填写出发地']]],
    ['到达地 not a 行政区划', { to: '虹桥站' }, [[at('to'), '旅客运输服务第 1 行：到达地“虹桥站”应以省级行政区划名称开头（如“北京市”“河北省”），并填写到县（市、区）']]],
    [
      '交通工具类型 not in the list',
      { vehicle: '高铁' },
      [[at('vehicle'), '旅客运输服务第 1 行：交通工具类型“高铁”无效，应为 飞机、火车、长途汽车、公共交通、出租车、汽车、船舶、其他']],
    ],
    ['火车 without 等级', { class: '' }, [[at('class'), '旅客运输服务第 1 行：交通工具为火车时请填写等级（一等座、二等座、软席、硬席、软座、软卧、硬座、硬卧）']]],
    ['飞机 with a train 等级', { vehicle: '飞机', class: '二等座' }, [[at('class'), '旅客运输服务第 1 行：飞机的等级“二等座”无效，应为 经济舱、头等舱、公务舱']]],
    ['船舶 without 等级', { vehicle: '船舶', class: '' }, [[at('class'), '旅客运输服务第 1 行：交通工具为船舶时请填写等级（一等舱、二等舱、三等舱）']]],
    ['等级 over 8', { vehicle: '汽车', class: '豪华商务大巴座位' + '席' }, [[at('class'), '旅客运输服务第 1 行：等级不能超过 8 个字符（现为 9 个）']]],
  ])('%s', (_, over, expected) => {
    expect(one(over)).toEqual(expected)
  })

  it('names the row among several', () => {
    expect(issuesOf(K, [GOOD[K].row, GOOD[K].row, goodWith(K, { traveller: '' })])).toEqual([['specialBusiness.rows.2.traveller', '旅客运输服务第 3 行：请填写出行人']])
  })

  it('allows the 旅客 branches of 交通运输服务, refuses 货物', () => {
    const passenger = [
      '3010101010100000000',
      '3010101020203000000',
      '3010201010000000000',
      '3010203010000000000',
      '3010204010000000000',
      '3010301010100000000',
      '3010301030100000000',
    ]
    expect(issuesOf(K, undefined, passenger)).toEqual([])
    expect(issuesOf(K, undefined, ['3010102020100000000']).map(([p]) => p)).toEqual(['lines.0.taxCode'])
  })
})
