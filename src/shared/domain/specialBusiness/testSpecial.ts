// Good rows of each 特定业务 and a helper to check them on a draft, for the tests of this folder.
import { idCardCheckChar } from '../taxpayerId'
import { checkSpecialBusiness } from './check'
import type { SpecialBusiness } from './draft'
import type { SpecialKind } from './kinds'
import type { SpecialContext, SpecialRow } from './types'

const ID_BODY = '11010519491231002'
export const TRAVELLER_ID = `${ID_BODY}${idCardCheckChar(ID_BODY)}`

export const GOOD: Record<SpecialKind, { row: SpecialRow; code: string }> = {
  建筑服务: {
    row: { site: '北京市朝阳区', siteAddress: '望京街道阜通东大街 6 号', projectName: '望京 SOHO 幕墙改造', landVatProjectNo: '', crossCity: '否', crossRegionNo: '' },
    code: '3050100000000000000',
  },
  货物运输服务: {
    row: { from: '河北省石家庄市长安区', to: '天津市滨海新区天津港', vehicleType: '公路运输', vehicleNo: '冀A12345', goods: '钢材' },
    code: '3010102020100000000',
  },
  不动产销售: {
    row: { certificateNo: '京(2023)朝阳区不动产权第0012345号', address: '北京市朝阳区', detailAddress: '望京街道望京西路 1 号 3 单元 501', crossCity: '否', areaUnit: '平方米' },
    code: '5010102000000000000',
  },
  不动产经营租赁服务: {
    row: {
      certificateNo: '京(2023)朝阳区不动产权第0012345号',
      address: '北京市朝阳区',
      detailAddress: '望京街道望京西路 1 号 3 单元 501',
      leaseStart: '20260101',
      leaseEnd: '20261231',
      crossCity: '否',
      areaUnit: '平方米',
    },
    code: '3040502020400000000',
  },
  旅客运输服务: {
    row: { traveller: '张三', idType: '居民身份证', idNumber: TRAVELLER_ID, date: '20260301', from: '北京市东城区', to: '上海市浦东新区', vehicle: '火车', class: '二等座' },
    code: '3010101010100000000',
  },
}

/** The issues of a draft of this kind whose rows and line codes are given (default: the good ones). */
export function issuesOf(kind: SpecialKind, rows?: SpecialRow[], codes?: string[], ctx?: SpecialContext): [string, string][] {
  const sb: SpecialBusiness = { kind, rows: rows ?? [GOOD[kind].row] }
  const lines = (codes ?? [GOOD[kind].code]).map((taxCode) => ({ taxCode }))
  return checkSpecialBusiness({ lines, specialBusiness: sb }, ctx).map((i): [string, string] => [i.path, i.message])
}

/** The good row of a kind with some fields changed. */
export const goodWith = (kind: SpecialKind, over: SpecialRow): SpecialRow => ({ ...GOOD[kind].row, ...over })
