// 不动产经营租赁服务 (特定要素类型代码 06; the template's sheet 3 calls it 不动产租赁). Fields and rules:
// the template's sheet 3-特定业务信息, columns V–AC (row 1 rules 1–3); 国家税务总局公告2016年第23号
// 第四条（五）: the property's detailed address on the invoice.
import type { SpecialKindSpec } from './types'
import { readDay, readMinute, valueOf, YES_NO } from './values'

/** 面积单位 of a lease (template dropdown, column AB: the sale's list without 孔公里). */
export const LEASE_AREA_UNITS = ['平方米', '亩', '㎡', '平方千米', '公顷', 'h㎡', 'k㎡', '米(铁路线与管道等使用)'] as const

/** 车辆停放服务: its 租赁期 is written to the minute (template row 1 rules 2–3). */
export const PARKING_CODE = '3040502020200000000'

export const realEstateLease: SpecialKindSpec<'不动产经营租赁服务'> = {
  kind: '不动产经营租赁服务',
  code: '06',
  aliases: ['不动产租赁', '不动产经营租赁', '出租不动产'],
  maxRows: 1,
  fields: [
    { key: 'certificateNo', label: '产权证书/不动产权证号码', max: 40, required: true },
    { key: 'address', label: '不动产地址', max: 120, required: true, region: 'exact', sumWith: 'detailAddress' },
    { key: 'detailAddress', label: '不动产详细地址', max: 120, required: true },
    { key: 'leaseStart', label: '租赁期起', max: 12, required: true },
    { key: 'leaseEnd', label: '租赁期止', max: 12, required: true },
    { key: 'crossCity', label: '跨地市标志', max: 2, required: true, list: YES_NO },
    { key: 'areaUnit', label: '面积单位', max: 20, required: true, list: LEASE_AREA_UNITS },
    { key: 'plateNo', label: '车牌号', max: 20, required: false },
  ],
  // 税收分类编码表 3040502020000000000 不动产经营租赁 (住宅, 车辆停放, 道路通行, 商业营业用房, 其他)
  allowedCodes: [{ prefix: '304050202', name: '不动产经营租赁' }],
  print: {
    label: '不动产经营租赁服务',
    columns: [
      { caption: '不动产地址', keys: ['address', 'detailAddress'] },
      { caption: '租赁期起止', keys: ['leaseStart', 'leaseEnd'], join: ' 至 ' },
      { caption: '跨地（市）标志', keys: ['crossCity'] },
      { caption: '产权证书/不动产权证号码', keys: ['certificateNo'] },
      { caption: '面积单位', keys: ['areaUnit'] },
      { caption: '车牌号', keys: ['plateNo'] },
    ],
  },
  rules({ row, taxCodes }, say) {
    const minutes = taxCodes.includes(PARKING_CODE)
    const read = minutes ? readMinute : readDay
    const example = minutes ? '12 位日期时间，如 202202011631（车辆停放服务精确到分钟）' : '8 位日期，如 20220201'
    const at: Partial<Record<'leaseStart' | 'leaseEnd', string>> = {}
    for (const [key, label] of [
      ['leaseStart', '租赁期起'],
      ['leaseEnd', '租赁期止'],
    ] as const) {
      const text = valueOf(row, key)
      if (text === '') continue
      const value = read(text)
      if (value === null) say(key, `${label}“${text}”无效，应为${example}`)
      else at[key] = value
    }
    // template row 1 rule 3: 租赁期止必须大于等于租赁期起 (same-width digit strings compare as dates)
    if (at.leaseStart && at.leaseEnd && at.leaseEnd < at.leaseStart) say('leaseEnd', `租赁期止（${valueOf(row, 'leaseEnd')}）不能早于租赁期起（${valueOf(row, 'leaseStart')}）`)
  },
}
