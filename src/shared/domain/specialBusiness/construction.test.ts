import { describe, expect, it } from 'vitest'
import { goodWith, issuesOf } from './testSpecial'

const K = '建筑服务'
const at = (key: string) => `specialBusiness.rows.0.${key}`

describe('建筑服务', () => {
  it('a good row, 跨地市 or not, has no issues', () => {
    expect(issuesOf(K)).toEqual([])
    expect(issuesOf(K, [goodWith(K, { crossCity: '是', crossRegionNo: '11010526000123' })])).toEqual([])
  })

  it.each<[string, Record<string, string>, [string, string][]]>([
    ['发生地 missing', { site: '' }, [[at('site'), '建筑服务：请填写建筑服务发生地']]],
    ['发生地 not a 行政区划', { site: '朝阳区' }, [[at('site'), '建筑服务：建筑服务发生地“朝阳区”应以省级行政区划名称开头（如“北京市”“河北省”），并填写到县（市、区）']]],
    ['发生地 only a province', { site: '北京市' }, [[at('site'), '建筑服务：建筑服务发生地应填写到县（市、区），如“北京市……区（县）”']]],
    ['详细地址 missing', { siteAddress: ' ' }, [[at('siteAddress'), '建筑服务：请填写发生地详细地址']]],
    ['项目名称 missing', { projectName: '' }, [[at('projectName'), '建筑服务：请填写建筑项目名称']]],
    ['项目名称 over 80', { projectName: '工'.repeat(81) }, [[at('projectName'), '建筑服务：建筑项目名称不能超过 80 个字符（现为 81 个）']]],
    ['跨地市标志 missing', { crossCity: '' }, [[at('crossCity'), '建筑服务：请填写跨地市标志']]],
    ['跨地市标志 not 是/否', { crossCity: 'Y' }, [[at('crossCity'), '建筑服务：跨地市标志“Y”无效，应为 是、否']]],
    ['是 without 报验管理编号', { crossCity: '是' }, [[at('crossRegionNo'), '建筑服务：跨地市标志为“是”时，请填写跨区域涉税事项报验管理编号']]],
    ['否 with 报验管理编号', { crossRegionNo: '11010526000123' }, [[at('crossRegionNo'), '建筑服务：跨地市标志为“否”时，跨区域涉税事项报验管理编号不可填写']]],
    ['报验管理编号 over 50', { crossCity: '是', crossRegionNo: '1'.repeat(51) }, [[at('crossRegionNo'), '建筑服务：跨区域涉税事项报验管理编号不能超过 50 个字符（现为 51 个）']]],
    ['土地增值税项目编号 over 20', { landVatProjectNo: '1'.repeat(21) }, [[at('landVatProjectNo'), '建筑服务：土地增值税项目编号不能超过 20 个字符（现为 21 个）']]],
    [
      '发生地 + 详细地址 over 120 together',
      { siteAddress: '路'.repeat(115) },
      [[at('siteAddress'), '建筑服务：建筑服务发生地与发生地详细地址合计不能超过 120 个字符（现为 121 个）']],
    ],
    ['发生地 alone over 120: said once', { site: `北京市${'区'.repeat(118)}` }, [[at('site'), '建筑服务：建筑服务发生地不能超过 120 个字符（现为 121 个）']]],
    [
      'a key it does not have',
      { buildingNo: '3' },
      [
        [
          at('buildingNo'),
          '建筑服务：没有“buildingNo”这一项（建筑服务的项目为 建筑服务发生地、发生地详细地址、建筑项目名称、土地增值税项目编号、跨地市标志、跨区域涉税事项报验管理编号）',
        ],
      ],
    ],
  ])('%s', (_, over, expected) => {
    expect(issuesOf(K, [goodWith(K, over)])).toEqual(expected)
  })

  it('has exactly one row', () => {
    expect(issuesOf(K, [])).toEqual([['specialBusiness.rows', '请填写建筑服务的特定业务信息']])
    expect(issuesOf(K, [goodWith(K, {}), goodWith(K, {})])).toEqual([['specialBusiness.rows', '建筑服务只能填写 1 组特定业务信息（现为 2 组）']])
  })

  it('with the 行政区划 list, 发生地 must be one of its names exactly', () => {
    const regions = new Set(['北京市朝阳区', '北京市海淀区'])
    expect(issuesOf(K, undefined, undefined, { regions })).toEqual([])
    expect(issuesOf(K, [goodWith(K, { site: '北京市朝阳区望京' })], undefined, { regions })).toEqual([
      [at('site'), '建筑服务：建筑服务发生地“北京市朝阳区望京”不在行政区划列表中，请从列表选择（含县（市、区），如“北京市怀柔区”）'],
    ])
  })

  it('allows only 建筑服务 codes (305…)', () => {
    expect(issuesOf(K, undefined, ['3050100000000000000', '3050400000000000000', '3059900000000000000'])).toEqual([])
    expect(issuesOf(K, undefined, ['3050100000000000000', '3040201010000000000'])).toEqual([
      ['lines.1.taxCode', '第 2 行：建筑服务发票的商品和服务税收分类编码应属于 建筑服务（305…），3040201010000000000 不属于'],
    ])
  })
})
