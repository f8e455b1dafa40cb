// 建筑服务 (特定要素类型代码 03). Fields and rules: the template's sheet 3-特定业务信息, columns B–G;
// 国家税务总局公告2016年第23号 第四条（三）: the invoice names the 建筑服务发生地县（市、区） and the 项目名称.
import type { SpecialKindSpec } from './types'
import { blank, YES_NO } from './values'

export const construction: SpecialKindSpec<'建筑服务'> = {
  kind: '建筑服务',
  code: '03',
  aliases: [],
  maxRows: 1,
  fields: [
    { key: 'site', label: '建筑服务发生地', max: 120, required: true, region: 'exact', sumWith: 'siteAddress' },
    { key: 'siteAddress', label: '发生地详细地址', max: 120, required: true },
    { key: 'projectName', label: '建筑项目名称', max: 80, required: true },
    { key: 'landVatProjectNo', label: '土地增值税项目编号', max: 20, required: false },
    { key: 'crossCity', label: '跨地市标志', max: 2, required: true, list: YES_NO },
    { key: 'crossRegionNo', label: '跨区域涉税事项报验管理编号', max: 50, required: false },
  ],
  // 税收分类编码表 3050000000000000000 建筑服务 and its leaves (工程, 安装, 修缮, 装饰, 其他建筑服务)
  allowedCodes: [{ prefix: '305', name: '建筑服务' }],
  print: {
    label: '建筑服务',
    columns: [
      { caption: '土地增值税项目编号', keys: ['landVatProjectNo'] },
      { caption: '跨地（市）标志', keys: ['crossCity'] },
      { caption: '建筑服务发生地', keys: ['site', 'siteAddress'] },
      { caption: '建筑项目名称', keys: ['projectName'] },
    ],
  },
  rules({ row }, say) {
    // template row 1: 是 → the 报验管理编号 is required; 否 → it may not be filled
    const cross = (row.crossCity ?? '').trim()
    if (cross === '是' && blank(row, 'crossRegionNo')) say('crossRegionNo', '跨地市标志为“是”时，请填写跨区域涉税事项报验管理编号')
    if (cross === '否' && !blank(row, 'crossRegionNo')) say('crossRegionNo', '跨地市标志为“否”时，跨区域涉税事项报验管理编号不可填写')
  },
}
