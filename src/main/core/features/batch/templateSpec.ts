// The official 批量开具 template V260401 (`pt:20260401`) as it declares itself: its four data sheets,
// each column where the template puts it (letter), its header (row 3), its length and whether it is
// required (row 2), its dropdown (data validation of rows 4–1001), and the conditions of row 1 as a
// short note — the conditions themselves are checked in batchRules.ts, and sheet 3's 特定业务 by the
// domain (shared/domain/specialBusiness): each of its columns names the domain field it fills. templateSpec.test.ts reads the
// official file and holds this spec to it, so a new template version shows up as a failing test.
import { REDUCED_REASONS } from '../../../../shared/domain/rateRules'
import { SPECIAL_KIND_NAMES, type SpecialKind } from '../../../../shared/domain/specialBusiness'
import { FREIGHT_VEHICLES } from '../../../../shared/domain/specialBusiness/goodsTransport'
import { LEASE_AREA_UNITS } from '../../../../shared/domain/specialBusiness/realEstateLease'
import { SALE_AREA_UNITS } from '../../../../shared/domain/specialBusiness/realEstateSale'
import { COUNTRY_NAMES, ID_TYPE_NAMES, VEHICLE_TYPES } from './codeLists'

export type { SpecialKind }

/** the hidden sheet that names the template's version, and the version this reader knows */
export const VERSION_SHEET = 'excelVersion'
export const TEMPLATE_VERSION = 'pt:20260401'
/** row 1 填表说明, row 2 必填/长度, row 3 表头; data from row 4 */
export const HEADER_ROW = 3
export const FIRST_DATA_ROW = 4

/**
 * A 行政区划 column: its dropdown is the hidden sheet xzqhdm (or xzqhdmJzfw for 建筑服务) of
 * county-level names; the domain judges the value against the shipped list (codeLists/regions).
 * `exact`: the cell is one of the list's names; `prefix`: a name, then any address after it.
 */
export interface RegionRef {
  list: '行政区划' | '行政区划（建筑服务）'
  match: 'exact' | 'prefix'
}

export interface BatchColumn {
  /** where the template puts the column; the reader checks row 3 says `header` there */
  letter: string
  key: string
  /** sheet 3 of a 特定业务 this app issues: the domain's field (specialKindSpec(kind).fields) it fills */
  field?: string
  /** row 3; '' under a merged header (sheet 1 L–O: 购买方所在地区 省/市/区县/街道) */
  header: string
  /** row 2's 限N字符 (characters, as the platform counts them) */
  max: number
  /** row 2 says 必填; conditional requirements are the rules' (`when` says which) */
  required?: boolean
  /** row 2 says 有条件必填 / 专票必填: when, as row 1 states it */
  when?: string
  /** the dropdown: the cell must be one of these, exactly */
  options?: readonly string[]
  regions?: RegionRef
  /** a number (text typed as such): `decimals` at most; `money` also means at most 2 and ≥ 0 */
  number?: { decimals: number; money?: boolean }
  /** 合计（限N字符): this column and `with` together */
  sharedMax?: { with: string; total: number }
  /** how to fill it, added to a refusal (row 2's own words) */
  hint?: string
}

export interface BatchSheet {
  name: string
  columns: BatchColumn[]
}

const YES_NO = ['是', '否'] as const
export const YES = '是'

/** sheet 1 B: 发票类型 → the app's 票种 */
export const INVOICE_TYPES = [
  { name: '增值税专用发票', kind: '81' },
  { name: '普通发票', kind: '82' },
] as const

/** sheet 1 C: every 特定业务类型 of the dropdown */
export const SPECIAL_KIND_OPTIONS = [
  '成品油',
  '稀土',
  '建筑服务',
  '货物运输服务',
  '不动产销售',
  '不动产经营租赁服务',
  '代收车船税',
  '旅客运输服务',
  '自产农产品销售',
  '拖拉机和联合收割机',
  '机动车',
  '农产品收购',
  '光伏收购',
  '卷烟',
  '专票农产品',
  '电子烟',
  '白酒',
  '报废产品收购',
  '金银首饰批发',
  '金银首饰零售',
  '黄金交易结算（交易所购入）',
  '黄金交易结算（交易所销售）',
  '会员单位投资性黄金',
  '会员单位非投资性黄金',
  '客户标准黄金',
  '金银首饰零售（个人）',
] as const

/** the 特定业务 this app issues (issue 13): the domain's; a file naming another is refused, saying which we take */
export const SUPPORTED_SPECIAL_KINDS: readonly SpecialKind[] = SPECIAL_KIND_NAMES

/** sheet 1 H: 购买方证件类型 (its own dropdown, not the sfzjlx list) → the app's 证件类型 code */
export const BUYER_ID_TYPES = [
  { name: '居民身份证', code: '201' },
  { name: '港澳居民来往内地通行证', code: '210' },
  { name: '台湾居民来往大陆通行证', code: '213' },
  { name: '中国护照', code: '227' },
  { name: '外国人永久居留身份证（外国人永久居留证）', code: '233' },
  { name: '中华人民共和国港澳居民居住证', code: '237' },
  { name: '中华人民共和国台湾居民居住证', code: '238' },
  { name: '外国护照', code: '208' },
] as const

/** sheet 1 T and AD: 是否展示…地址电话银行账号 */
export const SHOW_OPTIONS = ['展示地址、电话', '展示开户银行、银行账号', '展示地址、电话、开户银行及银行账号'] as const

/** sheet 2 L: 优惠政策类型, as the dropdown spells them (计证 sic) */
export const POLICY_TYPE_OPTIONS = [
  '简易征收',
  '稀土产品',
  '免税',
  '不征税',
  '先征后退',
  '100%先征后退',
  '50%先征后退',
  '按3%简易征收',
  '按5%简易征收',
  '按5%简易征收减按1.5%计证',
  '即征即退30%',
  '即征即退50%',
  '即征即退70%',
  '即征即退100%',
  '超税负3%即征即退',
  '超税负8%即征即退',
  '超税负12%即征即退',
  '超税负6%即征即退',
  '按2%简易征收',
  '按3%简易征收减按1.5%计征',
] as const

const REFUND_TYPES = [
  '增值税即征即退-软件产品',
  '增值税即征即退-资源综合利用产品',
  '增值税即征即退-管道运输服务',
  '增值税即征即退-有形动产融资租赁服务',
  '增值税即征即退-有形动产融资性售后回租服务',
  '增值税即征即退-新型墙体材料',
  '增值税即征即退-风力发电产品',
  '增值税即征即退-光伏发电产品',
  '增值税即征即退-动漫软件产品',
  '增值税即征即退-飞机维修劳务',
  '增值税即征即退-黄金',
  '增值税即征即退-铂金',
] as const

const COAL_TYPES = ['政府保供煤', '长协煤-协议期不足半年', '长协煤-协议期在半年至一年之间', '长协煤-协议期在一年至两年之间', '长协煤-协议期在两年以上', '市场煤'] as const

/** sheet 2 N is required for these codes (row 1, note 7): 原煤, 洗煤, 其他煤炭采选产品 */
export const COAL_TAX_CODES = ['1020101000000000000', '1020102000000000000', '1020199000000000000'] as const

const SCRAP_SALE_TYPES = ['销售自己使用过的报废产品', '销售收购的报废产品'] as const

const money = { decimals: 2, money: true }
const regions = (match: RegionRef['match'], list: RegionRef['list'] = '行政区划'): RegionRef => ({ list, match })
const SCRAP = '特定业务类型为“报废产品收购”时必填'
const BUYER_AREA = '购买方所在地区（报废产品收购必填）'

export const INVOICE_SHEET: BatchSheet = {
  name: '1-发票基本信息',
  columns: [
    { letter: 'A', key: 'serial', header: '发票流水号', max: 20, required: true },
    { letter: 'B', key: 'invoiceType', header: '发票类型', max: 10, required: true, options: INVOICE_TYPES.map((t) => t.name) },
    { letter: 'C', key: 'specialKind', header: '特定业务类型', max: 10, options: SPECIAL_KIND_OPTIONS },
    { letter: 'D', key: 'includesTax', header: '是否含税', max: 2, required: true, options: YES_NO },
    { letter: 'E', key: 'naturalPerson', header: '受票方自然人标识', max: 2, options: YES_NO },
    { letter: 'F', key: 'buyerName', header: '购买方名称', max: 100, required: true },
    { letter: 'G', key: 'buyerTaxId', header: '购买方纳税人识别号', max: 20, when: '专票必填；普票购买方为企业时必填；开具涉税专业服务发票品目时必填' },
    { letter: 'H', key: 'buyerIdType', header: '购买方证件类型', max: 40, options: BUYER_ID_TYPES.map((t) => t.name) },
    { letter: 'I', key: 'buyerIdNumber', header: '购买方证件号码', max: 30 },
    { letter: 'J', key: 'buyerCountry', header: '购买方国籍（或地区）', max: 40, options: COUNTRY_NAMES },
    { letter: 'K', key: 'buyerAddress', header: '购买方地址', max: 100, when: SCRAP },
    // L–O: one merged header over the 省 → 市 → 区县 → 街道 cascade of the hidden sheet xzqhjdxz
    { letter: 'L', key: 'buyerProvince', header: BUYER_AREA, max: 100, when: SCRAP },
    { letter: 'M', key: 'buyerCity', header: '', max: 100, when: SCRAP },
    { letter: 'N', key: 'buyerCounty', header: '', max: 100, when: SCRAP },
    { letter: 'O', key: 'buyerStreet', header: '', max: 100, when: SCRAP },
    { letter: 'P', key: 'buyerDetailAddress', header: '购买方详细地址（报废产品收购必填）', max: 100, when: SCRAP },
    { letter: 'Q', key: 'buyerPhone', header: '购买方电话', max: 50, when: SCRAP },
    { letter: 'R', key: 'buyerBank', header: '购买方开户银行', max: 100 },
    { letter: 'S', key: 'buyerAccount', header: '购买方银行账号', max: 100 },
    { letter: 'T', key: 'showBuyer', header: '是否展示购买方地址电话银行账号', max: 20, options: SHOW_OPTIONS },
    { letter: 'U', key: 'taxService', header: '是否开具涉税专业服务发票品目', max: 2, options: YES_NO },
    { letter: 'V', key: 'taxServiceAgreement', header: '涉税专业服务协议编号', max: 20, when: '是否开具涉税专业服务发票品目为“是”时必填' },
    { letter: 'W', key: 'remark', header: '备注', max: 230 },
    { letter: 'X', key: 'scrapSaleType', header: '报废产品销售类型', max: 24, options: SCRAP_SALE_TYPES, when: '报废产品收购且商品编码为报废机动车类时必填' },
    { letter: 'Y', key: 'coalHeat', header: '每千克煤炭\n发热量', max: 5, number: { decimals: 0 } },
    { letter: 'Z', key: 'coalSulfur', header: '干基全硫', max: 6, number: { decimals: 2 } },
    { letter: 'AA', key: 'coalVolatile', header: '干燥无灰基挥发分', max: 6, number: { decimals: 2 } },
    { letter: 'AB', key: 'sellerBank', header: '销售方开户行', max: 100 },
    { letter: 'AC', key: 'sellerAccount', header: '销售方银行账号', max: 60 },
    { letter: 'AD', key: 'showSeller', header: '是否展示销售方地址电话银行账号', max: 20, options: SHOW_OPTIONS },
    { letter: 'AE', key: 'buyerEmail', header: '购买方邮箱', max: 72 },
    { letter: 'AF', key: 'agentName', header: '购买方经办人姓名', max: 150 },
    { letter: 'AG', key: 'agentIdType', header: '购买方经办人证件类型', max: 40, options: ID_TYPE_NAMES },
    { letter: 'AH', key: 'agentIdNumber', header: '购买方经办人证件号码', max: 30 },
    { letter: 'AI', key: 'agentCountry', header: '经办人国籍(地区)', max: 40, options: COUNTRY_NAMES },
    { letter: 'AJ', key: 'agentTaxId', header: '经办人自然人纳税人识别号', max: 20 },
    { letter: 'AK', key: 'reducedReason', header: '放弃享受减按1%征收率\n原因', max: 100, options: REDUCED_REASONS },
    { letter: 'AL', key: 'payee', header: '收款人', max: 16 },
    { letter: 'AM', key: 'reviewer', header: '复核人', max: 16 },
  ],
}

export const LINE_SHEET: BatchSheet = {
  name: '2-发票明细信息',
  columns: [
    { letter: 'A', key: 'serial', header: '发票流水号', max: 20, required: true },
    { letter: 'B', key: 'name', header: '项目名称', max: 100, required: true },
    { letter: 'C', key: 'taxCode', header: '商品和服务税收编码', max: 20, required: true },
    { letter: 'D', key: 'spec', header: '规格型号', max: 40 },
    { letter: 'E', key: 'unit', header: '单位', max: 22, when: '有条件必填' },
    { letter: 'F', key: 'quantity', header: '数量', max: 16, number: { decimals: 13 }, when: '填写数量、单价任意一项时，另一项由金额计算' },
    { letter: 'G', key: 'unitPrice', header: '单价', max: 16, number: { decimals: 13 }, when: '填写数量、单价任意一项时，另一项由金额计算' },
    { letter: 'H', key: 'amount', header: '金额', max: 16, required: true, number: money },
    { letter: 'I', key: 'taxRate', header: '税率', max: 8, required: true, number: { decimals: 6 }, hint: '以小数形式填写，如“0.13”代表税率13%' },
    { letter: 'J', key: 'discount', header: '折扣金额', max: 16, number: money },
    { letter: 'K', key: 'usePolicy', header: '是否使用优惠政策', max: 2, options: YES_NO },
    { letter: 'L', key: 'policyType', header: '优惠政策类型', max: 15, options: POLICY_TYPE_OPTIONS, when: '是否使用优惠政策为“是”时必填' },
    { letter: 'M', key: 'refundType', header: '即征即退类型', max: 46, options: REFUND_TYPES, when: '即征即退备案纳税人开具即征即退商品时必填' },
    { letter: 'N', key: 'coalType', header: '煤炭种类', max: 15, options: COAL_TYPES, when: '商品编码为原煤、洗煤、其他煤炭采选产品时必填' },
  ],
}

/** sheet 3's column groups, one per 特定业务 (row 1's merged titles) */
export interface SpecialGroup {
  kind: (typeof SPECIAL_KIND_OPTIONS)[number]
  from: string
  to: string
}

export const SPECIAL_GROUPS: SpecialGroup[] = [
  { kind: '建筑服务', from: 'B', to: 'G' },
  { kind: '货物运输服务', from: 'H', to: 'L' },
  { kind: '不动产销售', from: 'M', to: 'U' },
  { kind: '不动产经营租赁服务', from: 'V', to: 'AC' },
  { kind: '代收车船税', from: 'AD', to: 'AK' },
  { kind: '旅客运输服务', from: 'AL', to: 'AS' },
  { kind: '拖拉机和联合收割机', from: 'AT', to: 'AV' },
]

const CROSS_REGION = '跨地市标志为“是”时必填，为“否”时不可填写'

export const SPECIAL_SHEET: BatchSheet = {
  name: '3-特定业务信息',
  columns: [
    { letter: 'A', key: 'serial', header: '发票流水号', max: 20, required: true },
    // 建筑服务
    {
      letter: 'B',
      key: 'site',
      field: 'site',
      header: '建筑服务发生地',
      max: 120,
      required: true,
      regions: regions('exact', '行政区划（建筑服务）'),
      sharedMax: { with: 'siteDetail', total: 120 },
    },
    { letter: 'C', key: 'siteDetail', field: 'siteAddress', header: '发生地详细地址', max: 120, required: true, sharedMax: { with: 'site', total: 120 } },
    { letter: 'D', key: 'projectName', field: 'projectName', header: '建筑项目名称', max: 80, required: true },
    { letter: 'E', key: 'landVatNo', field: 'landVatProjectNo', header: '土地增值税项目编号', max: 20 },
    { letter: 'F', key: 'crossCity', field: 'crossCity', header: '跨地市标志', max: 2, required: true, options: YES_NO },
    { letter: 'G', key: 'crossRegionNo', field: 'crossRegionNo', header: '跨区域涉税事项报验管理编号', max: 50, when: CROSS_REGION },
    // 货物运输服务
    { letter: 'H', key: 'origin', field: 'from', header: '起运地', max: 80, required: true, regions: regions('prefix') },
    { letter: 'I', key: 'destination', field: 'to', header: '到达地', max: 80, required: true, regions: regions('prefix') },
    { letter: 'J', key: 'transportKind', field: 'vehicleType', header: '运输工具种类', max: 40, required: true, options: FREIGHT_VEHICLES },
    { letter: 'K', key: 'vehicleNo', field: 'vehicleNo', header: '运输工具牌号', max: 40, required: true },
    { letter: 'L', key: 'goods', field: 'goods', header: '运输货物名称', max: 80, required: true },
    // 不动产销售
    { letter: 'M', key: 'saleCertificate', field: 'certificateNo', header: '产权证书/不动产权证号码', max: 40 },
    {
      letter: 'N',
      key: 'saleAddress',
      field: 'address',
      header: '不动产地址',
      max: 120,
      required: true,
      regions: regions('exact'),
      sharedMax: { with: 'saleAddressDetail', total: 120 },
    },
    { letter: 'O', key: 'saleAddressDetail', field: 'detailAddress', header: '不动产详细地址', max: 120, required: true, sharedMax: { with: 'saleAddress', total: 120 } },
    { letter: 'P', key: 'saleUnitCode', field: 'unitCode', header: '不动产单元代码/网签合同备案编码', max: 28, when: '房地产开发企业必填' },
    { letter: 'Q', key: 'saleLandVatNo', field: 'landVatProjectNo', header: '土地增值税项目编号', max: 20 },
    { letter: 'R', key: 'assessedPrice', field: 'assessedPrice', header: '核定计税价格', max: 20, number: money },
    { letter: 'S', key: 'dealAmount', field: 'dealAmount', header: '实际成交含税金额', max: 20, required: true, number: money },
    { letter: 'T', key: 'saleCrossCity', field: 'crossCity', header: '跨地市标志', max: 2, required: true, options: YES_NO },
    { letter: 'U', key: 'saleAreaUnit', field: 'areaUnit', header: '面积单位', max: 12, required: true, options: SALE_AREA_UNITS },
    // 不动产经营租赁服务
    { letter: 'V', key: 'leaseCertificate', field: 'certificateNo', header: '产权证书/不动产权证号码', max: 40, required: true },
    {
      letter: 'W',
      key: 'leaseAddress',
      field: 'address',
      header: '不动产地址',
      max: 120,
      required: true,
      regions: regions('exact'),
      sharedMax: { with: 'leaseAddressDetail', total: 120 },
    },
    { letter: 'X', key: 'leaseAddressDetail', field: 'detailAddress', header: '不动产详细地址', max: 120, required: true, sharedMax: { with: 'leaseAddress', total: 120 } },
    { letter: 'Y', key: 'leaseFrom', field: 'leaseStart', header: '租赁期起', max: 12, required: true },
    { letter: 'Z', key: 'leaseTo', field: 'leaseEnd', header: '租赁期止', max: 12, required: true },
    { letter: 'AA', key: 'leaseCrossCity', field: 'crossCity', header: '跨地市标志', max: 2, required: true, options: YES_NO },
    { letter: 'AB', key: 'leaseAreaUnit', field: 'areaUnit', header: '面积单位', max: 20, required: true, options: LEASE_AREA_UNITS },
    { letter: 'AC', key: 'leasePlate', field: 'plateNo', header: '车牌号', max: 20 },
    // 代收车船税 (read and checked; not issued by this app yet)
    { letter: 'AD', key: 'policyNo', header: '保险单号', max: 40, required: true },
    { letter: 'AE', key: 'vesselNo', header: '车牌号/船舶登记号', max: 40, required: true },
    { letter: 'AF', key: 'periodFrom', header: '税款所属期起', max: 40, required: true },
    { letter: 'AG', key: 'periodTo', header: '税款所属期止', max: 40, required: true },
    { letter: 'AH', key: 'vesselTax', header: '代收车船税金额', max: 10, required: true, number: money },
    { letter: 'AI', key: 'lateFee', header: '滞纳金金额', max: 10, required: true, number: money },
    { letter: 'AJ', key: 'vesselTotal', header: '金额合计', max: 10, required: true, number: money },
    { letter: 'AK', key: 'vin', header: '车辆识别代码/车架号码', max: 17, required: true },
    // 旅客运输服务
    { letter: 'AL', key: 'traveller', field: 'traveller', header: '出行人', max: 20, required: true },
    { letter: 'AM', key: 'travellerIdType', field: 'idType', header: '出行人证件类型', max: 20, required: true, options: ID_TYPE_NAMES },
    { letter: 'AN', key: 'travellerIdNumber', field: 'idNumber', header: '出行人证件号码', max: 20, required: true },
    { letter: 'AO', key: 'travelDate', field: 'date', header: '出行日期', max: 40, required: true },
    { letter: 'AP', key: 'departure', field: 'from', header: '出发地', max: 80, required: true, regions: regions('prefix') },
    { letter: 'AQ', key: 'arrival', field: 'to', header: '到达地', max: 80, required: true, regions: regions('prefix') },
    { letter: 'AR', key: 'vehicleType', field: 'vehicle', header: '交通工具类型', max: 20, required: true, options: VEHICLE_TYPES },
    { letter: 'AS', key: 'seatClass', field: 'class', header: '等级', max: 8, when: '交通工具为火车、飞机、船舶时必填' },
    // 拖拉机和联合收割机 (read and checked; not issued by this app yet)
    { letter: 'AT', key: 'forRegistration', header: '是否用于办理拖拉机和联合收割机登记', max: 2, required: true, options: YES_NO },
    { letter: 'AU', key: 'engineNo', header: '发动机号码', max: 40 },
    { letter: 'AV', key: 'chassisNo', header: '底盘号/机架号', max: 30 },
  ],
}

export const EXTRA_SHEET: BatchSheet = {
  name: '4-附加要素信息',
  columns: [
    { letter: 'A', key: 'serial', header: '发票流水号', max: 20, required: true },
    { letter: 'B', key: 'name', header: '附加要素名称', max: 50, required: true },
    { letter: 'C', key: 'value', header: '附加要素内容', max: 300, required: true },
  ],
}

export const DATA_SHEETS = [INVOICE_SHEET, LINE_SHEET, SPECIAL_SHEET, EXTRA_SHEET] as const

/** a sheet's column by its key (a key the spec declares) */
export const columnOf = (sheet: BatchSheet, key: string): BatchColumn => sheet.columns.find((c) => c.key === key)!

function span(group: SpecialGroup): readonly BatchColumn[] {
  const cols = SPECIAL_SHEET.columns
  const from = cols.findIndex((c) => c.letter === group.from)
  const to = cols.findIndex((c) => c.letter === group.to)
  return cols.slice(from, to + 1)
}
// each group's columns and each sheet-3 column's group, found once: they are read for every row of
// sheet 3 (its own group and each other's) and for every problem's header
const GROUP_COLUMNS = new Map(SPECIAL_GROUPS.map((g) => [g, span(g)]))
const GROUP_OF_COLUMN = new Map<BatchColumn, SpecialGroup>(SPECIAL_GROUPS.flatMap((g) => GROUP_COLUMNS.get(g)!.map((c) => [c, g] as const)))

/** the columns of a 特定业务 group, in template order */
export function groupColumns(group: SpecialGroup): readonly BatchColumn[] {
  return GROUP_COLUMNS.get(group)!
}

/** the sheet-3 group of a 特定业务 */
export const specialGroupOf = (kind: string): SpecialGroup | undefined => SPECIAL_GROUPS.find((g) => g.kind === kind)

/** the 特定业务 group a sheet-3 column belongs to (none for 发票流水号) */
export const columnGroup = (column: BatchColumn): SpecialGroup | undefined => GROUP_OF_COLUMN.get(column)

/** the sheet-3 column that fills a domain field of `kind` */
export function specialColumnOf(kind: SpecialKind, field: string): BatchColumn | undefined {
  const group = specialGroupOf(kind)
  return group && groupColumns(group).find((c) => c.field === field)
}

/** a sheet-3 column's header qualified by its group: the same header (跨地市标志) sits in three groups */
export function specialHeader(column: BatchColumn): string {
  const group = columnGroup(column)
  return group ? `${column.header}（${group.kind}）` : column.header
}
