// 货物运输服务 (特定要素类型代码 04): one row per 运输 (起运地 → 到达地, vehicle, goods). Fields and
// rules: the template's sheet 3-特定业务信息, columns H–L; 国家税务总局公告2015年第99号: 起运地、到达地、
// 车种车号以及运输货物信息 on the invoice.
import type { SpecialKindSpec } from './types'
import { valueOf } from './values'

/** 运输工具种类 (template dropdown, column J). */
export const FREIGHT_VEHICLES = ['铁路运输', '公路运输', '水路运输', '航空运输', '管道运输', '其他运输工具'] as const

/**
 * (assumed) the kinds with no 牌号: the template says to write “无” for them but does not name them;
 * 管道运输 has no vehicle number by nature.
 */
const NO_PLATE: readonly string[] = ['管道运输']

/**
 * (choice) the template warns that over 2,000 rows “may” fail on the platform and over 5,000 cannot be
 * issued: we refuse above 2,000 so no invoice depends on the platform's luck.
 */
export const TRANSPORT_MAX_ROWS = 2000

export const goodsTransport: SpecialKindSpec<'货物运输服务'> = {
  kind: '货物运输服务',
  code: '04',
  aliases: ['货物运输'],
  maxRows: TRANSPORT_MAX_ROWS,
  fields: [
    { key: 'from', label: '起运地', max: 80, required: true, region: 'prefix' },
    { key: 'to', label: '到达地', max: 80, required: true, region: 'prefix' },
    { key: 'vehicleType', label: '运输工具种类', max: 40, required: true, list: FREIGHT_VEHICLES },
    { key: 'vehicleNo', label: '运输工具牌号', max: 40, required: true },
    { key: 'goods', label: '运输货物名称', max: 80, required: true },
  ],
  // 税收分类编码表 301 交通运输服务: the 货物 branches of each mode, and 管道运输 (goods only)
  allowedCodes: [
    { prefix: '3010102', name: '陆路货物运输服务' },
    { prefix: '3010202', name: '水路货物运输服务' },
    { prefix: '301020302', name: '水路货物运输期租业务' },
    { prefix: '301020402', name: '水路货物运输程租业务' },
    { prefix: '301030102', name: '航空货物运输服务' },
    { prefix: '30103010302', name: '航空货物运输湿租业务' },
    { prefix: '30104', name: '管道运输服务' },
  ],
  print: {
    label: '货物运输服务',
    columns: [
      { caption: '运输工具种类', keys: ['vehicleType'] },
      { caption: '运输工具牌号', keys: ['vehicleNo'] },
      { caption: '起运地', keys: ['from'] },
      { caption: '到达地', keys: ['to'] },
      { caption: '运输货物名称', keys: ['goods'] },
    ],
  },
  rules({ row }, say) {
    const type = valueOf(row, 'vehicleType')
    const plate = valueOf(row, 'vehicleNo')
    if (NO_PLATE.includes(type) && plate !== '' && plate !== '无') say('vehicleNo', `${type}没有运输工具牌号，请填写“无”`)
  },
}
