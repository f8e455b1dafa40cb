// 旅客运输服务 (特定要素类型代码 09): one row per 出行人 and trip. Fields and rules: the template's
// sheet 3-特定业务信息, columns AL–AS (row 1 rules 1–6). The traveller's name and 证件 matter to the
// buyer: 财政部 税务总局 海关总署公告2019年第39号 第六条 lets a buyer deduct 旅客运输 input tax only on
// documents that name the traveller.
import { idCardProblem } from '../taxpayerId'
import { TRANSPORT_MAX_ROWS } from './goodsTransport'
import { TRAVELLER_ID_TYPES } from './travellerIds'
import type { SpecialKindSpec } from './types'
import { readDay, valueOf } from './values'

/** 交通工具类型 (the template's hidden list jtgjlx). */
export const PASSENGER_VEHICLES = ['飞机', '火车', '长途汽车', '公共交通', '出租车', '汽车', '船舶', '其他'] as const

/**
 * 等级 by 交通工具类型 (template row 1 rule 5: required for 火车, 飞机, 船舶).
 * (assumed) for 火车 the template writes 软席（软座、软卧） and 硬席（硬座、硬卧）; the field holds 8
 * characters, so the value is 软席 / 硬席 or one of the seats the brackets name.
 */
export const PASSENGER_CLASSES: Readonly<Record<string, readonly string[]>> = {
  飞机: ['经济舱', '头等舱', '公务舱'],
  船舶: ['一等舱', '二等舱', '三等舱'],
  火车: ['一等座', '二等座', '软席', '硬席', '软座', '软卧', '硬座', '硬卧'],
}

export const passengerTransport: SpecialKindSpec<'旅客运输服务'> = {
  kind: '旅客运输服务',
  code: '09',
  aliases: ['旅客运输'],
  maxRows: TRANSPORT_MAX_ROWS,
  fields: [
    { key: 'traveller', label: '出行人', max: 20, required: true },
    { key: 'idType', label: '出行人证件类型', max: 20, required: true, list: TRAVELLER_ID_TYPES },
    { key: 'idNumber', label: '出行人证件号码', max: 20, required: true },
    { key: 'date', label: '出行日期', max: 40, required: true },
    { key: 'from', label: '出发地', max: 80, required: true, region: 'prefix' },
    { key: 'to', label: '到达地', max: 80, required: true, region: 'prefix' },
    { key: 'vehicle', label: '交通工具类型', max: 20, required: true, list: PASSENGER_VEHICLES },
    { key: 'class', label: '等级', max: 8, required: false },
  ],
  // 税收分类编码表 301 交通运输服务: the 旅客 branches of each mode
  allowedCodes: [
    { prefix: '3010101', name: '陆路旅客运输服务' },
    { prefix: '3010201', name: '水路旅客运输服务' },
    { prefix: '301020301', name: '水路旅客运输期租业务' },
    { prefix: '301020401', name: '水路旅客运输程租业务' },
    { prefix: '301030101', name: '航空旅客运输服务' },
    { prefix: '30103010301', name: '航空旅客运输湿租业务' },
  ],
  print: {
    label: '旅客运输服务',
    columns: [
      { caption: '出行人', keys: ['traveller'] },
      { caption: '有效身份证件号', keys: ['idNumber'] },
      { caption: '出行日期', keys: ['date'] },
      { caption: '出发地', keys: ['from'] },
      { caption: '到达地', keys: ['to'] },
      { caption: '等级', keys: ['class'] },
      { caption: '交通工具类型', keys: ['vehicle'] },
    ],
  },
  rules({ row }, say) {
    const date = valueOf(row, 'date')
    if (date !== '' && readDay(date) === null) say('date', `出行日期“${date}”无效，应为 8 位日期，如 20220301`)

    const number = valueOf(row, 'idNumber')
    if (valueOf(row, 'idType') === '居民身份证' && number !== '') {
      const problem = idCardProblem(number)
      if (problem) say('idNumber', `出行人${problem}`)
    }

    const vehicle = valueOf(row, 'vehicle')
    const classes = PASSENGER_CLASSES[vehicle]
    const grade = valueOf(row, 'class')
    if (!classes) return
    if (grade === '') say('class', `交通工具为${vehicle}时请填写等级（${classes.join('、')}）`)
    else if (!classes.includes(grade)) say('class', `${vehicle}的等级“${grade}”无效，应为 ${classes.join('、')}`)
  },
}
